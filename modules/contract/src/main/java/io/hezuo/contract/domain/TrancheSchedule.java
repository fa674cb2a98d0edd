package io.hezuo.contract.domain;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a contract's approved subsidy is paid: tranches as percentages that add up to exactly 100,
 * each with the event that makes it due. The default is 70 % on signing and 30 % after the mid-term
 * check; a contract may set its own list (C-TRANCHE).
 *
 * <p>Amounts are computed in {@link Money} so that they add up exactly to the approved subsidy:
 * each tranche but the last is its share rounded down to the fen, the last takes the rest.
 */
public final class TrancheSchedule implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What makes a tranche due. */
  public enum Trigger {
    /** The contract is in force (countersigned). */
    SIGNING,
    /** The mid-term check has been passed. */
    MIDTERM,
    /** The final acceptance (验收) has been passed. */
    FINAL,
    /** A fixed date ({@link Tranche#dueOn()}). */
    DATE
  }

  /**
   * One planned tranche: its share of the subsidy in percent (more than 0, at most two decimals),
   * its trigger, and the date for a {@link Trigger#DATE} tranche (null otherwise).
   */
  public record Tranche(BigDecimal percent, Trigger trigger, LocalDate dueOn)
      implements Serializable {
    public Tranche {
      Objects.requireNonNull(percent, "percent");
      Objects.requireNonNull(trigger, "trigger");
    }

    public static Tranche of(String percent, Trigger trigger) {
      return new Tranche(new BigDecimal(percent), trigger, null);
    }

    public static Tranche onDate(String percent, LocalDate date) {
      return new Tranche(new BigDecimal(percent), Trigger.DATE, date);
    }
  }

  /** A tranche with its amount for a given subsidy; {@code number} counts from 1. */
  public record Due(int number, Tranche tranche, Money amount) implements Serializable {}

  /** 70 % on signing, 30 % after the mid-term check. */
  public static final TrancheSchedule DEFAULT =
      new TrancheSchedule(
          List.of(Tranche.of("70", Trigger.SIGNING), Tranche.of("30", Trigger.MIDTERM)));

  private final List<Tranche> tranches;

  private TrancheSchedule(List<Tranche> tranches) {
    this.tranches = List.copyOf(tranches);
  }

  /** The field of the {@code row}-th tranche's percentage: {@code tranche_0_percent}. */
  public static String field(int row) {
    return "tranche_" + row + "_percent";
  }

  /**
   * A schedule from a list, or why not (C-TRANCHE): at least one tranche; each share more than 0
   * with at most two decimals; the shares add up to exactly 100; a DATE tranche has its date and
   * only a DATE tranche has one; DATE tranches in date order.
   */
  public static Outcome<TrancheSchedule> of(List<Tranche> tranches) {
    List<RuleViolation> v = new ArrayList<>();
    if (tranches == null || tranches.isEmpty()) {
      v.add(RuleViolation.error("C-TRANCHE", "tranches", "contract.tranche.none"));
      return Outcome.refused(v);
    }
    BigDecimal sum = BigDecimal.ZERO;
    LocalDate lastDate = null;
    for (int i = 0; i < tranches.size(); i++) {
      Tranche t = tranches.get(i);
      if (t.percent().signum() <= 0 || t.percent().stripTrailingZeros().scale() > 2) {
        v.add(
            RuleViolation.error(
                "C-TRANCHE",
                field(i),
                "contract.tranche.percent",
                i + 1,
                t.percent().toPlainString()));
      }
      sum = sum.add(t.percent());
      if (t.trigger() == Trigger.DATE && t.dueOn() == null) {
        v.add(RuleViolation.error("C-TRANCHE", field(i), "contract.tranche.dateMissing", i + 1));
      } else if (t.trigger() != Trigger.DATE && t.dueOn() != null) {
        v.add(RuleViolation.error("C-TRANCHE", field(i), "contract.tranche.dateNotDate", i + 1));
      } else if (t.trigger() == Trigger.DATE) {
        if (lastDate != null && t.dueOn().isBefore(lastDate)) {
          v.add(RuleViolation.error("C-TRANCHE", field(i), "contract.tranche.dateOrder", i + 1));
        }
        lastDate = t.dueOn();
      }
    }
    if (sum.compareTo(Amounts.HUNDRED) != 0) {
      v.add(
          RuleViolation.error(
              "C-TRANCHE", "tranches", "contract.tranche.sum", Amounts.percent(sum)));
    }
    return Outcome.of(v, () -> new TrancheSchedule(tranches));
  }

  public List<Tranche> tranches() {
    return tranches;
  }

  /**
   * The tranches with their amounts for {@code approved}: each but the last is its share rounded
   * down to the fen, the last is what remains, so that they add up exactly to {@code approved}.
   */
  public List<Due> amounts(Money approved) {
    List<Due> out = new ArrayList<>();
    Money given = Money.ZERO;
    for (int i = 0; i < tranches.size(); i++) {
      Tranche t = tranches.get(i);
      Money amount =
          i == tranches.size() - 1
              ? approved.minus(given)
              : Amounts.percentOfDown(t.percent(), approved);
      given = given.plus(amount);
      out.add(new Due(i + 1, t, amount));
    }
    return out;
  }

  /**
   * The tranches due by now: those whose trigger has happened ({@code reached}) and the DATE
   * tranches whose date is on or before {@code today}.
   */
  public List<Due> dueBy(Money approved, Set<Trigger> reached, LocalDate today) {
    return amounts(approved).stream()
        .filter(
            d ->
                d.tranche().trigger() == Trigger.DATE
                    ? !d.tranche().dueOn().isAfter(today)
                    : reached.contains(d.tranche().trigger()))
        .toList();
  }

  /** The sum of the tranches due by now ({@link #dueBy}). */
  public Money dueAmount(Money approved, Set<Trigger> reached, LocalDate today) {
    return dueBy(approved, reached, today).stream()
        .map(Due::amount)
        .reduce(Money.ZERO, Money::plus);
  }

  /**
   * The first tranche not yet covered by {@code disbursed} (the tranches are paid in order), or
   * null when everything is paid: what the "next tranche due" list shows.
   */
  public Due next(Money approved, Money disbursed) {
    Money covered = Money.ZERO;
    for (Due d : amounts(approved)) {
      covered = covered.plus(d.amount());
      if (covered.isGreaterThan(disbursed)) {
        return d;
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrancheSchedule s && tranches.equals(s.tranches);
  }

  @Override
  public int hashCode() {
    return tranches.hashCode();
  }

  @Override
  public String toString() {
    return "TrancheSchedule" + tranches;
  }
}
