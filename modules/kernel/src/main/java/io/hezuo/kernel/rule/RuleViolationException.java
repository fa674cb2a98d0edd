package io.hezuo.kernel.rule;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Thrown by a service when input breaks one or more rules. The transaction is rolled back, so
 * nothing is saved half-way; Faces shows the list next to the fields, REST answers {@code
 * application/problem+json}.
 */
@ApplicationException(rollback = true)
public class RuleViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final List<RuleViolation> violations;

  public RuleViolationException(List<RuleViolation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  public RuleViolationException(RuleViolation violation) {
    this(List.of(violation));
  }

  public List<RuleViolation> violations() {
    return violations;
  }

  /** Throws when the list holds at least one error; warnings alone pass. */
  public static void throwIfErrors(List<RuleViolation> violations) {
    if (violations.stream().anyMatch(RuleViolation::isError)) {
      throw new RuleViolationException(violations);
    }
  }

  private static String describe(List<RuleViolation> violations) {
    StringBuilder sb = new StringBuilder();
    for (RuleViolation v : violations) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(v.ruleId()).append(' ').append(v.field()).append(' ').append(v.messageKey());
    }
    return sb.toString();
  }
}
