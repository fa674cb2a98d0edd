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
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationStatusChanged;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.domain.Application;
import io.hezuo.submission.domain.AttachmentKind;
import io.hezuo.submission.domain.CheckFacts;
import io.hezuo.submission.domain.Deadlines;
import io.hezuo.submission.domain.Extension;
import io.hezuo.submission.domain.SubmissionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading applications, shared by the actors' use cases: one application as its PI or (once
 * submitted) its unit's admin sees it, its checks, the facts the checks need, the deadlines of D1,
 * the views (with attachments' metadata, read in one query) and the audit of a step. Role and
 * ownership are checked here: another PI's or another unit's id looks like a missing one.
 */
@ApplicationScoped
public class Applications {

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
  @Inject Event<ApplicationStatusChanged> changed;

  /** Tells observers that the application moved (fired in the moving transaction). */
  void statusChanged(Application a, ApplicationStatus from, String actor, String reason) {
    changed.fire(
        new ApplicationStatusChanged(
            a.getId(), from, a.getStatus(), actor, reason, a.getUpdatedAt()));
  }

  /** One application: its PI, or the admin of its unit. */
  public ApplicationView get(long id) {
    return view(readable(id));
  }

  /** The checks of the application as they stand: errors block submission, warnings do not. */
  public List<RuleViolation> check(long id) {
    Application a = readable(id);
    CallView call = calls.find(a.getCallId()).orElseThrow();
    LineView line = call.line(a.getLineCode()).orElseThrow();
    return SubmissionRules.check(a, line, facts(a, call, line));
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
                        + " a.piIdNumber = :n and a.id <> :id and a.status not in :s",
                    Application.class)
                .setParameter("c", a.getCallId())
                .setParameter("t", a.getPiIdType())
                .setParameter("n", a.getPiIdNumber())
                .setParameter("id", a.getId())
                .setParameter("s", List.of(ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN))
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
        deadlines.piClosesAt(),
        a.getDisciplineCode() == null || calls.discipline(a.getDisciplineCode()).isPresent());
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

  Deadlines deadlines(Application a, CallView call) {
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

  AccountView caller(Role role) {
    if (!caller.isSignedIn() || !caller.hasRole(role)) {
      throw new AccessDeniedException("this needs the role " + role);
    }
    return accounts
        .account(caller.name())
        .orElseThrow(() -> new AccessDeniedException("unknown account"));
  }

  Application find(long id) {
    Application a = em.find(Application.class, id);
    if (a == null) {
      throw new NotFoundException("no application " + id + " for you");
    }
    return a;
  }

  /**
   * The signed-in caller's name when they have the role, without reading their account: for what
   * needs only the name (a PI's own application is found by it). The account's being active is
   * checked by the sign-in filter at its interval; an autosave does not read it again.
   */
  String callerName(Role role) {
    if (!caller.isSignedIn() || !caller.hasRole(role)) {
      throw new AccessDeniedException("this needs the role " + role);
    }
    return caller.name();
  }

  /** The PI's own application; any other id looks exactly like a missing one. */
  Application own(AccountView pi, long id) {
    return own(pi.username(), id);
  }

  /** The application of the PI of this user name; any other id looks exactly like a missing one. */
  Application own(String piUsername, long id) {
    Application a = find(id);
    if (!a.getPiUsername().equals(piUsername)) {
      throw new NotFoundException("no application " + id + " for you");
    }
    return a;
  }

  Application ofUnit(AccountView admin, long id) {
    Application a = find(id);
    if (admin.organisationId() == null || a.getOrganisationId() != admin.organisationId()) {
      throw new NotFoundException("no application " + id + " for you");
    }
    return a;
  }

  /** The application if the caller is its PI or (once submitted) an admin of its unit. */
  /**
   * The application if the caller is its PI or, once submitted, an admin of its unit, an officer or
   * a formal reviewer.
   */
  Application readable(long id) {
    String user = !caller.isSignedIn() ? null : caller.name();
    if (user == null) {
      throw new NotSignedInException("log in first");
    }
    if (caller.hasRole(Role.APPLICANT)) {
      Application a = find(id);
      if (a.getPiUsername().equals(user)) {
        return a;
      }
    }
    if (caller.hasRole(Role.UNIT_ADMIN)) {
      Application a = find(id);
      AccountView admin = caller(Role.UNIT_ADMIN);
      if (admin.organisationId() != null
          && a.getOrganisationId() == admin.organisationId()
          && a.getStatus() != ApplicationStatus.DRAFT) {
        return a;
      }
    }
    // officers and formal reviewers read any application once it left the PI's drafts
    if (caller.hasRole(Role.OFFICER) || caller.hasRole(Role.FORMAL_REVIEWER)) {
      Application a = find(id);
      if (a.getStatus() != ApplicationStatus.DRAFT) {
        return a;
      }
    }
    throw new NotFoundException("no application " + id + " for you");
  }

  void record(AccountView who, Application a, String action, String from, String to, String why) {
    audit.record(
        new AuditEntry(
            who.username(),
            who.roles().contains(Role.UNIT_ADMIN.name())
                    && !who.username().equals(a.getPiUsername())
                ? Role.UNIT_ADMIN
                : Role.APPLICANT,
            ENTITY,
            String.valueOf(a.getId()),
            action,
            from,
            to,
            why));
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
    ApplicationForm form = FormMapping.form(a);
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
}
