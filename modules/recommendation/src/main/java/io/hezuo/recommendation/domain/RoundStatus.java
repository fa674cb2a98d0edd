package io.hezuo.recommendation.domain;

/** A recommender's round in a call. */
public enum RoundStatus {
  /** Deciding, ranking and uploading. */
  OPEN,
  /** Submitted: the recommended set is locked (until the Department reopens it). */
  SUBMITTED
}
