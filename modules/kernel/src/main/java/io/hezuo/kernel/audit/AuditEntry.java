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
    String reason) {}
