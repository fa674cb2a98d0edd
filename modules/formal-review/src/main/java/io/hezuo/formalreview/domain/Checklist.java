package io.hezuo.formalreview.domain;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Every rule's automatic result for one application, and what they add up to: the application fails
 * when any rule fails, needs a look when any rule warns, and passes otherwise ("pass all green"
 * passes only these). The failed rules' ids prefill the reviewer's reasons.
 */
public record Checklist(long applicationId, List<RuleCheck> checks) implements Serializable {

  /** The order in which a checklist shows the rules; other rules follow in their given order. */
  public static final List<String> ORDER =
      List.of(
          "F-COMPLETE",
          "G1",
          "G1-FIELD",
          "G2",
          "G3",
          "G4",
          "G5",
          "G6",
          "G7",
          "G8",
          "G9",
          "R1",
          "R2",
          "D1");

  public Checklist {
    checks = List.copyOf(checks);
  }

  /**
   * The rules a reviewer's decision may name as failed (the checklist's, without G1-FIELD, which is
   * a reminder to look, never a reason of its own).
   */
  public static final List<String> DECIDABLE =
      ORDER.stream().filter(r -> !r.equals("G1-FIELD")).toList();

  /** The checks in the checklist's order of the rules ({@link #ORDER}), other rules last. */
  public static Checklist ordered(long applicationId, List<RuleCheck> checks) {
    return new Checklist(
        applicationId,
        checks.stream()
            .sorted(
                Comparator.comparingInt(
                    c -> ORDER.contains(c.ruleId()) ? ORDER.indexOf(c.ruleId()) : ORDER.size()))
            .toList());
  }

  /** The worst outcome of the checks (PASS for none). */
  public Outcome automatic() {
    return checks.stream()
        .map(RuleCheck::outcome)
        .max(Comparator.naturalOrder())
        .orElse(Outcome.PASS);
  }

  /** Whether every check passed: the bulk "pass all green" may pass it without a reason. */
  public boolean green() {
    return automatic() == Outcome.PASS;
  }

  /** The ids of the failed rules, each once, in the checklist's order. */
  public List<String> failedRules() {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (RuleCheck c : checks) {
      if (c.outcome() == Outcome.FAIL) {
        ids.add(c.ruleId());
      }
    }
    return List.copyOf(ids);
  }
}
