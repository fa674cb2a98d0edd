package io.hezuo.recommendation.api;

import java.util.Map;

/**
 * The recommendation of a call's recommended applications, for the formal review's R1, R2 and D1
 * checks. Inject it with {@code @Inject RecommendationRecords records}. It reads the whole call in
 * a few queries; the caller's role is checked by the formal review (its batch run has no signed-in
 * caller).
 */
public interface RecommendationRecords {

  /** Every application a recommending unit recommended in the call, by application id. */
  Map<Long, RecommendationRecord> recommended(long callId);
}
