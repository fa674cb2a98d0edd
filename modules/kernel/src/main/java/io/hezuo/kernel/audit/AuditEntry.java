package io.hezuo.kernel.audit;

/**
 * What a module tells the audit log about a state change. {@code from} and {@code to} are short
 * descriptions of the state before and after (a status, or the changed fields as text).
 */
public record AuditEntry(
    String actor,
    String actorRole,
    String entityType,
    String entityId,
    String action,
    String from,
    String to,
    String reason) {

  /** The same entry for an actor acting in one of the published roles. */
  public AuditEntry(
      String actor,
      io.hezuo.kernel.security.Role actorRole,
      String entityType,
      String entityId,
      String action,
      String from,
      String to,
      String reason) {
    this(actor, actorRole.name(), entityType, entityId, action, from, to, reason);
  }
}
