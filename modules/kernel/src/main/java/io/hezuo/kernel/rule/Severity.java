package io.hezuo.kernel.rule;

/** Errors block the action; warnings are shown and recorded with it. */
public enum Severity {
  ERROR,
  WARNING
}
