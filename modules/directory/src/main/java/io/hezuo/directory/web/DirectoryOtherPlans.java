package io.hezuo.directory.web;

import io.hezuo.directory.api.OtherPlanPiView;
import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.directory.service.OtherPlansImports;
import io.hezuo.directory.service.OtherPlansService;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.job.ImportItem;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.time.Zones;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.file.UploadedFile;

/**
 * Backing bean of {@code app/directory/other-plans.xhtml}: the programme officer uploads the
 * applicant lists of other provincial plans and of the provincial Natural Science Foundation
 * (.xlsx; the result is the lists replaced, or the problems and nothing saved) and searches the
 * lists held, paged in SQL, ID numbers masked.
 */
@Named("directoryOtherPlans")
@ViewScoped
public class DirectoryOtherPlans implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject OtherPlansService service;
  @Inject OtherPlansImports imports;

  private final XlsxImportForm form = new XlsxImportForm(OtherPlansWorkbook.IMPORT);
  private transient UploadedFile file;
  private ImportJobView job;
  private OtherPlansImports.Outcome outcome;
  private List<OtherPlansService.ListSummary> summary;

  private Integer year;
  private String kind;
  private String query;

  private final LazyDataModel<OtherPlanPiView> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) Math.min(Integer.MAX_VALUE, service.count(year, kind, query));
        }

        @Override
        public List<OtherPlanPiView> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          return service.search(year, kind, query, first, pageSize);
        }

        @Override
        public String getRowKey(OtherPlanPiView r) {
          return String.valueOf(r.id());
        }
      };

  /** The latest import (its progress, or what it did), read once when the page opens. */
  @PostConstruct
  void load() {
    try {
      job = imports.latest().orElse(null);
      if (job != null && !job.running()) {
        outcome = OtherPlansImports.outcome(job);
        if (ImportJobView.REFUSED.equals(job.status())) {
          List<ImportItem> items = imports.report(job.id());
          if (!(items.size() == 1 && "file".equals(items.get(0).name()))) {
            form.showProblems(items);
          }
        }
      }
    } catch (HezuoException e) {
      // not an officer: the page's guard refuses it
    }
  }

  /** Starts an import job of the uploaded file; the page then polls its progress. */
  public void upload() {
    ImportJobView started =
        form.upload(
            file == null ? 0 : file.getSize(),
            () -> file.getInputStream(),
            (in, note) -> imports.start(in, file.getFileName(), note, null, null));
    if (started != null) {
      job = started;
      outcome = null;
      FacesViolations.info("directory.otherplans.import.started");
      finished();
    }
  }

  /** Polled while the import runs: its progress, and at the end what it did or its problems. */
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
    switch (job.status()) {
      case ImportJobView.DONE -> {
        outcome = OtherPlansImports.outcome(job);
        summary = null;
        FacesViolations.info(
            "directory.otherplans.import.done",
            outcome == null ? 0 : outcome.rows(),
            outcome == null ? 0 : outcome.lists().size());
      }
      case ImportJobView.REFUSED -> form.refused(imports.report(job.id()));
      default -> FacesViolations.error("directory.otherplans.import.broken");
    }
  }

  public ImportJobView getJob() {
    return job;
  }

  public boolean isRunning() {
    return job != null && job.running();
  }

  /** Applies the filters: the table starts again at its first page. */
  public void search() {
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(":list:pis");
    if (table != null) {
      table.setFirst(0);
    }
  }

  public LazyDataModel<OtherPlanPiView> getModel() {
    return model;
  }

  public List<OtherPlansService.ListSummary> getSummary() {
    if (summary == null) {
      summary = service.summary();
    }
    return summary;
  }

  public long getTotal() {
    return service.count(year, kind, query);
  }

  public List<String> getKinds() {
    return List.of("NSFC", "PROVINCIAL_PLAN");
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }

  public XlsxImportForm getForm() {
    return form;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }

  public OtherPlansImports.Outcome getOutcome() {
    return outcome;
  }

  public Integer getYear() {
    return year;
  }

  public void setYear(Integer year) {
    this.year = year;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
