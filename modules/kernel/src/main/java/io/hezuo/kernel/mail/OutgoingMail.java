package io.hezuo.kernel.mail;

import io.hezuo.kernel.error.BadRequestException;

/**
 * One e-mail to queue: the recipient's address, the subject and the plain-text body (UTF-8, already
 * in the recipient's language: the caller renders them from its bundles), and the entity it is
 * about ({@code entityType}/{@code entityId}, as in the audit log and the inbox; may be null).
 *
 * <p>The address is checked here ({@link MailAddress#check}): a malformed one is a {@link
 * BadRequestException} naming it. A caller that must not fail on someone's stored address checks
 * {@link MailAddress#isValid} first and skips it.
 */
public record OutgoingMail(
    String to, String subject, String body, String entityType, String entityId) {

  /** The longest subject kept (longer ones are cut with an ellipsis). */
  public static final int MAX_SUBJECT = 500;

  public OutgoingMail {
    to = MailAddress.check(to);
    if (subject == null || subject.isBlank()) {
      throw new BadRequestException("an e-mail needs a subject");
    }
    // a subject is one header line: no line breaks (header injection), no control characters
    subject = subject.replaceAll("[\\p{Cntrl}]+", " ").strip();
    if (subject.length() > MAX_SUBJECT) {
      subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
    }
    if (body == null || body.isBlank()) {
      throw new BadRequestException("an e-mail needs a body");
    }
  }
}
