package io.hezuo.contract.api;

import java.io.Serializable;

/** What the lead unit's administrator has to do on the contracts (任务书) of their unit's projects. */
public interface ContractWork {

  /**
   * The contracts waiting for the signed-in unit administrator: drafts to review and reviewed ones
   * whose signed scan is to be uploaded; zeros for anyone else.
   */
  Waiting waiting();

  /** How many contracts wait for a review and how many for the signed scan. */
  record Waiting(int toReview, int toUpload) implements Serializable {}

  /**
   * What waits for the Department's officers: signed scans to countersign, change requests to
   * decide and yearly target reports to review; zeros for anyone else.
   */
  OfficerWaiting officerWaiting();

  /** Counts of the officer's contract work. */
  record OfficerWaiting(long toCountersign, long changes, long reports) implements Serializable {

    public boolean any() {
      return toCountersign + changes + reports > 0;
    }
  }
}
