package io.hezuo.call.api;

/** How projects of a line are selected (组织方式). */
public enum Allocation {
  /** 竞争性分配. */
  COMPETITIVE,
  /** 择优委托. */
  SELECTIVE_COMMISSION
}
