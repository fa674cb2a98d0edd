package io.hezuo.formalreview.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * G9 across the round: more applications on one place than its limit all fail, naming the others.
 */
class PlatformLimitTest {

  static final LineKind A21 = new LineKind("A2.1", "A2", true, false);
  static final LineKind A23 = new LineKind("A2.3", "A2", true, false);

  static PlatformLimit.Claim centre(long id, String code) {
    return new PlatformLimit.Claim(
        id, "HZ-" + id, "A2.1", code, null, "深海中心", "Deep-sea centre", 1);
  }

  static PlatformLimit.Claim carrier(long id, String carrier, int limit) {
    return new PlatformLimit.Claim(
        id, "HZ-" + id, "A2.3", "MOST-BASE", carrier, "国际科技合作基地", "MOST base", limit);
  }

  @Test
  void oneApplicationPerCentrePassesTwoBothFail() {
    PlatformLimit.Claim a = centre(1, "BRICS-DEEPSEA");
    PlatformLimit.Claim b = centre(2, "BRICS-DEEPSEA");
    PlatformLimit.Claim c = centre(3, "CN-ARAB-HEALTH");
    Map<Long, List<PlatformLimit.Claim>> over = PlatformLimit.over(List.of(a, b, c));
    assertEquals(List.of(b), over.get(1L));
    assertEquals(List.of(a), over.get(2L));
    assertEquals(List.of(), over.get(3L));

    RuleCheck failed = PlatformLimit.check(A21, a, over.get(1L), List.of());
    assertEquals(Outcome.FAIL, failed.outcome());
    assertEquals("formalreview.check.g9.over", failed.messageKey());
    assertEquals(List.of("深海中心", "Deep-sea centre", "1", "2"), failed.args());
    assertEquals(
        List.of(
            new RuleCheck.Evidence(
                "formalreview.evidence.samePlatform",
                List.of("HZ-2", "A2.1", "深海中心", "Deep-sea centre"))),
        failed.evidence());

    RuleCheck alone = PlatformLimit.check(A21, c, over.get(3L), List.of());
    assertEquals(Outcome.PASS, alone.outcome());
    assertEquals("formalreview.check.g9.pass", alone.messageKey());
  }

  @Test
  void aKindOfCarriersHasOnePlacePerCarrierAndTheLimitIsTheBoundary() {
    // two carriers of one kind: one place each
    Map<Long, List<PlatformLimit.Claim>> two =
        PlatformLimit.over(List.of(carrier(1, "浙江大学基地", 1), carrier(2, "宁波基地", 1)));
    assertEquals(List.of(), two.get(1L));
    assertEquals(List.of(), two.get(2L));
    // the same carrier written with other spaces and width is the same place
    Map<Long, List<PlatformLimit.Claim>> same =
        PlatformLimit.over(List.of(carrier(1, "浙江大学基地", 1), carrier(2, " 浙江大学 基地", 1)));
    assertEquals(1, same.get(1L).size());
    // a limit of 2 takes two, not three
    assertEquals(
        List.of(), PlatformLimit.over(List.of(carrier(1, "X", 2), carrier(2, "X", 2))).get(1L));
    assertEquals(
        2,
        PlatformLimit.over(List.of(carrier(1, "X", 2), carrier(2, "X", 2), carrier(3, "X", 2)))
            .get(1L)
            .size());
  }

  @Test
  void theSubmissionRulesFindingsAndOtherLines() {
    FormFinding coBuilder =
        new FormFinding("G9", false, "partnerName", "应与海外共建单位合作申报", "should be the co-builder");
    RuleCheck warned = PlatformLimit.check(A23, carrier(1, "X", 1), List.of(), List.of(coBuilder));
    assertEquals(Outcome.WARNING, warned.outcome());
    assertEquals("formalreview.check.g9.warning", warned.messageKey());
    FormFinding noPlatform =
        new FormFinding("G9", true, "platformCode", "请选择合作平台", "Choose the platform");
    assertEquals(
        Outcome.FAIL, PlatformLimit.check(A21, null, List.of(), List.of(noPlatform)).outcome());
    RuleCheck na =
        PlatformLimit.check(new LineKind("B1", "B1", false, false), null, List.of(), List.of());
    assertEquals(Outcome.PASS, na.outcome());
    assertEquals("formalreview.check.g9.na", na.messageKey());
  }
}
