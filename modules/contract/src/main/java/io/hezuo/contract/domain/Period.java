package io.hezuo.contract.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A span of calendar days, both ends included (a contract's implementation period, an on-site
 * stay). Dates are Asia/Shanghai calendar days.
 */
public record Period(LocalDate from, LocalDate to) implements Serializable {

  public Period {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("ends before it starts: " + from + " – " + to);
    }
  }

  public static Period of(String from, String to) {
    return new Period(LocalDate.parse(from), LocalDate.parse(to));
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** How many days, both ends counted: 1 to 15 March is 15 days. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** Whether the two share at least one day. */
  public boolean overlaps(Period other) {
    return !other.to.isBefore(from) && !other.from.isAfter(to);
  }

  /** The days both share, or null when they share none. */
  public Period intersection(Period other) {
    if (!overlaps(other)) {
      return null;
    }
    LocalDate f = from.isAfter(other.from) ? from : other.from;
    LocalDate t = to.isBefore(other.to) ? to : other.to;
    return new Period(f, t);
  }

  /**
   * Whole calendar months the period covers, counting a started month as a full one: 2026-01-01 to
   * 2028-12-31 is 36 months, 2026-01-15 to 2029-01-14 is 37 (it touches 37 months).
   */
  public long monthsTouched() {
    return ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
  }

  @Override
  public String toString() {
    return from + " – " + to;
  }
}
