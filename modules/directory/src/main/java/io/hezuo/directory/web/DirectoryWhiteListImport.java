package io.hezuo.directory.web;

import io.hezuo.directory.domain.WhiteListWorkbook;
import io.hezuo.directory.service.WhiteListService;
import io.hezuo.kernel.faces.FacesViolations;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;

/**
 * Backing bean of {@code app/directory/whitelist-import.xhtml}: the programme officer uploads the
 * white list (.xlsx); the result is the counts, or the list of problems and nothing saved.
 */
@Named("directoryWhitelistImport")
@ViewScoped
public class DirectoryWhiteListImport implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WhiteListService service;

  private final XlsxImportForm form = new XlsxImportForm(WhiteListWorkbook.IMPORT);
  private transient Part file;
  private WhiteListService.ImportOutcome outcome;
  private long[] counts;

  public void upload() {
    outcome =
        form.upload(
            file == null ? 0 : file.getSize(),
            () -> file.getInputStream(),
            (in, note) -> service.importWorkbook(in, file.getSubmittedFileName(), note));
    if (outcome != null) {
      counts = null;
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

  public XlsxImportForm getForm() {
    return form;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public WhiteListService.ImportOutcome getOutcome() {
    return outcome;
  }
}
