package io.hezuo.formalreview.web;

import io.hezuo.formalreview.service.Library;
import io.hezuo.formalreview.service.LibraryImports;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.job.ImportItem;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Backing bean of {@code app/formal-review/library.xhtml}: the officer uploads a zip of earlier
 * projects' documents, which starts an import job; the page polls its progress bar while it runs
 * and shows the per-file report when it has ended. The latest import is shown on opening the page
 * (also one still running, e.g. after the server restarted it).
 */
@Named("frLibrary")
@ViewScoped
public class FormalReviewLibrary implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Library library;
  @Inject LibraryImports imports;

  private transient Part file;
  private ImportJobView job;
  private List<Line> lines = List.of();
  private long count;

  /** One file of the report as shown. */
  public record Line(String file, String outcome, String message) implements Serializable {}

  @PostConstruct
  void load() {
    try {
      count = library.count();
      job = imports.latest().orElse(null);
      lines = lines();
    } catch (HezuoException e) {
      // not an officer: the page's guard refuses it
    }
  }

  public void upload() {
    if (file == null || file.getSize() == 0) {
      FacesViolations.error("formalreview.library.noFile");
      return;
    }
    try (InputStream in = file.getInputStream()) {
      job = imports.start(in, file.getSubmittedFileName(), null, null);
      lines = List.of();
      FacesViolations.info("formalreview.web.library.started.message");
      finished();
    } catch (RuleViolationException e) {
      FacesViolations.show("imp", e.violations());
    } catch (HezuoException | IOException e) {
      FacesViolations.error("formalreview.web.notAllowed");
    }
  }

  /** Polled while the import runs: its progress, and at the end its report. */
  public void refresh() {
    if (job == null || !job.running()) {
      return;
    }
    job = imports.view(job.id());
    finished();
  }

  private void finished() {
    if (job.running()) {
      return;
    }
    count = library.count();
    lines = lines();
    if (ImportJobView.DONE.equals(job.status())) {
      FacesViolations.info("formalreview.web.library.done", job.imported(), job.skipped());
    } else {
      FacesViolations.error("formalreview.web.library.refused");
    }
  }

  private List<Line> lines() {
    if (job == null || job.running()) {
      return List.of();
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    boolean refused = !ImportJobView.DONE.equals(job.status());
    return imports.report(job.id()).stream()
        .map(
            i -> {
              boolean readable = refused && ImportItem.IMPORTED.equals(i.outcome());
              return new Line(
                  i.name(),
                  readable ? "READABLE" : i.outcome(),
                  Messages.get(
                      locale,
                      readable ? "formalreview.library.readable" : i.messageKey(),
                      i.arguments()));
            })
        .toList();
  }

  public ImportJobView getJob() {
    return job;
  }

  public boolean isRunning() {
    return job != null && job.running();
  }

  public long getCount() {
    return count;
  }

  public List<Line> getLines() {
    return lines;
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
