package io.hezuo.directory.domain;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One of the module's .xlsx imports (the white list, the lists of other plans): the rule its
 * problems break, the prefix of its message keys, its limits, and the check of an uploaded file by
 * its content, which the imports share.
 *
 * <p>Every import has the same message keys under its own prefix ({@code
 * directory.whitelist.file.empty}, {@code directory.otherplans.file.empty}): {@code file.empty},
 * {@code file.tooLarge}, {@code file.xls}, {@code file.notXlsx}, {@code file.required}, {@code
 * moreProblems}, {@code idType.unknown}, {@code idNumber.numeric}, {@code import.confirmRequired},
 * {@code import.failed} and {@code import.forbidden}.
 *
 * @param rule the rule id of every problem ({@code F-WL})
 * @param keys the prefix of the import's message keys ({@code directory.whitelist})
 * @param maxBytes the largest file taken
 * @param maxProblems the most problems listed; the others are counted
 */
public record XlsxImport(String rule, String keys, long maxBytes, int maxProblems)
    implements Serializable {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The import's message key: {@code keys.suffix}. */
  public String key(String suffix) {
    return keys + "." + suffix;
  }

  public long maxMegabytes() {
    return maxBytes / (1024 * 1024);
  }

  /** A problem of the file as a whole (field {@code file}). */
  public RuleViolation fileProblem(String suffix, Object... args) {
    return RuleViolation.error(rule, "file", key(suffix), args);
  }

  /**
   * Checks the file by its content, not its name: not empty, at most {@link #maxBytes()}, a ZIP
   * (OOXML) and not an old binary .xls.
   *
   * @throws RuleViolationException with the one problem of the file
   */
  public void checkContent(byte[] content) {
    if (content == null || content.length == 0) {
      throw new RuleViolationException(fileProblem("file.empty"));
    }
    if (content.length > maxBytes) {
      throw new RuleViolationException(fileProblem("file.tooLarge", maxMegabytes()));
    }
    if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw new RuleViolationException(fileProblem("file.xls"));
    }
    if (!startsWith(content, 'P', 'K', 3, 4)) {
      throw new RuleViolationException(fileProblem("file.notXlsx"));
    }
  }

  /**
   * Checks the file by its content, opens the workbook, reads it with {@code reader} and closes it.
   *
   * @throws RuleViolationException when the file is not an .xlsx workbook, or what {@code reader}
   *     throws
   */
  public <T> T read(byte[] content, Function<Workbook, T> reader) {
    checkContent(content);
    Workbook wb;
    try {
      wb = new XSSFWorkbook(new ByteArrayInputStream(content));
    } catch (IOException | RuntimeException e) {
      throw new RuleViolationException(fileProblem("file.notXlsx"));
    }
    try (wb) {
      return reader.apply(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
