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
