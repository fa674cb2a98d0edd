package io.hezuo.call.api;

/** What an A2 platform row names. */
public enum PlatformKind {
  /** A named centre (A2.1). */
  CENTRE,
  /** A named national Belt and Road joint laboratory (A2.2). */
  JOINT_LAB,
  /** A kind of international cooperation carrier; the limit applies to each carrier (A2.3). */
  CARRIER_KIND
}
