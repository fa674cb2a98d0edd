package io.hezuo.call.api;

/** The two kinds of line in the notice: A (international) and B (counterpart support). */
public enum Category {
  /** 国际（含港澳台）科技合作项目. */
  INTERNATIONAL,
  /** 对口支援与东西部协作项目. */
  COUNTERPART
}
