package io.hezuo.scoring.api;

/** What expert scoring tells the home pages (read once per request). */
public interface ScoringProgress {

  /** The signed-in expert's reviews (experts only). */
  ExpertPending expertPending();
}
