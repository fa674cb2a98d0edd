package io.hezuo.directory.domain;

/** A registered account waits for its unit's admin; only ACTIVE accounts can log in. */
public enum AccountStatus {
  PENDING,
  ACTIVE,
  REJECTED,
  DISABLED
}
