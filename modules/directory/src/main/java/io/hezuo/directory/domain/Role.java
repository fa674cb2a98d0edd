package io.hezuo.directory.domain;

/** The roles of ARCHITECTURE.md; each account has one or more. */
public enum Role {
  APPLICANT,
  UNIT_ADMIN,
  RECOMMENDER,
  FORMAL_REVIEWER,
  EXPERT,
  OFFICER,
  FINANCE,
  ADMIN
}
