package io.hezuo.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.rule.RuleViolation;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Score sheets: the officer's configuration checked, an expert's sheet checked, the total. */
class ScoreSheetTest {

  static List<String> fields(List<RuleViolation> v) {
    return v.stream().map(x -> x.ruleId() + " " + x.field()).toList();
  }

  static Map<String, BigDecimal> all(String... xs) {
    String[] codes = {"INNOVATION", "COOPERATION", "FEASIBILITY", "BENEFITS", "TEAM"};
    Map<String, BigDecimal> m = new HashMap<>();
    for (int i = 0; i < xs.length; i++) {
      m.put(codes[i], new BigDecimal(xs[i]));
    }
    return m;
  }

  @Test
  void theStandardSheetIsSound() {
    assertTrue(ScoreSheet.standard().problems().isEmpty());
  }

  @Test
  void weightsNotAddingUpToOneHundredAreNamedWithTheirSum() {
    ScoreSheet.Criterion a = new ScoreSheet.Criterion("A", "甲", "A", 60, 0, 10, List.of());
    ScoreSheet.Criterion b = new ScoreSheet.Criterion("B", "乙", "B", 30, 0, 10, List.of());
    List<RuleViolation> v = new ScoreSheet(List.of(a, b), true, 20).problems();
    assertEquals(List.of("F-SHEET weights"), fields(v));
    assertEquals(List.of(90), v.get(0).args());
  }

  @Test
  void badCodesScalesAndBandsAreNamedPerCriterion() {
    ScoreSheet.Criterion a =
        new ScoreSheet.Criterion(
            "A",
            "甲",
            "A",
            50,
            0,
            10,
            List.of(
                new ScoreSheet.Descriptor(0, 5, "低", "low"),
                new ScoreSheet.Descriptor(5, 10, "高", "high"))); // overlaps at 5
    ScoreSheet.Criterion dup = new ScoreSheet.Criterion("A", "乙", "B", 30, 10, 10, List.of());
    ScoreSheet.Criterion noName = new ScoreSheet.Criterion("C", "", "C", 20, 0, 5, List.of());
    assertEquals(
        List.of(
            "F-SHEET criteria[0].descriptors",
            "F-SHEET criteria[1].code",
            "F-SHEET criteria[1].scale",
            "F-SHEET criteria[2].name"),
        fields(new ScoreSheet(List.of(a, dup, noName), true, 20).problems()));
  }

  @Test
  void theWeightedTotalPlacesEachScoreOnItsScale() {
    ScoreSheet s = ScoreSheet.standard();
    // 25×0.8 + 20×0.7 + 20×0.9 + 20×0.6 + 15×1.0 = 20 + 14 + 18 + 12 + 15 = 79
    ScoreSheet.Total t = s.total(all("8", "7", "9", "6", "10"));
    assertEquals(new BigDecimal("79.00"), t.value());
    assertTrue(t.complete());
    // half points: 25 × 0.75 = 18.75
    ScoreSheet.Total partial = s.total(all("7.5"));
    assertEquals(new BigDecimal("18.75"), partial.value());
    assertFalse(partial.complete());
  }

  @Test
  void aDraftIsCheckedOnlyForWhatIsThere() {
    ScoreSheet s = ScoreSheet.standard();
    assertTrue(s.check(all("8", "7"), null, null, false).isEmpty());
    assertEquals(
        List.of("F-SCORE score.INNOVATION", "F-SCORE score.COOPERATION"),
        fields(s.check(all("11", "7.25"), null, null, false)));
    assertEquals(
        List.of("F-SCORE score.INNOVATION"), fields(s.check(all("-1"), null, null, false)));
  }

  @Test
  void submittingAsksForEveryScoreTheCommentAndTheVerdict() {
    ScoreSheet s = ScoreSheet.standard();
    assertEquals(
        List.of("F-REQ score.BENEFITS", "F-REQ score.TEAM", "F-REQ comment", "F-REQ verdict"),
        fields(s.check(all("8", "7", "9"), "太短", null, true)));
    String twenty = "合作基础扎实，技术路线清晰，建议资助并加强成果转化。";
    assertTrue(twenty.length() >= 20);
    assertTrue(
        s.check(all("8", "7", "9", "6", "10"), twenty, ScoreSheet.Verdict.FUND, true).isEmpty());
    // the boundaries of the scale are on it
    assertTrue(
        s.check(all("0", "10", "0", "10", "0"), twenty, ScoreSheet.Verdict.DO_NOT_FUND, true)
            .isEmpty());
  }

  @Test
  void aScoreFallsInItsBand() {
    ScoreSheet.Criterion c = ScoreSheet.standard().criteria().get(0);
    assertEquals("差：明显不足", ScoreSheet.band(c, new BigDecimal("3.5")).zh());
    assertEquals("一般：基本满足", ScoreSheet.band(c, new BigDecimal("4")).zh());
    assertEquals("优秀：国内领先", ScoreSheet.band(c, new BigDecimal("10")).zh());
  }
}
