package io.hezuo.submission.service;

import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.PayloadTooLargeException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.rule.Severity;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.document.PdfAttachmentCheck;
import io.hezuo.submission.domain.AttachmentKind;
import io.hezuo.submission.domain.AttachmentName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Uploads, the same for the screen and REST: the caller is checked first (the application's PI,
 * while it is editable), then the name (see {@link AttachmentName}), then the body is read up to
 * the size limit and checked by its content (PDF only, not encrypted, no JavaScript) before it is
 * stored with its SHA-256. A refusal is audited with its reason.
 */
@ApplicationScoped
public class Attachments {

  @Inject PiApplications applications;
  @Inject AuditLog audit;
  @Inject Caller caller;

  /** An upload over REST: nothing of the body is read before the caller and the name pass. */
  public ApplicationView attach(long id, AttachmentKind kind, String fileName, InputStream body) {
    applications.checkCanAttach(id);
    String name = name(id, fileName);
    byte[] content;
    try {
      content =
          body == null ? new byte[0] : body.readNBytes((int) PdfAttachmentCheck.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (content.length > PdfAttachmentCheck.MAX_BYTES) {
      refused(id, name, "-", "over " + PdfAttachmentCheck.MAX_BYTES + " bytes");
      throw new PayloadTooLargeException("attachment over the size limit");
    }
    return store(id, kind, name, content);
  }

  /** An upload from the screen (PrimeFaces has the file already, within its own size limit). */
  public ApplicationView attach(long id, AttachmentKind kind, String fileName, byte[] content) {
    applications.checkCanAttach(id);
    return store(id, kind, name(id, fileName), content);
  }

  private ApplicationView store(long id, AttachmentKind kind, String name, byte[] content) {
    PdfAttachmentCheck.Result r = PdfAttachmentCheck.check(content, name);
    if (!r.accepted()) {
      refused(id, name, r.sha256Hex(), r.detail());
      throw new RuleViolationException(
          new RuleViolation("F-FILE", Severity.ERROR, "attachments", r.problemKey(), r.args()));
    }
    return applications.attach(
        id, kind, name, content, new AttachmentCheck.Accepted(r.pages(), r.sha256Hex()));
  }

  private String name(long id, String fileName) {
    return AttachmentName.normalise(fileName)
        .orElseThrow(
            () -> {
              refused(id, "(refused name)", "-", "file name with a path or control characters");
              return new RuleViolationException(
                  RuleViolation.error("F-FILE", "attachments", "submission.attachment.badName"));
            });
  }

  private void refused(long id, String name, String sha256, String why) {
    audit.recordAlways(
        new AuditEntry(
            caller.name(),
            Role.APPLICANT,
            "Application",
            String.valueOf(id),
            "attach-refused",
            null,
            name + " sha256=" + sha256,
            why));
  }
}
