package io.hezuo.contract.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The ledger's invariants over random sequences of disbursements, transfers and changes of the
 * approved amount: amounts near the limits (exactly at them, one fen past), over-precise amounts,
 * dates inside and just outside the period, in any order.
 *
 * <ul>
 *   <li>disbursed ≤ approved;
 *   <li>transferred ≤ 50 % of approved (exactly) and ≤ disbursed, in total and on every day;
 *   <li>a refused operation leaves the ledger as it was; an accepted one adds one entry;
 *   <li>the figures are those of the entries (a replay gives the same ledger);
 *   <li>what the ledger says may still be done is accepted (no refusal of a valid operation).
 * </ul>
 */
class LedgerPropertiesTest {

  static final Period PERIOD = Period.of("2026-01-01", "2028-12-31");
  static final BigDecimal FIFTY = new BigDecimal("50");
  static final int DAYS = (int) PERIOD.days();

  /**
   * What an amount is: a fixed number of fen, the ledger's current room plus a few fen (−2 … +2),
   * or a share of the room (in ‰, rounded down to the fen); sometimes with a third decimal.
   */
  record Amount(Mode mode, long value, boolean overPrecise) {
    BigDecimal resolve(Money room) {
      BigDecimal base =
          switch (mode) {
            case FIXED -> BigDecimal.valueOf(value, 2);
            case NEAR -> room.amount().add(BigDecimal.valueOf(value, 2));
            case SHARE ->
                room.amount()
                    .multiply(BigDecimal.valueOf(value))
                    .divide(BigDecimal.valueOf(1000), 2, java.math.RoundingMode.DOWN);
          };
      // a third decimal that is not zero: refused as F-MONEY, never rounded
      return overPrecise ? base.add(new BigDecimal("0.005")) : base;
    }
  }

  enum Mode {
    FIXED,
    NEAR,
    SHARE
  }

  enum Kind {
    DISBURSE,
    TRANSFER,
    CHANGE
  }

  record Op(Kind kind, int day, Amount amount) {
    LocalDate date() {
      return PERIOD.from().plusDays(day);
    }
  }

