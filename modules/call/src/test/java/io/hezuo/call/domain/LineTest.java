package io.hezuo.call.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.call.api.Category;
import io.hezuo.call.api.UnitType;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineTest {

  static Line a1() {
    return new Line(
        null, "A1", Category.INTERNATIONAL, Money.wan("150"), Set.of(UnitType.ENTERPRISE));
  }

  @Test
  void capExactlyAllowedOneCentMoreRefused() {
    Line a1 = a1();
    assertTrue(a1.capAllows(Money.of("1500000.00")));
    assertTrue(a1.capAllows(Money.of("1499999.99")));
    assertFalse(a1.capAllows(Money.of("1500000.01")));
    Line b1 = new Line(null, "B1", Category.COUNTERPART, Money.wan("60"), Set.of());
    assertTrue(b1.capAllows(Money.of("600000.00")));
    assertFalse(b1.capAllows(Money.of("600000.01")));
  }

  @Test
  void durationAtMost36Months() {
    assertTrue(a1().durationAllows(36));
    assertTrue(a1().durationAllows(1));
    assertFalse(a1().durationAllows(37));
    assertFalse(a1().durationAllows(0));
  }

  @Test
  void a1IsForAnEnterpriseLead() {
    assertTrue(a1().allowsUnitType(UnitType.ENTERPRISE));
    assertFalse(a1().allowsUnitType(UnitType.UNIVERSITY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1500000.00", "1500000", "1,500,000.00", " 600000.5 ", "0.01"})
  void validCaps(String typed) {
    List<RuleViolation> v = new ArrayList<>();
    Money m = Line.parseCap("A1", typed, v);
    assertTrue(v.isEmpty(), v::toString);
    assertEquals(2, m.amount().scale());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "0.00", "-1", "1500000.001", "abc", "", "  ", "1e3x", "12345678901234"})
  void c3RefusesZeroNegativeThreeDecimalsGarbageAndTooLarge(String typed) {
    List<RuleViolation> v = new ArrayList<>();
    assertNull(Line.parseCap("B2", typed, v));
    assertEquals(1, v.size());
    assertEquals("C3", v.get(0).ruleId());
    assertEquals("cap", v.get(0).field());
    assertEquals("B2", v.get(0).args().get(0));
  }

  @Test
  void c3AlsoForNumbersFromJsonAndNull() {
    List<RuleViolation> v = new ArrayList<>();
    assertEquals(Money.of("1500000.00"), Line.checkCap("A1", new BigDecimal("1500000.000"), v));
    assertTrue(v.isEmpty());
    assertNull(Line.checkCap("A1", new BigDecimal("0.001"), v));
    assertNull(Line.checkCap("A1", null, v));
    assertEquals(2, v.size());
  }

  @Test
  void c6NamesAndContentsRequired() {
    assertTrue(Line.checkTexts("A1", "名", "Name", "内容", "Content").isEmpty());
    List<RuleViolation> v = Line.checkTexts("A1", " ", null, "", "x".repeat(20_001));
    assertEquals(4, v.size());
    assertTrue(v.stream().allMatch(x -> x.ruleId().equals("C6")));
    assertEquals(
        List.of("nameZh", "nameEn", "contentZh", "contentEn"),
        v.stream().map(RuleViolation::field).toList());
    assertEquals(1, Line.checkTexts("A1", "x".repeat(201), "n", "c", "c").size());
  }

  @Test
  void reviseReportsReadableBeforeAndAfter() {
    Line a1 = a1();
    String[] ch = a1.revise(Money.of("1400000.00"), "A1", "A1", "", " ").orElseThrow();
    assertEquals("cap: 1500000.00", ch[0]);
    assertEquals("cap: 1400000.00", ch[1]);
    assertFalse(a1.capAllows(Money.of("1400000.01")));
    assertTrue(a1.revise(Money.of("1400000.00"), "A1", "A1", "", "").isEmpty());
  }
}
