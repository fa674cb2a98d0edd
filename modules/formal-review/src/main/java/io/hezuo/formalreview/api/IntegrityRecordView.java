package io.hezuo.formalreview.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * An integrity record (科研诚信): an application that failed formal review on similarity (G3), with its
 * figure (truncated to two decimals) and its top sources as they were when it failed.
 */
public record IntegrityRecordView(
    long id,
    long applicationId,
    String acceptanceNo,
    String titleZh,
    String piName,
    String lineCode,
    String ruleId,
    String percent,
    String sources,
    String recordedBy,
    Instant recordedAt)
    implements Serializable {}
