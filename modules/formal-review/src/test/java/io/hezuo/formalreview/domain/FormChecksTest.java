package io.hezuo.formalreview.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The submission rules' findings as checklist items: one per rule id, no finding = PASS, a warning
 * = WARNING, an error = FAIL (G1's platform and membership fail at formal review), the completeness
 * from the sections and the attachments, rules that do not apply to a line passing as such.
 */
class FormChecksTest {

  static final LineKind A1 = new LineKind("A1", "A1", true, true);
  static final LineKind A3 = new LineKind("A3", "A3", true, false);
  static final LineKind B1 = new LineKind("B1", "B1", false, false);

  static final FormChecks.Attached AGREEMENT =
      new FormChecks.Attached("COOPERATION_AGREEMENT", "合作协议", "Cooperation agreement", "a.pdf", 3);

  static FormFinding error(String rule, String field) {
    return new FormFinding(rule, true, field, rule + " 中文", rule + " English");
  }

  static FormFinding warning(String rule, String field) {
    return new FormFinding(rule, false, field, rule + " 中文", rule + " English");
  }

  static Map<String, RuleCheck> byRule(List<RuleCheck> checks) {
    return checks.stream().collect(Collectors.toMap(RuleCheck::ruleId, Function.identity()));
  }

  @Test
  void noFindingPassesEveryRuleAndListsTheAttachments() {
    Map<String, RuleCheck> c = byRule(FormChecks.of(A3, List.of(), List.of(AGREEMENT)));
    assertEquals(
        List.of("F-COMPLETE", "G1", "G4", "G5", "G6", "G7"),
        List.copyOf(
            FormChecks.of(A3, List.of(), List.of(AGREEMENT)).stream()
                .map(RuleCheck::ruleId)
                .toList()));
    c.values().forEach(r -> assertEquals(Outcome.PASS, r.outcome(), r.toString()));
    RuleCheck complete = c.get("F-COMPLETE");
    assertEquals("formalreview.check.complete.pass", complete.messageKey());
    assertEquals(
        List.of(
            new RuleCheck.Evidence(
                "formalreview.evidence.attachment",
                List.of("合作协议", "Cooperation agreement", "a.pdf", "3"))),
        complete.evidence());
    assertEquals("formalreview.check.g4.pass", c.get("G4").messageKey());
    // an A line: the counterpart rules do not apply
    assertEquals("formalreview.check.g5.na", c.get("G5").messageKey());
    assertEquals("formalreview.check.g7.na", c.get("G7").messageKey());
    // without any attachment, the completeness says so
    assertEquals(
        "formalreview.evidence.noAttachment",
        FormChecks.completeness(List.of(), List.of()).evidence().get(0).key());
  }

  @Test
  void aMissingSectionOrAttachmentFailsTheCompletenessAndItsRule() {
    FormFinding section = error("F-REQ", "textBasis");
    FormFinding agreement = error("G4", FormFinding.ATTACHMENTS);
    Map<String, RuleCheck> c = byRule(FormChecks.of(A3, List.of(section, agreement), List.of()));
    RuleCheck complete = c.get("F-COMPLETE");
    assertEquals(Outcome.FAIL, complete.outcome());
    assertEquals("formalreview.check.complete.fail", complete.messageKey());
    assertEquals(
        List.of(
            new RuleCheck.Evidence(
                "formalreview.evidence.finding", List.of("F-REQ 中文", "F-REQ English")),
            new RuleCheck.Evidence("formalreview.evidence.finding", List.of("G4 中文", "G4 English")),
            new RuleCheck.Evidence("formalreview.evidence.noAttachment", List.of())),
        complete.evidence());
    assertEquals(Outcome.FAIL, c.get("G4").outcome());
    assertEquals("formalreview.check.g4.fail", c.get("G4").messageKey());
    assertEquals(Outcome.PASS, c.get("G6").outcome());
    // a too-long section counts as incomplete as well
    assertEquals(
        Outcome.FAIL,
        FormChecks.completeness(List.of(error("F-LEN", "textRoute")), List.of()).outcome());
  }

  @Test
  void aWarningIsAWarningAndAnErrorAFail() {
    Map<String, RuleCheck> c =
        byRule(
            FormChecks.of(
                B1,
                List.of(warning("G5", "budget_COOPERATION"), error("G7", "target_DEMO_BASE")),
                List.of()));
    assertEquals(Outcome.WARNING, c.get("G5").outcome());
    assertEquals("formalreview.check.g5.warning", c.get("G5").messageKey());
    assertEquals(Outcome.FAIL, c.get("G7").outcome());
    // a B line: the international agreement does not apply
    assertEquals("formalreview.check.g4.na", c.get("G4").messageKey());
    // one error among warnings fails the rule
    assertEquals(
        Outcome.FAIL,
        FormChecks.rule(
                "G6",
                "formalreview.check.g6",
                true,
                List.of(warning("G6", "platformCode"), error("G6", "subsidy")),
                java.util.Set.of())
            .outcome());
  }

  @Test
  void g1FailsOnThePlatformOrMembershipAndWarnsOnTheProofOnly() {
    RuleCheck member = FormChecks.g1(A3, List.of(warning("G1", "basePlatformId")));
    assertEquals(Outcome.FAIL, member.outcome());
    assertEquals("formalreview.check.g1.fail", member.messageKey());
    RuleCheck noPlatform = FormChecks.g1(A3, List.of(warning("G1", null)));
    assertEquals(Outcome.FAIL, noPlatform.outcome());
    RuleCheck proof = FormChecks.g1(A3, List.of(warning("G1", FormFinding.ATTACHMENTS)));
    assertEquals(Outcome.WARNING, proof.outcome());
    assertEquals("formalreview.check.g1.warning", proof.messageKey());
    // the missing proof also makes the completeness a warning
    assertEquals(
        Outcome.WARNING,
        FormChecks.completeness(List.of(warning("G1", FormFinding.ATTACHMENTS)), List.of())
            .outcome());
    RuleCheck exempt = FormChecks.g1(A1, List.of());
    assertEquals(Outcome.PASS, exempt.outcome());
    assertEquals("formalreview.check.g1.exempt", exempt.messageKey());
    assertEquals(List.of("A1"), exempt.args());
  }

  @Test
  void theFormsOwnRulesGetAChecksOfTheirOwnAndRoundRulesAreLeftToTheirChecks() {
    List<RuleCheck> checks =
        FormChecks.of(
            A3,
            List.of(
                error("F-BUDGET", "budget"),
                warning("F-TEAM", "team_0_months"),
                error("G2", null),
                error("D1", null),
                warning("G8", "foreignReference"),
                error("G9", "platformCode")),
            List.of(AGREEMENT));
    Map<String, RuleCheck> c = byRule(checks);
    assertEquals(Outcome.FAIL, c.get("F-BUDGET").outcome());
    assertEquals("formalreview.check.other.fail", c.get("F-BUDGET").messageKey());
    assertEquals(List.of("F-BUDGET"), c.get("F-BUDGET").args());
    assertEquals(Outcome.WARNING, c.get("F-TEAM").outcome());
    assertTrue(
        !c.containsKey("G2")
            && !c.containsKey("D1")
            && !c.containsKey("G8")
            && !c.containsKey("G9"));
  }
}
