package io.hezuo.submission.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationPage;
import io.hezuo.submission.api.ApplicationQuery;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.service.ApplicationSearch;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backing bean of {@code app/submission/all.xhtml}: every application of the current call, read
 * only, for officers and formal reviewers; filtered by line, status, applying unit, recommending
 * unit and a text, a page at a time from the database, exported to Excel.
 */
@Named("submissionAll")
@ViewScoped
public class SubmissionAll implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> STATUSES = List.of("SUBMITTED", "CONFIRMED", "RETURNED", "WITHDRAWN");

  @Inject ApplicationSearch search;
  @Inject CallCatalogue calls;
  @Inject AccountDirectory accounts;

  private String line;
  private String status;
  private Long unit;
  private Long recommender;
  private String text;

  private List<LineChoice> lines = List.of();
  private List<OrganisationView> units = List.of();
  private List<OrganisationView> recommenders = List.of();
  private String callTitle;

  /** The page read last (once per request and page, never once per EL evaluation). */
  private transient ApplicationPage page;

  private int pageFirst = -1;
  private int pageSize = -1;

  /** A line as the filter lists it: its code and its name in the user's language. */
  public record LineChoice(String code, String label) implements Serializable {}

  /** Reads the call's lines and the units for the filters, once per view. */
  public void load() {
    boolean en = Messages.ENGLISH.equals(locale());
    CallView call = calls.current().orElse(null);
    if (call != null) {
      callTitle = en ? call.title().en() : call.title().zh();
      List<LineChoice> l = new ArrayList<>();
      for (LineView v : call.lines()) {
        l.add(new LineChoice(v.code(), v.code() + " " + (en ? v.name().en() : v.name().zh())));
      }
      lines = l;
    }
    units = accounts.applyingUnits();
    recommenders = accounts.recommendingUnits();
  }

  private final LazyDataModel<ApplicationRow> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) Math.min(Integer.MAX_VALUE, fetch(0, 20).total());
        }

        @Override
        public List<ApplicationRow> load(
            int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          ApplicationPage p = fetch(first, size);
          setRowCount((int) Math.min(Integer.MAX_VALUE, p.total()));
          return p.rows();
        }

        @Override
        public String getRowKey(ApplicationRow r) {
          return String.valueOf(r.id());
        }

        @Override
        public ApplicationRow getRowData(String key) {
          return page == null
              ? null
              : page.rows().stream()
                  .filter(r -> String.valueOf(r.id()).equals(key))
                  .findFirst()
                  .orElse(null);
        }
      };

  /**
   * The rows from {@code first} on: one query for a screen's page; the export's "all rows" is read
   * in pages of {@link ApplicationQuery#MAX_SIZE}.
   */
  private ApplicationPage fetch(int first, int size) {
    if (page != null && first == pageFirst && size == pageSize) {
      return page;
    }
    int n = Math.max(1, size);
    ApplicationQuery base =
        new ApplicationQuery(null, line, status, unit, recommender, text, 0, 1, null, false);
    ApplicationPage result;
    if (n <= ApplicationQuery.MAX_SIZE && first % n == 0) {
      result = search.find(base.withPage(first / n, n));
    } else {
      // the export asks for every row: read them a large page at a time
      List<ApplicationRow> rows = new ArrayList<>();
      long total = 0;
      int chunk = ApplicationQuery.MAX_SIZE;
      for (int p = first / chunk; ; p++) {
        ApplicationPage part = search.find(base.withPage(p, chunk));
        total = part.total();
        rows.addAll(part.rows());
        if (part.rows().size() < chunk || rows.size() >= n) {
          break;
        }
      }
      int skip = first % chunk;
      result =
          new ApplicationPage(
              rows.subList(Math.min(skip, rows.size()), Math.min(rows.size(), skip + n)), total);
    }
    page = result;
    pageFirst = first;
    pageSize = size;
    return page;
  }

  public LazyDataModel<ApplicationRow> getModel() {
    return model;
  }

  /** A new filter: the table reads its first page again. */
  public void filter() {
    page = null;
  }

  public void clear() {
    line = null;
    status = null;
    unit = null;
    recommender = null;
    text = null;
    page = null;
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }

  /** The row's title in the user's language (Chinese when no English title was given). */
  public String title(ApplicationRow r) {
    return Messages.ENGLISH.equals(locale()) && r.titleEn() != null && !r.titleEn().isBlank()
        ? r.titleEn()
        : r.titleZh();
  }

  private static java.util.Locale locale() {
    return SubmissionView.pageLocale();
  }

  public List<String> getStatuses() {
    return STATUSES;
  }

  public List<LineChoice> getLines() {
    return lines;
  }

  public List<OrganisationView> getUnits() {
    return units;
  }

  public List<OrganisationView> getRecommenders() {
    return recommenders;
  }

  public String getCallTitle() {
    return callTitle;
  }

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public String getStatus() {
    return status;
  }

  /** A status the filter knows (a link may carry anything: others mean all). */
  public void setStatus(String status) {
    this.status = status != null && STATUSES.contains(status) ? status : null;
  }

  public Long getUnit() {
    return unit;
  }

  public void setUnit(Long unit) {
    this.unit = unit;
  }

  public Long getRecommender() {
    return recommender;
  }

  public void setRecommender(Long recommender) {
    this.recommender = recommender;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
