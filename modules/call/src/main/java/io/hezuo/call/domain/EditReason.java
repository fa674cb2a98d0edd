package io.hezuo.call.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.util.Optional;

/** C4: every change to a call or a line needs a reason, kept in the audit log (≤ 1000 chars). */
public final class EditReason {

  public static final int MAX = 1000;

  private EditReason() {}

  public static Optional<RuleViolation> check(String reason) {
    if (reason == null || reason.isBlank()) {
      return Optional.of(RuleViolation.error("C4", "reason", "call.edit.error.reason"));
    }
    if (reason.strip().length() > MAX) {
      return Optional.of(RuleViolation.error("C4", "reason", "call.edit.error.reasonTooLong", MAX));
    }
    return Optional.empty();
  }
}
