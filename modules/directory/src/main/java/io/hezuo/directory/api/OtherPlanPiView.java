package io.hezuo.directory.api;

import java.time.Instant;

/**
 * A row of an imported list of another plan as the officer's list shows it. The ID number is masked
 * ({@code idNumberMasked}: 330106********0013): the lists are personal data.
 */
public record OtherPlanPiView(
    long id,
    int year,
    String planKind,
    String planName,
    String projectTitle,
    String name,
    String idType,
    String idNumberMasked,
    String unitName,
    Instant importedAt,
    String importedBy,
    String source)
    implements java.io.Serializable {}
