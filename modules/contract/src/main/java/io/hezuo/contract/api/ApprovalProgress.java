package io.hezuo.contract.api;

/**
 * What approval tells the officer's home page: inject it with {@code @Inject ApprovalProgress
 * approval}. Officers only.
 */
public interface ApprovalProgress {

  /**
   * The lines of the current call whose ranking is complete (every expert's sheet submitted) but
   * whose approval list is not final yet; 0 when there is no published call.
   */
  long pendingLines();
}
