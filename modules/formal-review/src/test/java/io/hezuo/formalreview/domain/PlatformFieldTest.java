package io.hezuo.formalreview.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** G1's field item: the platform's fields beside the project's, PASS only when one is the same. */
class PlatformFieldTest {

  static final LineKind A3 = new LineKind("A3", "A3", true, false);
  static final LineKind B1 = new LineKind("B1", "B1", false, false);
  static final PlatformField.Platform MARINE =
      new PlatformField.Platform("浙江省海洋智能装备重点实验室", List.of("海洋经济", "装备制造", "可持续发展技术"));

  @Test
  void theSameFieldPassesWithBothShown() {
    RuleCheck c =
        PlatformField.check(
            A3,
            MARINE,
            new PlatformField.ProjectField(
                PlatformField.Kind.FIELD, "可持续发展 技术", "Sustainable development technology"));
    assertEquals(Outcome.PASS, c.outcome());
    assertEquals("G1-FIELD", c.ruleId());
    assertEquals("formalreview.check.g1field.same", c.messageKey());
    assertEquals(
        List.of(
            new RuleCheck.Evidence(
                "formalreview.evidence.platformFields",
                List.of("浙江省海洋智能装备重点实验室", "海洋经济；装备制造；可持续发展技术")),
            new RuleCheck.Evidence(
                "formalreview.evidence.projectField.field",
                List.of("可持续发展 技术", "Sustainable development technology"))),
        c.evidence());
  }

  @Test
  void anotherFieldIsAWarningNeverAFailure() {
    RuleCheck c =
        PlatformField.check(
            B1,
            MARINE,
            new PlatformField.ProjectField(
                PlatformField.Kind.TOPIC, "盐碱水养殖", "Saline-alkali water aquaculture"));
    assertEquals(Outcome.WARNING, c.outcome());
    assertEquals("formalreview.check.g1field.differs", c.messageKey());
    assertEquals("formalreview.evidence.projectField.topic", c.evidence().get(1).key());
    // a field that merely contains the other is not the same field
    assertEquals(
        Outcome.WARNING,
        PlatformField.check(
                A3,
                MARINE,
                new PlatformField.ProjectField(PlatformField.Kind.FIELD, "海洋", "Marine"))
            .outcome());
  }

  @Test
  void whatCannotBeComparedIsAWarning() {
    RuleCheck noPlatform =
        PlatformField.check(
            A3, null, new PlatformField.ProjectField(PlatformField.Kind.FIELD, "科技减贫", "Poverty"));
    assertEquals(Outcome.WARNING, noPlatform.outcome());
    assertEquals("formalreview.check.g1field.noPlatform", noPlatform.messageKey());
    assertEquals("formalreview.evidence.noBasePlatform", noPlatform.evidence().get(0).key());

    RuleCheck noField = PlatformField.check(new LineKind("A2.3", "A2", true, false), MARINE, null);
    assertEquals(Outcome.WARNING, noField.outcome());
    assertEquals("formalreview.check.g1field.unknown", noField.messageKey());
    assertEquals(
        new RuleCheck.Evidence("formalreview.evidence.projectNoField", List.of("A2.3")),
        noField.evidence().get(1));

    RuleCheck platformWithoutFields =
        PlatformField.check(
            A3,
            new PlatformField.Platform("无领域平台", List.of()),
            new PlatformField.ProjectField(PlatformField.Kind.FIELD, "科技减贫", "Poverty"));
    assertEquals(Outcome.WARNING, platformWithoutFields.outcome());
    assertEquals(
        "formalreview.evidence.platformNoFields", platformWithoutFields.evidence().get(0).key());
  }

  @Test
  void a1IsExempt() {
    RuleCheck c = PlatformField.check(new LineKind("A1", "A1", true, true), null, null);
    assertEquals(Outcome.PASS, c.outcome());
    assertEquals("formalreview.check.g1field.exempt", c.messageKey());
  }
}
