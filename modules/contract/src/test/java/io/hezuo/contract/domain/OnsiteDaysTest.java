package io.hezuo.contract.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.Severity;
import io.hezuo.kernel.time.Zones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnsiteDaysTest {

  static final Period CONTRACT = Period.of("2026-01-01", "2028-06-30");

  /** A clock fixed at the start of {@code day} in Asia/Shanghai. */
  static Clock at(String day) {
    return Clock.fixed(
        LocalDate.parse(day).atStartOfDay(Zones.SHANGHAI).toInstant(), Zones.SHANGHAI);
  }

  static final Clock LATE = at("2028-06-30");

  static OnsiteDays empty() {
    return OnsiteDays.of(CONTRACT, OnsiteDays.REQUIRED_PER_YEAR);
  }

  static OnsiteDays with(OnsiteDays d, String from, String to) {
    return d.record(LocalDate.parse(from), LocalDate.parse(to), "驻点证明", LATE).value();
  }

  static List<String> keys(List<RuleViolation> v) {
    return v.stream().map(RuleViolation::messageKey).toList();
  }

  @Test
  void daysAreCountedInclusivelyPerYearAndSplitAcrossNewYear() {
    OnsiteDays d = with(with(empty(), "2026-03-01", "2026-03-10"), "2026-12-28", "2027-01-04");
    assertEquals(10, d.stays().get(0).days());
    assertEquals(8, d.stays().get(1).days());
    assertEquals(14, d.daysIn(2026));
    assertEquals(4, d.daysIn(2027));
    assertEquals(0, d.daysIn(2028));
    assertEquals(List.of(2026, 2027, 2028), List.copyOf(d.counts().keySet()));
    assertEquals(1, d.counts().get(2026).missing());
    assertEquals(11, d.counts().get(2027).missing());
  }

  @Test
  void overlappingStaysAreRefused() {
    OnsiteDays d = with(empty(), "2026-03-01", "2026-03-10");
    Outcome<OnsiteDays> o =
        d.record(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-12"), "x", LATE);
    assertEquals(List.of("B-OVERLAP"), o.ruleIds());
    assertEquals(
        "[B-OVERLAP] 驻点起始日期: 与已登记的驻点时间 2026-03-01 至 2026-03-10 重叠",
        Messages.describe(Messages.CHINESE, o.violations().get(0)));
    assertEquals(
        List.of("B-OVERLAP"),
        d.record(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-01"), "x", LATE)
            .ruleIds());
    // the day after is fine
    assertTrue(
        d.record(LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-12"), "x", LATE).isOk());
  }

  @Test
  void aStayIsOrderedWithinTheContractAlreadyOverAndEvidenced() {
    OnsiteDays d = empty();
    assertEquals(
        List.of("B-DATES"),
        d.record(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-09"), "x", LATE)
            .ruleIds());
    assertEquals(
        List.of("C-PERIOD"),
        d.record(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-05"), "x", LATE)
            .ruleIds());
    assertEquals(
        List.of("B-DATES"),
        d.record(
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"), "x", at("2026-03-01"))
            .ruleIds());
    assertTrue(
        d.record(
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"), "x", at("2026-03-01"))
            .isOk());
    assertEquals(
        List.of("F-REQ"),
        d.record(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"), " ", LATE)
            .ruleIds());
  }

  @Test
  void aWarningWhenTheYearIsEndingBelowFifteenDays() {
    OnsiteDays d = with(empty(), "2026-03-01", "2026-03-14"); // 14 days
    assertEquals(List.of(), d.warnings(at("2026-11-30")));
    List<RuleViolation> w = d.warnings(at("2026-12-01"));
    assertEquals(List.of("contract.onsite.yearEnding"), keys(w));
    assertEquals(Severity.WARNING, w.get(0).severity());
    assertEquals("G5", w.get(0).ruleId());
    assertEquals(
        "[G5] 赴帮扶地工作天数: 2026 年度（至 2026-12-31）项目负责人赴帮扶地工作累计 14 天，少于要求的 15 天，还差 1 天",
        Messages.describe(Messages.CHINESE, w.get(0)));
    assertEquals(List.of("contract.onsite.yearEnding"), keys(d.warnings(at("2026-12-31"))));
    // the 15th day ends the warning
    OnsiteDays enough = with(d, "2026-12-02", "2026-12-02");
    assertEquals(List.of(), enough.warnings(at("2026-12-02")));
  }

  @Test
  void theClockIsReadInShanghai() {
    OnsiteDays d = empty();
    // 2026-11-30 16:00 UTC is already 1 December in Shanghai
    Clock utc =
        Clock.fixed(
            ZonedDateTime.parse("2026-11-30T16:00:00Z").toInstant(), java.time.ZoneOffset.UTC);
    assertEquals(List.of("contract.onsite.yearEnding"), keys(d.warnings(utc)));
    Clock before =
        Clock.fixed(
            ZonedDateTime.parse("2026-11-30T15:59:59Z").toInstant(), java.time.ZoneOffset.UTC);
    assertEquals(List.of(), d.warnings(before));
  }

  @Test
  void aMissedYearStaysReportedAndTheLastYearEndsWithTheContract() {
    OnsiteDays d = with(empty(), "2026-03-01", "2026-03-05");
    List<RuleViolation> w = d.warnings(at("2027-01-10"));
    assertEquals(List.of("contract.onsite.yearMissed"), keys(w));
    assertEquals("2026", w.get(0).args().get(0));
    // the contract ends on 2028-06-30: its last year is ending from 1 June
    OnsiteDays full = with(with(d, "2026-04-01", "2026-04-10"), "2027-05-01", "2027-05-20");
    assertEquals(List.of(), full.warnings(at("2028-05-31")));
    List<RuleViolation> last = full.warnings(at("2028-06-01"));
    assertEquals(List.of("contract.onsite.yearEnding"), keys(last));
    assertEquals("2028-06-30", last.get(0).args().get(1));
    // before the contract starts there is nothing to warn about
    OnsiteDays later = OnsiteDays.of(Period.of("2027-01-01", "2029-12-31"), 15);
    assertEquals(List.of(), later.warnings(at("2026-12-15")));
  }
}
