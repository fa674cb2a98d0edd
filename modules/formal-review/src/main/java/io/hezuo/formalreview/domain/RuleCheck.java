package io.hezuo.formalreview.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One rule's automatic result for one application, with what the reviewer needs to judge it: a
 * message key of the module's bundle with its arguments, and the evidence (each a key with its
 * arguments, e.g. the other application under the same ID document, a similarity source's title and
 * percentage).
 *
 * @param ruleId the rule (G1 … G9, R1, D1, F-COMPLETE)
 * @param outcome pass, warning or fail
 * @param messageKey what the checklist says of it
 * @param args the message's arguments
 * @param evidence the findings behind it, in the order shown
 */
public record RuleCheck(
    String ruleId, Outcome outcome, String messageKey, List<String> args, List<Evidence> evidence)
    implements Serializable {

  public RuleCheck {
    args = List.copyOf(args);
    evidence = List.copyOf(evidence);
  }

  /** One finding: a message key with its arguments (never raw text of another application). */
  public record Evidence(String key, List<String> args) implements Serializable {
    public Evidence {
      args = List.copyOf(args);
    }
  }
}
