package io.hezuo.formalreview.domain;

import io.hezuo.kernel.time.Zones;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules R1 (the recommending unit's quota), R2 (its stamped recommendation letter, summary table
 * and commitment letter, uploaded by its deadline) and D1 (the application submitted by the PI's
 * deadline, recommended by the recommending unit's) as checklist items. An application marked
 * recommended without a recommending unit's decision on record (the Department's data) is a warning
 * for a person to look at, never a failure by itself; so is a recommendation whose round is still
 * open before its deadline.
 */
public final class RecommendationChecks {

  private RecommendationChecks() {}

  /** The kinds of R2's documents, with their names in both languages. */
  public enum Kind {
    LETTER("推荐函", "recommendation letter"),
    SUMMARY("推荐汇总表", "summary table"),
    COMMITMENT("承诺书", "commitment letter");

    final String zh;
    final String en;

    Kind(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }
  }

  /** The latest document of a kind (valid: not voided by a later change or a newer file). */
  public record Document(
      String kind, String fileName, Instant uploadedAt, boolean valid, String voidReason)
      implements Serializable {}

  /**
   * The recommending unit's decision and round: {@code places} null when the rank group has no
   * number of places; {@code roundClosesAt} the call's deadline or the Department's later one.
   */
  public record Recommendation(
      String rankGroup,
      Integer rank,
      Instant decidedAt,
      boolean roundSubmitted,
      Instant roundSubmittedAt,
      Instant roundClosesAt,
      Integer places,
      long used,
      List<Document> documents)
      implements Serializable {

    public Recommendation {
      documents = List.copyOf(documents);
    }
  }

