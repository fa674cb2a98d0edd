package io.hezuo.submission.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.service.PiApplications;
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

/**
 * Backing bean of {@code app/submission/list.xhtml}: the PI's applications (search by title or
 * acceptance number, filter by line and status, paged in SQL, last changed first) and a new one.
 */
@Named("submissionList")
@ViewScoped
public class SubmissionList implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The statuses the filter offers, in the order an application passes them. */
  public static final List<String> STATUSES =
      java.util.Arrays.stream(io.hezuo.submission.api.ApplicationStatus.values())
          .map(Enum::name)
          .toList();

  @Inject PiApplications service;
  @Inject CallCatalogue calls;

  private List<LineView> lines;
  private String lineCode;
  private String text;
  private String filterLine;
  private String filterStatus;
  private final Mine mine = new Mine();

  /**
   * The PI's applications as the table pages them: ONE service call per render (the count and the
   * page the table shows), since the table asks for the count before the page.
   */
  public class Mine extends LazyDataModel<ApplicationRow> {
    private static final long serialVersionUID = 1L;
    private transient PiApplications.MinePage read;
    private transient int readFirst = -1;
    private transient int readSize = -1;

    private PiApplications.MinePage page(int first, int size) {
      if (read == null || first != readFirst || size != readSize) {
        read = service.mine(text, filterLine, filterStatus, first, size);
        readFirst = first;
        readSize = size;
      }
      return read;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      read = null;
      int first = 0;
      int size = 20;
      if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":mine:apps")
          instanceof DataTable table) {
        first = table.getFirst();
        size = table.getRows();
      }
      return (int) page(first, size).total();
    }

    @Override
    public List<ApplicationRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      PiApplications.MinePage page = page(first, pageSize);
      setRowCount((int) page.total());
      read = null;
      return page.rows();
    }

    @Override
    public String getRowKey(ApplicationRow a) {
      return String.valueOf(a.id());
    }

    @Override
    public ApplicationRow getRowData(String key) {
      return null;
    }
  }

  /** Reads what the page shows once per view; the getters below never ask a service. */
  @PostConstruct
  void load() {
    lines = calls.current().map(CallView::lines).orElse(List.of());
  }

  public LazyDataModel<ApplicationRow> getMine() {
    return mine;
  }

  /** The search button and the filters' change: from the first page again. */
  public void search() {
    FacesContext fc = FacesContext.getCurrentInstance();
    if (fc.getViewRoot().findComponent(":mine:apps") instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public List<LineView> getLines() {
    return lines;
  }

  public List<String> getStatuses() {
    return STATUSES;
  }

  public String lineName(String code) {
    return lines.stream()
        .filter(l -> l.code().equals(code))
        .findFirst()
        .map(l -> code + " " + (english() ? l.name().en() : l.name().zh()))
        .orElse(code);
  }

  public String create() {
    try {
      ApplicationView a = service.createDraft(lineCode);
      return "edit?faces-redirect=true&id=" + a.id();
    } catch (RuleViolationException e) {
      FacesViolations.show("new", e.violations());
      return null;
    }
  }

  public String format(Instant at) {
    return Zones.format(at);
  }

  private boolean english() {
    return Messages.ENGLISH.equals(
        Messages.normalise(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
  }

  public String getLineCode() {
    return lineCode;
  }

  public void setLineCode(String lineCode) {
    this.lineCode = lineCode;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getFilterLine() {
    return filterLine;
  }

  public void setFilterLine(String filterLine) {
    this.filterLine = filterLine;
  }

  public String getFilterStatus() {
    return filterStatus;
  }

  public void setFilterStatus(String filterStatus) {
    this.filterStatus = filterStatus;
  }
}
