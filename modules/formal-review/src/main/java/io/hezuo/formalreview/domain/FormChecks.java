package io.hezuo.formalreview.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The submission rules' findings at formal review time turned into checklist items, one per rule
 * id, without judging any rule again: a rule with no finding passes, a warning is a WARNING and an
 * error a FAIL, each finding shown as evidence in both languages. Besides:
 *
 * <ul>
 *   <li>{@code F-COMPLETE}: the completeness of the form's sections and fields (the findings of
 *       F-REQ and F-LEN) and of the line's attachments (every finding on the attachments, whatever
 *       its rule: G4's agreement, G5's letter and local agreement, G1's proof), with the
 *       attachments present listed for the reviewer.
 *   <li>G1 (the white-listed platform base and the PI's membership) is a warning while the PI
 *       drafts but a failure at formal review (SPEC.md): its findings on the platform or the
 *       membership FAIL; a missing proof attachment stays a WARNING for the reviewer to judge.
 *   <li>A rule that does not apply to the line passes with a message saying so (G1 for A1, G4 for B
 *       lines, G5 and G7 for A lines).
 * </ul>
 *
 * G8 ({@link DualSubmission}) and G9 ({@link PlatformLimit}) have checks of their own; D1 and G2
 * findings are not judged here (formal review judges G2 over the round).
 */
public final class FormChecks {

  /** The rules that have checks of their own or are not judged here. */
  private static final Set<String> ELSEWHERE = Set.of("G2", "G8", "G9", "D1");

  private FormChecks() {}

  /** An attachment of the application, with its kind's label in both languages. */
  public record Attached(String kind, String labelZh, String labelEn, String fileName, int pages)
      implements Serializable {}

  /**
   * The checks of the completeness, G1, G4, G5, G6, G7 and of any other rule with a finding (the
   * form's own rules, e.g. F-BUDGET, F-TEAM, F-ID), in that order.
   */
  public static List<RuleCheck> of(
      LineKind line, List<FormFinding> findings, List<Attached> attachments) {
    List<RuleCheck> out = new ArrayList<>();
    out.add(completeness(findings, attachments));
    out.add(g1(line, only(findings, "G1")));
    out.add(
        rule("G4", "formalreview.check.g4", line.international(), only(findings, "G4"), Set.of()));
    out.add(
        rule("G5", "formalreview.check.g5", !line.international(), only(findings, "G5"), Set.of()));
    out.add(rule("G6", "formalreview.check.g6", true, only(findings, "G6"), Set.of()));
    out.add(
        rule("G7", "formalreview.check.g7", !line.international(), only(findings, "G7"), Set.of()));
    // the form's own rules (F-BUDGET, F-TEAM, F-ID, …) with a finding, each as a check of its own
    Map<String, List<FormFinding>> others = new LinkedHashMap<>();
    for (FormFinding f : findings) {
      if (!f.ruleId().matches("G[1-9]")
          && !ELSEWHERE.contains(f.ruleId())
          && !FormFinding.COMPLETENESS_RULES.contains(f.ruleId())) {
        others.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
      }
    }
    for (var e : others.entrySet()) {
      Outcome o = worst(e.getValue(), Set.of());
      out.add(
          new RuleCheck(
              e.getKey(),
              o,
              o == Outcome.FAIL
                  ? "formalreview.check.other.fail"
                  : "formalreview.check.other.warning",
              List.of(e.getKey()),
              e.getValue().stream().map(FormFinding::evidence).toList()));
    }
    return out;
  }

  /**
   * F-COMPLETE: every section and required field filled in (F-REQ, F-LEN) and every attachment the
   * line asks for present (the findings on the attachments); the attachments present as evidence.
   */
  static RuleCheck completeness(List<FormFinding> findings, List<Attached> attachments) {
    List<FormFinding> mine =
        findings.stream()
            .filter(f -> FormFinding.COMPLETENESS_RULES.contains(f.ruleId()) || f.onAttachments())
            .toList();
    List<RuleCheck.Evidence> evidence = new ArrayList<>();
    mine.forEach(f -> evidence.add(f.evidence()));
    if (attachments.isEmpty()) {
      evidence.add(new RuleCheck.Evidence("formalreview.evidence.noAttachment", List.of()));
    }
    for (Attached a : attachments) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.attachment",
              List.of(a.labelZh(), a.labelEn(), a.fileName(), String.valueOf(a.pages()))));
    }
    Outcome o = worst(mine, Set.of());
    return new RuleCheck(
        "F-COMPLETE", o, "formalreview.check.complete." + lower(o), List.of(), evidence);
  }

  /**
   * G1: the findings on the platform base or the membership fail at formal review; a missing proof
   * attachment is a warning. A1 is exempt.
   */
  static RuleCheck g1(LineKind line, List<FormFinding> findings) {
    if (line.whiteListExempt()) {
      return new RuleCheck(
          "G1", Outcome.PASS, "formalreview.check.g1.exempt", List.of(line.code()), List.of());
    }
    List<FormFinding> escalated = findings.stream().filter(f -> !f.onAttachments()).toList();
    return rule("G1", "formalreview.check.g1", true, findings, Set.copyOf(escalated));
  }

  /**
   * A rule's check from its findings: PASS without any, else the worst (an error, or a finding in
   * {@code failing}, fails); {@code applies} false passes with the key's {@code .na} message.
   */
  static RuleCheck rule(
      String ruleId,
      String keyPrefix,
      boolean applies,
      List<FormFinding> findings,
      Set<FormFinding> failing) {
    if (!applies && findings.isEmpty()) {
      return new RuleCheck(ruleId, Outcome.PASS, keyPrefix + ".na", List.of(), List.of());
    }
    Outcome o = worst(findings, failing);
    return new RuleCheck(
        ruleId,
        o,
        keyPrefix + "." + lower(o),
        List.of(),
        findings.stream().map(FormFinding::evidence).toList());
  }

  /** The worst outcome of the findings: FAIL for an error or one of {@code failing}. */
  static Outcome worst(List<FormFinding> findings, Set<FormFinding> failing) {
    Outcome o = Outcome.PASS;
    for (FormFinding f : findings) {
      Outcome one = f.error() || failing.contains(f) ? Outcome.FAIL : Outcome.WARNING;
      if (one.compareTo(o) > 0) {
        o = one;
      }
    }
    return o;
  }

  static List<FormFinding> only(List<FormFinding> findings, String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  static String lower(Outcome o) {
    return o.name().toLowerCase(Locale.ROOT);
  }
}
