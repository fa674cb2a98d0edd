package io.hezuo.scoring.api;

import java.io.Serializable;

/**
 * The officer's pending work on the expert review, for the home page: inject it with {@code @Inject
 * ScoringProgress progress} (officers only).
 */
public interface ScoringProgress {

  /** The current call's pending work (nothing when there is no published call). */
  Pending pending();

  /**
   * @param shortOfExperts applications that passed formal review with fewer experts than the call
   *     asks for (none assigned yet, a declared conflict, a removal)
   * @param overdue sheets not submitted after the review window closed
   */
  record Pending(long shortOfExperts, long overdue) implements Serializable {}
}
