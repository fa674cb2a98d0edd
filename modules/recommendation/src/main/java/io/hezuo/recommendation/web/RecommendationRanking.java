package io.hezuo.recommendation.web;

import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.recommendation.api.QuotaUse;
import io.hezuo.recommendation.api.RecommendationRow;
import io.hezuo.recommendation.api.RoundView;
import io.hezuo.recommendation.service.Recommendations;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.event.ReorderEvent;

/**
 * Backing bean of {@code app/recommendation/ranking.xhtml}: the recommended applications per group
 * in rank order, reordered by drag and drop ({@link Recommendations#rank}) or by the keyboard's up
 * and down buttons ({@link Recommendations#move}), the focus staying on the moved row's button.
 */
@Named("recommendationRanking")
@ViewScoped
public class RecommendationRanking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Recommendations service;

  private RoundView round;
  private final List<String> groups = new ArrayList<>();
  private final Map<String, List<RecommendationRow>> rows = new LinkedHashMap<>();
  private final Map<String, List<Long>> order = new LinkedHashMap<>();

  public void load() {
    round = service.round();
    groups.clear();
    rows.clear();
    order.clear();
    for (QuotaUse q : round.quotas()) {
      List<RecommendationRow> r = new ArrayList<>(service.ranking(q.group()));
      if (!r.isEmpty()) {
        groups.add(q.group());
      }
      rows.put(q.group(), r);
      order.put(q.group(), r.stream().map(x -> x.application().id()).toList());
    }
  }

  /** Drag and drop: the row moved from one place to another in its group's table. */
  public void reorder(ReorderEvent e) {
    String group = (String) e.getComponent().getAttributes().get("group");
    List<Long> ids = new ArrayList<>(order.getOrDefault(group, List.of()));
    if (e.getFromIndex() < 0 || e.getFromIndex() >= ids.size()) {
      return;
    }
    Long moved = ids.remove(e.getFromIndex());
    ids.add(Math.max(0, Math.min(e.getToIndex(), ids.size())), moved);
    try {
      service.rank(group, ids);
      FacesViolations.info("recommendation.web.moved");
    } catch (RuleViolationException ex) {
      FacesViolations.show("rank", ex.violations());
    }
    load();
  }

  /** Keyboard: one place up (-1) or down (+1); the focus goes to the same button of the row. */
  public void move(RecommendationRow r, int delta) {
    String row = RecommenderFaces.actingRow();
    try {
      service.move(r.application().id(), delta);
      FacesViolations.info("recommendation.web.moved");
    } catch (RuleViolationException ex) {
      FacesViolations.show("rank", ex.violations());
    }
    load();
    String group = r.decision() == null ? null : r.decision().rankGroup();
    List<Long> ids = order.getOrDefault(group, List.of());
    int at = ids.indexOf(r.application().id());
    if (row != null && at >= 0) {
      String table = row.substring(0, row.lastIndexOf(':'));
      String button =
          delta < 0 ? (at == 0 ? "down" : "up") : (at == ids.size() - 1 ? "up" : "down");
      String target = table + ":" + at + ":" + button;
      // after the update: the same row's button, where the keyboard user left it
      PrimeFaces.current()
          .executeScript(
              "var e = document.getElementById('" + target + "'); if (e) { e.focus(); }");
    }
  }

  public boolean isOpen() {
    return round != null && round.open();
  }

  public List<String> getGroups() {
    return groups;
  }

  public Map<String, List<RecommendationRow>> getRows() {
    return rows;
  }

  public RoundView getRound() {
    return round;
  }
}
