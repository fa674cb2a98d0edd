package io.hezuo.call.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * An A1 partner country or region: its priority fields, the foreign agency, the foreign deadline (a
 * date, or "to be announced", or none for unilateral submission) and the submission mode. JSON
 * shows every field, a missing deadline or agency as {@code null}, so that clients see it is
 * unknown rather than forgotten.
 */
@JsonbNillable
public record PartnerView(
    String code,
    Text name,
    Text fields,
    Text agency,
    String agencyUrl,
    LocalDate foreignDeadline,
    boolean foreignDeadlineToBeAnnounced,
    SubmissionMode submissionMode,
    Text note)
    implements Serializable {

  public boolean isDual() {
    return submissionMode == SubmissionMode.DUAL;
  }

  /** Whether the foreign deadline is a known date before {@code today} (G8 warns about it). */
  public boolean foreignDeadlinePassed(LocalDate today) {
    return foreignDeadline != null && foreignDeadline.isBefore(today);
  }
}
