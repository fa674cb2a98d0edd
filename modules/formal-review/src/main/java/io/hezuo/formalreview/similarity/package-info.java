/**
 * The similarity (复制比) engine: plain Java, no container.
 *
 * <p>A text is normalised ({@link io.hezuo.formalreview.similarity.UnitNormalizer}) into units; a
 * unit of a document Q is copied when it lies inside a run of 13 consecutive units of Q that also
 * occurs in another document and not in the form's template. {@link
 * io.hezuo.formalreview.similarity.SimilarityIndex} finds the candidate sources with winnowed
 * fingerprints and then verifies every match on the unit sequences, so the figures are exact.
 * {@link io.hezuo.formalreview.similarity.SimilarityReport} is the command line.
 */
package io.hezuo.formalreview.similarity;
