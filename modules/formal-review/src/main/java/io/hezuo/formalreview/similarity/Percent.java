package io.hezuo.formalreview.similarity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages of units, exact until they are shown. */
public final class Percent {

  /** G3: a total similarity of 30 % or more (inclusive) fails formal review. */
  public static final int G3_THRESHOLD_PERCENT = 30;

  private Percent() {}

  /**
   * {@code part / whole × 100} truncated to two decimals (never rounded up: 29.995 % shows as
   * 29.99, so a figure below the G3 line is never shown as 30.00); 0.00 when whole is 0. Decisions
   * use {@link #atLeast}, never this figure.
   */
  public static BigDecimal of(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
  }

  /** Whether {@code part / whole × 100 >= percent}, exactly (no rounding). */
  public static boolean atLeast(long part, long whole, int percent) {
    return whole > 0 && part * 100 >= (long) percent * whole;
  }
}
