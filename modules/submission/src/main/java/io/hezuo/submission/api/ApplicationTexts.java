package io.hezuo.submission.api;

import java.io.Serializable;

/**
 * An application's acceptance number, Chinese title and six text sections, as the form holds them
 * (for formal review's similarity check over a round, read for many applications at once).
 */
public record ApplicationTexts(
    long id,
    String acceptanceNo,
    String titleZh,
    String textBasis,
    String textContent,
    String textRoute,
    String textCooperation,
    String textOutcomes,
    String textIndicators)
    implements Serializable {}
