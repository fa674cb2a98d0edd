package io.hezuo.formalreview.domain;

/** The automatic result of one rule for one application. */
public enum Outcome {
  /** The rule holds. */
  PASS,
  /** A person must look (the reviewer decides; it never fails an application by itself). */
  WARNING,
  /** The rule is broken: the application fails formal review unless the reviewer overrides it. */
  FAIL
}
