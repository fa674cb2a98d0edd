package io.hezuo.submission.api;

import java.time.Instant;

/**
 * CDI event: a PI submitted an application. Fired in the submitting transaction; an observer in
 * another module uses {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} and so receives it
 * only after the submission committed (never for a submission that was rolled back).
 */
public record ApplicationSubmitted(
    long applicationId, long callId, String lineCode, String acceptanceNo, Instant at) {}
