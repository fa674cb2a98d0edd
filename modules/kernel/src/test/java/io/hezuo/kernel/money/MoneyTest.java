package io.hezuo.kernel.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void wanConvertsToYuanWithTwoDecimals() {
    assertEquals("1500000.00", Money.wan("150").toString());
    assertEquals("600000.00", Money.wan("60").toString());
    assertEquals("150", Money.wan("150").toWanString());
    assertEquals("0.5", Money.of("5000").toWanString());
  }

  @Test
  void refusesMoreThanTwoDecimalsInsteadOfRounding() {
    assertThrows(IllegalArgumentException.class, () -> Money.of("1.005"));
    assertThrows(IllegalArgumentException.class, () -> Money.of("abc"));
    assertEquals(Money.of("1.5"), Money.of(new BigDecimal("1.50")));
  }

  @Test
  void capBoundaryIsExact() {
    Money cap = Money.wan("150");
    assertFalse(Money.of("1500000.00").isGreaterThan(cap));
    assertTrue(Money.of("1500000.01").isGreaterThan(cap));
  }

  @Test
  void percentBoundaryIsExact() {
    Money subsidy = Money.of("600000.00");
    BigDecimal fifty = new BigDecimal("50");
    assertTrue(Money.of("300000.00").isAtMostPercentOf(fifty, subsidy));
    assertFalse(Money.of("300000.01").isAtMostPercentOf(fifty, subsidy));
    // 50.01 % of 600,000 = 300,060
    assertFalse(Money.of("300060.00").isAtMostPercentOf(fifty, subsidy));
  }

  @Test
  void arithmeticKeepsScaleTwo() {
    assertEquals("0.30", Money.of("0.10").plus(Money.of("0.20")).toString());
    assertEquals("-0.10", Money.of("0.10").minus(Money.of("0.20")).toString());
    assertTrue(Money.of("0.10").minus(Money.of("0.20")).isNegative());
  }

  @Test
  void displaysYuanWithSeparatorsAndWan() {
    assertEquals("1,200,000.00 元（120 万元）", Money.of("1200000").display(java.util.Locale.CHINA));
    assertEquals("0.00 元（0 万元）", Money.ZERO.display(java.util.Locale.CHINA));
    assertEquals("12,345.67 元（1.234567 万元）", Money.of("12345.67").display(null));
    assertEquals(
        "CNY 1,200,000.00 (120 × 10,000)", Money.of("1200000").display(java.util.Locale.ENGLISH));
  }

  @Test
  void parsesEntryInYuanOrWanExactly() {
    assertEquals(Money.of("1200000.00"), Money.parse("120", Money.Unit.WAN));
    assertEquals(Money.of("12345.67"), Money.parse("1.234567", Money.Unit.WAN));
    assertEquals(Money.of("1200000.50"), Money.parse("1,200,000.5", Money.Unit.YUAN));
    assertEquals(Money.of("1200000.00"), Money.parse("1，200，000", Money.Unit.YUAN));
    assertThrows(IllegalArgumentException.class, () -> Money.parse("1.2345678", Money.Unit.WAN));
    assertThrows(IllegalArgumentException.class, () -> Money.parse("1.005", Money.Unit.YUAN));
    assertThrows(IllegalArgumentException.class, () -> Money.parse("12万", Money.Unit.YUAN));
  }
}
