package io.hezuo.scoring.api;

import java.io.Serializable;

/**
 * What expert scoring tells the home pages, read once per request: inject it with {@code @Inject
 * ScoringProgress progress}.
 */
public interface ScoringProgress {

  /** The officer's pending work in the current call (nothing when there is no published call). */
  Pending pending();

  /** The signed-in expert's reviews (experts only). */
  ExpertPending expertPending();

  /**
   * @param shortOfExperts applications that passed formal review with fewer experts than the call
   *     asks for (none assigned yet, a declared conflict, a removal)
   * @param overdue sheets not submitted after the review window closed
   */
  record Pending(long shortOfExperts, long overdue) implements Serializable {}
}
