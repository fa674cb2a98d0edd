package io.hezuo.contract.web;

import io.hezuo.contract.service.Contracts;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * Backing bean of {@code app/contract/contract.xhtml?id=}: one project's contract (任务书) with its
 * terms and PDF, the lead unit's review and upload of the signed scan, the officer's countersign or
 * return, and the change requests with their history and the officer's decision.
 */
@Named("contractPage")
@ViewScoped
public class ContractPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Contracts contracts;

  private Long id;
  private Contracts.ContractView view;

  private String remark;
  private transient UploadedFile scan;
  private String returnReason;

  private String kind;
  private String amount;
  private String periodFrom;
  private String periodTo;
  private String partnerName;
  private String piUsername;
  private String justification;

  private Long decisionId;
  private String decisionReason;

  public void load() {
    if (view != null) {
      return;
    }
    if (id == null) {
      FacesViolations.error("contract.web.contract.notFound");
      return;
    }
    try {
      view = contracts.contract(id);
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.contract.notFound");
    }
  }

  private void reload() {
    view = contracts.contract(id);
  }

  public void review() {
    try {
      contracts.review(id, new Contracts.ReviewForm(remark));
      remark = null;
      reload();
      FacesViolations.info("contract.web.contract.reviewedOk");
    } catch (RuleViolationException e) {
      FacesViolations.show("review", e.violations());
    }
  }

  public void upload() {
    try {
      contracts.upload(
          id,
          scan == null ? null : scan.getFileName(),
          scan == null ? new byte[0] : scan.getContent());
      reload();
      FacesViolations.info("contract.web.contract.uploadedOk", view.scanName());
    } catch (RuleViolationException e) {
      FacesViolations.show("upload", e.violations());
    }
  }

  public void countersign() {
    try {
      contracts.countersign(id);
      reload();
      FacesViolations.info("contract.web.contract.countersignedOk");
    } catch (RuleViolationException e) {
      FacesViolations.show("officer", e.violations());
    }
  }

  public void returnScan() {
    try {
      contracts.returnScan(id, new Contracts.ReturnForm(returnReason));
      returnReason = null;
      reload();
      FacesViolations.info("contract.web.contract.returnedOk");
    } catch (RuleViolationException e) {
      FacesViolations.show("officer", e.violations());
    }
  }

  public void requestChange() {
    try {
      contracts.requestChange(
          id,
          new Contracts.ChangeForm(
              kind, amount, periodFrom, periodTo, partnerName, piUsername, justification));
      amount = null;
      periodFrom = null;
      periodTo = null;
      partnerName = null;
      piUsername = null;
      justification = null;
      reload();
      FacesViolations.info("contract.web.contract.changeRequestedOk");
    } catch (RuleViolationException e) {
      FacesViolations.show("change", e.violations());
    }
  }

  public void approve() {
    decide(true);
  }

  public void reject() {
    decide(false);
  }

  private void decide(boolean approve) {
    if (decisionId == null) {
      return;
    }
    try {
      contracts.decide(id, decisionId, new Contracts.DecisionForm(approve, decisionReason));
      decisionId = null;
      decisionReason = null;
      reload();
      FacesViolations.info("contract.web.contract.decidedOk");
    } catch (RuleViolationException e) {
      FacesViolations.show("decide", e.violations());
    }
  }

  /** The change requests waiting for the officer. */
  public List<Contracts.ChangeView> getPending() {
    return view == null
        ? List.of()
        : view.changes().stream().filter(c -> "PENDING".equals(c.state())).toList();
  }

  /** The kinds of change this contract allows (a partner only on B lines). */
  public List<String> getKinds() {
    return view != null && view.counterpart()
        ? List.of("AMOUNT", "PERIOD", "PARTNER", "PI")
        : List.of("AMOUNT", "PERIOD", "PI");
  }

  /** A time in Beijing time, as every screen shows it. */
  public String format(Instant t) {
    return t == null ? "" : io.hezuo.kernel.time.Zones.format(t);
  }

  public Contracts.ContractView getView() {
    return view;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getRemark() {
    return remark;
  }

  public void setRemark(String v) {
    this.remark = v;
  }

  public UploadedFile getScan() {
    return scan;
  }

  public void setScan(UploadedFile v) {
    this.scan = v;
  }

  public String getReturnReason() {
    return returnReason;
  }

  public void setReturnReason(String v) {
    this.returnReason = v;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String v) {
    this.kind = v;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String v) {
    this.amount = v;
  }

  public String getPeriodFrom() {
    return periodFrom;
  }

  public void setPeriodFrom(String v) {
    this.periodFrom = v;
  }

  public String getPeriodTo() {
    return periodTo;
  }

  public void setPeriodTo(String v) {
    this.periodTo = v;
  }

  public String getPartnerName() {
    return partnerName;
  }

  public void setPartnerName(String v) {
    this.partnerName = v;
  }

  public String getPiUsername() {
    return piUsername;
  }

  public void setPiUsername(String v) {
    this.piUsername = v;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String v) {
    this.justification = v;
  }

  public Long getDecisionId() {
    return decisionId;
  }

  public void setDecisionId(Long v) {
    this.decisionId = v;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public void setDecisionReason(String v) {
    this.decisionReason = v;
  }
}
