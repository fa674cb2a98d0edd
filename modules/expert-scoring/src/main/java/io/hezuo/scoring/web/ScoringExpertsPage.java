package io.hezuo.scoring.web;

import io.hezuo.call.api.FieldView;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.error.PayloadTooLargeException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.faces.PagedModel;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.scoring.domain.ExpertWorkbook;
import io.hezuo.scoring.service.ExpertImportWork;
import io.hezuo.scoring.service.ExpertImports;
import io.hezuo.scoring.service.ExpertPool;
import jakarta.annotation.PostConstruct;
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
import org.primefaces.model.file.UploadedFile;

/**
 * Backing bean of {@code app/scoring/experts.xhtml}: the officer imports experts from Excel (the
 * job's progress polled, then what it did or each problem by row and column), searches the pool
 * (paged in SQL, by name, unit or field; filtered by field, city and status), exports it, and
 * deactivates or reactivates an expert with a reason after a confirmation.
 */
@Named("scExperts")
@ViewScoped
public class ScoringExpertsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ExpertPool pool;
  @Inject ExpertImports imports;

  /** A problem of an import as the page lists it, in the user's language. */
  public record Problem(int row, String column, String ruleId, String message)
      implements Serializable {}

  private transient UploadedFile file;
  private String note;
  private ImportJobView job;
  private ExpertImportWork.Outcome outcome;
  private List<Problem> problems = List.of();

  private String query;
  private String field;
  private String city;
  private String state;
  private List<String> cities = List.of();
  private List<String> fieldCodes = List.of();
  private Map<String, FieldView> fieldNames = Map.of();

  private ExpertPool.Listed selected;
  private boolean activating;
  private String reason;

  private final PagedModel<ExpertPool.Listed> model =
      new PagedModel<>(this::read, ExpertPool.Listed::id);

  /** The latest import and the filters' choices, read once when the page opens. */
  @PostConstruct
  void load() {
    try {
      cities = pool.cities();
      fieldCodes = pool.fieldCodes();
      fieldNames = pool.callFields();
      job = imports.latest().orElse(null);
      if (job != null && !job.running()) {
        outcome = ExpertImports.outcome(job);
        if (ImportJobView.REFUSED.equals(job.status())) {
          problems = problems(imports.report(job.id()));
        }
      }
    } catch (HezuoException e) {
      // not an officer: the page's guard refuses it
    }
  }

  private PagedModel.Page<ExpertPool.Listed> read(int first, int size) {
    ExpertPool.Page p = pool.search(filters(), first, size);
    return new PagedModel.Page<>(p.total(), p.items());
  }

  private ExpertPool.Search filters() {
    Boolean active =
        "active".equals(state) ? Boolean.TRUE : "inactive".equals(state) ? false : null;
    return new ExpertPool.Search(query, field, city, active);
  }

  // ------------------------------------------------------------------ import

  /** Starts an import job of the uploaded file; the page then polls its progress. */
  public void upload() {
    problems = List.of();
    if (file == null || file.getSize() == 0) {
      FacesViolations.error("scoring.pool.file.required");
      return;
    }
    try (InputStream in = file.getInputStream()) {
      job = imports.start(in, file.getFileName(), note, null, null);
      outcome = null;
      note = null;
      FacesViolations.info("scoring.web.experts.started");
      finished();
    } catch (RuleViolationException e) {
      FacesViolations.show("imp", e.violations());
    } catch (PayloadTooLargeException e) {
      FacesViolations.error("scoring.pool.file.tooLarge", getMaxMegabytes());
    } catch (IOException e) {
      FacesViolations.error("scoring.pool.file.notXlsx");
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
        outcome = ExpertImports.outcome(job);
        cities = pool.cities();
        fieldCodes = pool.fieldCodes();
        model.refresh();
        FacesViolations.info(
            "scoring.web.experts.done",
            outcome == null ? 0 : outcome.created(),
            outcome == null ? 0 : outcome.updated(),
            outcome == null ? 0 : outcome.accounts());
      }
      case ImportJobView.REFUSED -> {
        problems = problems(imports.report(job.id()));
        FacesViolations.error("scoring.web.experts.refused", problems.size());
      }
      default -> FacesViolations.error("scoring.web.experts.broken");
    }
  }

  private static List<Problem> problems(List<ExpertImports.Problem> report) {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    boolean english = Messages.ENGLISH.getLanguage().equals(locale.getLanguage());
    List<Problem> out = new ArrayList<>();
    for (ExpertImports.Problem p : report) {
      String column =
          p.column() == null
              ? Messages.get(locale, "scoring.web.experts.wholeFile")
              : english ? p.columnEn() : p.columnZh();
      out.add(
          new Problem(
              p.row(),
              column,
              p.ruleId() == null ? "" : p.ruleId(),
              Messages.get(locale, p.messageKey(), p.arguments())));
    }
    return out;
  }

  // ------------------------------------------------------------------ list

  /** Applies the filters: the table starts again at its first page. */
  public void search() {
    model.refresh();
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(":list:experts");
    if (table != null) {
      table.setFirst(0);
    }
  }

  /** A field's code with its name when it is one of the call's fields (AI 人工智能). */
  public String fieldLabel(String code) {
    FieldView f = fieldNames.get(code);
    if (f == null) {
      return code;
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    boolean english = Messages.ENGLISH.getLanguage().equals(locale.getLanguage());
    return code + " " + (english ? f.name().en() : f.name().zh());
  }

  /** An expert's fields as the list shows them. */
  public String fieldsLabel(List<String> codes) {
    return String.join("、", codes.stream().map(this::fieldLabel).toList());
  }

  // ------------------------------------------------------------------ deactivate, reactivate

  /** Opens the confirmation of deactivating (or, {@code activate}, reactivating) an expert. */
  public void ask(ExpertPool.Listed expert, boolean activate) {
    selected = expert;
    activating = activate;
    reason = null;
  }

  /** Deactivates or reactivates the chosen expert with the reason typed. */
  public void confirm() {
    if (selected == null) {
      return;
    }
    try {
      ExpertPool.Listed done =
          activating
              ? pool.activate(selected.id(), reason)
              : pool.deactivate(selected.id(), reason);
      FacesViolations.info(
          activating ? "scoring.web.experts.activated" : "scoring.web.experts.deactivated",
          done.name());
      selected = null;
      reason = null;
      model.refresh();
    } catch (RuleViolationException e) {
      FacesViolations.show("status", e.violations());
    }
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }

  // ------------------------------------------------------------------ properties

  public boolean isRunning() {
    return job != null && job.running();
  }

  public ImportJobView getJob() {
    return job;
  }

  public ExpertImportWork.Outcome getOutcome() {
    return outcome;
  }

  public List<Problem> getProblems() {
    return problems;
  }

  public long getMaxMegabytes() {
    return ExpertWorkbook.MAX_BYTES / (1024 * 1024);
  }

  public PagedModel<ExpertPool.Listed> getModel() {
    return model;
  }

  public List<String> getCities() {
    return cities;
  }

  public List<String> getFieldCodes() {
    return fieldCodes;
  }

  public ExpertPool.Listed getSelected() {
    return selected;
  }

  public boolean isActivating() {
    return activating;
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

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
