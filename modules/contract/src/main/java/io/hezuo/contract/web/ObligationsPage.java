package io.hezuo.contract.web;

import io.hezuo.contract.service.Obligations;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of {@code app/contract/obligations.xhtml}: a project's days on site (B lines: the
 * count per year against the days required, the warnings, the PI's stays and the form to record
 * one) and its performance targets with their yearly progress (the PI reports, the officer accepts
 * or returns with a remark). Read once per view and after each change.
 */
@Named("obligations")
@ViewScoped
public class ObligationsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Obligations service;

  private Long id;
  private Obligations.OnsiteView onsite;
  private Obligations.TargetsView targets;

  private String stayFrom;
  private String stayTo;
  private String stayEvidence;

  private Integer reportYear;
  private String targetCode;
  private Integer reportAchieved;
  private String reportNote;

  private Long reviewing;
  private long reviewingVersion;
  private String reviewRemark;

  public void load() {
    if (onsite != null) {
      return;
    }
    if (id == null) {
      FacesViolations.error("contract.web.ledger.notFound");
      return;
    }
    try {
      read();
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.ledger.notFound");
    }
  }

  private void read() {
    onsite = service.onsite(id);
    targets = service.targets(id);
    if (reportYear == null && !targets.years().isEmpty()) {
      reportYear = targets.years().get(targets.years().size() - 1);
    }
  }

  public void recordStay() {
    try {
      service.recordStay(id, new Obligations.StayForm(stayFrom, stayTo, stayEvidence));
      stayFrom = null;
      stayTo = null;
      stayEvidence = null;
      read();
      FacesViolations.info("contract.web.obligations.stayRecorded");
    } catch (RuleViolationException e) {
      FacesViolations.show("stay", e.violations());
    }
  }

  public void report() {
    try {
      service.report(
          id,
          new Obligations.ReportForm(
              reportYear == null ? 0 : reportYear, targetCode, reportAchieved, reportNote));
      reportAchieved = null;
      reportNote = null;
      read();
      FacesViolations.info("contract.web.obligations.reported");
    } catch (RuleViolationException e) {
      FacesViolations.show("report", e.violations());
    }
  }

  public void startReview(Obligations.ReportView r) {
    reviewing = r.id();
    reviewingVersion = r.version();
    reviewRemark = null;
  }

  public void accept() {
    review(true);
  }

  public void giveBack() {
    review(false);
  }

  private void review(boolean accept) {
    try {
      service.review(
          id, reviewing, new Obligations.ReviewForm(accept, reviewRemark, reviewingVersion));
      read();
      FacesViolations.info(
          accept ? "contract.web.obligations.accepted" : "contract.web.obligations.returned");
      org.primefaces.PrimeFaces.current().executeScript("PF('reviewDlg').hide()");
    } catch (RuleViolationException e) {
      FacesViolations.show("reviewForm", e.violations());
    }
  }

  /** The warnings in the user's language. */
  public List<String> getWarnings() {
    if (onsite == null) {
      return List.of();
    }
    boolean en =
        "en".equals(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    return en ? onsite.warningsEn() : onsite.warningsZh();
  }

  public String format(java.time.Instant t) {
    return t == null ? "" : io.hezuo.kernel.time.Zones.format(t);
  }

  public Obligations.OnsiteView getOnsite() {
    return onsite;
  }

  public Obligations.TargetsView getTargets() {
    return targets;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getStayFrom() {
    return stayFrom;
  }

  public void setStayFrom(String v) {
    this.stayFrom = v;
  }

  public String getStayTo() {
    return stayTo;
  }

  public void setStayTo(String v) {
    this.stayTo = v;
  }

  public String getStayEvidence() {
    return stayEvidence;
  }

  public void setStayEvidence(String v) {
    this.stayEvidence = v;
  }

  public Integer getReportYear() {
    return reportYear;
  }

  public void setReportYear(Integer v) {
    this.reportYear = v;
  }

  public String getTargetCode() {
    return targetCode;
  }

  public void setTargetCode(String v) {
    this.targetCode = v;
  }

  public Integer getReportAchieved() {
    return reportAchieved;
  }

  public void setReportAchieved(Integer v) {
    this.reportAchieved = v;
  }

  public String getReportNote() {
    return reportNote;
  }

  public void setReportNote(String v) {
    this.reportNote = v;
  }

  public String getReviewRemark() {
    return reviewRemark;
  }

  public void setReviewRemark(String v) {
    this.reviewRemark = v;
  }
}
