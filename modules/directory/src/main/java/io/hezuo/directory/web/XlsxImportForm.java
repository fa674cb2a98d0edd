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
import java.util.function.BiFunction;

/**
 * The upload form of one of the module's .xlsx import screens ({@code #{bean.form.note}}): the
 * officer's note, the confirmation that the import replaces what is there, and the problems of the
 * last file. The file and the confirmation are required; a file refused as a whole (not an .xlsx,
 * too large, empty) is said in one message in both languages; problems on cells are listed in the
 * user's language under a message that counts them. What an import did is the screen's to say.
 */
public final class XlsxImportForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One problem of the file, in the user's language. */
  public record Problem(String ruleId, String cell, String message) implements Serializable {}

  /** Opens the uploaded file. */
  @FunctionalInterface
  interface UploadedContent {
    InputStream open() throws IOException;
  }

  private final XlsxImport xlsx;
  private String note;
  private boolean confirmed;
  private List<Problem> problems = List.of();

  XlsxImportForm(XlsxImport xlsx) {
    this.xlsx = xlsx;
  }

  /**
   * Checks the form and runs {@code importer} on the file and the note. After an import the note
   * and the confirmation are cleared; when nothing was imported a message says why.
   *
   * @param size the uploaded file's size, 0 when there is none
   * @return what {@code importer} returned, or null when nothing was imported
   */
  <T> T upload(long size, UploadedContent file, BiFunction<InputStream, String, T> importer) {
    problems = List.of();
    if (size == 0) {
      FacesViolations.error(xlsx.key("file.required"));
      return null;
    }
    if (!confirmed) {
      FacesViolations.error(xlsx.key("import.confirmRequired"));
      return null;
    }
    try (InputStream in = file.open()) {
      T outcome = importer.apply(in, note);
      confirmed = false;
      note = null;
      return outcome;
    } catch (RuleViolationException e) {
      List<RuleViolation> vs = e.violations();
      if (vs.size() == 1 && "file".equals(vs.get(0).field())) {
        FacesViolations.error(vs.get(0).messageKey(), vs.get(0).args().toArray());
      } else {
        problems = problems(vs);
        long cells = vs.stream().filter(v -> v.field() != null).count();
        FacesViolations.error(xlsx.key("import.failed"), cells);
      }
    } catch (io.hezuo.kernel.error.HezuoException e) {
      FacesViolations.error(xlsx.key("import.forbidden"));
    } catch (IOException e) {
      FacesViolations.error(xlsx.key("file.notXlsx"));
    }
    return null;
  }

  /**
   * Shows the problems an import job refused the file for (its report lines: the cell is the line's
   * name): a file refused as a whole in one message, problems on cells listed.
   */
  void refused(List<io.hezuo.kernel.job.ImportItem> items) {
    if (items.size() == 1 && "file".equals(items.get(0).name())) {
      problems = List.of();
      FacesViolations.error(items.get(0).messageKey(), items.get(0).arguments());
      return;
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    List<Problem> list = new ArrayList<>();
    for (io.hezuo.kernel.job.ImportItem i : items) {
      list.add(
          new Problem(
              i.ruleId() == null ? "" : i.ruleId(),
              i.name(),
              Messages.get(locale, i.messageKey(), i.arguments())));
    }
    problems = list;
    FacesViolations.error(
        xlsx.key("import.failed"), items.stream().filter(i -> !i.name().isEmpty()).count());
  }

  /** The problems of an import job's report, without messages (the page opened again). */
  void showProblems(List<io.hezuo.kernel.job.ImportItem> items) {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    List<Problem> list = new ArrayList<>();
    for (io.hezuo.kernel.job.ImportItem i : items) {
      list.add(
          new Problem(
              i.ruleId() == null ? "" : i.ruleId(),
              i.name(),
              Messages.get(locale, i.messageKey(), i.arguments())));
    }
    problems = list;
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

  public long getMaxMegabytes() {
    return xlsx.maxMegabytes();
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }

  public List<Problem> getProblems() {
    return problems;
  }
}
