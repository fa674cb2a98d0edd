package io.hezuo.submission.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
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

/** Backing bean of {@code app/submission/list.xhtml}: the PI's applications and a new one. */
@Named("submissionList")
@ViewScoped
public class SubmissionList implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient PiApplications service;
  @Inject transient CallCatalogue calls;

  private List<ApplicationView> mine;
  private List<LineView> lines;
  private String lineCode;

  /** Reads what the page shows once per view; the getters below never ask a service. */
  @PostConstruct
  void load() {
    lines = calls.current().map(CallView::lines).orElse(List.of());
  }

  public List<ApplicationView> getMine() {
    if (mine == null) {
      mine = service.mine();
    }
    return mine;
  }

  public List<LineView> getLines() {
    return lines;
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
}
