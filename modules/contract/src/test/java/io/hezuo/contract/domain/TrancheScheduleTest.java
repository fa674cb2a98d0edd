package io.hezuo.contract.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.contract.domain.TrancheSchedule.Due;
import io.hezuo.contract.domain.TrancheSchedule.Tranche;
import io.hezuo.contract.domain.TrancheSchedule.Trigger;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrancheScheduleTest {

  static List<Money> amounts(TrancheSchedule s, String approved) {
    return s.amounts(Money.of(approved)).stream().map(Due::amount).toList();
  }

  static Money sum(List<Money> m) {
    return m.stream().reduce(Money.ZERO, Money::plus);
  }

  @Test
  void theDefaultIsSeventyOnSigningAndThirtyAfterTheMidTermCheck() {
    List<Due> due = TrancheSchedule.DEFAULT.amounts(Money.of("600000.00"));
    assertEquals(2, due.size());
    assertEquals(Money.of("420000.00"), due.get(0).amount());
    assertEquals(Trigger.SIGNING, due.get(0).tranche().trigger());
    assertEquals(Money.of("180000.00"), due.get(1).amount());
    assertEquals(Trigger.MIDTERM, due.get(1).tranche().trigger());
    assertEquals(1, due.get(0).number());
  }

  @Test
  void theRemainderCentsGoToTheLastTranche() {
    // 70 % of 0.01 is 0.007: the first gets 0.00, the last 0.01
    assertEquals(
        List.of(Money.of("0.00"), Money.of("0.01")), amounts(TrancheSchedule.DEFAULT, "0.01"));
    // 70 % of 100,000.03 is 70,000.021
    assertEquals(
        List.of(Money.of("70000.02"), Money.of("30000.01")),
        amounts(TrancheSchedule.DEFAULT, "100000.03"));
    TrancheSchedule thirds =
        TrancheSchedule.of(
                List.of(
                    Tranche.of("33.33", Trigger.SIGNING),
                    Tranche.of("33.33", Trigger.MIDTERM),
                    Tranche.of("33.34", Trigger.FINAL)))
            .value();
    List<Money> a = amounts(thirds, "1000000.00");
    assertEquals(List.of(Money.of("333300.00"), Money.of("333300.00"), Money.of("333400.00")), a);
    List<Money> odd = amounts(thirds, "999999.99");
    // 33.33 % of 999,999.99 = 333,299.996667 → 333,299.99 each, the rest 333,400.01
    assertEquals(List.of(Money.of("333299.99"), Money.of("333299.99"), Money.of("333400.01")), odd);
  }

  @Test
  void theAmountsAlwaysAddUpExactlyToTheApprovedSubsidy() {
    TrancheSchedule s =
        TrancheSchedule.of(
                List.of(
                    Tranche.of("12.5", Trigger.SIGNING),
                    Tranche.onDate("37.49", LocalDate.parse("2027-01-01")),
                    Tranche.of("0.01", Trigger.MIDTERM),
                    Tranche.of("50", Trigger.FINAL)))
            .value();
    for (String approved :
        List.of("0.01", "0.99", "1.00", "33333.33", "599999.99", "600000.00", "1500000.00")) {
      List<Money> a = amounts(s, approved);
      assertEquals(Money.of(approved), sum(a), approved);
      assertTrue(a.stream().noneMatch(Money::isNegative), approved);
    }
  }

  @Test
  void aScheduleIsRefusedUnlessItsSharesAddUpToExactlyHundred() {
    Outcome<TrancheSchedule> o =
        TrancheSchedule.of(
            List.of(Tranche.of("70", Trigger.SIGNING), Tranche.of("30.01", Trigger.MIDTERM)));
    assertEquals(List.of("C-TRANCHE"), o.ruleIds());
    assertEquals("tranches", o.violations().get(0).field());
    assertEquals(
        "[C-TRANCHE] 拨付计划: 各期拨付比例之和须恰好为 100%，当前为 100.01%",
        Messages.describe(Messages.CHINESE, o.violations().get(0)));
    assertEquals(
        List.of("C-TRANCHE"),
        TrancheSchedule.of(List.of(Tranche.of("99.99", Trigger.SIGNING))).ruleIds());
    assertEquals(List.of("C-TRANCHE"), TrancheSchedule.of(List.of()).ruleIds());
    assertTrue(TrancheSchedule.of(List.of(Tranche.of("100.00", Trigger.SIGNING))).isOk());
  }

  @Test
  void eachShareIsPositiveWithTwoDecimalsAndADateTrancheHasItsDate() {
    Outcome<TrancheSchedule> o =
        TrancheSchedule.of(
            List.of(
                Tranche.of("100.005", Trigger.SIGNING),
                Tranche.of("0", Trigger.MIDTERM),
                Tranche.of("-0.005", Trigger.FINAL)));
    assertEquals(List.of("C-TRANCHE", "C-TRANCHE", "C-TRANCHE"), o.ruleIds());
    assertEquals("tranche_0_percent", o.violations().get(0).field());
    assertTrue(
        Messages.describe(Messages.CHINESE, o.violations().get(1))
            .startsWith("[C-TRANCHE] 第 2 期 · 拨付比例: "),
        Messages.describe(Messages.CHINESE, o.violations().get(1)));
    assertEquals(
        List.of("C-TRANCHE"),
        TrancheSchedule.of(
                List.of(new Tranche(new java.math.BigDecimal("100"), Trigger.DATE, null)))
            .ruleIds());
    assertEquals(
        List.of("C-TRANCHE"),
        TrancheSchedule.of(
                List.of(
                    new Tranche(
                        new java.math.BigDecimal("100"),
                        Trigger.SIGNING,
                        LocalDate.parse("2026-01-01"))))
            .ruleIds());
    assertEquals(
        List.of("C-TRANCHE"),
        TrancheSchedule.of(
                List.of(
                    Tranche.onDate("50", LocalDate.parse("2027-01-01")),
                    Tranche.onDate("50", LocalDate.parse("2026-12-31"))))
            .ruleIds());
  }

  @Test
  void whatIsDueAndWhatComesNext() {
    TrancheSchedule s =
        TrancheSchedule.of(
                List.of(
                    Tranche.of("60", Trigger.SIGNING),
                    Tranche.onDate("20", LocalDate.parse("2027-03-01")),
                    Tranche.of("20", Trigger.FINAL)))
            .value();
    Money approved = Money.of("500000.00");
    LocalDate before = LocalDate.parse("2027-02-28");
    LocalDate on = LocalDate.parse("2027-03-01");
    assertEquals(Money.ZERO, s.dueAmount(approved, EnumSet.noneOf(Trigger.class), before));
    assertEquals(Money.of("300000.00"), s.dueAmount(approved, EnumSet.of(Trigger.SIGNING), before));
    assertEquals(Money.of("400000.00"), s.dueAmount(approved, EnumSet.of(Trigger.SIGNING), on));
    assertEquals(
        Money.of("500000.00"),
        s.dueAmount(approved, EnumSet.of(Trigger.SIGNING, Trigger.FINAL), on));
    assertEquals(1, s.next(approved, Money.ZERO).number());
    assertEquals(1, s.next(approved, Money.of("299999.99")).number());
    assertEquals(2, s.next(approved, Money.of("300000.00")).number());
    assertEquals(3, s.next(approved, Money.of("400000.00")).number());
    assertNull(s.next(approved, Money.of("500000.00")));
  }
}
