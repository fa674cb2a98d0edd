package io.hezuo.recommendation.domain;

/** What a recommending unit decided on a confirmed application. */
public enum DecisionKind {
  RECOMMENDED,
  NOT_RECOMMENDED,
  RETURNED
}
