package io.hezuo.submission.api;

import java.time.Instant;
import java.util.List;

/** An application as its PI, its unit and REST see it, with its checks. */
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
    List<AttachmentView> attachments) {

  /** An attachment: kind, name, size, pages and SHA-256 of its exact bytes. */
  public record AttachmentView(
      long id, String kind, String fileName, long sizeBytes, int pages, String sha256) {}
}
