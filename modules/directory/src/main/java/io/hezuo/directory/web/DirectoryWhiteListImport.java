package io.hezuo.directory.web;

import io.hezuo.directory.domain.WhiteListWorkbook;
import io.hezuo.directory.service.WhiteListService;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backing bean of {@code app/directory/whitelist-import.xhtml}: the programme officer uploads the
 * white list (.xlsx); the result is the counts, or the list of problems and nothing saved.
 */
@Named("directoryWhitelistImport")
@ViewScoped
public class DirectoryWhiteListImport implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One problem of the file, in the user's language. */
  public record Problem(String ruleId, String cell, String message) implements Serializable {}

  @Inject transient WhiteListService service;

  private transient Part file;
  private String note;
  private boolean confirmed;
  private WhiteListService.ImportOutcome outcome;
  private List<Problem> problems = List.of();
  private long[] counts;

  public void upload() {
    outcome = null;
    problems = List.of();
    if (file == null || file.getSize() == 0) {
      FacesViolations.error("directory.whitelist.file.required");
      return;
    }
    if (!confirmed) {
      FacesViolations.error("directory.whitelist.import.confirmRequired");
      return;
    }
    try (InputStream in = file.getInputStream()) {
      outcome = service.importWorkbook(in, file.getSubmittedFileName(), note);
      counts = null;
      confirmed = false;
      note = null;
      FacesViolations.info(
          "directory.whitelist.import.done",
          outcome.platforms(),
          outcome.members(),
          outcome.platformsBefore(),
          outcome.membersBefore(),
          outcome.withdrawn(),
          outcome.batch());
    } catch (RuleViolationException e) {
      Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
      List<Problem> list = new ArrayList<>();
      for (RuleViolation v : e.violations()) {
        list.add(
            new Problem(
                v.ruleId(),
                v.field() == null ? "" : v.field(),
                Messages.get(locale, v.messageKey(), v.args().toArray())));
      }
      List<RuleViolation> vs = e.violations();
      if (vs.size() == 1 && "file".equals(vs.get(0).field())) {
        // the file itself is refused (not an .xlsx, too large, empty): say why, in both languages
        FacesViolations.error(vs.get(0).messageKey(), vs.get(0).args().toArray());
      } else {
        problems = list;
        long rows = vs.stream().filter(v -> v.field() != null).count();
        FacesViolations.error("directory.whitelist.import.failed", rows);
      }
    } catch (SecurityException e) {
      FacesViolations.error("directory.whitelist.import.forbidden");
    } catch (IOException e) {
      FacesViolations.error("directory.whitelist.file.notXlsx");
    }
  }

  public long getPlatformCount() {
    return counts()[0];
  }

  public long getMemberCount() {
    return counts()[1];
  }

  private long[] counts() {
    if (counts == null) {
      counts = service.counts();
    }
    return counts;
  }

  public long getMaxMegabytes() {
    return WhiteListWorkbook.MAX_BYTES / (1024 * 1024);
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
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

  public WhiteListService.ImportOutcome getOutcome() {
    return outcome;
  }

  public List<Problem> getProblems() {
    return problems;
  }
}
