package io.hezuo.submission.domain;

import static io.hezuo.kernel.rule.RuleViolation.error;
import static io.hezuo.kernel.rule.RuleViolation.warning;

import io.hezuo.call.api.ApplicantRule;
import io.hezuo.call.api.Category;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.PartnerView;
import io.hezuo.call.api.PlatformView;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.TopicView;
import io.hezuo.call.api.UnitType;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks of an application against its line (SPEC.md G1, G2, G4–G8, D1 and the form's own
 * rules), as one list of errors and warnings. Errors block submission; warnings are recorded. Field
 * names are the form's field ids.
 */
public final class SubmissionRules {

  /** The text sections the similarity check reads; each is required to submit. */
  public static final List<String> TEXT_FIELDS =
      List.of(
          "textBasis",
          "textContent",
          "textRoute",
          "textCooperation",
          "textOutcomes",
          "textIndicators");

  public static final int MAX_TEXT = 30_000;

  /** The budget category of the funds for the partner (合作方经费), where a transfer is paid from. */
  public static final String PARTNER_FUNDS = "COOPERATION";

  /**
   * {@code percent} % of {@code base}, down to the fen: the largest amount that is still at most
   * that share (50 % of 600,000.01 is 300,000.00).
   */
  static Money percentOf(java.math.BigDecimal percent, Money base) {
    return Money.of(
        base.amount()
            .multiply(percent)
            .divide(java.math.BigDecimal.valueOf(100))
            .setScale(2, java.math.RoundingMode.DOWN));
  }

