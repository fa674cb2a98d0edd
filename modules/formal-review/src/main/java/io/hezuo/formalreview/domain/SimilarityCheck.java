package io.hezuo.formalreview.domain;

import io.hezuo.formalreview.similarity.DocumentSimilarity;
import io.hezuo.formalreview.similarity.Percent;
import io.hezuo.formalreview.similarity.SourceSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rule G3 as a checklist item: the total similarity against the round and the library, decided on
 * the exact fraction (30 % or more fails) and shown truncated to two decimals, with the top sources
 * by their title and percentage only (an applicant never sees another application's text).
 */
public final class SimilarityCheck {

  /** How many sources the checklist names. */
  public static final int TOP = 5;

  private SimilarityCheck() {}

  /**
   * The G3 check of {@code s}; {@code titleOf} names a source (an application's acceptance number
   * and title, or a library document's title) for the evidence.
   */
  public static RuleCheck of(DocumentSimilarity s, Function<String, String> titleOf) {
    List<RuleCheck.Evidence> top = new ArrayList<>();
    for (SourceSimilarity src : s.sources()) {
      if (top.size() == TOP) {
        break;
      }
      top.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.source",
              List.of(titleOf.apply(src.sourceId()), src.percent().toPlainString())));
    }
    return new RuleCheck(
        "G3",
        s.failsG3() ? Outcome.FAIL : Outcome.PASS,
        s.failsG3() ? "formalreview.check.g3.fail" : "formalreview.check.g3.pass",
        List.of(s.percent().toPlainString(), String.valueOf(Percent.G3_THRESHOLD_PERCENT)),
        top);
  }
}
