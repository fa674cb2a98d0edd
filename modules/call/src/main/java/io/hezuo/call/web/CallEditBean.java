package io.hezuo.call.web;

import io.hezuo.call.api.CallAccessDeniedException;
import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.call.service.CallEdit;
import io.hezuo.call.service.CallEditing;
import io.hezuo.call.service.LineEdit;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The officer's edit of the current call ({@code /app/call/edit.xhtml}): deadlines as Asia/Shanghai
 * local date-times, each line's cap and texts, and a required reason. What the user typed stays in
 * the form when a rule refuses it.
 */
@Named("callEdit")
@ViewScoped
public class CallEditBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "callEditForm";

  @Inject CallCatalogue catalogue;
  @Inject CallEditing editing;

  private boolean allowed;
  private Long callId;
  private long version;
  private String callTitleZh;
  private String callTitleEn;
  private LocalDateTime submissionOpensAt;
  private LocalDateTime submissionClosesAt;
  private LocalDateTime recommendationClosesAt;
  private List<LineForm> lines = new ArrayList<>();
  private String reason;

  @PostConstruct
  void init() {
    allowed = editing.mayEdit();
    if (!allowed) {
      FacesContext fc = FacesContext.getCurrentInstance();
      if (fc != null) {
        fc.getExternalContext().setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
      }
      return;
    }
    catalogue.current().ifPresent(this::load);
  }

  private void load(CallView call) {
    callId = call.id();
    version = call.version();
    callTitleZh = call.title().zh();
    callTitleEn = call.title().en();
    submissionOpensAt = local(call.submissionOpensAt());
    submissionClosesAt = local(call.submissionClosesAt());
    recommendationClosesAt = local(call.recommendationClosesAt());
    List<LineForm> fresh = new ArrayList<>();
    for (LineView l : call.lines()) {
      fresh.add(new LineForm(l));
    }
    if (lines.size() == fresh.size()) {
      // keep the same objects: the form's components are bound to them by position
      for (int i = 0; i < fresh.size(); i++) {
        lines.get(i).copyFrom(fresh.get(i));
      }
    } else {
      lines = fresh;
    }
  }

  /** Saves everything in one go; on a refused rule nothing is saved and the input stays. */
  public void save() {
    FacesContext fc = FacesContext.getCurrentInstance();
    List<LineEdit> edits = new ArrayList<>();
    for (LineForm l : lines) {
      edits.add(
          new LineEdit(
              l.getCode(),
              l.getVersion(),
              l.getCap(),
              l.getNameZh(),
              l.getNameEn(),
              l.getContentZh(),
              l.getContentEn()));
    }
    try {
      CallView saved =
          editing.save(
              new CallEdit(
                  callId,
                  version,
                  instant(submissionOpensAt),
                  instant(submissionClosesAt),
                  instant(recommendationClosesAt),
                  edits,
                  reason));
      load(saved);
      reason = null;
      fc.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO, Messages.get(locale(), "call.edit.saved"), null));
    } catch (RuleViolationException e) {
      for (RuleViolation v : e.violations()) {
        fc.addMessage(
            clientId(v),
            new FacesMessage(
                v.isError() ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_WARN,
                Messages.describe(locale(), v),
                null));
      }
      fc.validationFailed();
    } catch (CallAccessDeniedException e) {
      fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      fc.validationFailed();
    }
  }

  /** Drops the input and reads the call as it now is (after a concurrent change). */
  public void reload() {
    reason = null;
    catalogue.find(callId).ifPresent(this::load);
  }

  /** The form field a violation belongs to, so that it is shown next to it. */
  static String clientId(RuleViolation v) {
    if (v.field() == null) {
      return null;
    }
    switch (v.field()) {
      case "submissionOpensAt", "submissionClosesAt", "recommendationClosesAt", "reason":
        return FORM + ":" + v.field();
      case "cap", "nameZh", "nameEn", "contentZh", "contentEn":
        return v.args().isEmpty()
            ? null
            : FORM + ":" + v.field() + "_" + LineView.htmlId(String.valueOf(v.args().get(0)));
      default:
        return null;
    }
  }

  private static LocalDateTime local(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, Zones.SHANGHAI);
  }

  private static Instant instant(LocalDateTime local) {
    return local == null ? null : local.atZone(Zones.SHANGHAI).toInstant();
  }

  private static Locale locale() {
    FacesContext fc = FacesContext.getCurrentInstance();
    return Messages.normalise(fc.getViewRoot() == null ? null : fc.getViewRoot().getLocale());
  }

  public boolean isAllowed() {
    return allowed;
  }

  public boolean isLoaded() {
    return callId != null;
  }

  public String getCallTitle() {
    return Messages.ENGLISH.equals(locale()) ? callTitleEn : callTitleZh;
  }

  public long getVersion() {
    return version;
  }

  public LocalDateTime getSubmissionOpensAt() {
    return submissionOpensAt;
  }

  public void setSubmissionOpensAt(LocalDateTime v) {
    this.submissionOpensAt = v;
  }

  public LocalDateTime getSubmissionClosesAt() {
    return submissionClosesAt;
  }

  public void setSubmissionClosesAt(LocalDateTime v) {
    this.submissionClosesAt = v;
  }

  public LocalDateTime getRecommendationClosesAt() {
    return recommendationClosesAt;
  }

  public void setRecommendationClosesAt(LocalDateTime v) {
    this.recommendationClosesAt = v;
  }

  public List<LineForm> getLines() {
    return lines;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  /** The editable part of one line, as typed. */
  public static class LineForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String code;
    private String htmlId;
    private long version;
    private String cap;
    private String nameZh;
    private String nameEn;
    private String contentZh;
    private String contentEn;

    LineForm(LineView l) {
      code = l.code();
      htmlId = l.htmlId();
      version = l.version();
      cap = l.cap().toString();
      nameZh = l.name().zh();
      nameEn = l.name().en();
      contentZh = l.content().zh();
      contentEn = l.content().en();
    }

    void copyFrom(LineForm o) {
      code = o.code;
      htmlId = o.htmlId;
      version = o.version;
      cap = o.cap;
      nameZh = o.nameZh;
      nameEn = o.nameEn;
      contentZh = o.contentZh;
      contentEn = o.contentEn;
    }

    public String getCode() {
      return code;
    }

    public String getHtmlId() {
      return htmlId;
    }

    public long getVersion() {
      return version;
    }

    public String getCap() {
      return cap;
    }

    public void setCap(String cap) {
      this.cap = cap;
    }

    public String getNameZh() {
      return nameZh;
    }

    public void setNameZh(String nameZh) {
      this.nameZh = nameZh;
    }

    public String getNameEn() {
      return nameEn;
    }

    public void setNameEn(String nameEn) {
      this.nameEn = nameEn;
    }

    public String getContentZh() {
      return contentZh;
    }

    public void setContentZh(String contentZh) {
      this.contentZh = contentZh;
    }

    public String getContentEn() {
      return contentEn;
    }

    public void setContentEn(String contentEn) {
      this.contentEn = contentEn;
    }
  }
}
