package io.hezuo.call.api;

/** How an A1 partner's applications are submitted. */
public enum SubmissionMode {
  /** Both sides submit to their own agency; one side alone is void (单方申报项目无效). */
  DUAL,
  /** The Zhejiang enterprise applies to the Department alone (单独申报). */
  UNILATERAL
}
