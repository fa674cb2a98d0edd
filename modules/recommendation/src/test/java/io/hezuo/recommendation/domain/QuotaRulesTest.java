package io.hezuo.recommendation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.rule.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaRulesTest {

  @Test
  void linesRankAndCountInTheirQuotaGroup() {
    assertEquals("B", QuotaRules.rankGroup("B", "B1", "B1"));
    assertEquals("B", QuotaRules.rankGroup("B", "B4", "B4"));
    assertEquals("A2", QuotaRules.rankGroup(null, "A2", "A2.3"));
    assertEquals("A3", QuotaRules.rankGroup(null, "A3", "A3"));
    assertEquals("A1", QuotaRules.rankGroup(" ", "A1", "A1"));
  }

  @Test
  void r1RefusesPastThePlacesOnlyWhereAGroupHasPlaces() {
    assertTrue(QuotaRules.oneMore(QuotaRules.Limit.NONE, "A1", null, 999).isEmpty());
    assertTrue(QuotaRules.oneMore(QuotaRules.Limit.PER_PLATFORM, "A2", null, 5).isEmpty());
    assertTrue(QuotaRules.oneMore(QuotaRules.Limit.PER_UNIT, "A3", 3, 2).isEmpty());
    RuleViolation full = QuotaRules.oneMore(QuotaRules.Limit.PER_UNIT, "A3", 3, 3).orElseThrow();
    assertEquals("R1", full.ruleId());
    assertEquals("recommendation.rule.r1.full", full.messageKey());
    assertEquals(List.of("A3", 3, 3L), full.args());
    RuleViolation none = QuotaRules.oneMore(QuotaRules.Limit.COMBINED, "B", null, 0).orElseThrow();
    assertEquals("recommendation.rule.r1.noPlaces", none.messageKey());
    assertTrue(QuotaRules.oneMore(QuotaRules.Limit.COMBINED, "B", 0, 0).isPresent());
  }

  @Test
  void aNamedPlatformIsOnePlaceAndACarrierKindOnePerCarrier() {
    assertEquals("A21-BRICS", QuotaRules.platformKey("A21-BRICS", false, "ignored"));
    assertEquals(
        QuotaRules.platformKey("A23-LAB", true, "浙江省 海洋 国际联合实验室"),
        QuotaRules.platformKey("A23-LAB", true, "浙江省海洋国际联合实验室"));
    assertNotEquals(
        QuotaRules.platformKey("A23-LAB", true, "甲实验室"),
        QuotaRules.platformKey("A23-LAB", true, "乙实验室"));
  }

  @Test
  void theSetHashFollowsTheSetTheRankingAndTheContent() {
    var a = new QuotaRules.Ranked("A3", 1, 10, "HZ-1", "aa");
    var b = new QuotaRules.Ranked("A3", 2, 11, "HZ-2", "bb");
    String h = QuotaRules.setHash(List.of(a, b));
    assertEquals(64, h.length());
    assertEquals(h, QuotaRules.setHash(List.of(b, a)), "order of the list is not the ranking");
    assertNotEquals(
        h,
        QuotaRules.setHash(
            List.of(
                new QuotaRules.Ranked("A3", 2, 10, "HZ-1", "aa"),
                new QuotaRules.Ranked("A3", 1, 11, "HZ-2", "bb"))),
        "reranked");
    assertNotEquals(h, QuotaRules.setHash(List.of(a)), "one removed");
    assertNotEquals(
        h,
        QuotaRules.setHash(List.of(a, new QuotaRules.Ranked("A3", 2, 11, "HZ-2", "cc"))),
        "content changed");
  }
}
