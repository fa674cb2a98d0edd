package io.hezuo.formalreview.similarity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages of units, exact until they are shown. */
public final class Percent {

  /** G3: a total similarity of 30 % or more (inclusive) fails formal review. */
  public static final int G3_THRESHOLD_PERCENT = 30;

  private Percent() {}

  /** {@code part / whole × 100} with two decimals, HALF_UP; 0.00 when whole is 0. */
  public static BigDecimal of(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }

  /** Whether {@code part / whole × 100 >= percent}, exactly (no rounding). */
  public static boolean atLeast(long part, long whole, int percent) {
    return whole > 0 && part * 100 >= (long) percent * whole;
  }
}
