package io.hezuo.formalreview.similarity;

/**
 * A passage of the document that also occurs in the source, for side-by-side display. Char offsets
 * are into the ORIGINAL texts (end exclusive); unit offsets into their units.
 *
 * @param docStart first char of the passage in the document
 * @param docEnd char after the passage in the document
 * @param sourceStart first char of the passage in the source
 * @param sourceEnd char after the passage in the source
 * @param docUnitStart first unit in the document
 * @param sourceUnitStart first unit in the source
 * @param unitLength number of units (at least 13)
 */
public record Passage(
    int docStart,
    int docEnd,
    int sourceStart,
    int sourceEnd,
    int docUnitStart,
    int sourceUnitStart,
    int unitLength) {}
