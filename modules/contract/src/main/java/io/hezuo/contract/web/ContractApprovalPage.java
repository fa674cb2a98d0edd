package io.hezuo.contract.web;

import io.hezuo.contract.service.Approvals;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Backing bean of {@code app/contract/approval.xhtml}: the officer chooses a line and sees its
 * ranked FORMAL_PASSED applications, the budget and what is left of it, selects applications with
 * the approved subsidy (typed in 元 or 万元), publishes the list for its notice period, withdraws the
 * publication with a reason, finalises after the notice period, and downloads the list as PDF or
 * Excel. Each error beside its field.
 */
@Named("ctApproval")
@ViewScoped
public class ContractApprovalPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Approvals approvals;

  private List<Approvals.LineSummary> lines = List.of();
  private String line;
  private Approvals.LineApproval approval;
  private String budget;
  private Money.Unit budgetUnit = Money.Unit.WAN;
  private Long editing;
  private String amount;
  private Money.Unit amountUnit = Money.Unit.WAN;
  private Integer noticeDays = Approvals.NOTICE_DEFAULT;
  private String reason;

  public void load() {
    if (approval != null) {
      return;
    }
    try {
      lines = approvals.lines();
      if (line == null && !lines.isEmpty()) {
        line = lines.get(0).lineCode();
      }
      read();
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.approval.noCall");
    }
  }

  public void choose() {
    editing = null;
    read();
  }

  private void read() {
    approval = line == null ? null : approvals.line(line);
    lines = approvals.lines();
    budget = approval == null || approval.budget() == null ? null : approval.budget().toWanString();
    budgetUnit = Money.Unit.WAN;
  }

  public void saveBudget() {
    BigDecimal b = parse(budget, budgetUnit);
    if (b == null && budget != null && !budget.isBlank()) {
      FacesViolations.show(
          "budgetForm",
          List.of(RuleViolation.error("F-MONEY", "budget", "contract.web.approval.badAmount")));
      return;
    }
    try {
      approval = approvals.setBudget(line, b, approval == null ? null : approval.version());
      read();
      FacesViolations.info("contract.web.approval.saved");
    } catch (RuleViolationException e) {
      FacesViolations.show("budgetForm", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.approval.notAllowed");
    }
  }

  /** Opens the amount editor for a row (selected or not). */
  public void edit(Approvals.Candidate c) {
    editing = c.applicationId();
    Money m = c.approved() != null ? c.approved() : c.requested();
    amount = m == null ? null : m.toWanString();
    amountUnit = Money.Unit.WAN;
  }

  /**
   * What would be left of the budget with the amount being typed (the row's current subsidy
   * replaced), shown live beside the field; null while it is not an amount.
   */
  public Money getPreviewRemaining() {
    if (editing == null || approval == null || approval.budget() == null) {
      return null;
    }
    BigDecimal typed = parse(amount, amountUnit);
    if (typed == null || typed.stripTrailingZeros().scale() > 2) {
      return null;
    }
    Money others = approval.selectedTotal();
    for (Approvals.Candidate c : approval.candidates()) {
      if (c.applicationId() == editing && c.approved() != null) {
        others = others.minus(c.approved());
      }
    }
    return approval.budget().minus(others).minus(Money.of(typed));
  }

  /** The acceptance number (or id) of the row being edited. */
  public String getEditingLabel() {
    if (editing == null || approval == null) {
      return "";
    }
    return approval.candidates().stream()
        .filter(c -> c.applicationId() == editing)
        .map(c -> c.acceptanceNo() == null ? String.valueOf(c.applicationId()) : c.acceptanceNo())
        .findFirst()
        .orElse(String.valueOf(editing));
  }

  public void cancel() {
    editing = null;
  }

  public void saveAmount() {
    if (editing == null) {
      return;
    }
    BigDecimal a = parse(amount, amountUnit);
    if (a == null && amount != null && !amount.isBlank()) {
      FacesViolations.show(
          "budgetForm",
          List.of(RuleViolation.error("F-MONEY", "approved", "contract.web.approval.badAmount")));
      return;
    }
    try {
      approval = approvals.select(line, editing, a);
      editing = null;
      read();
      FacesViolations.info("contract.web.approval.saved");
    } catch (RuleViolationException e) {
      FacesViolations.show("budgetForm", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.approval.notAllowed");
    }
  }

  public void unselect(Approvals.Candidate c) {
    try {
      approval = approvals.unselect(line, c.applicationId());
      editing = null;
      read();
      FacesViolations.info("contract.web.approval.saved");
    } catch (RuleViolationException e) {
      FacesViolations.show("budgetForm", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.approval.notAllowed");
    }
  }

  public void publish() {
    try {
      approval = approvals.publish(line, noticeDays);
      read();
      FacesViolations.info(
          "contract.web.approval.published", Zones.format(approval.noticeEndsAt()));
    } catch (RuleViolationException e) {
      FacesViolations.show("actions", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.approval.notAllowed");
    }
  }

  public void withdraw() {
    try {
      approval = approvals.withdraw(line, reason);
      reason = null;
      read();
      FacesViolations.info("contract.web.approval.withdrawn");
    } catch (RuleViolationException e) {
      FacesViolations.show("actions", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.approval.notAllowed");
    }
  }

  public void finalise() {
    try {
      approval = approvals.finalise(line);
      read();
      FacesViolations.info("contract.web.approval.finalised");
    } catch (RuleViolationException e) {
      FacesViolations.show("actions", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("contract.web.approval.notAllowed");
    }
  }

  /**
   * What the officer typed, in 元: thousands separators and blanks ignored, 万元 × 10,000; null when
   * blank or not a number. An over-precise amount is kept as typed (the service refuses it).
   */
  static BigDecimal parse(String text, Money.Unit unit) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      BigDecimal v = new BigDecimal(text.replaceAll("[\\s,，]", ""));
      return unit == Money.Unit.WAN ? v.multiply(BigDecimal.valueOf(10_000)) : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The panel score with four decimals. */
  public String score(BigDecimal x) {
    return x == null ? "" : x.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  /** Whether the budget is exceeded (what is left is negative). */
  public boolean isOver() {
    return approval != null && approval.remaining() != null && approval.remaining().isNegative();
  }

  public String instant(java.time.Instant i) {
    return i == null ? "" : Zones.format(i);
  }

  public Money.Unit[] getUnits() {
    return Money.Unit.values();
  }

  public List<Approvals.LineSummary> getLines() {
    return lines;
  }

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public Approvals.LineApproval getApproval() {
    return approval;
  }

  public String getBudget() {
    return budget;
  }

  public void setBudget(String budget) {
    this.budget = budget;
  }

  public Money.Unit getBudgetUnit() {
    return budgetUnit;
  }

  public void setBudgetUnit(Money.Unit budgetUnit) {
    this.budgetUnit = budgetUnit;
  }

  public Long getEditing() {
    return editing;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public Money.Unit getAmountUnit() {
    return amountUnit;
  }

  public void setAmountUnit(Money.Unit amountUnit) {
    this.amountUnit = amountUnit;
  }

  public Integer getNoticeDays() {
    return noticeDays;
  }

  public void setNoticeDays(Integer noticeDays) {
    this.noticeDays = noticeDays;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
