package io.hezuo.directory.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An account as an administrator (all) or a unit admin (its unit's researchers) sees it: whether it
 * is locked now and whether its password must be changed.
 */
public record AccountAdminView(
    long id,
    String username,
    String name,
    String organisation,
    Set<String> roles,
    String status,
    boolean locked,
    Instant lockedUntil,
    boolean mustChangePassword)
    implements java.io.Serializable {

  /** One page of a search, with the number of all matches. */
  public record Page(long total, List<AccountAdminView> rows) {}
}
