package io.hezuo.formalreview.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule G8 as a checklist item for A1 (intergovernmental) applications: with a partner of dual
 * submission both sides submit to their own agency, and one side alone is void. The reviewer sees
 * the partner and its agency, the partner's own submission (reference and date, or that none is
 * recorded) and the foreign deadline: its date and whether it has passed by the review's date, or
 * that it is still to be announced. The outcome is the submission rules' (their G8 findings are
 * warnings: a missing reference or date, a deadline to be announced, a partner that submitted after
 * its deadline); the evidence only shows what they were judged on.
 */
public final class DualSubmission {

  private DualSubmission() {}

  /**
   * An A1 partner country or region as the catalogue gives it: names, agency, the foreign deadline
   * (null when none is set), whether it is still to be announced, and whether submission is dual.
   */
  public record Partner(
      String nameZh,
      String nameEn,
      String agencyZh,
      String agencyEn,
      LocalDate foreignDeadline,
      boolean deadlineToBeAnnounced,
      boolean dual)
      implements Serializable {}

  /**
   * G8 for an application of {@code line}: {@code partner} is the chosen partner (null when none or
   * unknown), {@code reference} and {@code date} the partner's submission as the form records it
   * (either may be null), {@code today} the review's date in Asia/Shanghai, {@code findings} the
   * submission rules' G8 findings.
   */
  public static RuleCheck check(
      LineKind line,
      Partner partner,
      String reference,
      String date,
      LocalDate today,
      List<FormFinding> findings) {
    if (!line.isA1()) {
      return new RuleCheck("G8", Outcome.PASS, "formalreview.check.g8.na", List.of(), List.of());
    }
    List<RuleCheck.Evidence> evidence = new ArrayList<>();
    findings.forEach(f -> evidence.add(f.evidence()));
    if (partner == null) {
      return new RuleCheck(
          "G8", Outcome.WARNING, "formalreview.check.g8.noPartner", List.of(), evidence);
    }
    evidence.add(
        new RuleCheck.Evidence(
            "formalreview.evidence.partner",
            List.of(
                partner.nameZh(),
                partner.nameEn(),
                nz(partner.agencyZh()),
                nz(partner.agencyEn()))));
    if (!partner.dual()) {
      return new RuleCheck(
          "G8",
          FormChecks.worst(findings, java.util.Set.of()),
          "formalreview.check.g8.unilateral",
          List.of(),
          evidence);
    }
    if (blank(reference) || blank(date)) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.foreignSubmissionMissing",
              List.of(blank(reference) ? "—" : reference.trim(), blank(date) ? "—" : date.trim())));
    } else {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.foreignSubmission", List.of(reference.trim(), date.trim())));
    }
    if (partner.deadlineToBeAnnounced()) {
      evidence.add(new RuleCheck.Evidence("formalreview.evidence.foreignDeadlineTba", List.of()));
    } else if (partner.foreignDeadline() == null) {
      evidence.add(new RuleCheck.Evidence("formalreview.evidence.foreignDeadlineNone", List.of()));
    } else if (partner.foreignDeadline().isBefore(today)) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.foreignDeadlinePassed",
              List.of(partner.foreignDeadline().toString(), today.toString())));
    } else {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.foreignDeadline",
              List.of(partner.foreignDeadline().toString(), today.toString())));
    }
    Outcome o = FormChecks.worst(findings, java.util.Set.of());
    return new RuleCheck(
        "G8", o, "formalreview.check.g8." + FormChecks.lower(o), List.of(), evidence);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nz(String s) {
    return blank(s) ? "—" : s;
  }
}
