package io.hezuo.call.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.rule.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTest {

  static Instant sh(String localIso) {
    return OffsetDateTime.parse(localIso + "+08:00").toInstant();
  }

  static final Instant OPENS = sh("2025-08-22T00:00:00");
  static final Instant CLOSES = sh("2025-09-15T17:30:00");
  static final Instant REC = sh("2025-09-19T17:30:00");

  static Call call2026() {
    return new Call("2026-HZ", 2026, LocalDate.of(2025, 8, 21), OPENS, CLOSES, REC);
  }

  @Test
  void theSeededInstantsAreTheNoticesShanghaiTimes() {
    assertEquals(Instant.parse("2025-08-21T16:00:00Z"), OPENS);
    assertEquals(Instant.parse("2025-09-15T09:30:00Z"), CLOSES);
    assertEquals(Instant.parse("2025-09-19T09:30:00Z"), REC);
  }

  @Test
  void submissionIsOpenUntilTheLastSecondBefore1730() {
    Call call = call2026();
    assertTrue(call.isSubmissionOpen(sh("2025-09-15T17:29:59")));
    assertTrue(call.isSubmissionOpen(sh("2025-09-15T17:29:59.999999")));
    assertFalse(call.isSubmissionOpen(sh("2025-09-15T17:30:00")));
    assertFalse(call.isSubmissionOpen(sh("2025-09-15T17:30:01")));
  }

  @Test
  void submissionOpensAtMidnightOfThe22nd() {
    Call call = call2026();
    assertFalse(call.isSubmissionOpen(sh("2025-08-21T23:59:59")));
    assertTrue(call.isSubmissionOpen(sh("2025-08-22T00:00:00")));
  }

  @Test
  void recommendationClosesAt1730OnThe19th() {
    Call call = call2026();
    assertTrue(call.isRecommendationOpen(sh("2025-09-15T17:30:00")));
    assertTrue(call.isRecommendationOpen(sh("2025-09-19T17:29:59")));
    assertFalse(call.isRecommendationOpen(sh("2025-09-19T17:30:00")));
  }

  @Test
  void aValidScheduleHasNoViolations() {
    assertTrue(Call.checkSchedule(OPENS, CLOSES, REC).isEmpty());
  }

  @Test
  void c1SubmissionMustCloseAfterItOpens() {
    List<RuleViolation> same = Call.checkSchedule(OPENS, OPENS, REC);
    assertEquals(List.of("C1"), same.stream().map(RuleViolation::ruleId).toList());
    assertEquals("submissionClosesAt", same.get(0).field());
    assertEquals("C1", Call.checkSchedule(CLOSES, OPENS, REC).get(0).ruleId());
    assertTrue(Call.checkSchedule(OPENS, OPENS.plusSeconds(1), REC).isEmpty());
  }

  @Test
  void c2RecommendationMustCloseAfterSubmissionCloses() {
    List<RuleViolation> same = Call.checkSchedule(OPENS, CLOSES, CLOSES);
    assertEquals(List.of("C2"), same.stream().map(RuleViolation::ruleId).toList());
    assertEquals("recommendationClosesAt", same.get(0).field());
    assertTrue(Call.checkSchedule(OPENS, CLOSES, CLOSES.plusSeconds(1)).isEmpty());
  }

  @Test
  void c6AllThreeDatesAreRequired() {
    List<RuleViolation> v = Call.checkSchedule(null, null, null);
    assertEquals(3, v.size());
    assertTrue(v.stream().allMatch(x -> x.ruleId().equals("C6")));
  }

  @Test
  void rescheduleReportsOnlyTheChangedDeadlinesInShanghaiTime() {
    Call call = call2026();
    String[] change = call.reschedule(OPENS, CLOSES, sh("2025-09-19T18:00:00")).orElseThrow();
    assertEquals("recommendationClosesAt: 2025-09-19 17:30:00", change[0]);
    assertEquals("recommendationClosesAt: 2025-09-19 18:00:00", change[1]);
    assertFalse(call.isRecommendationOpen(sh("2025-09-19T18:00:00")));
    assertTrue(call.isRecommendationOpen(sh("2025-09-19T17:59:59")));
    assertTrue(call.reschedule(OPENS, CLOSES, sh("2025-09-19T18:00:00")).isEmpty());
  }
}
