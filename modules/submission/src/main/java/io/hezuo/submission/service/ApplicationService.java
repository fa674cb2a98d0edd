package io.hezuo.submission.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.directory.api.OtherPlans;
import io.hezuo.directory.api.PlatformView;
import io.hezuo.directory.api.WhiteList;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.error.NotSignedInException;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.rule.StaleEditException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationSubmitted;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.domain.Application;
import io.hezuo.submission.domain.ApplicationStatus;
import io.hezuo.submission.domain.Attachment;
import io.hezuo.submission.domain.AttachmentKind;
import io.hezuo.submission.domain.CheckFacts;
import io.hezuo.submission.domain.Deadlines;
import io.hezuo.submission.domain.Extension;
import io.hezuo.submission.domain.RecordedWarning;
import io.hezuo.submission.domain.SubmissionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The PI's applications (draft, save, check, submit, withdraw) and the applying unit's
 * confirmation. Every method checks the caller's role and ownership: a PI only ever reaches their
 * own applications, a unit admin only those of their unit, whatever id they send.
 */
@ApplicationScoped
public class ApplicationService {

  static final String ENTITY = "Application";

  @PersistenceContext(unitName = "submission")
  EntityManager em;

  @Inject Caller caller;
  @Inject AccountDirectory accounts;
  @Inject CallCatalogue calls;
  @Inject Instance<WhiteList> whiteList;
  @Inject Instance<OtherPlans> otherPlans;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<ApplicationSubmitted> submittedEvent;
  @Inject ApplicationMessages messages;

  // ---- the PI --------------------------------------------------------------------------------

  @Transactional
  public ApplicationView createDraft(String lineCode) {
    AccountView pi = caller("APPLICANT");
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
    record(pi, a, "create", null, "DRAFT", null);
    return view(a);
  }

