package io.hezuo.submission.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.rule.StaleEditException;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationSubmitted;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.api.SavedDraft;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    AccountView pi = apps.caller(Role.APPLICANT);
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
    AccountView pi = apps.caller(Role.APPLICANT);
    return apps.views(
        em.createQuery(
                "select a from Application a where a.piUsername = :u order by a.id desc",
                Application.class)
            .setParameter("u", pi.username())
            .getResultList());
  }

  /**
   * A page of the PI's applications, last changed first: a text in the title (Chinese or English)
   * or the acceptance number, the line and the status (each optional). Filtered, counted and paged
   * in SQL. A size of 0 only counts.
   */
  public MinePage mine(String text, String lineCode, String status, int first, int size) {
    AccountView pi = apps.caller(Role.APPLICANT);
    StringBuilder where = new StringBuilder(" from Application a where a.piUsername = :u");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("u", pi.username());
    if (lineCode != null && !lineCode.isBlank()) {
      where.append(" and a.lineCode = :line");
      params.put("line", lineCode.trim());
    }
    if (status != null && !status.isBlank()) {
      ApplicationStatus s;
      try {
        s = ApplicationStatus.valueOf(status.trim());
      } catch (IllegalArgumentException e) {
        return new MinePage(List.of(), 0);
      }
      where.append(" and a.status = :status");
      params.put("status", s);
    }
    if (text != null && !text.isBlank()) {
      where.append(
          " and (lower(a.titleZh) like :text or lower(a.titleEn) like :text"
              + " or lower(a.acceptanceNo) like :text)");
      String escaped =
          text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      params.put("text", "%" + escaped + "%");
    }
    var count = em.createQuery("select count(a)" + where, Long.class);
    var page =
        em.createQuery(
            ApplicationRows.SELECT + where + " order by a.updatedAt desc, a.id desc",
            Object[].class);
    params.forEach(
        (k, v) -> {
          count.setParameter(k, v);
          page.setParameter(k, v);
        });
    long total = count.getSingleResult();
    if (total == 0 || size <= 0) {
      return new MinePage(List.of(), 0);
    }
    List<ApplicationRow> rows =
        page
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(size, 100)))
            .getResultList()
            .stream()
            .map(
                r ->
                    ApplicationRows.of(
                        r,
                        ((Long) r[8]).equals(pi.organisationId()) ? pi.organisationName() : null,
                        null,
                        null))
            .toList();
    return new MinePage(rows, total);
  }

  /**
   * One page of {@link #mine(String, String, String, int, int)} (the columns a list shows, in one
   * statement, not the applications with their texts and attachments) and the count of all matches.
   */
  public record MinePage(List<ApplicationRow> rows, long total) {}

  /**
   * The checks of the form as the PI has it on screen, NOT saved (the form re-checks as the PI
   * leaves a field): the stored application with the form applied to a detached copy, so nothing
   * reaches the database. Entries the save would refuse (an amount that is not one, a text too
   * long) come first, then the rules.
   */
  @Transactional
  public List<RuleViolation> checkUnsaved(long id, ApplicationForm form) {
    AccountView pi = apps.caller(Role.APPLICANT);
    Application a = apps.own(pi, id);
    // the collections are read before the copy leaves the persistence context
    a.getBudget().size();
    a.getTargets().size();
    a.getTeam().size();
    a.getDomesticPartners().size();
    em.detach(a);
    List<RuleViolation> out = new ArrayList<>();
    FormMapping.apply(a, form, out);
    CallView call = calls.find(a.getCallId()).orElseThrow();
    LineView line = call.line(a.getLineCode()).orElseThrow();
    Set<String> refused =
        out.stream()
            .map(RuleViolation::field)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    for (RuleViolation v : SubmissionRules.check(a, line, apps.facts(a, call, line))) {
      // an amount the save refuses is checked as missing by the rules: say it once
      if (v.field() == null || !refused.contains(v.field())) {
        out.add(v);
      }
    }
    return out;
  }

  /** Saves the draft (errors of format refuse the save; rule violations are only listed). */
  @Transactional
  public ApplicationView save(long id, ApplicationForm form) {
    return apps.view(write(id, form));
  }

  /**
   * Saves the draft like {@link #save} and answers only its new version: an autosave's answer,
   * without reading the attachments or building the view.
   */
  @Transactional
  public SavedDraft saveDraft(long id, ApplicationForm form) {
    Application a = write(id, form);
    return new SavedDraft(a.getId(), a.getVersion(), a.getUpdatedAt());
  }

  private Application write(long id, ApplicationForm form) {
    // an autosave needs only the PI's name: the account is not read (2 statements and a
    // connection of the directory's unit per save; issue 15's profile of the surge)
    Application a = apps.own(apps.callerName(Role.APPLICANT), id);
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
    return a;
  }

  /**
   * Checks again on the server, then submits: acceptance number and SHA-256 of the content.
   *
   * <p>Idempotent: a retry of the submit that succeeded (the same version, by the same PI, the
   * application still SUBMITTED and unchanged since: its version is then exactly one more, the
   * submit's own write) answers the existing receipt and writes nothing, so a client that lost the
   * answer (a timeout, a node that died after the commit) can simply send it again. Any other
   * version is stale (409) as before.
   */
  @Transactional
  public ApplicationView submit(long id, long version) {
    AccountView pi = apps.caller(Role.APPLICANT);
    Application a = apps.own(pi, id);
    em.lock(a, LockModeType.PESSIMISTIC_WRITE);
    if (a.getStatus() == ApplicationStatus.SUBMITTED
        && a.getAcceptanceNo() != null
        && version == a.getVersion() - 1) {
      return apps.view(a);
    }
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
    AccountView pi = apps.caller(Role.APPLICANT);
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
    Application a = apps.own(apps.caller(Role.APPLICANT), id);
    if (!a.getStatus().isEditable()) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.notEditable"));
    }
  }

  /** Attaches a PDF that {@link AttachmentCheck} accepted. */
  @Transactional
  public ApplicationView attach(
      long id, AttachmentKind kind, String fileName, byte[] content, AttachmentCheck.Accepted ok) {
    AccountView pi = apps.caller(Role.APPLICANT);
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
