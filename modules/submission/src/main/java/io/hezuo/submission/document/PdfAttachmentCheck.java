package io.hezuo.submission.document;

import io.hezuo.kernel.pdf.PdfContentCheck;
import java.util.List;

/**
 * An application's attachment checked by its content ({@link PdfContentCheck} of kernel) against
 * the call's limit of {@link #MAX_BYTES}, with the refusal as a message key of this module ({@code
 * submission.attachment.} and the problem's {@link PdfContentCheck.Problem#suffix() suffix}).
 */
public final class PdfAttachmentCheck {

  /** The size limit, 20 MiB; the upload screen states it (see {@link #MAX_MEGABYTES}). */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  /** {@link #MAX_BYTES} in MB, for the screen: "20". */
  public static final int MAX_MEGABYTES = (int) (MAX_BYTES / (1024 * 1024));

  /** The content type an accepted attachment has. */
  public static final String PDF = PdfContentCheck.PDF;

  public static final String KEY_PREFIX = "submission.attachment.";
  public static final String EMPTY = key(PdfContentCheck.Problem.EMPTY);
  public static final String TOO_LARGE = key(PdfContentCheck.Problem.TOO_LARGE);
  public static final String NOT_PDF_WINDOWS_EXECUTABLE =
      key(PdfContentCheck.Problem.NOT_PDF_WINDOWS_EXECUTABLE);
  public static final String NOT_PDF_EXECUTABLE = key(PdfContentCheck.Problem.NOT_PDF_EXECUTABLE);
  public static final String NOT_PDF_SCRIPT = key(PdfContentCheck.Problem.NOT_PDF_SCRIPT);
  public static final String NOT_PDF_ARCHIVE = key(PdfContentCheck.Problem.NOT_PDF_ARCHIVE);
  public static final String NOT_PDF_OFFICE = key(PdfContentCheck.Problem.NOT_PDF_OFFICE);
  public static final String NOT_PDF_IMAGE = key(PdfContentCheck.Problem.NOT_PDF_IMAGE);
  public static final String NOT_PDF_TEXT = key(PdfContentCheck.Problem.NOT_PDF_TEXT);
  public static final String NOT_PDF = key(PdfContentCheck.Problem.NOT_PDF);
  public static final String BROKEN = key(PdfContentCheck.Problem.BROKEN);
  public static final String ENCRYPTED = key(PdfContentCheck.Problem.ENCRYPTED);
  public static final String JAVASCRIPT = key(PdfContentCheck.Problem.JAVASCRIPT);
  public static final String LAUNCH = key(PdfContentCheck.Problem.LAUNCH);
  public static final String EMBEDDED_FILE = key(PdfContentCheck.Problem.EMBEDDED_FILE);

  private PdfAttachmentCheck() {}

  /**
   * The outcome of a check.
   *
   * @param accepted whether the attachment may be stored
   * @param sha256Hex SHA-256 of the exact bytes, lower-case hex (null only for null content)
   * @param pages the page count of an accepted PDF, otherwise 0
   * @param problemKey null when accepted, otherwise a message key {@code submission.attachment.*}
   * @param args the message arguments; {@code args.get(0)} is always the file name
   * @param detail a technical English detail for logs and the audit, never shown to the user
   */
  public record Result(
      boolean accepted,
      String sha256Hex,
      int pages,
      String problemKey,
      List<Object> args,
      String detail) {

    public Result {
      args = args == null ? List.of() : List.copyOf(args);
    }
  }

  /** Checks against {@link #MAX_BYTES}. */
  public static Result check(byte[] content, String fileName) {
    return check(content, fileName, MAX_BYTES);
  }

  /** Checks against a given size limit (tests use a small one). */
  public static Result check(byte[] content, String fileName, long maxBytes) {
    PdfContentCheck.Result r = PdfContentCheck.check(content, fileName, maxBytes);
    return new Result(
        r.accepted(),
        r.sha256Hex(),
        r.pages(),
        r.problem() == null ? null : key(r.problem()),
        r.args(),
        r.detail());
  }

  /** SHA-256 of the bytes, lower-case hex. */
  public static String sha256Hex(byte[] content) {
    return PdfContentCheck.sha256Hex(content);
  }

  private static String key(PdfContentCheck.Problem problem) {
    return KEY_PREFIX + problem.suffix();
  }
}
