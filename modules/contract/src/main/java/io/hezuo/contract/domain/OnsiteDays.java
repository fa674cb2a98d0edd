package io.hezuo.contract.domain;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.time.Zones;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The PI's days on site in the aided region (B lines): the notice asks for at least 15 days in each
 * year of the implementation period (项目负责人在项目实施期内每年赴帮扶地开展工作时间累计不少于 15 天).
 *
 * <p>Periods are calendar days, both ends counted; they may not overlap (B-OVERLAP), must lie
 * within the contract period (C-PERIOD), end no later than today (B-DATES: days are recorded once
 * worked) and start no later than they end (B-DATES). Days are counted per calendar year; a period
 * across New Year counts in both years. A year of the contract is "ending" from the first day of
 * the month in which it ends (1 December, or the month of the contract's end in its last year);
 * while it is ending below the required days the officer and the PI are warned (G5), and a year
 * that ended below them is reported (G5, warning) until someone looks.
 */
public final class OnsiteDays implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The days the notice asks for, per year. */
  public static final int REQUIRED_PER_YEAR = 15;

  /** The longest evidence note kept (F-LEN). */
  public static final int MAX_NOTE = 500;

  /** A stay on site, with what proves it (a note or an attachment's reference). */
  public record Stay(Period period, String evidence) implements Serializable {
    public Stay {
      Objects.requireNonNull(period, "period");
    }

    public long days() {
      return period.days();
    }
  }

  /** The count of one year of the contract. */
  public record YearCount(int year, long days, int required) implements Serializable {
    public long missing() {
      return Math.max(0, required - days);
    }

    public boolean met() {
      return days >= required;
    }
  }

  private final Period contract;
  private final int requiredPerYear;
  private final List<Stay> stays;

  private OnsiteDays(Period contract, int requiredPerYear, List<Stay> stays) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.requiredPerYear = requiredPerYear;
    this.stays = List.copyOf(stays);
  }

  /** No stays yet, for a contract's period and the days required per year (15 by the notice). */
  public static OnsiteDays of(Period contract, int requiredPerYear) {
    if (requiredPerYear < 0) {
      throw new IllegalArgumentException("required days < 0: " + requiredPerYear);
    }
    return new OnsiteDays(contract, requiredPerYear, List.of());
  }

  public List<Stay> stays() {
    return stays;
  }

  public Period contract() {
    return contract;
  }

  public int requiredPerYear() {
    return requiredPerYear;
  }

  /** Records a stay, or says why not; {@code clock} says what today is (Asia/Shanghai). */
  public Outcome<OnsiteDays> record(LocalDate from, LocalDate to, String evidence, Clock clock) {
    List<RuleViolation> v = new ArrayList<>();
    if (from == null) {
      v.add(RuleViolation.error("F-REQ", "onsiteFrom", "contract.rule.required"));
    }
    if (to == null) {
      v.add(RuleViolation.error("F-REQ", "onsiteTo", "contract.rule.required"));
    }
    String note = evidence == null ? "" : evidence.strip();
    if (note.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", "onsiteEvidence", "contract.rule.required"));
    } else if (note.length() > MAX_NOTE) {
      v.add(RuleViolation.error("F-LEN", "onsiteEvidence", "contract.rule.length", MAX_NOTE));
    }
    if (from == null || to == null) {
      return Outcome.refused(v);
    }
    if (to.isBefore(from)) {
      v.add(
          RuleViolation.error(
              "B-DATES", "onsiteTo", "contract.onsite.endBeforeStart", from.toString()));
      return Outcome.refused(v);
    }
    Period p = new Period(from, to);
    LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
    if (to.isAfter(today)) {
      v.add(RuleViolation.error("B-DATES", "onsiteTo", "contract.onsite.future", today.toString()));
    }
    if (!contract.contains(from) || !contract.contains(to)) {
      v.add(
          RuleViolation.error(
              "C-PERIOD",
              "onsiteFrom",
              "contract.onsite.outsidePeriod",
              contract.from().toString(),
              contract.to().toString()));
    }
    for (Stay s : stays) {
      if (s.period().overlaps(p)) {
        v.add(
            RuleViolation.error(
                "B-OVERLAP",
                "onsiteFrom",
                "contract.onsite.overlap",
                s.period().from().toString(),
                s.period().to().toString()));
        break;
      }
    }
    return Outcome.of(
        v,
        () -> {
          List<Stay> next = new ArrayList<>(stays);
          next.add(new Stay(p, note));
          return new OnsiteDays(contract, requiredPerYear, next);
        });
  }

  /** The days on site in calendar year {@code year} (a stay across New Year split by year). */
  public long daysIn(int year) {
    Period y = yearPeriod(year);
    long days = 0;
    for (Stay s : stays) {
      Period common = s.period().intersection(y);
      if (common != null) {
        days += common.days();
      }
    }
    return days;
  }

  /** The count of every calendar year the contract touches, in order (years without stays: 0). */
  public SortedMap<Integer, YearCount> counts() {
    SortedMap<Integer, YearCount> out = new TreeMap<>();
    for (int y = contract.from().getYear(); y <= contract.to().getYear(); y++) {
      out.put(y, new YearCount(y, daysIn(y), requiredPerYear));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The warnings for today ({@code clock}, Asia/Shanghai), G5 and of severity WARNING:
   *
   * <ul>
   *   <li>{@code contract.onsite.yearEnding}: the contract year of today is ending (from the first
   *       day of the month in which it ends) with fewer than the required days;
   *   <li>{@code contract.onsite.yearMissed}: an earlier contract year ended with fewer.
   * </ul>
   */
  public List<RuleViolation> warnings(Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
    List<RuleViolation> v = new ArrayList<>();
    for (YearCount c : counts().values()) {
      if (c.met()) {
        continue;
      }
      LocalDate end = yearEnd(c.year());
      if (end.isBefore(today)) {
        v.add(
            RuleViolation.warning(
                "G5",
                "onsiteDays",
                "contract.onsite.yearMissed",
                String.valueOf(c.year()),
                c.days(),
                c.required()));
      } else if (!today.isBefore(end.withDayOfMonth(1)) && !today.isBefore(contract.from())) {
        v.add(
            RuleViolation.warning(
                "G5",
                "onsiteDays",
                "contract.onsite.yearEnding",
                String.valueOf(c.year()),
                end.toString(),
                c.days(),
                c.required(),
                c.missing()));
      }
    }
    return v;
  }

  /** The last day of the contract year {@code year}: 31 December, or the contract's end. */
  private LocalDate yearEnd(int year) {
    LocalDate dec31 = Year.of(year).atMonth(12).atEndOfMonth();
    return contract.to().isBefore(dec31) ? contract.to() : dec31;
  }

  private static Period yearPeriod(int year) {
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OnsiteDays d
        && contract.equals(d.contract)
        && requiredPerYear == d.requiredPerYear
        && stays.equals(d.stays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contract, requiredPerYear, stays);
  }
}