  /** An amount in 元 with thousands separators, for a message: {@code 600,000.00}. */
  static String grouped(Money m) {
    return new java.text.DecimalFormat(
            "#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(m.amount());
  }

  private SubmissionRules() {}

  public static List<RuleViolation> check(Application a, LineView line, CheckFacts f) {
    List<RuleViolation> v = new ArrayList<>();
    required(v, "titleZh", a.getTitleZh(), 200);
    optional(v, "titleEn", a.getTitleEn(), 300);
    // the discipline code of every line: what the experts are fitted to
    if (blank(a.getDisciplineCode())) {
      v.add(error("F-REQ", "disciplineCode", "submission.rule.required"));
    } else if (!f.disciplineKnown()) {
      v.add(error("F-CODE", "disciplineCode", "submission.rule.disciplineUnknown"));
    }
    texts(v, a);

    team(v, a, f);

    // D1: the submission window, judged on the server in Asia/Shanghai
    if (!f.windowOpen()) {
      v.add(
          f.piClosesAt() == null
              ? error("D1", null, "submission.rule.d1.closed")
              : error("D1", null, "submission.rule.d1.closedAt", Deadlines.shown(f.piClosesAt())));
    }

    // G6: cap, duration, who may apply
    if (a.getSubsidy() == null) {
      v.add(error("G6", "subsidy", "submission.rule.required"));
    } else if (a.getSubsidy().isNegative() || a.getSubsidy().equals(Money.ZERO)) {
      v.add(error("G6", "subsidy", "submission.rule.g6.subsidyPositive"));
    } else if (!line.capAllows(a.getSubsidy())) {
      v.add(
          error(
              "G6",
              "subsidy",
              "submission.rule.g6.cap",
              line.cap().grouped(),
              line.cap().toWanString()));
    }
    duration(v, a, line);
    unitType(v, line, f);

    // the budget: the breakdown adds up exactly to the subsidy plus self-raised funds
    budget(v, a);

    // line-specific choices
    switch (line.groupCode()) {
      case "A1" -> a1(v, a, line, f);
      case "A2" -> {
        if (blank(a.getPlatformCode())) {
          v.add(error("G9", "platformCode", "submission.rule.platformRequired"));
        } else if (line.platforms().stream().noneMatch(p -> p.code().equals(a.getPlatformCode()))) {
          v.add(error("G9", "platformCode", "submission.rule.platformUnknown"));
        } else {
          platformHost(v, a, line, f.platformHost());
        }
      }
      case "A3" -> {
        if (blank(a.getFieldCode())) {
          v.add(error("F-REQ", "fieldCode", "submission.rule.required"));
        }
      }
      default -> {}
    }
    if (line.category() == Category.INTERNATIONAL) {
      if (blank(a.getPartnerName())) {
        v.add(error("F-REQ", "partnerName", "submission.rule.required"));
      }
      // G4: the signed cooperation agreement with IP terms
      if (!f.attachments().contains(AttachmentKind.COOPERATION_AGREEMENT)) {
        v.add(error("G4", "attachments", "submission.rule.g4.agreement"));
      }
    } else {
      counterpart(v, a, line, line.topics(), f);
    }

    // G1: white-listed platform of the applying unit, PI a member (A1 exempt)
    if (!line.whiteListExempt()) {
      switch (f.whiteList()) {
        case NO_PLATFORM -> v.add(warning("G1", null, "submission.rule.g1.noPlatform"));
        case NOT_CHOSEN -> v.add(warning("G1", "basePlatformId", "submission.rule.g1.notChosen"));
        case NOT_OF_UNIT -> v.add(warning("G1", "basePlatformId", "submission.rule.g1.notOfUnit"));
        case NOT_MEMBER -> v.add(warning("G1", "basePlatformId", "submission.rule.g1.notMember"));
        default -> {}
      }
      // the proof of the platform base and of the PI's membership, for the formal review
      if (!f.attachments().contains(AttachmentKind.PLATFORM_PROOF)) {
        v.add(warning("G1", "attachments", "submission.rule.g1.proof"));
      }
    }

    // G2: one PI, one application a year (by ID document)
    if (!f.otherApplicationsOfPi().isEmpty()) {
      v.add(duplicate(f.otherApplicationsOfPi()));
    }
    if (!f.importedPlansOfPi().isEmpty()) {
      v.add(
          warning(
              "G2", null, "submission.rule.g2.imported", String.join(", ", f.importedPlansOfPi())));
    }
    return v;
  }

  /**
   * G2: the other applications named with their status (both languages: {0} Chinese, {1} English);
   * when one is the PI's own, {2} is its id (the form links to it) and the advice is to withdraw
   * it; otherwise {2} is 0 and the advice is to ask the applying unit.
   */
  private static RuleViolation duplicate(List<CheckFacts.OtherApplication> others) {
    StringBuilder zh = new StringBuilder();
    StringBuilder en = new StringBuilder();
    long own = 0;
    for (CheckFacts.OtherApplication o : others) {
      zh.append(zh.isEmpty() ? "" : "、").append(o.reference()).append("（").append(o.statusZh());
      zh.append("）");
      en.append(en.isEmpty() ? "" : ", ").append(o.reference()).append(" (").append(o.statusEn());
      en.append(")");
      if (own == 0 && o.own()) {
        own = o.id();
      }
    }
    return error(
        "G2",
        null,
        own != 0 ? "submission.rule.g2.duplicateOwn" : "submission.rule.g2.duplicate",
        zh.toString(),
        en.toString(),
        own);
  }

  /**
   * A2: the applicant is the in-province host unit of the chosen platform (G6, who may apply); a
   * platform that must apply with its overseas co-builder names it as the partner (G9).
   */
  private static void platformHost(
      List<RuleViolation> v, Application a, LineView line, CheckFacts.PlatformHostResult host) {
    PlatformView platform =
        line.platforms().stream()
            .filter(p -> p.code().equals(a.getPlatformCode()))
            .findFirst()
            .orElseThrow();
    switch (host.status()) {
      case NOT_HOST ->
          v.add(
              error(
                  "G6",
                  "platformCode",
                  "submission.rule.g6.notHost",
                  platform.name().zh(),
                  platform.name().en()));
      case NONE_RECORDED ->
          v.add(
              warning(
                  "G6",
                  "platformCode",
                  "submission.rule.g6.hostUnrecorded",
                  platform.name().zh(),
                  platform.name().en()));
      case HOST -> {
        if (platform.requiresOverseasCoBuilder() && !host.overseasCoBuilders().isEmpty()) {
          boolean named =
              host.overseasCoBuilders().stream().anyMatch(c -> sameName(a.getPartnerName(), c));
          if (!named) {
            v.add(
                warning(
                    "G9",
                    "partnerName",
                    "submission.rule.g9.coBuilder",
                    String.join(" / ", host.overseasCoBuilders())));
          }
        }
      }
      default -> {}
    }
  }

  private static void team(List<RuleViolation> v, Application a, CheckFacts f) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    if (a.getPiIdNumber() != null) {
      seen.add(a.getPiIdType() + ":" + a.getPiIdNumber());
    }
    Integer duration = a.durationMonths();
    int maxMonths = duration == null ? 36 : Math.min(duration, 36);
    for (int i = 0; i < a.getTeam().size(); i++) {
      TeamMember m = a.getTeam().get(i);
      String p = "team_" + i + "_";
      if (blank(m.getName())) {
        v.add(error("F-REQ", p + "name", "submission.rule.required"));
      }
      if (blank(m.getUnit())) {
        v.add(error("F-REQ", p + "unit", "submission.rule.required"));
      }
      io.hezuo.directory.api.IdDocuments.validate(
              m.getIdType(), m.getIdNumber(), p + "idNumber", f.today())
          .ifPresent(v::add);
      if (!seen.add(m.getIdType() + ":" + m.getIdNumber())) {
        v.add(error("F-TEAM", p + "idNumber", "submission.rule.team.duplicate", i + 1));
      }
      if (m.getMonths() < 1 || m.getMonths() > maxMonths) {
        v.add(error("F-TEAM", p + "months", "submission.rule.team.months", i + 1, maxMonths));
      }
    }
  }

