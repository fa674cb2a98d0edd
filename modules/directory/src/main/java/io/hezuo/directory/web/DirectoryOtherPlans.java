package io.hezuo.directory.web;

import io.hezuo.directory.api.OtherPlanPiView;
import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.directory.service.OtherPlansService;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.time.Zones;
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

  @Inject transient OtherPlansService service;

  private final XlsxImportForm form = new XlsxImportForm(OtherPlansWorkbook.IMPORT);
  private transient UploadedFile file;
  private OtherPlansService.ImportOutcome outcome;
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

  public void upload() {
    outcome =
        form.upload(
            file == null ? 0 : file.getSize(),
            () -> file.getInputStream(),
            (in, note) -> service.importWorkbook(in, file.getFileName(), note));
    if (outcome != null) {
      summary = null;
      FacesViolations.info(
          "directory.otherplans.import.done", outcome.rows(), outcome.lists().size());
    }
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

  public OtherPlansService.ImportOutcome getOutcome() {
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
