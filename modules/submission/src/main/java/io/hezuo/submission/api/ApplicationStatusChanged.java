package io.hezuo.submission.api;

import java.time.Instant;

/**
 * CDI event: an application moved from one status to another (every transition: the PI's, the
 * unit's and those downstream modules make through {@link ApplicationLifecycle}). Fired in the
 * transaction that moved it; observe it with {@code @Observes(during =
 * TransactionPhase.AFTER_SUCCESS)} to act only once the move is committed.
 */
public record ApplicationStatusChanged(
    long applicationId,
    ApplicationStatus from,
    ApplicationStatus to,
    String actor,
    String reason,
    Instant at) {}
