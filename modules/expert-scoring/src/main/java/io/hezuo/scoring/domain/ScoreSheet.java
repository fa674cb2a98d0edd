package io.hezuo.scoring.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A line's score sheet (the notice names none: SPEC.md, "What the seed leaves open"): weighted
 * criteria, each on its own scale with descriptors of its bands, a comment (required, at least
 * {@link #minComment} characters, when {@code commentRequired}) and an overall verdict. The
 * weighted total is on 0–100: each criterion's score placed on its scale, times its weight (the
 * weights add up to 100), two decimals half up.
 *
 * <p>The officer configures sheets without code: {@link #problems()} names what is wrong with one
 * (rule F-SHEET, per field). An expert's sheet is checked by {@link #check}: while saving a draft
 * only what is filled in (each score on its scale, at most one decimal); on submitting, every
 * criterion, the comment and the verdict too (F-REQ, F-SCORE).
 */
public record ScoreSheet(List<Criterion> criteria, boolean commentRequired, int minComment)
    implements Serializable {

  public ScoreSheet {
    criteria = List.copyOf(criteria);
  }

  /** The overall verdict an expert gives. */
  public enum Verdict {
    FUND,
    FUND_IF_REVISED,
    DO_NOT_FUND
  }

  /** A criterion: code, names, weight (1–100), scale (integers, min < max) and its bands. */
  public record Criterion(
      String code,
      String nameZh,
      String nameEn,
      int weight,
      int min,
      int max,
      List<Descriptor> descriptors)
      implements Serializable {

    public Criterion {
      descriptors = List.copyOf(descriptors);
    }
  }

  /** What a band of a criterion's scale means ({@code from}–{@code to}, both included). */
  public record Descriptor(int from, int to, String zh, String en) implements Serializable {}

  /** What the officer must fix in a sheet (empty: it can be used). */
  public List<RuleViolation> problems() {
    List<RuleViolation> v = new ArrayList<>();
    if (criteria.isEmpty()) {
      v.add(RuleViolation.error("F-SHEET", "criteria", "scoring.sheet.noCriteria"));
      return v;
    }
    int sum = 0;
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      String f = "criteria[" + i + "].";
      if (blank(c.code()) || !codes.add(c.code().trim())) {
        v.add(RuleViolation.error("F-SHEET", f + "code", "scoring.sheet.code", i + 1));
      }
      if (blank(c.nameZh()) || blank(c.nameEn())) {
        v.add(RuleViolation.error("F-SHEET", f + "name", "scoring.sheet.name", i + 1));
      }
      if (c.weight() < 1 || c.weight() > 100) {
        v.add(RuleViolation.error("F-SHEET", f + "weight", "scoring.sheet.weight", i + 1));
      }
      sum += c.weight();
      if (c.min() < 0 || c.max() > 100 || c.min() >= c.max()) {
        v.add(RuleViolation.error("F-SHEET", f + "scale", "scoring.sheet.scale", i + 1));
        continue;
      }
      List<Descriptor> bands = new ArrayList<>(c.descriptors());
      bands.sort(java.util.Comparator.comparingInt(Descriptor::from));
      for (int k = 0; k < bands.size(); k++) {
        Descriptor d = bands.get(k);
        boolean inside = d.from() >= c.min() && d.to() <= c.max() && d.from() <= d.to();
        boolean overlaps = k > 0 && d.from() <= bands.get(k - 1).to();
        if (!inside || overlaps || blank(d.zh()) || blank(d.en())) {
          v.add(RuleViolation.error("F-SHEET", f + "descriptors", "scoring.sheet.band", i + 1));
          break;
        }
      }
    }
    if (sum != 100) {
      v.add(RuleViolation.error("F-SHEET", "weights", "scoring.sheet.weights", sum));
    }
    if (commentRequired && minComment < 0) {
      v.add(RuleViolation.error("F-SHEET", "minComment", "scoring.sheet.minComment"));
    }
    return v;
  }

  /**
   * What is wrong with an expert's sheet: {@code scores} by criterion code (missing: not scored
   * yet); {@code submitting} asks for everything, a draft only that what is there is right.
   */
  public List<RuleViolation> check(
      Map<String, BigDecimal> scores, String comment, Verdict verdict, boolean submitting) {
    List<RuleViolation> v = new ArrayList<>();
    for (Criterion c : criteria) {
      String f = "score." + c.code();
      BigDecimal s = scores.get(c.code());
      if (s == null) {
        if (submitting) {
          v.add(RuleViolation.error("F-REQ", f, "scoring.score.missing", c.nameZh(), c.nameEn()));
        }
        continue;
      }
      if (s.compareTo(BigDecimal.valueOf(c.min())) < 0
          || s.compareTo(BigDecimal.valueOf(c.max())) > 0
          || s.stripTrailingZeros().scale() > 1) {
        v.add(
            RuleViolation.error(
                "F-SCORE", f, "scoring.score.range", c.nameZh(), c.nameEn(), c.min(), c.max()));
      }
    }
    for (String code : scores.keySet()) {
      if (criteria.stream().noneMatch(c -> c.code().equals(code))) {
        v.add(RuleViolation.error("F-SCORE", "score." + code, "scoring.score.unknown", code));
      }
    }
    if (submitting) {
      int length =
          comment == null ? 0 : comment.strip().codePointCount(0, comment.strip().length());
      if (commentRequired && length < Math.max(1, minComment)) {
        v.add(
            RuleViolation.error(
                "F-REQ", "comment", "scoring.comment.required", Math.max(1, minComment)));
      }
      if (verdict == null) {
        v.add(RuleViolation.error("F-REQ", "verdict", "scoring.verdict.required"));
      }
    }
    return v;
  }

  /**
   * The weighted total on 0–100 of the criteria scored ({@code complete} tells whether all are): Σ
   * weight × (score − min) / (max − min), two decimals half up.
   */
  public Total total(Map<String, BigDecimal> scores) {
    BigDecimal sum = BigDecimal.ZERO;
    boolean complete = true;
    for (Criterion c : criteria) {
      BigDecimal s = scores.get(c.code());
      if (s == null) {
        complete = false;
        continue;
      }
      sum =
          sum.add(
              BigDecimal.valueOf(c.weight())
                  .multiply(s.subtract(BigDecimal.valueOf(c.min())))
                  .divide(BigDecimal.valueOf(c.max() - c.min()), PanelScores.MC));
    }
    return new Total(sum.setScale(2, RoundingMode.HALF_UP), complete);
  }

  /** A weighted total and whether every criterion was scored. */
  public record Total(BigDecimal value, boolean complete) implements Serializable {}

  /** The descriptor of the band a score falls in, if any. */
  public static Descriptor band(Criterion c, BigDecimal score) {
    for (Descriptor d : c.descriptors()) {
      if (score.compareTo(BigDecimal.valueOf(d.from())) >= 0
          && score.compareTo(BigDecimal.valueOf(d.to() + 1)) < 0) {
        return d;
      }
    }
    return null;
  }

  /**
   * The default sheet: innovation 25; cooperation basis and partner strength 20; feasibility 20;
   * expected benefits and targets 20; team 15; each 0–10 with four bands; a comment of at least 20
   * characters.
   */
  public static ScoreSheet standard() {
    return new ScoreSheet(
        List.of(
            criterion("INNOVATION", "创新性与先进性", "Innovation", 25),
            criterion("COOPERATION", "合作基础与合作方实力", "Cooperation basis and partner strength", 20),
            criterion("FEASIBILITY", "技术路线与可行性", "Feasibility", 20),
            criterion("BENEFITS", "预期效益与考核指标", "Expected benefits and targets", 20),
            criterion("TEAM", "团队与保障条件", "Team", 15)),
        true,
        20);
  }

  private static Criterion criterion(String code, String zh, String en, int weight) {
    return new Criterion(
        code,
        zh,
        en,
        weight,
        0,
        10,
        List.of(
            new Descriptor(0, 3, "差：明显不足", "Poor: clearly insufficient"),
            new Descriptor(4, 5, "一般：基本满足", "Fair: meets the basics"),
            new Descriptor(6, 7, "良好：较为突出", "Good: notable"),
            new Descriptor(8, 10, "优秀：国内领先", "Excellent: leading in China")));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
