package io.hezuo.submission.service;

import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.document.PdfAttachmentCheck;
import io.hezuo.submission.domain.AttachmentKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * Uploads: every file is checked by its content (PDF only, not encrypted, no JavaScript, within the
 * size limit) before it is stored with its SHA-256; a refusal is audited with its reason.
 */
@ApplicationScoped
public class Attachments {

  @Inject ApplicationService applications;
  @Inject AuditLog audit;
  @Inject SecurityContext security;

  public ApplicationView attach(long id, AttachmentKind kind, String fileName, byte[] content) {
    String name = fileName == null || fileName.isBlank() ? "attachment.pdf" : fileName.trim();
    if (name.length() > 255) {
      name = name.substring(name.length() - 255);
    }
    PdfAttachmentCheck.Result r = PdfAttachmentCheck.check(content, name);
    if (!r.accepted()) {
      String who =
          security.getCallerPrincipal() == null ? "?" : security.getCallerPrincipal().getName();
      audit.recordAlways(
          new AuditEntry(
              who,
              "APPLICANT",
              "Application",
              String.valueOf(id),
              "attach-refused",
              null,
              name + " sha256=" + r.sha256Hex(),
              r.detail()));
      throw new RuleViolationException(
          new RuleViolation(
              "F-FILE",
              io.hezuo.kernel.rule.Severity.ERROR,
              "attachments",
              r.problemKey(),
              r.args()));
    }
    return applications.attach(
        id, kind, name, content, new AttachmentCheck.Accepted(r.pages(), r.sha256Hex()));
  }
}
