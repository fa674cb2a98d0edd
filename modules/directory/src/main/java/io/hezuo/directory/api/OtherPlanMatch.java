package io.hezuo.directory.api;

/**
 * A person's entry on an imported list of another plan: {@code planKind} is {@code NSFC} or {@code
 * PROVINCIAL_PLAN}, {@code planName} e.g. 省自然科学基金 or 省重点研发计划, the project's title and the list's
 * year.
 */
public record OtherPlanMatch(String planKind, String planName, String projectTitle, int year) {}
