package io.hezuo.formalreview.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * G8 for A1: the partner's own submission and the foreign deadline shown (passed by the review's
 * date or not, to be announced), the outcome the submission rules' G8 findings.
 */
class DualSubmissionTest {

  static final LineKind A1 = new LineKind("A1", "A1", true, true);
  static final LocalDate REVIEW = LocalDate.of(2025, 9, 25);

  static DualSubmission.Partner norway(LocalDate deadline, boolean tba) {
    return new DualSubmission.Partner(
        "挪威", "Norway", "挪威创新署", "Innovation Norway", deadline, tba, true);
  }

  static List<String> keys(RuleCheck c) {
    return c.evidence().stream().map(RuleCheck.Evidence::key).toList();
  }

  @Test
  void notAnA1ApplicationDoesNotApply() {
    RuleCheck c =
        DualSubmission.check(
            new LineKind("A3", "A3", true, false), null, null, null, REVIEW, List.of());
    assertEquals(Outcome.PASS, c.outcome());
    assertEquals("formalreview.check.g8.na", c.messageKey());
  }

  @Test
  void aRecordedSubmissionBeforeTheDeadlinePassesWithTheDeadlineShown() {
    // the deadline's day itself: not yet passed
    RuleCheck onTheDay =
        DualSubmission.check(
            A1, norway(REVIEW, false), "IN-2025-77", "2025-09-10", REVIEW, List.of());
    assertEquals(Outcome.PASS, onTheDay.outcome());
    assertEquals("formalreview.check.g8.pass", onTheDay.messageKey());
    assertEquals(
        List.of(
            "formalreview.evidence.partner",
            "formalreview.evidence.foreignSubmission",
            "formalreview.evidence.foreignDeadline"),
        keys(onTheDay));
    assertEquals(List.of("IN-2025-77", "2025-09-10"), onTheDay.evidence().get(1).args());
    assertEquals(List.of("2025-09-25", "2025-09-25"), onTheDay.evidence().get(2).args());
    // a day later the deadline has passed: shown, but the partner submitted in time
    RuleCheck dayAfter =
        DualSubmission.check(
            A1, norway(REVIEW, false), "IN-2025-77", "2025-09-10", REVIEW.plusDays(1), List.of());
    assertEquals(Outcome.PASS, dayAfter.outcome());
    assertEquals("formalreview.evidence.foreignDeadlinePassed", keys(dayAfter).get(2));
  }

  @Test
  void aMissingReferenceOrADeadlineToBeAnnouncedIsAWarning() {
    FormFinding missing =
        new FormFinding("G8", false, "foreignReference", "外方须同时申报", "The partner must also submit");
    RuleCheck noRef =
        DualSubmission.check(
            A1, norway(REVIEW, false), " ", "2025-09-10", REVIEW, List.of(missing));
    assertEquals(Outcome.WARNING, noRef.outcome());
    assertEquals("formalreview.check.g8.warning", noRef.messageKey());
    assertEquals(
        List.of(
            "formalreview.evidence.finding",
            "formalreview.evidence.partner",
            "formalreview.evidence.foreignSubmissionMissing",
            "formalreview.evidence.foreignDeadline"),
        keys(noRef));
    assertEquals(List.of("—", "2025-09-10"), noRef.evidence().get(2).args());

    FormFinding tba = new FormFinding("G8", false, "partnerCode", "待公布", "to be announced");
    RuleCheck announced =
        DualSubmission.check(A1, norway(null, true), "SG-1", "2025-09-01", REVIEW, List.of(tba));
    assertEquals(Outcome.WARNING, announced.outcome());
    assertEquals("formalreview.evidence.foreignDeadlineTba", keys(announced).get(3));
  }

  @Test
  void aUnilateralPartnerOrNoPartner() {
    RuleCheck finland =
        DualSubmission.check(
            A1,
            new DualSubmission.Partner("芬兰", "Finland", null, null, null, false, false),
            null,
            null,
            REVIEW,
            List.of());
    assertEquals(Outcome.PASS, finland.outcome());
    assertEquals("formalreview.check.g8.unilateral", finland.messageKey());
    assertEquals(List.of("芬兰", "Finland", "—", "—"), finland.evidence().get(0).args());
    RuleCheck none = DualSubmission.check(A1, null, null, null, REVIEW, List.of());
    assertEquals(Outcome.WARNING, none.outcome());
    assertEquals("formalreview.check.g8.noPartner", none.messageKey());
  }
}
