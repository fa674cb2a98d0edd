package io.hezuo.formalreview.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * G3 at its boundary: the decision is made on the exact fraction, and the figure shown is
 * truncated, never rounded up across 30 % (29.995 % passes and shows as 29.99, not 30.00).
 */
class PercentTest {

  @ParameterizedTest(name = "{0}/{1} = {2} %, fails G3: {3}")
  @CsvSource({
    "2999, 10000, 29.99, false",
    "3000, 10000, 30.00, true",
    "5999, 20000, 29.99, false", // 29.995 %
    "299999, 1000000, 29.99, false", // 29.9999 %
    "1, 3, 33.33, true",
    "2, 3, 66.66, true", // 66.666… % truncated, not 66.67
    "3001, 10000, 30.01, true",
    "0, 0, 0.00, false",
    "0, 17, 0.00, false",
    "17, 17, 100.00, true",
  })
  void theFigureIsTruncatedAndTheDecisionExact(long part, long whole, String shown, boolean fails) {
    assertEquals(shown, Percent.of(part, whole).toPlainString());
    assertEquals(fails, Percent.atLeast(part, whole, Percent.G3_THRESHOLD_PERCENT));
    assertEquals(
        fails, new DocumentSimilarity("q", (int) whole, (int) part, java.util.List.of()).failsG3());
  }

  @ParameterizedTest
  @CsvSource({"5999, 20000", "2999999, 10000000", "29999, 100000"})
  void nothingBelowThirtyIsShownAsThirty(long part, long whole) {
    assertFalse(Percent.atLeast(part, whole, 30));
    assertTrue(Percent.of(part, whole).compareTo(new java.math.BigDecimal("30.00")) < 0);
  }
}
