package io.hezuo.directory.web;

import io.hezuo.directory.api.OtherPlanPiView;
import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.directory.service.OtherPlansService;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** One problem of the file, in the user's language. */
  public record Problem(String ruleId, String cell, String message) implements Serializable {}

  @Inject transient OtherPlansService service;

  private transient UploadedFile file;
  private String note;
  private boolean confirmed;
  private OtherPlansService.ImportOutcome outcome;
  private List<Problem> problems = List.of();
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
    outcome = null;
    problems = List.of();
    if (file == null || file.getSize() == 0) {
      FacesViolations.error("directory.otherplans.file.required");
      return;
    }
    if (!confirmed) {
      FacesViolations.error("directory.otherplans.import.confirmRequired");
      return;
    }
    try (InputStream in = file.getInputStream()) {
      outcome = service.importWorkbook(in, file.getFileName(), note);
      summary = null;
      confirmed = false;
      note = null;
      FacesViolations.info(
          "directory.otherplans.import.done", outcome.rows(), outcome.lists().size());
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
        long cells = vs.stream().filter(v -> v.field() != null).count();
        FacesViolations.error("directory.otherplans.import.failed", cells);
      }
    } catch (SecurityException e) {
      FacesViolations.error("directory.otherplans.import.forbidden");
    } catch (IOException e) {
      FacesViolations.error("directory.otherplans.file.notXlsx");
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

  public long getMaxMegabytes() {
    return OtherPlansWorkbook.MAX_BYTES / (1024 * 1024);
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
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

  public OtherPlansService.ImportOutcome getOutcome() {
    return outcome;
  }

  public List<Problem> getProblems() {
    return problems;
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
