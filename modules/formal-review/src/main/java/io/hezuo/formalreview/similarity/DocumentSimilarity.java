package io.hezuo.formalreview.similarity;

import java.math.BigDecimal;
import java.util.List;

/**
 * The similarity of one document against every other document of the index.
 *
 * @param documentId the document (null for a text that is not in the index)
 * @param documentUnits all units of the document (the 参考文献 section excluded)
 * @param copiedUnits units copied from at least one source (the total)
 * @param sources every source with at least one copied unit, most copied first
 */
public record DocumentSimilarity(
    String documentId, int documentUnits, int copiedUnits, List<SourceSimilarity> sources) {

  /** The total similarity: copied / all × 100, truncated to two decimals (for display). */
  public BigDecimal percent() {
    return Percent.of(copiedUnits, documentUnits);
  }

  /** Rule G3: the total similarity is 30 % or more (exact comparison, before rounding). */
  public boolean failsG3() {
    return Percent.atLeast(copiedUnits, documentUnits, Percent.G3_THRESHOLD_PERCENT);
  }
}
