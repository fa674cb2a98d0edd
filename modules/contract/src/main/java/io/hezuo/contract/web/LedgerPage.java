package io.hezuo.contract.web;

import io.hezuo.contract.service.Ledgers;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backing bean of {@code app/contract/ledger.xhtml}: one project's ledger (its figures, the limits
 * still open, the tranche plan with what is paid and due, the history), the Department's finance
 * records a disbursement and the lead unit's finance office a transfer to the counterpart partner,
 * each after a confirmation; every refusal beside its field, nothing saved.
 */
@Named("ledger")
@ViewScoped
public class LedgerPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Ledgers ledgers;
  @Inject io.hezuo.kernel.security.Caller caller;

  private Long id;
  private Ledgers.LedgerView view;

  private String disbursementDate;
  private String disbursementAmount;
  private String disbursementVoucher;
  private String transferDate;
  private String transferAmount;
  private String transferRecipient;
  private String transferVoucher;
  private Long scanEntry;
  private java.util.List<PlanRow> plan;
  private String planReason;
  private String reachedOn;
  private transient org.primefaces.model.file.UploadedFile scan;

  public void load() {
    if (view != null) {
      return;
    }
    if (id == null) {
      FacesViolations.error("contract.web.ledger.notFound");
      return;
    }
    try {
      view = ledgers.ledger(id);
    } catch (NotFoundException e) {
      FacesViolations.error("contract.web.ledger.notFound");
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.ledger.notFound");
    }
  }

  public void disburse() {
    try {
      ledgers.disburse(
          id,
          new Ledgers.DisbursementForm(disbursementDate, disbursementAmount, disbursementVoucher));
      view = ledgers.ledger(id);
      disbursementDate = null;
      disbursementAmount = null;
      disbursementVoucher = null;
      FacesViolations.info("contract.web.ledger.disbursed");
    } catch (RuleViolationException e) {
      FacesViolations.show("disburse", e.violations());
    }
  }

  public void transfer() {
    try {
      ledgers.transfer(
          id,
          new Ledgers.TransferForm(
              transferDate, transferAmount, transferRecipient, transferVoucher));
      view = ledgers.ledger(id);
      transferDate = null;
      transferAmount = null;
      transferVoucher = null;
      FacesViolations.info("contract.web.ledger.transferred");
    } catch (RuleViolationException e) {
      FacesViolations.show("transfer", e.violations());
    }
  }

  /** A time in Beijing time, as every screen shows it. */
  public String format(java.time.Instant t) {
    return t == null ? "" : io.hezuo.kernel.time.Zones.format(t);
  }

  /** A tranche of the plan as the officer edits it. */
  public static class PlanRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String percent;
    private String trigger = "SIGNING";
    private String dueOn;

    public String getPercent() {
      return percent;
    }

    public void setPercent(String percent) {
      this.percent = percent;
    }

    public String getTrigger() {
      return trigger;
    }

    public void setTrigger(String trigger) {
      this.trigger = trigger;
    }

    public String getDueOn() {
      return dueOn;
    }

    public void setDueOn(String dueOn) {
      this.dueOn = dueOn;
    }
  }

  /** The plan being edited: the project's tranches as they stand, read once. */
  public java.util.List<PlanRow> getPlan() {
    if (plan == null) {
      plan = new java.util.ArrayList<>();
      if (view != null) {
        for (Ledgers.TrancheView t : view.tranches()) {
          PlanRow r = new PlanRow();
          r.setPercent(t.percent().stripTrailingZeros().toPlainString());
          r.setTrigger(t.trigger());
          r.setDueOn(t.dueOn() == null ? null : t.dueOn().toString());
          plan.add(r);
        }
      }
    }
    return plan;
  }

  public void addTranche() {
    getPlan().add(new PlanRow());
  }

  public void removeTranche(PlanRow r) {
    getPlan().remove(r);
  }

  public java.util.List<String> getTriggers() {
    return java.util.List.of("SIGNING", "MIDTERM", "FINAL", "DATE");
  }

  public void savePlan() {
    try {
      ledgers.plan(
          id,
          getPlan().stream()
              .map(r -> new Ledgers.TrancheForm(r.getPercent(), r.getTrigger(), r.getDueOn()))
              .toList(),
          planReason);
      view = ledgers.ledger(id);
      plan = null;
      planReason = null;
      FacesViolations.info("contract.web.ledger.planSaved");
    } catch (RuleViolationException e) {
      // a tranche's problem beside its row's share; the others as usual
      jakarta.faces.context.FacesContext fc =
          jakarta.faces.context.FacesContext.getCurrentInstance();
      java.util.List<io.hezuo.kernel.rule.RuleViolation> rest = new java.util.ArrayList<>();
      for (io.hezuo.kernel.rule.RuleViolation v : e.violations()) {
        java.util.regex.Matcher m =
            v.field() == null
                ? null
                : java.util.regex.Pattern.compile("tranche_(\\d+)_percent").matcher(v.field());
        if (m != null && m.matches()) {
          fc.addMessage(
              "planForm:rows:" + m.group(1) + ":percent",
              new jakarta.faces.application.FacesMessage(
                  jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                  io.hezuo.kernel.i18n.Messages.describe(fc.getViewRoot().getLocale(), v),
                  null));
        } else {
          rest.add(v);
        }
      }
      if (rest.isEmpty()) {
        fc.validationFailed();
      } else {
        FacesViolations.show("planForm", rest);
      }
    }
  }

  /** Records that the tranche's check (mid-term, final) was passed on {@link #reachedOn}. */
  public void markReached(int number) {
    try {
      ledgers.reached(id, number, reachedOn);
      view = ledgers.ledger(id);
      reachedOn = null;
      FacesViolations.info("contract.web.ledger.reachedSaved");
    } catch (RuleViolationException e) {
      FacesViolations.show("reachedForm", e.violations());
    }
  }

  public String getPlanReason() {
    return planReason;
  }

  public void setPlanReason(String planReason) {
    this.planReason = planReason;
  }

  public String getReachedOn() {
    return reachedOn;
  }

  public void setReachedOn(String reachedOn) {
    this.reachedOn = reachedOn;
  }

  /** Whether the caller is an officer (edits the plan, records the checks). */
  public boolean isOfficer() {
    return caller.hasRole(io.hezuo.kernel.security.Role.OFFICER);
  }

  /** The tranches whose check the officer may record now. */
  public java.util.List<Ledgers.TrancheView> getCheckable() {
    return view == null
        ? java.util.List.of()
        : view.tranches().stream()
            .filter(
                t ->
                    (t.trigger().equals("MIDTERM") || t.trigger().equals("FINAL"))
                        && t.reachedOn() == null)
            .toList();
  }

  /** Attaches the scan of a voucher to one of the entries the caller recorded. */
  public void attachScan() {
    try {
      if (scanEntry == null) {
        throw new io.hezuo.kernel.rule.RuleViolationException(
            io.hezuo.kernel.rule.RuleViolation.error(
                "F-REQ", "scanEntry", "contract.rule.required"));
      }
      ledgers.attachScan(
          id,
          scanEntry,
          scan == null ? null : scan.getFileName(),
          scan == null ? new byte[0] : scan.getContent());
      view = ledgers.ledger(id);
      scanEntry = null;
      FacesViolations.info("contract.web.ledger.scanAttached");
    } catch (RuleViolationException e) {
      FacesViolations.show("scanForm", e.violations());
    }
  }

  /** The entries whose voucher scan the caller may still attach. */
  public java.util.List<Ledgers.EntryView> getAttachable() {
    return view == null
        ? java.util.List.of()
        : view.history().stream().filter(Ledgers.EntryView::mayAttach).toList();
  }

  public Long getScanEntry() {
    return scanEntry;
  }

  public void setScanEntry(Long scanEntry) {
    this.scanEntry = scanEntry;
  }

  public org.primefaces.model.file.UploadedFile getScan() {
    return scan;
  }

  public void setScan(org.primefaces.model.file.UploadedFile scan) {
    this.scan = scan;
  }

  public Ledgers.LedgerView getView() {
    return view;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getDisbursementDate() {
    return disbursementDate;
  }

  public void setDisbursementDate(String v) {
    this.disbursementDate = v;
  }

  public String getDisbursementAmount() {
    return disbursementAmount;
  }

  public void setDisbursementAmount(String v) {
    this.disbursementAmount = v;
  }

  public String getDisbursementVoucher() {
    return disbursementVoucher;
  }

  public void setDisbursementVoucher(String v) {
    this.disbursementVoucher = v;
  }

  public String getTransferDate() {
    return transferDate;
  }

  public void setTransferDate(String v) {
    this.transferDate = v;
  }

  public String getTransferAmount() {
    return transferAmount;
  }

  public void setTransferAmount(String v) {
    this.transferAmount = v;
  }

  public String getTransferRecipient() {
    return transferRecipient;
  }

  public void setTransferRecipient(String v) {
    this.transferRecipient = v;
  }

  public String getTransferVoucher() {
    return transferVoucher;
  }

  public void setTransferVoucher(String v) {
    this.transferVoucher = v;
  }
}
