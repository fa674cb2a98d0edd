package io.hezuo.formalreview.similarity;

/**
 * The units of one normalised text and, for each unit, the original (un-normalised) character range
 * it came from.
 *
 * <p>A unit id is the code point (after NFKC, Traditional to Simplified and lower case) for a Han
 * character or another non-ASCII letter, and a negative id from the normaliser's table for a run of
 * ASCII {@code [a-z0-9]}. Ids are exact (equal ids mean equal units) within one {@link
 * UnitNormalizer}.
 *
 * @param ids the unit ids, {@code length} of them are used
 * @param starts original char offset where each unit starts (inclusive)
 * @param ends original char offset where each unit ends (exclusive)
 * @param length number of units
 * @param referencesStart char offset of the 参考文献 heading line that ends the counted text, or -1
 */
public record Units(int[] ids, int[] starts, int[] ends, int length, int referencesStart) {

  /** Original char offset where unit {@code from} starts. */
  public int charStart(int from) {
    return starts[from];
  }

  /** Original char offset just after unit {@code to - 1}. */
  public int charEnd(int to) {
    return ends[to - 1];
  }
}
