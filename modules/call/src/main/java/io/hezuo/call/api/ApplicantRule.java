package io.hezuo.call.api;

/** Who may apply to a line, on top of the allowed unit types (G6). */
public enum ApplicantRule {
  /** An enterprise leads; partners of other types may join (A1). */
  ENTERPRISE_LEAD,
  /** The in-province host unit (依托单位) of one of the line's named platforms (A2). */
  PLATFORM_HOST,
  /** Any unit of the listed types (A3, B1–B4). */
  LISTED_TYPES
}
