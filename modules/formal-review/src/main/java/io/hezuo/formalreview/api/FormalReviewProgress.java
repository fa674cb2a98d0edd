package io.hezuo.formalreview.api;

import java.io.Serializable;

/**
 * The formal reviewer's pending work, for the home page: inject it with {@code @Inject
 * FormalReviewProgress progress} (formal reviewers and officers only).
 */
public interface FormalReviewProgress {

  /** The current round's pending work. */
  Pending pending();

  /**
   * @param undecided recommended applications waiting for the formal review decision
   * @param unchecked of those, the ones the checks have not been run on yet
   * @param failing of those, the ones whose automatic result is FAIL
   * @param run the latest run (null: none yet)
   */
  record Pending(long undecided, long unchecked, long failing, RunView run)
      implements Serializable {}
}
