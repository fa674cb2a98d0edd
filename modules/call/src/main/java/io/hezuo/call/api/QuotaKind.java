package io.hezuo.call.api;

/** The kind of recommendation quota of a line (R1). */
public enum QuotaKind {
  /** No quota (A1). */
  NONE,
  /** A limit per named platform, centre, lab or carrier (A2); the limit is on the line. */
  PER_PLATFORM,
  /** A limit per recommending unit set by the Department (A3). */
  PER_UNIT,
  /** One quota per recommending unit shared by all lines of the same quota group (B1–B4). */
  COMBINED
}
