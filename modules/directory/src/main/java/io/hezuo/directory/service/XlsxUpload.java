package io.hezuo.directory.service;

import io.hezuo.directory.domain.XlsxImport;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An .xlsx file uploaded to one of the module's imports, as the import services take it: at most
 * the import's limit + 1 bytes (the domain then refuses a larger file by its content), the file's
 * name ({@code upload.xlsx} when none was given) and the officer's note (at most 300 characters).
 */
record XlsxUpload(byte[] content, String fileName, String note) {

  /**
   * Reads the upload.
   *
   * @throws RuleViolationException (the import's rule, field {@code note}) when the note is too
   *     long
   */
  static XlsxUpload read(XlsxImport xlsx, InputStream in, String fileName, String note) {
    byte[] content;
    try {
      content = in == null ? new byte[0] : in.readNBytes((int) xlsx.maxBytes() + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName.strip();
    String why = note == null ? "" : note.strip();
    if (why.length() > 300) {
      throw new RuleViolationException(
          RuleViolation.error(xlsx.rule(), "note", "directory.tooLong", 300));
    }
    return new XlsxUpload(content, name, why);
  }

  /** The file's name as the imported rows keep it. */
  String source() {
    return truncate(fileName, 255);
  }

  /** The officer's audited import of the upload: the file's name and the note are its reason. */
  AuditEntry audit(String officer, String entity, String batch, String before, String after) {
    return new AuditEntry(
        officer,
        Role.OFFICER,
        entity,
        batch,
        "import",
        before,
        after,
        truncate(fileName + (note.isEmpty() ? "" : ": " + note), 500));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
