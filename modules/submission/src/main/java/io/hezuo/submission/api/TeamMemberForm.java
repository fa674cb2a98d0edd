package io.hezuo.submission.api;

/** A team member as typed: name, ID document, unit, role in the project, months of effort. */
public record TeamMemberForm(
    String name, String idType, String idNumber, String unit, String role, Integer months)
    implements java.io.Serializable {}
