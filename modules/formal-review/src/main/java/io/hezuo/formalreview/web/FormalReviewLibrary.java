package io.hezuo.formalreview.web;

import io.hezuo.formalreview.service.Library;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Backing bean of {@code app/formal-review/library.xhtml}: the officer imports a zip of earlier
 * projects' documents and reads the per-file report.
 */
@Named("frLibrary")
@ViewScoped
public class FormalReviewLibrary implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Library library;

  private transient Part file;
  private Library.Report report;
  private Long count;

  /** One file of the report as shown. */
  public record Line(String file, String outcome, String message) implements Serializable {}

  public long getCount() {
    if (count == null) {
      count = library.count();
    }
    return count;
  }

  public void upload() {
    if (file == null || file.getSize() == 0) {
      FacesViolations.error("formalreview.library.noFile");
      return;
    }
    try (InputStream in = file.getInputStream()) {
      report = library.importZip(in.readAllBytes());
      count = null;
      if (report.imported()) {
        FacesViolations.info("formalreview.web.library.done", report.stored(), report.skipped());
      } else {
        FacesViolations.error("formalreview.web.library.refused");
      }
    } catch (RuleViolationException e) {
      FacesViolations.show("imp", e.violations());
    } catch (HezuoException | IOException e) {
      FacesViolations.error("formalreview.web.notAllowed");
    }
  }

  public List<Line> getLines() {
    if (report == null) {
      return List.of();
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return report.files().stream()
        .map(f -> new Line(f.file(), f.outcome(), Messages.get(locale, f.messageKey())))
        .toList();
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