  private static void a1(List<RuleViolation> v, Application a, LineView line, CheckFacts f) {
    if (blank(a.getPartnerCode())) {
      v.add(error("F-REQ", "partnerCode", "submission.rule.required"));
      return;
    }
    Optional<PartnerView> partner =
        line.partners().stream().filter(p -> p.code().equals(a.getPartnerCode())).findFirst();
    if (partner.isEmpty()) {
      v.add(error("F-REQ", "partnerCode", "submission.rule.partnerUnknown"));
      return;
    }
    PartnerView p = partner.get();
    if (p.isDual()) {
      // G8: both sides submit to their own agency; one side alone is void
      if (blank(a.getForeignReference()) || a.getForeignDate() == null) {
        v.add(warning("G8", "foreignReference", "submission.rule.g8.reference"));
      }
      // the partner's own submission date against that country's deadline (not today's date:
      // a partner that submitted in time stays in time); the deadline's day itself is in time
      if (p.foreignDeadlineToBeAnnounced()) {
        v.add(warning("G8", "partnerCode", "submission.rule.g8.tba"));
      } else if (p.foreignDeadline() != null
          && a.getForeignDate() != null
          && a.getForeignDate().isAfter(p.foreignDeadline())) {
        v.add(
            warning(
                "G8",
                "foreignDate",
                "submission.rule.g8.passed",
                a.getForeignDate().toString(),
                p.foreignDeadline().toString()));
      }
    }
  }

  private static void counterpart(
      List<RuleViolation> v, Application a, LineView line, List<TopicView> topics, CheckFacts f) {
    if (blank(a.getPartnerName())) {
      v.add(error("F-REQ", "partnerName", "submission.rule.required"));
    }
    if (blank(a.getRegionCode())) {
      v.add(error("F-REQ", "regionCode", "submission.rule.required"));
    }
    // G5: aid HQ letter, local partner agreement, transfer at most 50 % of the subsidy
    if (!f.attachments().contains(AttachmentKind.AID_HQ_LETTER)) {
      v.add(error("G5", "attachments", "submission.rule.g5.letter"));
    }
    if (!f.attachments().contains(AttachmentKind.LOCAL_PARTNER_AGREEMENT)) {
      v.add(error("G5", "attachments", "submission.rule.g5.partnerAgreement"));
    }
    if (a.getTransferAmount() != null && a.getTransferAmount().isNegative()) {
      v.add(error("G5", "transferAmount", "submission.rule.g5.transferNegative"));
    } else if (a.getTransferAmount() != null
        && a.getSubsidy() != null
        && line.maxTransferPercent() != null
        && !a.getTransferAmount().isAtMostPercentOf(line.maxTransferPercent(), a.getSubsidy())) {
      Money limit = percentOf(line.maxTransferPercent(), a.getSubsidy());
      v.add(
          error(
              "G5",
              "transferAmount",
              "submission.rule.g5.transfer",
              line.maxTransferPercent().stripTrailingZeros().toPlainString(),
              grouped(limit),
              limit.toWanString()));
    }
    // a transfer to the partner is planned, but the budget has no partner funds for it
    if (a.getTransferAmount() != null
        && a.getTransferAmount().amount().signum() > 0
        && !(a.getBudget().get(PARTNER_FUNDS) != null
            && a.getBudget().get(PARTNER_FUNDS).amount().signum() > 0)) {
      v.add(
          warning(
              "G5",
              "budget_" + PARTNER_FUNDS,
              "submission.rule.g5.partnerFundsZero",
              grouped(a.getTransferAmount()),
              a.getTransferAmount().toWanString()));
    }
    Integer minDays = line.minOnSiteDaysPerYear();
    if (minDays != null && (a.getOnsiteDays() == null || a.getOnsiteDays() < minDays)) {
      v.add(error("G5", "onsiteDays", "submission.rule.g5.onsite", minDays));
    }
    // G7: the declared targets meet the topic's minimums
    if (blank(a.getTopicCode())) {
      v.add(error("G7", "topicCode", "submission.rule.required"));
      return;
    }
    Optional<TopicView> topic =
        topics.stream().filter(t -> t.code().equals(a.getTopicCode())).findFirst();
    if (topic.isEmpty()) {
      v.add(error("G7", "topicCode", "submission.rule.g7.topicUnknown"));
      return;
    }
    for (TargetView t : topic.get().shortfalls(a.getTargets())) {
      v.add(
          error(
              "G7",
              "target_" + t.code(),
              "submission.rule.g7.minimum",
              t.label().zh(),
              t.minimum(),
              t.unit() == null ? "" : t.unit().zh(),
              t.label().en(),
              t.unit() == null ? "" : t.unit().en()));
    }
  }

