package io.hezuo.recommendation.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * R2: an uploaded stamped document ({@code LETTER}, {@code SUMMARY}, {@code COMMITMENT}). {@code
 * valid} is false once the recommended set or its ranking changed after the upload ({@code
 * voidReason} SET_CHANGED) or a newer file replaced it (REPLACED).
 */
public record DocumentView(
    long id,
    String kind,
    String fileName,
    long sizeBytes,
    int pages,
    String sha256,
    Instant uploadedAt,
    String uploadedBy,
    boolean valid,
    String voidReason)
    implements Serializable {}
