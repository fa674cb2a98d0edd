package io.hezuo.directory.web;

import io.hezuo.directory.domain.XlsxImport;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The upload form of the module's .xlsx import screens: the file and the confirmation are required;
 * a file refused as a whole (not an .xlsx, too large, empty) is said in one message in both
 * languages; problems on cells are listed in the user's language under a message that counts them.
 * What an import did is the screen's to say.
 */
public final class XlsxImportForm {

  /** One problem of the file, in the user's language. */
  public record Problem(String ruleId, String cell, String message) implements Serializable {}

  /** What an upload gave: the import's outcome, or null and the problems to list (maybe none). */
  record Result<T>(T outcome, List<Problem> problems) {}

  /** Opens the uploaded file. */
  @FunctionalInterface
  interface UploadedContent {
    InputStream open() throws IOException;
  }

  private XlsxImportForm() {}

  /**
   * Checks the form and runs {@code importer} on the file; shows a message when nothing was
   * imported.
   *
   * @param size the uploaded file's size, 0 when there is none
   * @param confirmed whether the officer ticked that the import replaces what is there
   */
  static <T> Result<T> upload(
      XlsxImport xlsx,
      long size,
      boolean confirmed,
      UploadedContent file,
      Function<InputStream, T> importer) {
    Result<T> nothing = new Result<>(null, List.of());
    if (size == 0) {
      FacesViolations.error(xlsx.key("file.required"));
      return nothing;
    }
    if (!confirmed) {
      FacesViolations.error(xlsx.key("import.confirmRequired"));
      return nothing;
    }
    try (InputStream in = file.open()) {
      return new Result<>(importer.apply(in), List.of());
    } catch (RuleViolationException e) {
      List<RuleViolation> vs = e.violations();
      if (vs.size() == 1 && "file".equals(vs.get(0).field())) {
        FacesViolations.error(vs.get(0).messageKey(), vs.get(0).args().toArray());
        return nothing;
      }
      long cells = vs.stream().filter(v -> v.field() != null).count();
      FacesViolations.error(xlsx.key("import.failed"), cells);
      return new Result<>(null, problems(vs));
    } catch (SecurityException e) {
      FacesViolations.error(xlsx.key("import.forbidden"));
    } catch (IOException e) {
      FacesViolations.error(xlsx.key("file.notXlsx"));
    }
    return nothing;
  }

  private static List<Problem> problems(List<RuleViolation> vs) {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    List<Problem> list = new ArrayList<>();
    for (RuleViolation v : vs) {
      list.add(
          new Problem(
              v.ruleId(),
              v.field() == null ? "" : v.field(),
              Messages.get(locale, v.messageKey(), v.args().toArray())));
    }
    return list;
  }
}
