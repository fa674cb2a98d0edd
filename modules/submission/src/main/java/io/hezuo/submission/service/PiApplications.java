package io.hezuo.submission.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.rule.StaleEditException;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationSubmitted;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.domain.Application;
import io.hezuo.submission.domain.Attachment;
import io.hezuo.submission.domain.AttachmentKind;
import io.hezuo.submission.domain.RecordedWarning;
import io.hezuo.submission.domain.SubmissionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The PI's use cases (screens 我的申报, the form, attachments, the receipt's withdrawal): a draft, save
 * with optimistic locking, submit with the server's re-check, withdraw, attach. A PI only ever
 * reaches their own applications, whatever id they send (another's looks missing).
 */
@ApplicationScoped
public class PiApplications {

  @PersistenceContext(unitName = "submission")
  EntityManager em;

  @Inject Applications apps;
  @Inject CallCatalogue calls;
  @Inject Clock clock;
  @Inject ApplicationMessages messages;
  @Inject Event<ApplicationSubmitted> submittedEvent;

  @Transactional
  public ApplicationView createDraft(String lineCode) {
    AccountView pi = apps.caller("APPLICANT");
    CallView call =
        calls.current().orElseThrow(() -> new IllegalStateException("no call is published"));
    LineView line =
        calls
            .line(call.id(), lineCode)
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        RuleViolation.error("F-REQ", "lineCode", "submission.rule.lineUnknown")));
    Application a =
        new Application(
            call.id(), line.code(), pi.username(), pi.organisationId(), clock.instant());
    a.setPi(pi.personId(), pi.idType(), pi.idNumber(), pi.personName());
    em.persist(a);
    em.flush();
    apps.record(pi, a, "create", null, "DRAFT", null);
    return apps.view(a);
  }

  public List<ApplicationView> mine() {
    AccountView pi = apps.caller("APPLICANT");
    return apps.views(
        em.createQuery(
                "select a from Application a where a.piUsername = :u order by a.id desc",
                Application.class)
            .setParameter("u", pi.username())
            .getResultList());
  }

  /** Saves the draft (errors of format refuse the save; rule violations are only listed). */
  @Transactional
  public ApplicationView save(long id, ApplicationForm form) {
    AccountView pi = apps.caller("APPLICANT");
    Application a = apps.own(pi, id);
    if (!a.getStatus().isEditable()) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.notEditable"));
    }
    if (form.version() != a.getVersion()) {
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "submission.rule.stale"));
    }
    List<RuleViolation> bad = new ArrayList<>();
    FormMapping.apply(a, form, bad);
    RuleViolationException.throwIfErrors(bad);
    a.touch(clock.instant());
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      // saved by another request between our read and this write
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "submission.rule.stale"));
    }
    return apps.view(a);
  }

  /** Checks again on the server, then submits: acceptance number and SHA-256 of the content. */
  @Transactional
  public ApplicationView submit(long id, long version) {
    AccountView pi = apps.caller("APPLICANT");
    Application a = apps.own(pi, id);
    em.lock(a, LockModeType.PESSIMISTIC_WRITE);
    if (version != a.getVersion()) {
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "submission.rule.stale"));
    }
    CallView call = calls.find(a.getCallId()).orElseThrow();
    LineView line = call.line(a.getLineCode()).orElseThrow();
    List<RuleViolation> vs = SubmissionRules.check(a, line, apps.facts(a, call, line));
    RuleViolationException.throwIfErrors(vs);
    String warnings =
        vs.stream()
            .map(io.hezuo.kernel.i18n.Messages::describeBilingual)
            .collect(Collectors.joining("\n"));
    String recorded =
        RecordedWarning.encode(
            vs.stream()
                .map(
                    v ->
                        new RecordedWarning(
                            v.ruleId(),
                            v.field(),
                            io.hezuo.kernel.i18n.Messages.describe(
                                io.hezuo.kernel.i18n.Messages.CHINESE, v),
                            io.hezuo.kernel.i18n.Messages.describe(
                                io.hezuo.kernel.i18n.Messages.ENGLISH, v)))
                .toList());
    Instant now = clock.instant();
    ApplicationStatus from = a.getStatus();
    String acceptance =
        "HZ"
            + call.year()
            + "-"
            + a.getLineCode().replace(".", "")
            + "-"
            + String.format("%06d", a.getId());
    a.submit(acceptance, FormMapping.contentHash(a), now, recorded);
    em.flush();
    apps.record(
        pi,
        a,
        "submit",
        from.name(),
        "SUBMITTED " + acceptance,
        warnings.isEmpty() ? null : warnings);
    apps.statusChanged(a, from, pi.username(), null);
    messages.tellUnit(a, "submission.notice.submitted", acceptance, a.getTitleZh(), a.getPiName());
    submittedEvent.fire(
        new ApplicationSubmitted(a.getId(), a.getCallId(), a.getLineCode(), acceptance, now));
    return apps.view(a);
  }

  /** The PI withdraws a submitted application before the unit confirmed it. */
  @Transactional
  public ApplicationView withdraw(long id, String reason) {
    AccountView pi = apps.caller("APPLICANT");
    Application a = apps.own(pi, id);
    Instant now = clock.instant();
    ApplicationStatus from = a.getStatus();
    a.withdraw(apps.deadlines(a), now);
    apps.record(pi, a, "withdraw", from.name(), "WITHDRAWN", blankToNull(reason));
    apps.statusChanged(a, from, pi.username(), blankToNull(reason));
    if (from == ApplicationStatus.SUBMITTED) {
      messages.tellUnit(
          a,
          "submission.notice.withdrawn",
          a.getAcceptanceNo(),
          a.getTitleZh(),
          blank(reason) ? "—" : reason.trim());
    }
    return apps.view(a);
  }

  /**
   * Whether the caller may attach a file to the application now (its PI, while editable): checked
   * before an upload's body is read. 403 / 404 / 422 (F-STATE) otherwise.
   */
  public void checkCanAttach(long id) {
    Application a = apps.own(apps.caller("APPLICANT"), id);
    if (!a.getStatus().isEditable()) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.notEditable"));
    }
  }

  /** Attaches a PDF that {@link AttachmentCheck} accepted. */
  @Transactional
  public ApplicationView attach(
      long id, AttachmentKind kind, String fileName, byte[] content, AttachmentCheck.Accepted ok) {
    AccountView pi = apps.caller("APPLICANT");
    Application a = apps.own(pi, id);
    if (!a.getStatus().isEditable()) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.notEditable"));
    }
    em.persist(
        new Attachment(
            a.getId(),
            kind,
            fileName,
            content,
            ok.pages(),
            ok.sha256(),
            pi.username(),
            clock.instant()));
    a.touch(clock.instant());
    em.flush();
    apps.record(pi, a, "attach", null, kind + " " + fileName + " sha256=" + ok.sha256(), null);
    return apps.view(a);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
