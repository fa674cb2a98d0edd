package io.hezuo.submission.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.LineView;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.audit.AuditRecord;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.message.MessageView;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.service.ApplicationMessages;
import io.hezuo.submission.service.Applications;
import io.hezuo.submission.service.PiApplications;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Backing bean of {@code app/submission/view.xhtml}: the read-only application, its receipt, its
 * timeline (who, when, what, why) and the PI's withdrawal.
 */
@Named("submissionView")
@ViewScoped
public class SubmissionView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient PiApplications service;
  @Inject transient Applications applications;
  @Inject transient CallCatalogue calls;
  @Inject transient AuditLog audit;
  @Inject transient ApplicationMessages messageService;

  private long id;
  private ApplicationView app;
  private String reason;
  private List<MessageView> messages = List.of();
  private String messageBody;
  private String basePlatform;
  private transient List<AuditRecord> timeline; // entities: read again after passivation
  private LineView line;

  public void load() throws IOException {
    try {
      app = applications.get(id);
      basePlatform = basePlatform();
      messages = messageService.thread(id);
      messageService.markRead(id);
    } catch (io.hezuo.kernel.error.HezuoException e) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  /** Read once per view (a withdrawal reads it again), never per EL evaluation. */
  public List<AuditRecord> getTimeline() {
    if (timeline == null) {
      timeline = audit.forEntity("Application", String.valueOf(id), 200);
    }
    return timeline;
  }

  /** A timeline entry's reason in the user's language (warnings were recorded in both). */
  public String reasonText(AuditRecord e) {
    return Messages.inLanguage(
        FacesContext.getCurrentInstance().getViewRoot().getLocale(), e.getReason());
  }

  public LineView getLine() {
    if (line == null && app != null) {
      line = calls.line(app.callId(), app.lineCode()).orElse(null);
    }
    return line;
  }

  public void withdraw() {
    try {
      app = service.withdraw(id, reason);
      timeline = null;
      FacesViolations.info("submission.view.withdrawn");
    } catch (RuleViolationException e) {
      FacesViolations.show("view", e.violations());
    }
  }

  /** Sends the typed message; the thread shows it at once and the field is emptied. */
  public void send() {
    try {
      messageService.write(id, messageBody);
      messageBody = null;
      messages = messageService.thread(id);
      timeline = null;
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

  public List<MessageView> getMessages() {
    return messages;
  }

  public String text(MessageView m) {
    return m.text(Messages.normalise(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
  }

  public String getMessageBody() {
    return messageBody;
  }

  public void setMessageBody(String messageBody) {
    this.messageBody = messageBody;
  }

  public boolean isMine() {
    return app != null
        && FacesContext.getCurrentInstance().getExternalContext().getRemoteUser() != null
        && FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRemoteUser()
            .equals(app.piUsername());
  }

  public String format(Instant at) {
    return Zones.format(at);
  }

  public String lineName() {
    LineView l = getLine();
    if (l == null) {
      return app.lineCode();
    }
    boolean en =
        Messages.ENGLISH.equals(
            Messages.normalise(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
    return l.code() + " " + (en ? l.name().en() : l.name().zh());
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
}
