package io.hezuo.submission.api;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.Severity;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * One finding of the submission rules as they stand at formal review time ({@link
 * ApplicationLifecycle#reviewFindings}): the rule id (G1, G4 … G9, F-REQ, F-BUDGET …), its severity
 * ({@code ERROR} or {@code WARNING}), the form field it concerns (null for the whole application,
 * {@code attachments} for a missing attachment), the message key of the submission bundle and its
 * arguments (strings and numbers, as the submission's own checks give them).
 */
public record ReviewFinding(
    String ruleId, String severity, String field, String messageKey, List<Object> args)
    implements Serializable {

  public ReviewFinding {
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** The finding of a rule violation. */
  public static ReviewFinding of(RuleViolation v) {
    return new ReviewFinding(
        v.ruleId(), v.severity().name(), v.field(), v.messageKey(), List.copyOf(v.args()));
  }

  public boolean isError() {
    return Severity.ERROR.name().equals(severity);
  }

  /**
   * The message in the locale as the PI's checks show it, with the field's label and without the
   * rule id: {@code 财政补助经费: 财政补助经费超过本类别上限 …}.
   */
  public String message(Locale locale) {
    String described = describe(locale);
    return described.substring(described.indexOf("] ") + 2);
  }

  /**
   * The message in the locale with the rule id first, as {@code /checks} lists it: {@code [G6] …}.
   */
  public String describe(Locale locale) {
    return Messages.describe(
        locale, new RuleViolation(ruleId, Severity.valueOf(severity), field, messageKey, args));
  }
}
