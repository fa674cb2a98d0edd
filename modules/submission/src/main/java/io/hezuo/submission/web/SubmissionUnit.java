package io.hezuo.submission.web;

import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.service.UnitApplications;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of {@code app/submission/unit.xhtml}: the applying unit's applications, filtered by
 * status and line, confirmed (to the recommending unit) or returned to the PI with a reason.
 */
@Named("submissionUnit")
@ViewScoped
public class SubmissionUnit implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject UnitApplications service;
  @Inject io.hezuo.call.api.CallCatalogue calls;

  private String status;
  private String line;
  private String text;
  private List<ApplicationRow> apps = List.of();
  private final Map<Long, String> reasons = new HashMap<>();
  private List<SubmissionAll.LineChoice> lines = List.of();

  /**
   * The current call's lines for the line filter (the catalogue's snapshot) and the unit's rows,
   * once per view; a filter, a confirmation or a return reads the rows again.
   */
  public void load() {
    reload();
    boolean en =
        io.hezuo.kernel.i18n.Messages.ENGLISH.equals(
            io.hezuo.kernel.i18n.Messages.normalise(
                jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale()));
    lines =
        calls
            .current()
            .map(
                c ->
                    c.lines().stream()
                        .map(
                            l ->
                                new SubmissionAll.LineChoice(
                                    l.code(),
                                    l.code() + " " + (en ? l.name().en() : l.name().zh())))
                        .toList())
            .orElse(List.of());
  }

  public List<SubmissionAll.LineChoice> getLines() {
    return lines;
  }

  /** The rows as last read (never a query from this getter). */
  public List<ApplicationRow> getApps() {
    return apps;
  }

  private void reload() {
    apps = service.rowsOfMyUnit(status, line, text);
  }

  public void filter() {
    reload();
  }

  public void confirm(ApplicationRow a) {
    try {
      service.confirm(a.id());
      FacesViolations.info("submission.unit.confirmed", a.acceptanceNo());
      reload();
    } catch (RuleViolationException e) {
      FacesViolations.show("unit", e.violations());
    }
  }

  public void returnToPi(ApplicationRow a) {
    try {
      service.returnToPi(a.id(), reasons.get(a.id()));
      FacesViolations.info("submission.unit.returned", a.acceptanceNo());
      reload();
    } catch (RuleViolationException e) {
      FacesViolations.show("unit", e.violations());
    }
  }

  public String format(Instant at) {
    return Zones.format(at);
  }

  public Map<Long, String> getReasons() {
    return reasons;
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

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }
}