  public List<ApplicationView> mine() {
    AccountView pi = caller("APPLICANT");
    return views(
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
    AccountView pi = caller("APPLICANT");
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
            "select a" + where + " order by a.updatedAt desc, a.id desc", Application.class);
    params.forEach(
        (k, v) -> {
          count.setParameter(k, v);
          page.setParameter(k, v);
        });
    long total = count.getSingleResult();
    if (total == 0 || size <= 0) {
      return new MinePage(List.of(), 0);
    }
    List<Application> rows =
        page.setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(size, 100)))
            .getResultList();
    return new MinePage(views(rows), total);
  }

  /** One page of {@link #mine(String, String, String, int, int)} and the count of all matches. */
  public record MinePage(List<ApplicationView> rows, long total) {}

  /** One application: its PI, or the admin of its unit. */
  public ApplicationView get(long id) {
    return view(readable(id));
  }

  /** Saves the draft (errors of format refuse the save; rule violations are only listed). */
  @Transactional
  public ApplicationView save(long id, ApplicationForm form) {
    AccountView pi = caller("APPLICANT");
    Application a = own(pi, id);
    if (!a.getStatus().isEditable()) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.notEditable"));
    }
    if (form.version() != a.getVersion()) {
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "submission.rule.stale"));
    }
    List<RuleViolation> bad = new ArrayList<>();
    apply(a, form, bad);
    RuleViolationException.throwIfErrors(bad);
    a.touch(clock.instant());
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      // saved by another request between our read and this write
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "submission.rule.stale"));
    }
    return view(a);
  }

  /** The checks of the application as they stand: errors block submission, warnings do not. */
  public List<RuleViolation> check(long id) {
    Application a = readable(id);
    CallView call = calls.find(a.getCallId()).orElseThrow();
    LineView line = call.line(a.getLineCode()).orElseThrow();
    return SubmissionRules.check(a, line, facts(a, call, line));
  }

  /**
   * The checks of the form as the PI has it on screen, NOT saved (the form re-checks as the PI
   * leaves a field): the stored application with the form applied to a detached copy, so nothing
   * reaches the database. Entries the save would refuse (an amount that is not one, a text too
   * long) come first, then the rules.
   */
  @Transactional
  public List<RuleViolation> checkUnsaved(long id, ApplicationForm form) {
    AccountView pi = caller("APPLICANT");
    Application a = own(pi, id);
    // the collections are read before the copy leaves the persistence context
    a.getBudget().size();
    a.getTargets().size();
    a.getTeam().size();
    a.getDomesticPartners().size();
    em.detach(a);
    List<RuleViolation> out = new ArrayList<>();
    apply(a, form, out);
    CallView call = calls.find(a.getCallId()).orElseThrow();
    LineView line = call.line(a.getLineCode()).orElseThrow();
    Set<String> refused =
        out.stream()
            .map(RuleViolation::field)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    for (RuleViolation v : SubmissionRules.check(a, line, facts(a, call, line))) {
      // an amount the save refuses is checked as missing by the rules: say it once
      if (v.field() == null || !refused.contains(v.field())) {
        out.add(v);
      }
    }
    return out;
  }

  /** Checks again on the server, then submits: acceptance number and SHA-256 of the content. */
  @Transactional
  public ApplicationView submit(long id, long version) {
    AccountView pi = caller("APPLICANT");
    Application a = own(pi, id);
    em.lock(a, LockModeType.PESSIMISTIC_WRITE);
    if (version != a.getVersion()) {
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "submission.rule.stale"));
    }
    if (!a.getStatus().isEditable()) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.notEditable"));
    }
    CallView call = calls.find(a.getCallId()).orElseThrow();
    LineView line = call.line(a.getLineCode()).orElseThrow();
    List<RuleViolation> vs = SubmissionRules.check(a, line, facts(a, call, line));
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
    String from = a.getStatus().name();
    String acceptance =
        "HZ"
            + call.year()
            + "-"
            + a.getLineCode().replace(".", "")
            + "-"
            + String.format("%06d", a.getId());
    a.submitted(acceptance, contentHash(a), now, recorded);
    em.flush();
    record(pi, a, "submit", from, "SUBMITTED " + acceptance, warnings.isEmpty() ? null : warnings);
    messages.tellUnit(a, "submission.notice.submitted", acceptance, a.getTitleZh(), a.getPiName());
    submittedEvent.fire(
        new ApplicationSubmitted(a.getId(), a.getCallId(), a.getLineCode(), acceptance, now));
    return view(a);
  }

  /** The PI withdraws a submitted application before the unit confirmed it. */
  @Transactional
  public ApplicationView withdraw(long id, String reason) {
    AccountView pi = caller("APPLICANT");
    Application a = own(pi, id);
    if (a.getStatus() != ApplicationStatus.SUBMITTED && !a.getStatus().isEditable()) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.cannotWithdraw"));
    }
    // D1: only while the PI's window (or the unit's extension) is open
    Instant now = clock.instant();
    refuse(deadlines(a).withdraw(now));
    String from = a.getStatus().name();
    a.moveTo(ApplicationStatus.WITHDRAWN, now);
    record(pi, a, "withdraw", from, "WITHDRAWN", blankToNull(reason));
    if (ApplicationStatus.SUBMITTED.name().equals(from)) {
      messages.tellUnit(
          a,
          "submission.notice.withdrawn",
          a.getAcceptanceNo(),
          a.getTitleZh(),
          blank(reason) ? "—" : reason.trim());
    }
    return view(a);
  }

  /**
   * Whether the caller may attach a file to the application now (its PI, while editable): checked
   * before an upload's body is read. 403 / 404 / 422 (F-STATE) otherwise.
   */
  public void checkCanAttach(long id) {
    Application a = own(caller("APPLICANT"), id);
    if (!a.getStatus().isEditable()) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.notEditable"));
    }
  }

  /** Attaches a PDF that {@link AttachmentCheck} accepted. */
  @Transactional
  public ApplicationView attach(
      long id, AttachmentKind kind, String fileName, byte[] content, AttachmentCheck.Accepted ok) {
    AccountView pi = caller("APPLICANT");
    Application a = own(pi, id);
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
    record(pi, a, "attach", null, kind + " " + fileName + " sha256=" + ok.sha256(), null);
    return view(a);
  }

  // ---- the applying unit ----------------------------------------------------------------------

  public List<ApplicationView> ofMyUnit(String status, String lineCode) {
    return ofMyUnit(status, lineCode, null);
  }

  /**
   * The unit's applications (drafts are the PI's own), by status, line and a text that the title,
   * the acceptance number or the PI's name contains.
   */
  public List<ApplicationView> ofMyUnit(String status, String lineCode, String text) {
    AccountView admin = caller("UNIT_ADMIN");
    StringBuilder q =
        new StringBuilder("select a from Application a where a.organisationId = :org");
    if (status != null && !status.isBlank()) {
      q.append(" and a.status = :status");
    } else {
      q.append(" and a.status <> :draft");
    }
    if (lineCode != null && !lineCode.isBlank()) {
      q.append(" and a.lineCode = :line");
    }
    if (text != null && !text.isBlank()) {
      q.append(
          " and (lower(a.titleZh) like :text or lower(a.titleEn) like :text"
              + " or lower(a.acceptanceNo) like :text or lower(a.piName) like :text)");
    }
    var query =
        em.createQuery(q.append(" order by a.id desc").toString(), Application.class)
            .setParameter("org", admin.organisationId());
    if (status != null && !status.isBlank()) {
      query.setParameter("status", ApplicationStatus.valueOf(status));
    } else {
      query.setParameter("draft", ApplicationStatus.DRAFT);
    }
    if (lineCode != null && !lineCode.isBlank()) {
      query.setParameter("line", lineCode.trim());
    }
    if (text != null && !text.isBlank()) {
      String escaped =
          text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      query.setParameter("text", "%" + escaped + "%");
    }
    return views(query.getResultList());
  }

  @Transactional
  public ApplicationView confirm(long id) {
    AccountView admin = caller("UNIT_ADMIN");
    Application a = ofUnit(admin, id);
    requireStatus(a, ApplicationStatus.SUBMITTED);
    // D1: until the recommendation deadline
    Instant now = clock.instant();
    refuse(deadlines(a).confirm(now));
    a.moveTo(ApplicationStatus.CONFIRMED, now);
    record(admin, a, "confirm", "SUBMITTED", "CONFIRMED", null);
    messages.tellPi(a, "submission.notice.confirmed", a.getAcceptanceNo(), admin.username());
    return view(a);
  }

  @Transactional
  public ApplicationView returnToPi(long id, String reason) {
    AccountView admin = caller("UNIT_ADMIN");
    Application a = ofUnit(admin, id);
    requireStatus(a, ApplicationStatus.SUBMITTED);
    // D1: until the recommendation deadline, and only while the PI can still resubmit
    Instant now = clock.instant();
    refuse(deadlines(a).returnToPi(now));
    if (reason == null || reason.isBlank()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "reason", "submission.rule.reasonRequired"));
    }
    a.moveTo(ApplicationStatus.RETURNED, now);
    record(admin, a, "return", "SUBMITTED", "RETURNED", reason.trim());
    messages.tellPi(a, "submission.notice.returned", a.getAcceptanceNo(), reason.trim());
    return view(a);
  }

  // ---- the Department ------------------------------------------------------------------------

  /** An officer extends the submission deadline for one applying unit, with a reason. */
  @Transactional
  public void grantExtension(long organisationId, Instant until, String reason) {
    AccountView officer = caller("OFFICER");
    List<RuleViolation> bad = new ArrayList<>();
    if (organisationId <= 0) {
      bad.add(RuleViolation.error("D1", "organisationId", "submission.rule.required"));
    }
    if (until == null) {
      bad.add(RuleViolation.error("D1", "until", "submission.rule.required"));
    }
    if (reason == null || reason.isBlank()) {
      bad.add(RuleViolation.error("D1", "reason", "submission.rule.reasonRequired"));
    }
    RuleViolationException.throwIfErrors(bad);
    CallView call = calls.current().orElseThrow();
    em.persist(
        new Extension(
            call.id(), organisationId, until, reason.trim(), officer.username(), clock.instant()));
    audit.record(
        new AuditEntry(
            officer.username(),
            "OFFICER",
            "Extension",
            String.valueOf(organisationId),
            "extend",
            Zones.format(call.submissionClosesAt()),
            Zones.format(until),
            reason.trim()));
    messages.tellUnitOfExtension(organisationId, until, reason.trim());
  }

  /** The extensions granted in the current call, newest first (officers only). */
  public List<ExtensionView> extensions() {
    caller("OFFICER");
    CallView call = calls.current().orElseThrow();
    return em
        .createQuery(
            "select e from Extension e where e.callId = :c order by e.id desc", Extension.class)
        .setParameter("c", call.id())
        .getResultList()
        .stream()
        .map(
            e ->
                new ExtensionView(
                    e.getOrganisationId(),
                    e.getUntil(),
                    e.getReason(),
                    e.getGrantedBy(),
                    e.getGrantedAt()))
        .toList();
  }

  /** An extension as the officer's screen lists it. */
  public record ExtensionView(
      long organisationId, Instant until, String reason, String grantedBy, Instant grantedAt) {}

  // ---- helpers -------------------------------------------------------------------------------

  /** The facts for the checks; the caller has the call and the line at hand (read once). */
  CheckFacts facts(Application a, CallView call, LineView line) {
    Instant now = clock.instant();
    Deadlines deadlines = deadlines(a, call);
    boolean open = deadlines.piWindowOpen(now);
    AccountView pi = accounts.account(a.getPiUsername()).orElse(null);
    Set<AttachmentKind> kinds =
        em
            .createQuery(
                "select distinct t.kind from Attachment t where t.applicationId = :a",
                AttachmentKind.class)
            .setParameter("a", a.getId())
            .getResultList()
            .stream()
            .collect(Collectors.toSet());
    List<CheckFacts.OtherApplication> others =
        a.getPiIdNumber() == null
            ? List.of()
            : em
                .createQuery(
                    "select a from Application a where a.callId = :c and a.piIdType = :t and"
                        + " a.piIdNumber = :n and a.id <> :id and a.status in :s",
                    Application.class)
                .setParameter("c", a.getCallId())
                .setParameter("t", a.getPiIdType())
                .setParameter("n", a.getPiIdNumber())
                .setParameter("id", a.getId())
                .setParameter(
                    "s",
                    List.of(
                        ApplicationStatus.SUBMITTED,
                        ApplicationStatus.CONFIRMED,
                        ApplicationStatus.RETURNED))
                .getResultList()
                .stream()
                .map(o -> otherApplication(o, a))
                .toList();
    // G2 across plans: the imported lists of the call's year that name the PI's ID document
    List<String> importedPlans =
        a.getPiIdNumber() == null || !otherPlans.isResolvable()
            ? List.of()
            : otherPlans.get().find(call.year(), a.getPiIdType(), a.getPiIdNumber()).stream()
                .map(m -> m.planName() + " " + m.year() + "《" + m.projectTitle() + "》")
                .toList();
    return new CheckFacts(
        LocalDate.ofInstant(now, Zones.SHANGHAI),
        open,
        pi == null ? null : pi.organisationType(),
        kinds,
        whiteListResult(a, line),
        others,
        importedPlans,
        platformHost(a, line),
        deadlines.piClosesAt());
  }

  /** G2: another application of the PI, with its status's label and whether it is the PI's own. */
  private static CheckFacts.OtherApplication otherApplication(Application o, Application a) {
    String key = "submission.status." + o.getStatus().name();
    return new CheckFacts.OtherApplication(
        o.getId(),
        o.getAcceptanceNo() == null ? "#" + o.getId() : o.getAcceptanceNo(),
        io.hezuo.kernel.i18n.Messages.get(io.hezuo.kernel.i18n.Messages.CHINESE, key),
        io.hezuo.kernel.i18n.Messages.get(io.hezuo.kernel.i18n.Messages.ENGLISH, key),
        o.getPiUsername().equals(a.getPiUsername()));
  }

  /** A2: whether the applying unit is a recorded host unit of the chosen platform. */
  private CheckFacts.PlatformHostResult platformHost(Application a, LineView line) {
    if (line.applicantRule() != io.hezuo.call.api.ApplicantRule.PLATFORM_HOST
        || a.getPlatformCode() == null
        || a.getPlatformCode().isBlank()) {
      return CheckFacts.PlatformHostResult.NOT_APPLICABLE;
    }
    List<io.hezuo.call.api.PlatformHostView> hosts =
        calls.platformHosts(a.getCallId(), a.getLineCode()).stream()
            .filter(h -> h.platformCode().equals(a.getPlatformCode()))
            .toList();
    if (hosts.isEmpty()) {
      return new CheckFacts.PlatformHostResult(
          CheckFacts.HostStatus.NONE_RECORDED, List.of(), List.of());
    }
    List<io.hezuo.call.api.PlatformHostView> mine =
        hosts.stream().filter(h -> h.organisationId() == a.getOrganisationId()).toList();
    if (mine.isEmpty()) {
      return new CheckFacts.PlatformHostResult(
          CheckFacts.HostStatus.NOT_HOST, List.of(), List.of());
    }
    return new CheckFacts.PlatformHostResult(
        CheckFacts.HostStatus.HOST,
        mine.stream()
            .map(io.hezuo.call.api.PlatformHostView::carrierName)
            .filter(java.util.Objects::nonNull)
            .toList(),
        mine.stream()
            .map(io.hezuo.call.api.PlatformHostView::overseasCoBuilder)
            .filter(java.util.Objects::nonNull)
            .toList());
  }

  private CheckFacts.WhiteListResult whiteListResult(Application a, LineView line) {
    if (line.whiteListExempt()) {
      return CheckFacts.WhiteListResult.EXEMPT;
    }
    List<PlatformView> platforms = platformsOfUnit(a.getOrganisationId());
    if (platforms.isEmpty()) {
      return CheckFacts.WhiteListResult.NO_PLATFORM;
    }
    if (a.getBasePlatformId() == null) {
      return CheckFacts.WhiteListResult.NOT_CHOSEN;
    }
    PlatformView chosen =
        platforms.stream().filter(p -> p.id() == a.getBasePlatformId()).findFirst().orElse(null);
    if (chosen == null) {
      return CheckFacts.WhiteListResult.NOT_OF_UNIT;
    }
    boolean member =
        a.getPiIdNumber() != null
            && whiteList.get().isMember(chosen.id(), a.getPiIdType(), a.getPiIdNumber());
    return member ? CheckFacts.WhiteListResult.MEMBER : CheckFacts.WhiteListResult.NOT_MEMBER;
  }

  /** The applying unit's platform bases on the white list (G1), for the form's choice. */
  public List<PlatformView> platformsOfUnit(long organisationId) {
    return whiteList.isResolvable() ? whiteList.get().platformsOfUnit(organisationId) : List.of();
  }

  /** D1: the deadlines of the application's call, with the latest extension of its unit. */
  Deadlines deadlines(Application a) {
    return deadlines(a, calls.find(a.getCallId()).orElseThrow());
  }

  private Deadlines deadlines(Application a, CallView call) {
    Instant extendedUntil =
        em
            .createQuery(
                "select e from Extension e where e.callId = :c and e.organisationId = :o",
                Extension.class)
            .setParameter("c", a.getCallId())
            .setParameter("o", a.getOrganisationId())
            .getResultList()
            .stream()
            .map(Extension::getUntil)
            .max(Instant::compareTo)
            .orElse(null);
    return new Deadlines(
        call.submissionOpensAt(),
        call.submissionClosesAt(),
        extendedUntil,
        call.recommendationClosesAt());
  }

  private LineView line(Application a) {
    return calls.line(a.getCallId(), a.getLineCode()).orElseThrow();
  }

  private AccountView caller(String role) {
    if (!caller.isSignedIn() || !caller.hasRole(role)) {
      throw new AccessDeniedException("this needs the role " + role);
    }
    return accounts
        .account(caller.name())
        .orElseThrow(() -> new AccessDeniedException("unknown account"));
  }

  private Application find(long id) {
    Application a = em.find(Application.class, id);
    if (a == null) {
      throw new NotFoundException("no application " + id + " for you");
    }
    return a;
  }

  /** The PI's own application; any other id looks exactly like a missing one. */
  private Application own(AccountView pi, long id) {
    Application a = find(id);
    if (!a.getPiUsername().equals(pi.username())) {
      throw new NotFoundException("no application " + id + " for you");
    }
    return a;
  }

  private Application ofUnit(AccountView admin, long id) {
    Application a = find(id);
    if (admin.organisationId() == null || a.getOrganisationId() != admin.organisationId()) {
      throw new NotFoundException("no application " + id + " for you");
    }
    return a;
  }

  /** The application if the caller is its PI or (once submitted) an admin of its unit. */
  Application readable(long id) {
    String user = !caller.isSignedIn() ? null : caller.name();
    if (user == null) {
      throw new NotSignedInException("log in first");
    }
    if (caller.hasRole("APPLICANT")) {
      Application a = find(id);
      if (a.getPiUsername().equals(user)) {
        return a;
      }
    }
    if (caller.hasRole("UNIT_ADMIN")) {
      Application a = ofUnit(caller("UNIT_ADMIN"), id);
      if (a.getStatus() != ApplicationStatus.DRAFT) {
        return a;
      }
    }
    throw new NotFoundException("no application " + id + " for you");
  }

  /** Refuses with the rule a deadline check broke, if any. */
  private static void refuse(java.util.Optional<RuleViolation> broken) {
    if (broken.isPresent()) {
      throw new RuleViolationException(broken.get());
    }
  }

  private static void requireStatus(Application a, ApplicationStatus s) {
    if (a.getStatus() != s) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "submission.rule.wrongState", a.getStatus().name()));
    }
  }

  private void record(
      AccountView who, Application a, String action, String from, String to, String why) {
    audit.record(
        new AuditEntry(
            who.username(),
            who.roles().contains("UNIT_ADMIN") && !who.username().equals(a.getPiUsername())
                ? "UNIT_ADMIN"
                : "APPLICANT",
            ENTITY,
            String.valueOf(a.getId()),
            action,
            from,
            to,
            why));
  }

  static void apply(Application a, ApplicationForm f, List<RuleViolation> bad) {
    a.setTitleZh(trim(f.titleZh()));
    a.setTitleEn(trim(f.titleEn()));
    a.setPartnerCode(trim(f.partnerCode()));
    a.setPlatformCode(trim(f.platformCode()));
    a.setBasePlatformId(f.basePlatformId());
    a.setFieldCode(trim(f.fieldCode()));
    a.setRegionCode(trim(f.regionCode()));
    a.setTopicCode(trim(f.topicCode()));
    a.setPartnerName(limit(bad, "partnerName", f.partnerName(), 300));
    a.setPartnerCountry(limit(bad, "partnerCountry", f.partnerCountry(), 100));
    a.setPartnerContact(limit(bad, "partnerContact", f.partnerContact(), 300));
    a.setForeignReference(limit(bad, "foreignReference", f.foreignReference(), 100));
    a.setForeignDate(date(bad, "foreignDate", f.foreignDate()));
    a.setStartMonth(limit(bad, "startMonth", f.startMonth(), 7));
    a.setEndMonth(limit(bad, "endMonth", f.endMonth(), 7));
    a.setSubsidy(money(bad, "subsidy", f.subsidy()));
    a.setSelfFunds(money(bad, "selfFunds", f.selfFunds()));
    a.setTransferAmount(money(bad, "transferAmount", f.transferAmount()));
    if (f.onsiteDays() != null && (f.onsiteDays() < 0 || f.onsiteDays() > 366)) {
      bad.add(RuleViolation.error("G5", "onsiteDays", "submission.rule.days"));
    }
    a.setOnsiteDays(f.onsiteDays());
    a.getBudget().clear();
    if (f.budget() != null) {
      for (Map.Entry<String, String> e : new TreeMap<>(f.budget()).entrySet()) {
        Money m = money(bad, "budget_" + e.getKey(), e.getValue());
        if (m != null && e.getKey().length() <= 40) {
          a.getBudget().put(e.getKey(), m);
        }
      }
    }
    a.getTargets().clear();
    if (f.targets() != null) {
      f.targets()
          .forEach(
              (k, v) -> {
                if (v != null && k.length() <= 40) {
                  a.getTargets().put(k, v);
                }
              });
    }
    a.getTeam().clear();
    if (f.team() != null) {
      int i = 0;
      for (io.hezuo.submission.api.TeamMemberForm m : f.team()) {
        if (m == null || (blank(m.name()) && blank(m.idNumber()))) {
          continue;
        }
        String field = "team_" + i++;
        String name = limit(bad, field + "_name", m.name(), 100);
        String unit = limit(bad, field + "_unit", m.unit(), 200);
        String role = limit(bad, field + "_role", m.role(), 100);
        String type = m.idType() == null ? "RESIDENT_ID" : m.idType();
        String number = io.hezuo.directory.api.IdDocuments.normalise(type, m.idNumber());
        if (number.length() > 30) {
          bad.add(RuleViolation.error("F-LEN", field + "_idNumber", "submission.rule.tooLong", 30));
        }
        a.getTeam()
            .add(
                new io.hezuo.submission.domain.TeamMember(
                    name == null ? "" : name,
                    type,
                    number,
                    unit == null ? "" : unit,
                    role,
                    m.months() == null ? 0 : m.months()));
      }
    }
    a.getDomesticPartners().clear();
    if (f.domesticPartners() != null) {
      for (String d : f.domesticPartners()) {
        String t = limit(bad, "domesticPartners", d, 200);
        if (t != null) {
          a.getDomesticPartners().add(t);
        }
      }
    }
    a.setTextBasis(f.textBasis());
    a.setTextContent(f.textContent());
    a.setTextRoute(f.textRoute());
    a.setTextCooperation(f.textCooperation());
    a.setTextOutcomes(f.textOutcomes());
    a.setTextIndicators(f.textIndicators());
    String[][] lengths = {
      {"titleZh", a.getTitleZh(), "200"},
      {"titleEn", a.getTitleEn(), "300"},
      {"partnerCode", a.getPartnerCode(), "20"},
      {"platformCode", a.getPlatformCode(), "40"},
      {"fieldCode", a.getFieldCode(), "40"},
      {"regionCode", a.getRegionCode(), "40"},
      {"topicCode", a.getTopicCode(), "40"},
      {"textBasis", a.getTextBasis(), "30000"},
      {"textContent", a.getTextContent(), "30000"},
      {"textRoute", a.getTextRoute(), "30000"},
      {"textCooperation", a.getTextCooperation(), "30000"},
      {"textOutcomes", a.getTextOutcomes(), "30000"},
      {"textIndicators", a.getTextIndicators(), "30000"}
    };
    for (String[] l : lengths) {
      if (l[1] != null && l[1].length() > Integer.parseInt(l[2])) {
        bad.add(
            RuleViolation.error("F-LEN", l[0], "submission.rule.tooLong", Integer.parseInt(l[2])));
      }
    }
  }

  private static String limit(List<RuleViolation> bad, String field, String v, int max) {
    String t = trim(v);
    if (t != null && t.length() > max) {
      bad.add(RuleViolation.error("F-LEN", field, "submission.rule.tooLong", max));
    }
    return t;
  }

  private static Money money(List<RuleViolation> bad, String field, String v) {
    String t = trim(v);
    if (t == null) {
      return null;
    }
    try {
      Money m = Money.of(t.replace(",", ""));
      if (m.amount().abs().compareTo(new java.math.BigDecimal("9999999999999.99")) > 0) {
        throw new IllegalArgumentException("too large");
      }
      return m;
    } catch (IllegalArgumentException e) {
      bad.add(RuleViolation.error("F-MONEY", field, "kernel.money.invalid"));
      return null;
    }
  }

  private static LocalDate date(List<RuleViolation> bad, String field, String v) {
    String t = trim(v);
    if (t == null) {
      return null;
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      bad.add(RuleViolation.error("F-DATE", field, "submission.rule.date"));
      return null;
    }
  }

  static String contentHash(Application a) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("line", a.getLineCode());
    c.put("pi", a.getPiIdType() + ":" + a.getPiIdNumber());
    c.put("titleZh", a.getTitleZh());
    c.put("titleEn", a.getTitleEn());
    c.put("partner", a.getPartnerCode() + "|" + a.getPartnerName() + "|" + a.getPartnerCountry());
    c.put(
        "choice",
        a.getPlatformCode()
            + "|"
            + a.getBasePlatformId()
            + "|"
            + a.getFieldCode()
            + "|"
            + a.getRegionCode()
            + "|"
            + a.getTopicCode());
    c.put("period", a.getStartMonth() + "/" + a.getEndMonth());
    c.put("money", a.getSubsidy() + "|" + a.getSelfFunds() + "|" + a.getTransferAmount());
    c.put("budget", new TreeMap<>(a.getBudget()).toString());
    c.put("targets", new TreeMap<>(a.getTargets()).toString());
    c.put(
        "team",
        a.getTeam().stream()
            .map(
                m ->
                    m.getName()
                        + "|"
                        + m.getIdType()
                        + ":"
                        + m.getIdNumber()
                        + "|"
                        + m.getUnit()
                        + "|"
                        + m.getRole()
                        + "|"
                        + m.getMonths())
            .toList()
            .toString());
    c.put("domestic", a.getDomesticPartners().toString());
    c.put(
        "texts",
        String.join(
            "\u0000",
            String.valueOf(a.getTextBasis()),
            String.valueOf(a.getTextContent()),
            String.valueOf(a.getTextRoute()),
            String.valueOf(a.getTextCooperation()),
            String.valueOf(a.getTextOutcomes()),
            String.valueOf(a.getTextIndicators())));
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(c.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  ApplicationView view(Application a) {
    return views(List.of(a)).get(0);
  }

  /**
   * Views of several applications with their attachments' metadata, read in one query (never the
   * files' bytes).
   */
  List<ApplicationView> views(List<Application> apps) {
    if (apps.isEmpty()) {
      return List.of();
    }
    Map<Long, List<ApplicationView.AttachmentView>> byApp = new java.util.HashMap<>();
    List<Object[]> rows =
        em.createQuery(
                "select t.applicationId, t.id, t.kind, t.fileName, t.sizeBytes, t.pages, t.sha256"
                    + " from Attachment t where t.applicationId in :ids order by t.id",
                Object[].class)
            .setParameter("ids", apps.stream().map(Application::getId).toList())
            .getResultList();
    for (Object[] r : rows) {
      byApp
          .computeIfAbsent((Long) r[0], k -> new ArrayList<>())
          .add(
              new ApplicationView.AttachmentView(
                  (Long) r[1],
                  ((AttachmentKind) r[2]).name(),
                  (String) r[3],
                  (Long) r[4],
                  (Integer) r[5],
                  (String) r[6]));
    }
    return apps.stream().map(a -> view(a, byApp.getOrDefault(a.getId(), List.of()))).toList();
  }

  private ApplicationView view(Application a, List<ApplicationView.AttachmentView> atts) {
    Map<String, String> budget = new LinkedHashMap<>();
    a.getBudget().forEach((k, v) -> budget.put(k, v == null ? null : v.toString()));
    ApplicationForm form =
        new ApplicationForm(
            a.getVersion(),
            a.getTitleZh(),
            a.getTitleEn(),
            a.getPartnerCode(),
            a.getPlatformCode(),
            a.getFieldCode(),
            a.getRegionCode(),
            a.getTopicCode(),
            a.getPartnerName(),
            a.getPartnerCountry(),
            a.getPartnerContact(),
            a.getForeignReference(),
            a.getForeignDate() == null ? null : a.getForeignDate().toString(),
            a.getStartMonth(),
            a.getEndMonth(),
            str(a.getSubsidy()),
            str(a.getSelfFunds()),
            str(a.getTransferAmount()),
            a.getOnsiteDays(),
            budget,
            new LinkedHashMap<>(a.getTargets()),
            a.getTeam().stream()
                .map(
                    m ->
                        new io.hezuo.submission.api.TeamMemberForm(
                            m.getName(),
                            m.getIdType(),
                            m.getIdNumber(),
                            m.getUnit(),
                            m.getRole(),
                            m.getMonths()))
                .toList(),
            List.copyOf(a.getDomesticPartners()),
            a.getTextBasis(),
            a.getTextContent(),
            a.getTextRoute(),
            a.getTextCooperation(),
            a.getTextOutcomes(),
            a.getTextIndicators(),
            a.getBasePlatformId());
    return new ApplicationView(
        a.getId(),
        a.getCallId(),
        a.getVersion(),
        a.getLineCode(),
        a.getStatus().name(),
        a.getPiName(),
        a.getPiUsername(),
        a.getOrganisationId(),
        a.getAcceptanceNo(),
        a.getContentSha256(),
        a.getSubmittedAt(),
        form,
        atts,
        a.recordedWarnings().stream()
            .map(
                w ->
                    new ApplicationView.WarningView(
                        w.ruleId(), "WARNING", w.field(), w.messageZh(), w.messageEn()))
            .toList());
  }

  private static String str(Money m) {
    return m == null ? null : m.toString();
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