  @Provide
  Arbitrary<Long> approvedCents() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(1, 150_000_000L),
        Arbitraries.of(60_000_000L, 60_000_001L, 1L, 3L, 150_000_000L));
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Amount> fixed =
        Arbitraries.longs().between(-100, 80_000_000L).map(c -> new Amount(Mode.FIXED, c, false));
    Arbitrary<Amount> near =
        Arbitraries.longs().between(-2, 2).map(c -> new Amount(Mode.NEAR, c, false));
    Arbitrary<Amount> share =
        Arbitraries.longs().between(1, 1000).map(c -> new Amount(Mode.SHARE, c, false));
    Arbitrary<Amount> precise =
        Arbitraries.longs().between(0, 1_000_000L).map(c -> new Amount(Mode.FIXED, c, true));
    Arbitrary<Amount> amount =
        Arbitraries.frequencyOf(
            Tuple.of(2, fixed), Tuple.of(4, near), Tuple.of(5, share), Tuple.of(1, precise));
    Arbitrary<Integer> day =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.integers().between(0, DAYS - 1)),
            Tuple.of(1, Arbitraries.of(-1, DAYS)));
    Arbitrary<Kind> kind =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(Kind.DISBURSE)),
            Tuple.of(5, Arbitraries.just(Kind.TRANSFER)),
            Tuple.of(1, Arbitraries.just(Kind.CHANGE)));
    return Combinators.combine(kind, day, amount).as(Op::new).list().ofMinSize(1).ofMaxSize(50);
  }

  @Property(tries = 400)
  void theInvariantsHoldAfterEveryOperation(
      @ForAll("approvedCents") long approvedCents, @ForAll("ops") List<Op> ops) {
    Ledger l = Ledger.open(PERIOD, Money.of(BigDecimal.valueOf(approvedCents, 2)), FIFTY);
    int voucher = 0;
    for (Op op : ops) {
      Ledger before = l;
      List<Ledger.Entry> entriesBefore = List.copyOf(l.entries());
      Money disbursedBefore = l.disbursed();
      Money transferredBefore = l.transferred();
      voucher++;
      Outcome<Ledger> o =
          switch (op.kind()) {
            case DISBURSE ->
                l.disburse(op.date(), op.amount().resolve(l.remainingToDisburse()), "F-" + voucher);
            case TRANSFER ->
                l.transfer(
                    op.date(), op.amount().resolve(l.transferAvailable()), "合作方", "B-" + voucher);
            case CHANGE ->
                l.changeApproved(op.date(), op.amount().resolve(leastApproved(l)), "CR-" + voucher);
          };
      Statistics.label("outcome")
          .collect(op.kind() + (o.isOk() ? " ok" : " refused " + o.ruleIds()));
      // the ledger the operation was asked of is unchanged either way
      assertEquals(entriesBefore, before.entries());
      assertEquals(disbursedBefore, before.disbursed());
      assertEquals(transferredBefore, before.transferred());
      if (o.isOk()) {
        l = o.value();
        assertEquals(entriesBefore.size() + 1, l.entries().size());
        assertEquals(entriesBefore, l.entries().subList(0, entriesBefore.size()));
        assertTrue(o.violations().isEmpty());
      } else {
        assertFalse(o.violations().isEmpty());
        assertTrue(o.violations().stream().allMatch(RuleViolation::isError));
        // over-precise amounts and dates outside the period are always refused, for the right
        // reason
        if (op.amount().overPrecise()) {
          assertTrue(o.ruleIds().contains("F-MONEY"), o.toString());
        }
      }
      if (op.amount().overPrecise()) {
        assertFalse(o.isOk(), "over-precise amount accepted: " + op);
      }
      if (op.kind() != Kind.CHANGE && !PERIOD.contains(op.date())) {
        assertFalse(o.isOk(), "date outside the period accepted: " + op);
      }
      invariants(l);
    }
    assertEquals(
        l, Ledger.replay(PERIOD, l.initialApproved(), FIFTY, l.entries()).value(), "replay");
  }

  /** What the ledger says is still possible is accepted. */
  @Property(tries = 300)
  void whatIsAvailableCanBeDone(
      @ForAll("approvedCents") long approvedCents, @ForAll("ops") List<Op> ops) {
    Ledger l = Ledger.open(PERIOD, Money.of(BigDecimal.valueOf(approvedCents, 2)), FIFTY);
    int voucher = 0;
    for (Op op : ops) {
      voucher++;
      Outcome<Ledger> o =
          switch (op.kind()) {
            case DISBURSE ->
                l.disburse(op.date(), op.amount().resolve(l.remainingToDisburse()), "F-" + voucher);
            case TRANSFER ->
                l.transfer(
                    PERIOD.to(), op.amount().resolve(l.transferAvailable()), "合作方", "B-" + voucher);
            case CHANGE ->
                l.changeApproved(op.date(), op.amount().resolve(leastApproved(l)), "CR-" + voucher);
          };
      if (o.isOk()) {
        l = o.value();
      }
      LocalDate last = PERIOD.to();
      Money room = l.transferAvailable();
      if (room.amount().signum() > 0) {
        assertTrue(l.transfer(last, room.amount(), "合作方", "X").isOk(), l.toString());
      }
      Money rest = l.remainingToDisburse();
      if (rest.amount().signum() > 0) {
        assertTrue(l.disburse(last, rest.amount(), "X").isOk(), l.toString());
      }
      assertTrue(l.changeApproved(last, leastApproved(l).amount(), "X").isOk(), l.toString());
    }
  }

  /** The least approved amount the ledger allows now: max(disbursed, 2 × transferred, 0.01). */
  static Money leastApproved(Ledger l) {
    Money twice = l.transferred().plus(l.transferred());
    Money least = l.disbursed().compareTo(twice) >= 0 ? l.disbursed() : twice;
    return least.amount().signum() > 0 ? least : Money.of("0.01");
  }

  static void invariants(Ledger l) {
    Money approved = l.approved();
    Money disbursed = l.disbursed();
    Money transferred = l.transferred();
    assertFalse(disbursed.isGreaterThan(approved), "disbursed > approved: " + l);
    assertTrue(transferred.isAtMostPercentOf(FIFTY, approved), "transferred > 50 %: " + l);
    assertFalse(transferred.isGreaterThan(disbursed), "transferred > disbursed: " + l);
    assertEquals(disbursed.minus(transferred), l.balance());
    assertFalse(l.balance().isNegative());
    assertFalse(l.transferAvailable().isNegative());
    // on every day: transferred by then ≤ disbursed by then
    List<Ledger.Entry> dated = new ArrayList<>(l.entries());
    dated.removeIf(Ledger.ApprovedChange.class::isInstance);
    dated.sort(Comparator.comparing(Ledger.Entry::date));
    for (Ledger.Entry e : dated) {
      Money in =
          sum(
              l.disbursements().stream()
                  .filter(d -> !d.date().isAfter(e.date()))
                  .map(Ledger.Disbursement::amount)
                  .toList());
      Money out =
          sum(
              l.transfers().stream()
                  .filter(t -> !t.date().isAfter(e.date()))
                  .map(Ledger.Transfer::amount)
                  .toList());
      assertFalse(out.isGreaterThan(in), "on " + e.date() + " transferred > disbursed: " + l);
    }
    // figures from the entries
    assertEquals(
        sum(l.disbursements().stream().map(Ledger.Disbursement::amount).toList()), disbursed);
  }

  static Money sum(List<Money> m) {
    return m.stream().reduce(Money.ZERO, Money::plus);
  }
}
