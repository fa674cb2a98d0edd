package io.hezuo.formalreview.similarity;

import java.math.BigDecimal;
import java.util.List;

/**
 * How much of a document is copied from one source.
 *
 * @param sourceId the source's id
 * @param copiedUnits units of the document copied from this source
 * @param documentUnits all units of the document
 * @param passages the matched passages, in document order (they may overlap)
 */
public record SourceSimilarity(
    String sourceId, int copiedUnits, int documentUnits, List<Passage> passages) {

  /** copied / all × 100, truncated to two decimals (for display). */
  public BigDecimal percent() {
    return Percent.of(copiedUnits, documentUnits);
  }
}
