package io.hezuo.recommendation.api;

/**
 * What a home page shows of recommendation: the signed-in recommender's round, or for the
 * Department how many recommending units have submitted. Inject it with {@code @Inject
 * RecommendationProgress progress}.
 */
public interface RecommendationProgress {

  /** The signed-in recommending unit's round (role RECOMMENDER). */
  RoundView myRound();

  /** For the Department (role OFFICER): recommending units, how many submitted, waiting. */
  Overall overall();

  /** Recommending units, how many have submitted, and confirmed applications not yet decided. */
  record Overall(int recommenders, int submitted, long undecided) implements java.io.Serializable {}
}