  private static void duration(List<RuleViolation> v, Application a, LineView line) {
    YearMonth start = month(v, "startMonth", a.getStartMonth());
    YearMonth end = month(v, "endMonth", a.getEndMonth());
    if (start == null || end == null) {
      return;
    }
    if (end.isBefore(start)) {
      v.add(error("G6", "endMonth", "submission.rule.g6.endBeforeStart"));
      return;
    }
    Integer months = a.durationMonths();
    if (months != null && !line.durationAllows(months)) {
      v.add(
          error("G6", "endMonth", "submission.rule.g6.duration", line.maxDurationMonths(), months));
    }
  }

  private static YearMonth month(List<RuleViolation> v, String field, String value) {
    if (blank(value)) {
      v.add(error("G6", field, "submission.rule.required"));
      return null;
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (RuntimeException e) {
      v.add(error("G6", field, "submission.rule.month"));
      return null;
    }
  }

  private static void unitType(List<RuleViolation> v, LineView line, CheckFacts f) {
    UnitType type;
    try {
      type = f.unitType() == null ? null : UnitType.valueOf(f.unitType());
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (line.applicantRule() == ApplicantRule.ENTERPRISE_LEAD && type != UnitType.ENTERPRISE) {
      v.add(error("G6", null, "submission.rule.g6.enterpriseLead"));
    } else if (!line.allowsUnitType(type)) {
      v.add(error("G6", null, "submission.rule.g6.unitType"));
    }
  }

  private static void budget(List<RuleViolation> v, Application a) {
    if (a.getSelfFunds() != null && a.getSelfFunds().isNegative()) {
      v.add(error("F-BUDGET", "selfFunds", "submission.rule.budget.negative"));
    }
    for (var e : a.getBudget().entrySet()) {
      if (e.getValue() != null && e.getValue().isNegative()) {
        v.add(error("F-BUDGET", "budget_" + e.getKey(), "submission.rule.budget.negative"));
      }
    }
    if (a.getSubsidy() == null) {
      return;
    }
    Money expected = a.getSubsidy().plus(a.getSelfFunds() == null ? Money.ZERO : a.getSelfFunds());
    Money total = a.budgetTotal();
    if (!total.equals(expected)) {
      v.add(
          error(
              "F-BUDGET",
              "budget",
              "submission.rule.budget.sum",
              total.grouped(),
              expected.grouped()));
    }
  }

  private static void texts(List<RuleViolation> v, Application a) {
    String[] values = {
      a.getTextBasis(),
      a.getTextContent(),
      a.getTextRoute(),
      a.getTextCooperation(),
      a.getTextOutcomes(),
      a.getTextIndicators()
    };
    for (int i = 0; i < values.length; i++) {
      required(v, TEXT_FIELDS.get(i), values[i], MAX_TEXT);
    }
  }

  private static void required(List<RuleViolation> v, String field, String value, int max) {
    if (blank(value)) {
      v.add(error("F-REQ", field, "submission.rule.required"));
    } else {
      optional(v, field, value, max);
    }
  }

  private static void optional(List<RuleViolation> v, String field, String value, int max) {
    if (value != null && value.length() > max) {
      v.add(error("F-LEN", field, "submission.rule.tooLong", max));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Whether two organisation names are the same name (G9): equal once normalised, never a part of
   * the other ("de" or "Te" do not name "Universidade de Teste").
   */
  static boolean sameName(String a, String b) {
    String x = normaliseName(a);
    return !x.isEmpty() && x.equals(normaliseName(b));
  }

  /**
   * A name for comparison: compatibility forms folded (full-width letters, ligatures), accents
   * dropped, lower case, punctuation as spaces, runs of spaces as one, trimmed.
   */
  static String normaliseName(String name) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
    s = s.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    s = s.replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]+", " ");
    return s.strip();
  }
}
