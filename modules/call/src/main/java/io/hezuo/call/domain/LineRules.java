package io.hezuo.call.domain;

import io.hezuo.call.api.UnitType;
import io.hezuo.kernel.money.Money;
import java.util.Set;

/**
 * G6, the one place: the subsidy within the line's cap (the cap itself allowed, a cent more not),
 * the duration within the line's maximum, the applicant's unit type one the line allows. {@link
 * Line} (the entity) and {@code api.LineView} (what other modules read) both delegate here.
 */
public final class LineRules {

  private LineRules() {}

  /** G6: the subsidy asked for is within the cap; the cap itself is allowed, a cent more is not. */
  public static boolean capAllows(Money cap, Money subsidy) {
    return !subsidy.isGreaterThan(cap);
  }

  /** G6: the duration in months is positive and at most the line's maximum (36). */
  public static boolean durationAllows(int maxDurationMonths, int months) {
    return months > 0 && months <= maxDurationMonths;
  }

  /** G6: the unit type may apply (A1: the lead unit's type). */
  public static boolean allowsUnitType(Set<UnitType> unitTypes, UnitType type) {
    return type != null && unitTypes.contains(type);
  }
}
