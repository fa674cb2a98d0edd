package io.hezuo.recommendation.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A recommending unit's decision on an application ({@code RECOMMENDED}, {@code NOT_RECOMMENDED},
 * {@code RETURNED}), with its rank in its group when recommended.
 */
public record DecisionView(
    long applicationId,
    String decision,
    String reason,
    String rankGroup,
    Integer rank,
    String decidedBy,
    Instant decidedAt)
    implements Serializable {}
