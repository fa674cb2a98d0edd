package io.hezuo.directory.api;

/**
 * A person's entry on an imported list of another plan: {@code planKind} is {@code NSFC} or {@code
 * PROVINCIAL_PLAN}, {@code planName} e.g. 省自然科学基金 or 省重点研发计划, the project's title and the list's
 * year, and the name the list gives the person (formal review flags a name that differs from the
 * applicant's: the same ID document under another name is for a person to look at).
 */
public record OtherPlanMatch(
    String planKind, String planName, String projectTitle, int year, String name) {}
