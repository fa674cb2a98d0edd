package io.hezuo.formalreview.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One finding of the submission rules re-run at formal review time (the submission facade's {@code
 * reviewFindings}): the rule id, whether it is an error (else a warning), the form field it
 * concerns ({@value #ATTACHMENTS} for a missing attachment, null for the whole application) and its
 * message in Chinese and English as the PI's checks word it.
 */
public record FormFinding(String ruleId, boolean error, String field, String textZh, String textEn)
    implements Serializable {

  /** The field of a finding about a missing attachment. */
  public static final String ATTACHMENTS = "attachments";

  /** The rules of the form's completeness: a required field or section missing or too long. */
  static final List<String> COMPLETENESS_RULES = List.of("F-REQ", "F-LEN");

  public boolean onAttachments() {
    return ATTACHMENTS.equals(field);
  }

  /** The finding as evidence: its message in both languages (key with {0} Chinese, {1} English). */
  RuleCheck.Evidence evidence() {
    return new RuleCheck.Evidence("formalreview.evidence.finding", List.of(textZh, textEn));
  }
}
