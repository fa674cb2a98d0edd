package io.hezuo.submission.api;

import java.time.Instant;

/** CDI event: a PI submitted an application (fired in the submitting transaction). */
public record ApplicationSubmitted(
    long applicationId, long callId, String lineCode, String acceptanceNo, Instant at) {}
