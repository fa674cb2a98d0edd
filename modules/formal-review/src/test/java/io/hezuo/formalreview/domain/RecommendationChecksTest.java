package io.hezuo.formalreview.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R1, R2 and D1 at formal review: each passing and failing at its boundary (a deadline is
 * exclusive: at 17:30:00 it has passed), and a warning, never a failure, while the recommending
 * unit can still act or when no decision is on record.
 */
class RecommendationChecksTest {

  // 2025-09-15 17:30 and 2025-09-19 17:30 Asia/Shanghai
  static final Instant SUBMISSION_CLOSES = Instant.parse("2025-09-15T09:30:00Z");
  static final Instant RECOMMENDATION_CLOSES = Instant.parse("2025-09-19T09:30:00Z");
  static final Instant BEFORE = RECOMMENDATION_CLOSES.minusSeconds(3600);
  static final Instant REVIEW = Instant.parse("2025-09-25T02:00:00Z");

  static List<RecommendationChecks.Document> allThree(Instant at) {
    return List.of(
        new RecommendationChecks.Document("LETTER", "letter.pdf", at, true, null),
        new RecommendationChecks.Document("SUMMARY", "summary.pdf", at, true, null),
        new RecommendationChecks.Document("COMMITMENT", "commitment.pdf", at, true, null));
  }

  static RecommendationChecks.Recommendation rec(
      Integer places, long used, boolean submitted, List<RecommendationChecks.Document> docs) {
    return new RecommendationChecks.Recommendation(
        "A3",
        1,
        BEFORE.minusSeconds(60),
        submitted,
        submitted ? BEFORE : null,
        RECOMMENDATION_CLOSES,
        places,
        used,
        docs);
  }

  static List<String> keys(RuleCheck c) {
    return c.evidence().stream().map(RuleCheck.Evidence::key).toList();
  }

  @Test
  void r1AtTheQuotaPassesAndOneOverFails() {
    RuleCheck at = RecommendationChecks.r1(rec(3, 3, true, allThree(BEFORE)));
    assertEquals(Outcome.PASS, at.outcome());
    assertEquals(List.of("A3", "3", "3"), at.args());
    RuleCheck over = RecommendationChecks.r1(rec(3, 4, true, allThree(BEFORE)));
    assertEquals(Outcome.FAIL, over.outcome());
    assertEquals("formalreview.check.r1.over", over.messageKey());
    assertEquals(List.of("formalreview.evidence.rank"), keys(over));
  }

  @Test
  void r1WithoutPlacesPassesAndWithoutARecordIsAWarning() {
    assertEquals(
        "formalreview.check.r1.unlimited",
        RecommendationChecks.r1(rec(null, 12, true, allThree(BEFORE))).messageKey());
    assertEquals(Outcome.WARNING, RecommendationChecks.r1(null).outcome());
  }

  @Test
  void r2PassesWithTheThreeDocumentsBeforeTheDeadlineAndTheRoundSubmitted() {
    RuleCheck c = RecommendationChecks.r2(rec(3, 1, true, allThree(BEFORE)), REVIEW);
    assertEquals(Outcome.PASS, c.outcome());
    assertEquals(
        List.of(
            "formalreview.evidence.r2.document",
            "formalreview.evidence.r2.document",
            "formalreview.evidence.r2.document",
            "formalreview.evidence.r2.submitted"),
        keys(c));
  }

  @Test
  void r2ADocumentUploadedAtTheDeadlineIsLate() {
    List<RecommendationChecks.Document> docs =
        List.of(
            new RecommendationChecks.Document("LETTER", "l.pdf", BEFORE, true, null),
            new RecommendationChecks.Document(
                "SUMMARY", "s.pdf", RECOMMENDATION_CLOSES, true, null),
            new RecommendationChecks.Document(
                "COMMITMENT", "c.pdf", RECOMMENDATION_CLOSES.minusMillis(1), true, null));
    RuleCheck c = RecommendationChecks.r2(rec(3, 1, true, docs), REVIEW);
    assertEquals(Outcome.FAIL, c.outcome());
    assertEquals("formalreview.evidence.r2.late", keys(c).get(1));
    assertEquals("formalreview.evidence.r2.document", keys(c).get(2));
  }

  @Test
  void r2AMissingOrVoidDocumentIsAWarningWhileOpenAndAFailureAfter() {
    List<RecommendationChecks.Document> docs =
        List.of(
            new RecommendationChecks.Document("LETTER", "l.pdf", BEFORE, false, "SET_CHANGED"),
            new RecommendationChecks.Document("SUMMARY", "s.pdf", BEFORE, true, null));
    RuleCheck open = RecommendationChecks.r2(rec(3, 1, false, docs), BEFORE);
    assertEquals(Outcome.WARNING, open.outcome());
    assertEquals("formalreview.check.r2.open", open.messageKey());
    assertEquals(
        List.of(
            "formalreview.evidence.r2.void.setChanged",
            "formalreview.evidence.r2.document",
            "formalreview.evidence.r2.missing"),
        keys(open));
    RuleCheck closed = RecommendationChecks.r2(rec(3, 1, false, docs), RECOMMENDATION_CLOSES);
    assertEquals(Outcome.FAIL, closed.outcome());
    assertEquals("formalreview.check.r2.notSubmitted", closed.messageKey());
    assertEquals(Outcome.WARNING, RecommendationChecks.r2(null, REVIEW).outcome());
  }

  @Test
  void d1SubmittedAMillisecondBeforeTheDeadlinePassesAndAtItFails() {
    RecommendationChecks.Recommendation r = rec(3, 1, true, allThree(BEFORE));
    assertEquals(
        Outcome.PASS,
        RecommendationChecks.d1(SUBMISSION_CLOSES.minusMillis(1), SUBMISSION_CLOSES, null, r)
            .outcome());
    RuleCheck late = RecommendationChecks.d1(SUBMISSION_CLOSES, SUBMISSION_CLOSES, null, r);
    assertEquals(Outcome.FAIL, late.outcome());
    assertEquals("formalreview.evidence.d1.submittedLate", keys(late).get(0));
  }

  @Test
  void d1TheUnitsExtensionMovesThePisDeadline() {
    Instant extended = SUBMISSION_CLOSES.plusSeconds(2 * 86400);
    RuleCheck c =
        RecommendationChecks.d1(
            SUBMISSION_CLOSES.plusSeconds(86400),
            SUBMISSION_CLOSES,
            extended,
            rec(3, 1, true, allThree(BEFORE)));
    assertEquals(Outcome.PASS, c.outcome());
    assertTrue(keys(c).contains("formalreview.evidence.d1.extension"));
  }

  @Test
  void d1ARecommendationAtTheRoundsDeadlineFails() {
    RecommendationChecks.Recommendation r =
        new RecommendationChecks.Recommendation(
            "A3",
            1,
            RECOMMENDATION_CLOSES,
            true,
            BEFORE,
            RECOMMENDATION_CLOSES,
            3,
            1,
            allThree(BEFORE));
    RuleCheck c =
        RecommendationChecks.d1(SUBMISSION_CLOSES.minusSeconds(1), SUBMISSION_CLOSES, null, r);
    assertEquals(Outcome.FAIL, c.outcome());
    assertTrue(keys(c).contains("formalreview.evidence.d1.recommendedLate"));
    assertEquals(
        Outcome.PASS,
        RecommendationChecks.d1(SUBMISSION_CLOSES.minusSeconds(1), SUBMISSION_CLOSES, null, null)
            .outcome());
  }
}
