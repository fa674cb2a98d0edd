package io.hezuo.contract.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.contract.domain.Approval.Line;
import io.hezuo.contract.domain.Approval.Selected;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalTest {

  static final Line B1 = new Line("B1", Money.wan("60"), Money.wan("150"));

  static List<String> ids(List<RuleViolation> v) {
    return v.stream().map(RuleViolation::ruleId).toList();
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void anApprovedSubsidyIsPositiveAtMostTheRequestAndAtMostTheCap() {
    Money cap = Money.wan("60");
    Money asked = Money.of("550000.00");
    assertEquals(List.of(), Approval.checkAmount(d("550000.00"), asked, cap, "approved"));
    assertEquals(List.of(), Approval.checkAmount(d("0.01"), asked, cap, "approved"));
    assertEquals(
        List.of("A-REQUESTED"), ids(Approval.checkAmount(d("550000.01"), asked, cap, "approved")));
    assertEquals(List.of("A-POSITIVE"), ids(Approval.checkAmount(d("0"), asked, cap, "approved")));
    assertEquals(List.of("A-POSITIVE"), ids(Approval.checkAmount(d("-1"), asked, cap, "approved")));
    assertEquals(List.of("F-MONEY"), ids(Approval.checkAmount(d("1.001"), asked, cap, "approved")));
    assertEquals(List.of("F-REQ"), ids(Approval.checkAmount(null, asked, cap, "approved")));
    // an application that asked for more than the cap (it passed with a manual decision)
    List<RuleViolation> both =
        Approval.checkAmount(d("600000.01"), Money.of("700000.00"), cap, "approved");
    assertEquals(List.of("G6"), ids(both));
    assertEquals(
        "[G6] 批准的财政补助经费: 批准的财政补助经费超过本类项目上限 600,000.00 元（60 万元）",
        Messages.describe(Messages.CHINESE, both.get(0)));
    assertEquals(
        List.of(), Approval.checkAmount(d("600000.00"), Money.of("700000.00"), cap, "approved"));
  }

  @Test
  void aLinesSelectionStaysWithinItsBudget() {
    List<Selected> fits =
        List.of(
            new Selected(1, Money.wan("60"), d("600000.00")),
            new Selected(2, Money.wan("60"), d("500000.00")),
            new Selected(3, Money.wan("40"), d("400000.00")));
    assertEquals(List.of(), Approval.checkSelection(B1, fits));
    List<Selected> over =
        List.of(
            new Selected(1, Money.wan("60"), d("600000.00")),
            new Selected(2, Money.wan("60"), d("500000.00")),
            new Selected(3, Money.wan("50"), d("400000.01")));
    List<RuleViolation> v = Approval.checkSelection(B1, over);
    assertEquals(List.of("A-BUDGET"), ids(v));
    assertEquals("selectionTotal", v.get(0).field());
    assertEquals(
        "[A-BUDGET] 本类别立项经费合计: 立项经费合计 1,500,000.01 元超过本类别经费预算 1,500,000.00 元（150 万元），超出 0.01 元",
        Messages.describe(Messages.CHINESE, v.get(0)));
    assertEquals(
        Money.of("-0.01"),
        Approval.remainingBudget(
            B1, List.of(Money.wan("60"), Money.wan("50"), Money.of("400000.01"))));
  }

  @Test
  void eachRowIsReportedAgainstItsOwnField() {
    List<Selected> s =
        List.of(
            new Selected(1, Money.wan("60"), d("600000.00")),
            new Selected(2, Money.wan("30"), d("300000.01")),
            new Selected(1, Money.wan("60"), d("1.00")));
    List<RuleViolation> v = Approval.checkSelection(B1, s);
    assertEquals(List.of("A-REQUESTED", "A-DUPLICATE"), ids(v));
    assertEquals("selection_1_approved", v.get(0).field());
    assertEquals("selection_2_approved", v.get(1).field());
    assertTrue(
        Messages.describe(Messages.ENGLISH, v.get(0))
            .startsWith("[A-REQUESTED] Selected project 2 · Approved fiscal subsidy: "),
        Messages.describe(Messages.ENGLISH, v.get(0)));
  }

  @Test
  void aPublishedListIsFinalisedOnlyAfterItsNoticePeriod() {
    Instant ends = Instant.parse("2026-03-10T10:00:00Z");
    assertEquals(List.of("A-NOTICE"), ids(Approval.checkFinalise(ends, ends.minusSeconds(1))));
    assertEquals(
        "[A-NOTICE] 立项名单公示期至 2026-03-10 18:00:00 结束，公示期结束后方可确定立项",
        Messages.describe(
            Messages.CHINESE, Approval.checkFinalise(ends, ends.minusSeconds(1)).get(0)));
    assertEquals(List.of(), Approval.checkFinalise(ends, ends));
  }
}
