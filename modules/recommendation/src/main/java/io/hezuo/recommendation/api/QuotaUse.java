package io.hezuo.recommendation.api;

import java.io.Serializable;

/**
 * R1 as a recommender sees it while deciding: a rank group (A1, A2, A3, B), how it is limited
 * ({@code NONE}, {@code PER_PLATFORM}, {@code PER_UNIT}, {@code COMBINED}), the places (null when
 * the group has no number of places: A1, A2), how many are recommended, and how many remain (null
 * when unlimited).
 */
public record QuotaUse(String group, String limit, Integer places, long used, Integer remaining)
    implements Serializable {}
