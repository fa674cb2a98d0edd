package io.hezuo.submission.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.Category;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.TopicView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.message.MessageView;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.api.Budget;
import io.hezuo.submission.api.TeamMemberForm;
import io.hezuo.submission.service.ApplicationHistory;
import io.hezuo.submission.service.ApplicationMessages;
import io.hezuo.submission.service.Applications;
import io.hezuo.submission.service.PiApplications;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backing bean of {@code app/submission/view.xhtml}: the whole application read only (team, budget,
 * targets, transfer, attachments to open), its receipt, its history (labels, people by name and
 * role), the PI's withdrawal, the unit's confirm and return, and the PI–unit messages. Everything
 * is read once in {@link #load()} (and again after an action), never from a getter.
 */
@Named("submissionView")
@ViewScoped
public class SubmissionView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PiApplications service;
  @Inject Applications applications;
  @Inject io.hezuo.submission.service.UnitApplications unitApps;
  @Inject CallCatalogue calls;
  @Inject ApplicationHistory history;
  @Inject ApplicationMessages messageService;
  @Inject AccountDirectory accounts;
  @Inject Caller caller;

  private long id;
  private ApplicationView app;
  private String reason;
  private String returnReason;
  private List<MessageView> messages = List.of();
  private String messageBody;
  private String basePlatform;
  private List<ApplicationHistory.Entry> timeline = List.of();
  private LineView line;
  private boolean mine;
  private boolean ofMyUnit;
  private List<Row> budget = List.of();
  private Money budgetTotal;
  private List<Row> targets = List.of();
  private String topicName;
  private String regionName;
  private String transferShare;

  /** A labelled row of the budget (amount) or of the targets (declared, minimum). */
  public record Row(String label, String amount, String declared, String minimum)
      implements Serializable {}

  public void load() throws IOException {
    try {
      app = applications.get(id);
      String me = caller.isSignedIn() ? caller.name() : null;
      mine = me != null && me.equals(app.piUsername());
      ofMyUnit =
          !mine
              && caller.hasRole(Role.UNIT_ADMIN)
              && accounts
                  .account(me)
                  .map(
                      a -> a.organisationId() != null && a.organisationId() == app.organisationId())
                  .orElse(false);
      line = calls.line(app.callId(), app.lineCode()).orElse(null);
      basePlatform = basePlatform();
      details();
      readHistory();
      if (mine || ofMyUnit) {
        messages = messageService.thread(id);
        messageService.markRead(id);
      }
    } catch (io.hezuo.kernel.error.HezuoException e) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  private void readHistory() {
    timeline = history.of(id, locale());
  }

  /** Budget lines in the form's order with their total, targets with their labels, the transfer. */
  private void details() {
    Locale l = locale();
    List<Budget.Line> lines = Budget.lines(app.form().budget());
    budget = lines.stream().map(x -> new Row(x.label(l), x.amount(), null, null)).toList();
    budgetTotal = Budget.total(lines);
    List<Row> t = new ArrayList<>();
    topicName = null;
    regionName = null;
    if (line != null) {
      TopicView topic =
          app.form().topicCode() == null ? null : line.topic(app.form().topicCode()).orElse(null);
      if (topic != null) {
        topicName = topic.name().in(l);
      }
      line.regions().stream()
          .filter(r -> r.code().equals(app.form().regionCode()))
          .findFirst()
          .ifPresent(r -> regionName = r.name().in(l));
      Map<String, Integer> declared =
          app.form().targets() == null ? Map.of() : app.form().targets();
      if (topic != null) {
        for (TargetView target : topic.targets()) {
          Integer d = declared.get(target.code());
          String unit = target.unit() == null ? "" : " " + target.unit().in(l);
          t.add(
              new Row(
                  target.label().in(l),
                  null,
                  d == null ? "—" : d + unit,
                  "≥ " + target.minimum() + unit));
        }
      }
    }
    targets = t;
    transferShare = null;
    if (isCounterpart() && app.form().transferAmount() != null && app.form().subsidy() != null) {
      BigDecimal subsidy = new BigDecimal(app.form().subsidy());
      if (subsidy.signum() > 0) {
        BigDecimal pct =
            new BigDecimal(app.form().transferAmount())
                .multiply(BigDecimal.valueOf(100))
                .divide(subsidy, 2, RoundingMode.DOWN);
        transferShare =
            Messages.get(
                l,
                "submission.view.transferShare",
                pct.toPlainString(),
                line.maxTransferPercent() == null
                    ? "0"
                    : line.maxTransferPercent().stripTrailingZeros().toPlainString());
      }
    }
  }

  public boolean isCounterpart() {
    return line != null && line.category() == Category.COUNTERPART;
  }

  public List<ApplicationHistory.Entry> getTimeline() {
    return timeline;
  }

  public void withdraw() {
    try {
      app = service.withdraw(id, reason);
      readHistory();
      FacesViolations.info("submission.view.withdrawn");
    } catch (RuleViolationException e) {
      FacesViolations.show("view", e.violations());
    }
  }

  /** The unit admin confirms the application to the recommending unit. */
  public void confirm() {
    try {
      app = unitApps.confirm(id);
      readHistory();
      FacesViolations.info("submission.unit.confirmed", app.acceptanceNo());
    } catch (RuleViolationException e) {
      FacesViolations.show("unitCheck", e.violations());
    }
  }

  /** The unit admin returns the application to the PI, with a reason (required). */
  public void returnToPi() {
    try {
      app = unitApps.returnToPi(id, returnReason);
      returnReason = null;
      readHistory();
      messages = messageService.thread(id);
      FacesViolations.info("submission.unit.returned", app.acceptanceNo());
    } catch (RuleViolationException e) {
      FacesViolations.show("unitCheck", e.violations());
    }
  }

  /** Sends the typed message; the thread shows it at once and the field is emptied. */
  public void send() {
    try {
      messageService.write(id, messageBody);
      messageBody = null;
      messages = messageService.thread(id);
      readHistory();
      FacesViolations.info("submission.view.messageSent");
    } catch (RuleViolationException e) {
      FacesViolations.show("msg", e.violations());
    }
  }

  /** The white-listed platform base the application names (G1), with its fields. */
  public String getBasePlatform() {
    return basePlatform;
  }

  /** The named white-listed platform base with its fields, read once per view. */
  private String basePlatform() {
    Long chosen = app.form().basePlatformId();
    if (chosen == null) {
      return null;
    }
    return applications.platformsOfUnit(app.organisationId()).stream()
        .filter(p -> p.id() == chosen)
        .findFirst()
        .map(p -> p.name() + " · " + String.join("、", p.fields()))
        .orElse("#" + chosen);
  }

  /** A team member's ID document, its number masked but for the first 4 and the last 2. */
  public String idDocument(TeamMemberForm m) {
    String type = m.idType() == null ? "RESIDENT_ID" : m.idType();
    String key = "directory.idType." + type;
    String label = Messages.exists(key) ? Messages.get(locale(), key) : "";
    String n = m.idNumber() == null ? "" : m.idNumber();
    String masked =
        n.length() <= 6
            ? "*".repeat(n.length())
            : n.substring(0, 4) + "*".repeat(n.length() - 6) + n.substring(n.length() - 2);
    return (label + " " + masked).trim();
  }

  public List<MessageView> getMessages() {
    return messages;
  }

  public String text(MessageView m) {
    return m.text(locale());
  }

  public String getMessageBody() {
    return messageBody;
  }

  public void setMessageBody(String messageBody) {
    this.messageBody = messageBody;
  }

  public boolean isMine() {
    return mine;
  }

  /** Whether the caller is an admin of the application's unit (who confirms or returns it). */
  public boolean isOfMyUnit() {
    return ofMyUnit;
  }

  /** Whether the caller writes in the PI–unit thread (officers and reviewers only read). */
  public boolean isInThread() {
    return mine || ofMyUnit;
  }

  public String format(Instant at) {
    return Zones.format(at);
  }

  public LineView getLine() {
    return line;
  }

  public String lineName() {
    if (line == null) {
      return app.lineCode();
    }
    return line.code() + " " + line.name().in(locale());
  }

  public List<Row> getBudget() {
    return budget;
  }

  public Money getBudgetTotal() {
    return budgetTotal;
  }

  public List<Row> getTargets() {
    return targets;
  }

  public String getTopicName() {
    return topicName;
  }

  public String getRegionName() {
    return regionName;
  }

  public String getTransferShare() {
    return transferShare;
  }

  private static Locale locale() {
    return pageLocale();
  }

  /**
   * The language the user chose (the header's switch, {@code #{localeBean.locale}}), also in a view
   * action, before the view root has taken it.
   */
  static Locale pageLocale() {
    FacesContext fc = FacesContext.getCurrentInstance();
    Locale l = null;
    try {
      l = fc.getApplication().evaluateExpressionGet(fc, "#{localeBean.locale}", Locale.class);
    } catch (RuntimeException e) {
      // no language switch in this deployment: the view's own locale
    }
    return Messages.normalise(l != null ? l : fc.getViewRoot().getLocale());
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public ApplicationView getApp() {
    return app;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getReturnReason() {
    return returnReason;
  }

  public void setReturnReason(String returnReason) {
    this.returnReason = returnReason;
  }
}
