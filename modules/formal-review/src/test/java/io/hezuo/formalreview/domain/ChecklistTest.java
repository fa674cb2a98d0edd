package io.hezuo.formalreview.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.formalreview.domain.OnePiOneProject.Applicant;
import io.hezuo.formalreview.domain.OnePiOneProject.Listed;
import io.hezuo.formalreview.similarity.DocumentSimilarity;
import io.hezuo.formalreview.similarity.SourceSimilarity;
import io.hezuo.kernel.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The checklist: each rule's result with its evidence, the worst result, the failed rule ids. */
class ChecklistTest {

  static RuleCheck check(String rule, Outcome o) {
    return new RuleCheck(rule, o, "formalreview.check.g2.pass", List.of(), List.of());
  }

  @Test
  void theWorstResultDecidesAndTheFailedRulesPrefillTheReasons() {
    assertEquals(Outcome.PASS, new Checklist(1, List.of()).automatic());
    Checklist green =
        new Checklist(1, List.of(check("G1", Outcome.PASS), check("G2", Outcome.PASS)));
    assertTrue(green.green());
    assertEquals(List.of(), green.failedRules());
    Checklist look =
        new Checklist(1, List.of(check("G1", Outcome.WARNING), check("G2", Outcome.PASS)));
    assertEquals(Outcome.WARNING, look.automatic());
    assertFalse(look.green());
    Checklist failed =
        new Checklist(
            1,
            List.of(
                check("G3", Outcome.FAIL),
                check("G1", Outcome.WARNING),
                check("G9", Outcome.FAIL),
                check("G3", Outcome.FAIL)));
    assertEquals(Outcome.FAIL, failed.automatic());
    assertEquals(List.of("G3", "G9"), failed.failedRules());
  }

  @Test
  void g3NamesTheTopSourcesByTitleAndTruncatedPercentOnly() {
    List<SourceSimilarity> sources = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      sources.add(new SourceSimilarity("s" + i, 700 - i * 100, 2000, List.of()));
    }
    // 5,999 of 20,000 units: 29.995 %, shown 29.99 and passing
    RuleCheck below =
        SimilarityCheck.of(new DocumentSimilarity("q", 20000, 5999, sources), id -> "标题" + id);
    assertEquals(Outcome.PASS, below.outcome());
    assertEquals(List.of("29.99", "30"), below.args());
    assertEquals(SimilarityCheck.TOP, below.evidence().size());
    assertEquals(List.of("标题s0", "35.00"), below.evidence().get(0).args());
    RuleCheck at =
        SimilarityCheck.of(new DocumentSimilarity("q", 20000, 6000, List.of()), id -> id);
    assertEquals(Outcome.FAIL, at.outcome());
    assertEquals("formalreview.check.g3.fail", at.messageKey());
    assertEquals(List.of("30.00", "30"), at.args());
  }

  @Test
  void g2AsACheckCarriesTheOtherApplicationAndTheListAsEvidence() {
    var findings =
        OnePiOneProject.check(
            List.of(
                new Applicant(
                    1, "HZ2026-A1-000001", "A1", "RESIDENT_ID", "330106198001010013", "张海洋"),
                new Applicant(
                    2, "HZ2026-B1-000002", "B1", "RESIDENT_ID", "330106198001010013", "张海阳")),
            a ->
                a.applicationId() == 1
                    ? List.of(new Listed("NSFC", "省自然科学基金", "海洋传感器", "张海洋"))
                    : List.of());
    RuleCheck c = OnePiOneProject.asCheck(findings.get(0));
    assertEquals("G2", c.ruleId());
    assertEquals(Outcome.FAIL, c.outcome());
    assertEquals(
        List.of(
            "formalreview.evidence.sameId",
            "formalreview.evidence.otherPlan",
            "formalreview.evidence.nameDiffers"),
        c.evidence().stream().map(RuleCheck.Evidence::key).toList());
    assertEquals(List.of("HZ2026-B1-000002", "B1", "张海阳"), c.evidence().get(0).args());
  }

  @Test
  void everyKeyReadsInBothLanguages() {
    for (String key :
        List.of(
            "formalreview.check.g2.pass",
            "formalreview.check.g2.fail",
            "formalreview.check.g2.noId",
            "formalreview.check.g3.pass",
            "formalreview.check.g3.fail",
            "formalreview.evidence.sameId",
            "formalreview.evidence.otherPlan",
            "formalreview.evidence.nameDiffers",
            "formalreview.evidence.source",
            "formalreview.percent.truncated")) {
      for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
        String text = Messages.get(l, key, "A", "B", "C");
        assertFalse(text.isBlank() || text.contains(key), l + " " + key + ": " + text);
      }
    }
    assertEquals(
        "总复制比 29.99%，低于 30%。",
        Messages.get(Locale.SIMPLIFIED_CHINESE, "formalreview.check.g3.pass", "29.99", "30"));
    assertEquals(
        "Other plan's list: 省自然科学基金 \"海洋传感器\", name on the list 张海洋",
        Messages.get(Locale.ENGLISH, "formalreview.evidence.otherPlan", "省自然科学基金", "海洋传感器", "张海洋"));
  }
}
