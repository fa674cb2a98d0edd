package io.hezuo.recommendation.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.recommendation.api.RecommendationPage;
import io.hezuo.recommendation.api.RecommendationRow;
import io.hezuo.recommendation.api.RoundView;
import io.hezuo.recommendation.service.Recommendations;
import io.hezuo.submission.api.ApplicationQuery;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backing bean of {@code app/recommendation/list.xhtml}: the recommender's applications (filtered
 * by line, status and text, paged in SQL), the quota panel and the round, and the decisions on a
 * row (recommend, not recommend, return for revision, take back).
 */
@Named("recommendationList")
@ViewScoped
public class RecommendationList implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The statuses a recommender's application can have. */
  public static final List<String> STATUSES =
      List.of("CONFIRMED", "RECOMMENDED", "NOT_RECOMMENDED", "RETURNED");

  @Inject Recommendations service;
  @Inject CallCatalogue calls;

  private String line;
  private String status;
  private String text;
  private RoundView round;
  private List<LineChoice> lines = List.of();
  private final Map<String, String> lineLabels = new HashMap<>();
  private final Map<Long, String> reasons = new HashMap<>();
  private final Rows rows = new Rows();

  /** The round (quotas, deadline) and the call's lines, once per view and after each decision. */
  public void load() {
    Locale l = RecommenderFaces.locale();
    lines =
        calls
            .current()
            .map(
                c ->
                    c.lines().stream()
                        .map(x -> new LineChoice(x.code(), x.code() + " " + x.name().in(l)))
                        .toList())
            .orElse(List.of());
    lines.forEach(c -> lineLabels.put(c.code(), c.label()));
    round = service.round();
  }

  /** The lazy table: each page is one query of {@link Recommendations#find}. */
  public class Rows extends LazyDataModel<RecommendationRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) find(0, 1).total();
    }

    @Override
    public List<RecommendationRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      int size = Math.max(1, Math.min(pageSize, ApplicationQuery.MAX_SIZE));
      RecommendationPage page = find(first / size, size);
      setRowCount((int) page.total());
      return page.rows();
    }

    @Override
    public String getRowKey(RecommendationRow row) {
      return String.valueOf(row.application().id());
    }

    @Override
    public RecommendationRow getRowData(String rowKey) {
      return null;
    }
  }

  private RecommendationPage find(int page, int size) {
    return service.find(
        new ApplicationQuery(
            round == null ? null : round.callId(),
            line,
            status,
            null,
            null,
            text,
            page,
            size,
            ApplicationQuery.Sort.ACCEPTANCE_NO,
            true));
  }

  public Rows getRows() {
    return rows;
  }

  public void filter() {
    // the lazy table reloads with the new criteria
  }

  public void recommend(RecommendationRow r) {
    String row = RecommenderFaces.actingRow();
    try {
      service.recommend(r.application().id());
      FacesViolations.info("recommendation.web.recommended", r.application().acceptanceNo());
      round = service.round();
    } catch (RuleViolationException e) {
      RecommenderFaces.showBeside(row, e.violations());
    }
  }

  public void notRecommend(RecommendationRow r) {
    String row = RecommenderFaces.actingRow();
    try {
      service.notRecommend(r.application().id(), reasons.get(r.application().id()));
      reasons.remove(r.application().id());
      FacesViolations.info("recommendation.web.notRecommended", r.application().acceptanceNo());
      round = service.round();
    } catch (RuleViolationException e) {
      RecommenderFaces.showBeside(row, e.violations());
    }
  }

  public void returnForRevision(RecommendationRow r) {
    String row = RecommenderFaces.actingRow();
    try {
      service.returnForRevision(r.application().id(), reasons.get(r.application().id()));
      reasons.remove(r.application().id());
      FacesViolations.info("recommendation.web.returned", r.application().acceptanceNo());
      round = service.round();
    } catch (RuleViolationException e) {
      RecommenderFaces.showBeside(row, e.violations());
    }
  }

  public void reconsider(RecommendationRow r) {
    String row = RecommenderFaces.actingRow();
    try {
      service.reconsider(r.application().id(), reasons.get(r.application().id()));
      reasons.remove(r.application().id());
      FacesViolations.info("recommendation.web.reconsidered", r.application().acceptanceNo());
      round = service.round();
    } catch (RuleViolationException e) {
      RecommenderFaces.showBeside(row, e.violations());
    }
  }

  /** Whether decisions can be taken on the row now (round open, application confirmed). */
  public boolean decidable(RecommendationRow r) {
    return round != null && round.open() && "CONFIRMED".equals(r.application().status());
  }

  /** Whether the row's decision can be taken back now. */
  public boolean reconsiderable(RecommendationRow r) {
    return round != null
        && round.open()
        && r.decision() != null
        && !"RETURNED".equals(r.decision().decision());
  }

  public String lineLabel(String code) {
    return lineLabels.getOrDefault(code, code);
  }

  public String format(Instant at) {
    return at == null ? "—" : Zones.format(at);
  }

  public List<String> getStatuses() {
    return STATUSES;
  }

  public RoundView getRound() {
    return round;
  }

  public List<LineChoice> getLines() {
    return lines;
  }

  public Map<Long, String> getReasons() {
    return reasons;
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

  public void setStatus(String status) {
    this.status = status;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
