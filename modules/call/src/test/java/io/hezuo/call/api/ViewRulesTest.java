package io.hezuo.call.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewRulesTest {

  static final Text T = new Text("中", "en");

  static TopicView aquaculture() {
    return new TopicView(
        "B1-AQUA",
        T,
        T,
        List.of(
            new TargetView("SALINE_TECH", T, 1, T),
            new TargetView("DEMO_BASE", T, 2, T),
            new TargetView("TRAINED", T, 30, T)));
  }

  static LineView b1() {
    return new LineView(
        1,
        "B1",
        "B1",
        Category.COUNTERPART,
        T,
        T,
        Money.wan("60"),
        36,
        ApplicantRule.LISTED_TYPES,
        Set.of(UnitType.ENTERPRISE, UnitType.MEDICAL),
        Allocation.COMPETITIVE,
        QuotaKind.COMBINED,
        "B",
        null,
        false,
        false,
        true,
        true,
        new BigDecimal("50.00"),
        15,
        T,
        T,
        T,
        T,
        0,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(aquaculture()));
  }

  @Test
  void windowIsHalfOpen() {
    Window w =
        new Window(Instant.parse("2025-08-21T16:00:00Z"), Instant.parse("2025-09-15T09:30:00Z"));
    assertTrue(w.isOpenAt(Instant.parse("2025-09-15T09:29:59Z")));
    assertFalse(w.isOpenAt(Instant.parse("2025-09-15T09:30:00Z")));
    assertTrue(w.hasClosedAt(Instant.parse("2025-09-15T09:30:00Z")));
    assertFalse(w.isOpenAt(Instant.parse("2025-08-21T15:59:59Z")));
  }

  @Test
  void minimumTargetsAreMetAtTheMinimum() {
    TopicView t = aquaculture();
    assertTrue(t.shortfalls(Map.of("SALINE_TECH", 1, "DEMO_BASE", 2, "TRAINED", 30)).isEmpty());
    assertEquals(
        List.of("DEMO_BASE", "TRAINED"),
        t.shortfalls(Map.of("SALINE_TECH", 1, "DEMO_BASE", 1, "TRAINED", 29)).stream()
            .map(TargetView::code)
            .toList());
    assertEquals(3, t.shortfalls(Map.of()).size());
  }

  @Test
  void lineViewRules() {
    LineView b1 = b1();
    assertTrue(b1.capAllows(Money.of("600000.00")));
    assertFalse(b1.capAllows(Money.of("600000.01")));
    assertTrue(b1.transferAllowed(Money.of("300000.00"), Money.of("600000.00")));
    assertFalse(b1.transferAllowed(Money.of("300000.01"), Money.of("600000.00")));
    assertTrue(b1.allowsUnitType(UnitType.MEDICAL));
    assertFalse(b1.allowsUnitType(UnitType.UNIVERSITY));
    assertTrue(b1.durationAllows(36));
    assertFalse(b1.durationAllows(37));
    assertTrue(b1.topic("B1-AQUA").isPresent());
    assertEquals("B1", b1.htmlId());
    assertEquals("A2_1", LineView.htmlId("A2.1"));
  }

  @Test
  void callViewFindsLinesAndJudgesWindows() {
    CallView c =
        new CallView(
            1,
            "2026-HZ",
            2026,
            T,
            T,
            LocalDate.of(2025, 8, 21),
            Instant.parse("2025-08-21T16:00:00Z"),
            Instant.parse("2025-09-15T09:30:00Z"),
            Instant.parse("2025-09-19T09:30:00Z"),
            0,
            List.of(b1()));
    assertTrue(c.line("B1").isPresent());
    assertFalse(c.line("B9").isPresent());
    assertTrue(c.isSubmissionOpen(Instant.parse("2025-09-15T09:29:59Z")));
    assertFalse(c.isSubmissionOpen(Instant.parse("2025-09-15T09:30:00Z")));
    assertTrue(c.isRecommendationOpen(Instant.parse("2025-09-19T09:29:59Z")));
    assertFalse(c.isRecommendationOpen(Instant.parse("2025-09-19T09:30:00Z")));
  }

  @Test
  void textFallsBackToChinese() {
    assertEquals("en", T.in(java.util.Locale.ENGLISH));
    assertEquals("中", T.in(java.util.Locale.SIMPLIFIED_CHINESE));
    assertEquals("中", new Text("中", "").in(java.util.Locale.ENGLISH));
  }
}