  /** R1 for an application recommended as {@code r} (null: no decision on record). */
  public static RuleCheck r1(Recommendation r) {
    if (r == null) {
      return new RuleCheck(
          "R1", Outcome.WARNING, "formalreview.check.r1.noRecord", List.of(), List.of());
    }
    List<RuleCheck.Evidence> evidence = new ArrayList<>();
    if (r.rank() != null) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.rank", List.of(r.rankGroup(), String.valueOf(r.rank()))));
    }
    if (r.places() == null) {
      return new RuleCheck(
          "R1",
          Outcome.PASS,
          "formalreview.check.r1.unlimited",
          List.of(r.rankGroup(), String.valueOf(r.used())),
          evidence);
    }
    List<String> args =
        List.of(r.rankGroup(), String.valueOf(r.used()), String.valueOf(r.places()));
    if (r.used() > r.places()) {
      return new RuleCheck("R1", Outcome.FAIL, "formalreview.check.r1.over", args, evidence);
    }
    return new RuleCheck("R1", Outcome.PASS, "formalreview.check.r1.pass", args, evidence);
  }

  /**
   * R2 for an application recommended as {@code r} (null: no decision on record), judged at {@code
   * now}: every kind present, valid and uploaded before the round's deadline, and the round
   * submitted. Anything missing is a warning while the round can still change, a failure after.
   */
  public static RuleCheck r2(Recommendation r, Instant now) {
    if (r == null) {
      return new RuleCheck(
          "R2", Outcome.WARNING, "formalreview.check.r2.noRecord", List.of(), List.of());
    }
    List<RuleCheck.Evidence> evidence = new ArrayList<>();
    boolean complete = true;
    for (Kind k : Kind.values()) {
      Document d =
          r.documents().stream().filter(x -> x.kind().equals(k.name())).findFirst().orElse(null);
      if (d == null) {
        complete = false;
        evidence.add(
            new RuleCheck.Evidence("formalreview.evidence.r2.missing", List.of(k.zh, k.en)));
      } else if (!d.valid()) {
        complete = false;
        evidence.add(
            new RuleCheck.Evidence(
                "formalreview.evidence.r2.void." + voidKey(d.voidReason()),
                List.of(k.zh, k.en, d.fileName(), Zones.format(d.uploadedAt()))));
      } else if (!d.uploadedAt().isBefore(r.roundClosesAt())) {
        complete = false;
        evidence.add(
            new RuleCheck.Evidence(
                "formalreview.evidence.r2.late",
                List.of(
                    k.zh,
                    k.en,
                    d.fileName(),
                    Zones.format(d.uploadedAt()),
                    Zones.format(r.roundClosesAt()))));
      } else {
        evidence.add(
            new RuleCheck.Evidence(
                "formalreview.evidence.r2.document",
                List.of(k.zh, k.en, d.fileName(), Zones.format(d.uploadedAt()))));
      }
    }
    if (r.roundSubmitted()) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.r2.submitted", List.of(Zones.format(r.roundSubmittedAt()))));
    }
    List<String> closes = List.of(Zones.format(r.roundClosesAt()));
    if (complete && r.roundSubmitted()) {
      return new RuleCheck("R2", Outcome.PASS, "formalreview.check.r2.pass", List.of(), evidence);
    }
    if (now.isBefore(r.roundClosesAt())) {
      return new RuleCheck(
          "R2",
          Outcome.WARNING,
          r.roundSubmitted() ? "formalreview.check.r2.incomplete" : "formalreview.check.r2.open",
          closes,
          evidence);
    }
    return new RuleCheck(
        "R2",
        Outcome.FAIL,
        r.roundSubmitted() ? "formalreview.check.r2.fail" : "formalreview.check.r2.notSubmitted",
        closes,
        evidence);
  }

  /**
   * D1: the application submitted before its PI's deadline ({@code submissionClosesAt}, or the
   * unit's later {@code extendedUntil}), and the recommending unit's decision and submission before
   * its round's deadline.
   */
  public static RuleCheck d1(
      Instant submittedAt, Instant submissionClosesAt, Instant extendedUntil, Recommendation r) {
    List<RuleCheck.Evidence> evidence = new ArrayList<>();
    Instant piDeadline =
        extendedUntil != null && extendedUntil.isAfter(submissionClosesAt)
            ? extendedUntil
            : submissionClosesAt;
    boolean late = false;
    if (submittedAt == null) {
      return new RuleCheck(
          "D1", Outcome.WARNING, "formalreview.check.d1.noSubmission", List.of(), List.of());
    }
    boolean piLate = !submittedAt.isBefore(piDeadline);
    late |= piLate;
    evidence.add(
        new RuleCheck.Evidence(
            piLate
                ? "formalreview.evidence.d1.submittedLate"
                : "formalreview.evidence.d1.submitted",
            List.of(Zones.format(submittedAt), Zones.format(piDeadline))));
    if (piDeadline != submissionClosesAt) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.d1.extension", List.of(Zones.format(piDeadline))));
    }
    if (r != null) {
      boolean decidedLate = !r.decidedAt().isBefore(r.roundClosesAt());
      late |= decidedLate;
      evidence.add(
          new RuleCheck.Evidence(
              decidedLate
                  ? "formalreview.evidence.d1.recommendedLate"
                  : "formalreview.evidence.d1.recommended",
              List.of(Zones.format(r.decidedAt()), Zones.format(r.roundClosesAt()))));
      if (r.roundSubmitted() && !r.roundSubmittedAt().isBefore(r.roundClosesAt())) {
        late = true;
        evidence.add(
            new RuleCheck.Evidence(
                "formalreview.evidence.d1.roundLate",
                List.of(Zones.format(r.roundSubmittedAt()), Zones.format(r.roundClosesAt()))));
      }
    }
    return late
        ? new RuleCheck("D1", Outcome.FAIL, "formalreview.check.d1.fail", List.of(), evidence)
        : new RuleCheck("D1", Outcome.PASS, "formalreview.check.d1.pass", List.of(), evidence);
  }

  private static String voidKey(String reason) {
    return "REPLACED".equals(reason) ? "replaced" : "setChanged";
  }
}
