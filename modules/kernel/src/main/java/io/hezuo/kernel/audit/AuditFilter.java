package io.hezuo.kernel.audit;

import java.time.Instant;

/**
 * Which entries of the audit log to show: by who (user name or, through the caller's lookup, the
 * user names of a person's name), by action, from (inclusive) and until (exclusive). A null or
 * empty part does not filter.
 */
public record AuditFilter(
    java.util.Set<String> actors, String action, Instant from, Instant until) {

  public static final AuditFilter ALL = new AuditFilter(null, null, null, null);

  public AuditFilter {
    actors = actors == null ? null : java.util.Set.copyOf(actors);
    action = action == null || action.isBlank() ? null : action.strip();
  }
}
