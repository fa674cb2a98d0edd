package io.hezuo.submission.service;

/** The outcome of the content check of an uploaded PDF that was accepted. */
public final class AttachmentCheck {

  private AttachmentCheck() {}

  /** An accepted PDF: its page count and the SHA-256 of its exact bytes. */
  public record Accepted(int pages, String sha256) {}
}
