package io.hezuo.submission.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/**
 * An application as its PI, its unit and REST see it, with its attachments and the warnings
 * recorded when it was submitted.
 */
public record ApplicationView(
    long id,
    long callId,
    long version,
    String lineCode,
    String status,
    String piName,
    String piUsername,
    long organisationId,
    String acceptanceNo,
    String contentSha256,
    Instant submittedAt,
    ApplicationForm form,
    List<AttachmentView> attachments,
    List<WarningView> warnings)
    implements java.io.Serializable {

  public ApplicationView {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** An attachment: kind, name, size, pages and SHA-256 of its exact bytes. */
  public record AttachmentView(
      long id, String kind, String fileName, long sizeBytes, int pages, String sha256)
      implements java.io.Serializable {}

  /**
   * A warning recorded when the application was submitted (the checks' warnings then): rule id,
   * field (null for the whole application) and the message in Chinese and English, as {@code
   * /checks} lists them.
   */
  @JsonbNillable
  public record WarningView(
      String ruleId,
      String severity,
      String field,
      @JsonbProperty("message_zh") String messageZh,
      @JsonbProperty("message_en") String messageEn)
      implements java.io.Serializable {}
}
