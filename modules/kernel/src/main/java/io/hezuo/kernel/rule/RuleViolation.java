package io.hezuo.kernel.rule;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One failed rule: its id from SPEC.md (G1…, R1…, D1, or a field rule such as {@code F-ID}), its
 * severity, the field it concerns (a form field id, or null for the whole form), the message key
 * and the arguments of the message.
 */
public record RuleViolation(
    String ruleId, Severity severity, String field, String messageKey, List<Object> args)
    implements Serializable {

  public RuleViolation {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(messageKey, "messageKey");
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static RuleViolation error(String ruleId, String field, String key, Object... args) {
    return new RuleViolation(ruleId, Severity.ERROR, field, key, List.of(args));
  }

  public static RuleViolation warning(String ruleId, String field, String key, Object... args) {
    return new RuleViolation(ruleId, Severity.WARNING, field, key, List.of(args));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
