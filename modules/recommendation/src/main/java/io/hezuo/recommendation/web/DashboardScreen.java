package io.hezuo.recommendation.web;

import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.recommendation.api.DashboardRow;
import io.hezuo.recommendation.api.QuotaUse;
import io.hezuo.recommendation.service.QuotaAdmin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Backing bean of {@code app/recommendation/dashboard.xhtml}: per recommending unit the quotas in
 * use, the applications waiting for a decision, the documents, submitted or not; a reminder, and
 * reopening a unit's recommendation (D1) with a reason.
 */
@Named("recDashboard")
@ViewScoped
public class DashboardScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject QuotaAdmin admin;

  private List<DashboardRow> rows = List.of();
  private Long selected;
  private String until;
  private String reason;
  private String note;

  public void load() {
    rows = admin.dashboard();
  }

  public List<DashboardRow> getRows() {
    return rows;
  }

  /** "used / places" of a quota as a cell shows it (places absent: used only). */
  public String use(QuotaUse q) {
    return q.places() == null ? String.valueOf(q.used()) : q.used() + " / " + q.places();
  }

  /** How full a group is, 0…100, for the bar chart. */
  public int percent(QuotaUse q) {
    if (q.places() == null || q.places() == 0) {
      return q.used() > 0 ? 100 : 0;
    }
    return (int) Math.min(100, q.used() * 100 / q.places());
  }

  public String time(Instant at) {
    return at == null ? "—" : Zones.format(at);
  }

  public void choose(long recommenderId) {
    selected = recommenderId;
    until = null;
    reason = null;
    note = null;
  }

  public void remind() {
    if (selected == null) {
      return;
    }
    admin.remind(selected, note);
    FacesViolations.info("recommendation.dashboard.reminded", name(selected));
    load();
  }

  public void reopen() {
    if (selected == null) {
      return;
    }
    Instant at = null;
    if (until != null && !until.isBlank()) {
      try {
        at = LocalDateTime.parse(until.trim(), TYPED).atZone(Zones.SHANGHAI).toInstant();
      } catch (DateTimeParseException e) {
        FacesViolations.error("recommendation.dashboard.untilFormat");
        return;
      }
    }
    try {
      admin.reopen(selected, at, reason);
      FacesViolations.info("recommendation.dashboard.reopened", name(selected));
      load();
    } catch (RuleViolationException e) {
      FacesViolations.show("reopen", e.violations());
    }
  }

  private String name(long id) {
    return rows.stream()
        .filter(r -> r.recommenderId() == id)
        .map(DashboardRow::recommenderName)
        .findFirst()
        .orElse("");
  }

  public Long getSelected() {
    return selected;
  }

  public String getSelectedName() {
    return selected == null ? "" : name(selected);
  }

  public String getUntil() {
    return until;
  }

  public void setUntil(String until) {
    this.until = until;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
