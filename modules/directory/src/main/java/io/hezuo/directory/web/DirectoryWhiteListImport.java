package io.hezuo.directory.web;

import io.hezuo.directory.domain.WhiteListWorkbook;
import io.hezuo.directory.service.WhiteListService;
import io.hezuo.kernel.faces.FacesViolations;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of {@code app/directory/whitelist-import.xhtml}: the programme officer uploads the
 * white list (.xlsx); the result is the counts, or the list of problems and nothing saved.
 */
@Named("directoryWhitelistImport")
@ViewScoped
public class DirectoryWhiteListImport implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient WhiteListService service;

  private transient Part file;
  private String note;
  private boolean confirmed;
  private WhiteListService.ImportOutcome outcome;
  private List<XlsxImportForm.Problem> problems = List.of();
  private long[] counts;

  public void upload() {
    XlsxImportForm.Result<WhiteListService.ImportOutcome> result =
        XlsxImportForm.upload(
            WhiteListWorkbook.IMPORT,
            file == null ? 0 : file.getSize(),
            confirmed,
            () -> file.getInputStream(),
            in -> service.importWorkbook(in, file.getSubmittedFileName(), note));
    outcome = result.outcome();
    problems = result.problems();
    if (outcome != null) {
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
    return WhiteListWorkbook.IMPORT.maxMegabytes();
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

  public List<XlsxImportForm.Problem> getProblems() {
    return problems;
  }
}
