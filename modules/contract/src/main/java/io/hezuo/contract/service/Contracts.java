package io.hezuo.contract.service;

import static io.hezuo.contract.service.Columns.id;
import static io.hezuo.contract.service.Columns.instant;
import static io.hezuo.contract.service.Columns.localDate;
import static io.hezuo.contract.service.Columns.money;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.Category;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.MoneyJsonAdapter;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.TopicView;
import io.hezuo.contract.api.ContractWork;
import io.hezuo.contract.domain.Approval;
import io.hezuo.contract.domain.ChangeRequest;
import io.hezuo.contract.domain.ContractState;
import io.hezuo.contract.domain.ContractTerms;
import io.hezuo.contract.domain.Ledger;
import io.hezuo.contract.domain.Outcome;
import io.hezuo.contract.domain.Period;
import io.hezuo.contract.domain.TermsHistory;
import io.hezuo.contract.domain.TrancheSchedule;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.pdf.PdfContentCheck;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract (任务书) of each approved project and its change requests.
 *
 * <p>The contract is generated from the approved application (through the submission API) and the
 * project's row: the parties, the period, the approved subsidy with its tranche schedule, for B
 * lines the planned transfer to the partner (≤ the line's share, G5) and the PI's days on site (≥
 * 15), the performance targets and the budget. The lead unit's administrator reviews it (DRAFT →
 * UNIT_REVIEWED) and uploads the signed and stamped scan, checked by its content (→
 * SIGNED_UPLOADED); the officer countersigns (→ IN_FORCE) or returns the scan with a reason (→
 * UNIT_REVIEWED). Each move is checked by {@link ContractState#checkMove} under the project's row
 * lock and audited (entity {@value #ENTITY}).
 *
 * <p>A contract in force changes only through a change request (amount, period, partner, PI) filed
 * by the lead unit with a justification and decided by the officer; old and new values are kept. An
 * approved amount goes through the ledger ({@link Ledgers#changeApproved}), a period must keep the
 * money recorded ({@link Ledger#changePeriod}), a partner or PI changes the terms shown.
 *
 * <p>Who sees what is the ledger's scope: officers and the Department's finance everything, a
 * unit's finance office and administrator their unit's projects, an applicant the projects they
 * lead; anything else is 404.
 */
@ApplicationScoped
public class Contracts implements ContractWork {

  public static final String ENTITY = "ContractDocument";

  /** The largest scan accepted, 20 MiB. */
  public static final long MAX_SCAN_BYTES = 20L * 1024 * 1024;

  /** A remark, a reason or a justification longer than this is refused (F-LEN). */
  public static final int MAX_TEXT = ChangeRequest.MAX_TEXT;

  @PersistenceContext(unitName = "contract")
  EntityManager em;

  @Inject Caller caller;
  @Inject AccountDirectory directory;
  @Inject AuditLog audit;
  @Inject java.time.Clock clock;
  @Inject ApplicationLifecycle applications;
  @Inject CallCatalogue catalogue;
  @Inject Ledgers ledgers;

  // ------------------------------------------------------------------------------------ views

  /** A project's contract as the list shows it. */
  public record ContractRow(
      long projectId,
      long applicationId,
      String acceptanceNo,
      String titleZh,
      String lineCode,
      long organisationId,
      String unitName,
      String piName,
      String state,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money approved,
      LocalDate periodFrom,
      LocalDate periodTo,
      int pendingChanges)
      implements Serializable {}

  /** A tranche of the schedule with its amount of the approved subsidy. */
  public record TrancheLine(
      int number,
      BigDecimal percent,
      String trigger,
      LocalDate dueOn,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money amount)
      implements Serializable {}

  /** A change request with its old and new value as the contract reads them. */
  public record ChangeView(
      long id,
      String number,
      String kind,
      String oldValue,
      String newValue,
      String justification,
      String state,
      Instant requestedAt,
      String requestedBy,
      Instant decidedAt,
      String decidedBy,
      String rejectionReason)
      implements Serializable {}

  /** One contract: its terms, what each step left, its changes and what the caller may do. */
  public record ContractView(
      ContractRow project,
      String department,
      boolean counterpart,
      String partnerName,
      String regionName,
      BigDecimal maxTransferPercent,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money transferCap,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money plannedTransfer,
      Integer onsiteDaysPerYear,
      List<TrancheLine> tranches,
      String reviewRemark,
      Instant reviewedAt,
      String reviewedBy,
      String scanName,
      String scanSha256,
      Integer scanPages,
      Instant uploadedAt,
      String uploadedBy,
      Instant inForceAt,
      String countersignedBy,
      String returnReason,
      Instant returnedAt,
      List<ChangeView> changes,
      boolean mayReview,
      boolean mayUpload,
      boolean mayCountersign,
      boolean mayRequestChange,
      boolean mayDecide,
      long version)
      implements Serializable {}

  /** The lead unit's review: an optional remark. */
  public record ReviewForm(String remark) implements Serializable {}

  /** The officer's return of the scan: the reason (required). */
  public record ReturnForm(String reason) implements Serializable {}

  /**
   * A change request as the lead unit types it: the kind (AMOUNT, PERIOD, PARTNER, PI) and the new
   * value in its fields (amount in 元; period from/to yyyy-MM-dd; the partner's name; the new PI's
   * account name), with the justification.
   */
  public record ChangeForm(
      String kind,
      String amount,
      String periodFrom,
      String periodTo,
      String partnerName,
      String piUsername,
      String justification)
      implements Serializable {}

  /** The officer's decision: approve, or reject with a reason. */
  public record DecisionForm(boolean approve, String reason) implements Serializable {}

  /** A stored scan. */
  public record Scan(String fileName, String sha256, @JsonbTransient byte[] content) {}

  // ------------------------------------------------------------------------------------ scope

  /** The ledger's scope: officers and the Department's finance all; units theirs; PIs theirs. */
  Ledgers.Scope scope() {
    return ledgers.scope();
  }

  /** The project row as this service reads it. */
  private record P(
      long id,
      long applicationId,
      long callId,
      String acceptanceNo,
      String titleZh,
      String lineCode,
      long organisationId,
      String piUsername,
      String piName,
      String regionCode,
      Money requested,
      Money initialApproved,
      Money approved,
      LocalDate periodFrom,
      LocalDate periodTo,
      BigDecimal maxTransferPercent,
      Money plannedTransfer,
      Integer onsiteDays,
      ContractState state,
      Instant inForceAt,
      long version) {}

  private static final String PROJECT =
      "select p.id, p.application_id, p.call_id, p.acceptance_no, p.title_zh, p.line_code,"
          + " p.organisation_id, p.pi_username, p.pi_name, p.region_code, p.requested, p.approved,"
          + " coalesce((select a.amount from ct_ledger_entry a where a.project_id = p.id and"
          + " a.kind = 'APPROVED' order by a.id desc limit 1), p.approved), p.period_from,"
          + " p.period_to, p.max_transfer_percent, p.planned_transfer, p.onsite_days_per_year,"
          + " p.contract_state, p.in_force_at, p.version,"
          + " (select count(*) from ct_change_request c where c.project_id = p.id and c.state ="
          + " 'PENDING')"
          + " from ct_project p";

  private static P p(Object[] r) {
    return new P(
        id(r[0]),
        id(r[1]),
        id(r[2]),
        (String) r[3],
        (String) r[4],
        (String) r[5],
        id(r[6]),
        (String) r[7],
        (String) r[8],
        (String) r[9],
        money(r[10]),
        money(r[11]),
        money(r[12]),
        localDate(r[13]),
        localDate(r[14]),
        (BigDecimal) r[15],
        r[16] == null ? null : money(r[16]),
        r[17] == null ? null : ((Number) r[17]).intValue(),
        ContractState.valueOf((String) r[18]),
        instant(r[19]),
        id(r[20]));
  }

  /** The project if the caller may see it (404 otherwise), locked for the transaction if asked. */
  private P project(long projectId, Ledgers.Scope scope, boolean lock) {
    List<?> r =
        em.createNativeQuery(PROJECT + " where p.id = ?" + (lock ? " for update" : ""))
            .setParameter(1, projectId)
            .getResultList();
    if (r.isEmpty()) {
      throw new NotFoundException("no project " + projectId);
    }
    P p = p((Object[]) r.get(0));
    if (!visible(p, scope)) {
      throw new NotFoundException("no project " + projectId);
    }
    return p;
  }

  private static boolean visible(P p, Ledgers.Scope s) {
    return s.all()
        || (s.organisationId() != null && s.organisationId() == p.organisationId())
        || (s.piUsername() != null && s.piUsername().equals(p.piUsername()));
  }

  /** Whether the caller is the lead unit's administrator of the project. */
  private boolean leadUnit(P p, Ledgers.Scope s) {
    return caller.hasRole(Role.UNIT_ADMIN)
        && !s.all()
        && s.organisationId() != null
        && s.organisationId() == p.organisationId();
  }

  private void requireLeadUnit(P p, Ledgers.Scope s) {
    if (!leadUnit(p, s)) {
      throw new AccessDeniedException("only the lead unit's administrator may do this");
    }
  }

  // ------------------------------------------------------------------------------------ reads

  /** The contracts the caller sees, of one state (null or blank: all), by line and number. */
  public List<ContractRow> find(String state) {
    Ledgers.Scope scope = scope();
    StringBuilder sql = new StringBuilder(PROJECT).append(" where 1 = 1");
    List<Object> args = new ArrayList<>();
    scope.restrict(sql, args, "p.");
    if (state != null && !state.isBlank()) {
      try {
        args.add(ContractState.valueOf(state.trim()).name());
      } catch (IllegalArgumentException e) {
        return List.of();
      }
      sql.append(" and p.contract_state = ?");
    }
    sql.append(" order by p.line_code, p.acceptance_no, p.id");
    Query q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < args.size(); i++) {
      q.setParameter(i + 1, args.get(i));
    }
    Map<Long, String> units = new java.util.HashMap<>();
    List<ContractRow> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      P p = p(r);
      out.add(row(p, units, ((Number) r[21]).intValue()));
    }
    return out;
  }

  private ContractRow row(P p, Map<Long, String> units, int pending) {
    String unit =
        units.computeIfAbsent(
            p.organisationId(),
            o -> directory.organisation(o).map(x -> x.name()).orElse(String.valueOf(o)));
    return new ContractRow(
        p.id(),
        p.applicationId(),
        p.acceptanceNo(),
        p.titleZh(),
        p.lineCode(),
        p.organisationId(),
        unit,
        p.piName(),
        p.state().name(),
        p.approved(),
        p.periodFrom(),
        p.periodTo(),
        pending);
  }

  /**
   * The unit administrator's contracts waiting for them: DRAFT to review, UNIT_REVIEWED to upload.
   */
  @Override
  public Waiting waiting() {
    if (!caller.hasRole(Role.UNIT_ADMIN)) {
      return new Waiting(0, 0);
    }
    int review = 0;
    int upload = 0;
    for (ContractRow r : find(null)) {
      if (ContractState.DRAFT.name().equals(r.state())) {
        review++;
      } else if (ContractState.UNIT_REVIEWED.name().equals(r.state())) {
        upload++;
      }
    }
    return new Waiting(review, upload);
  }

  @Override
  public OfficerWaiting officerWaiting() {
    if (!caller.hasRole(Role.OFFICER)) {
      return new OfficerWaiting(0, 0, 0);
    }
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select (select count(*) from ct_project where contract_state ="
                        + " 'SIGNED_UPLOADED'), (select count(*) from ct_change_request where state"
                        + " = 'PENDING'), (select count(*) from ct_target_report where state ="
                        + " 'REPORTED')")
                .getSingleResult();
    return new OfficerWaiting(
        ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
  }

  /** One contract, if the caller may see it (404 otherwise). */
  public ContractView contract(long projectId) {
    Ledgers.Scope scope = scope();
    P p = project(projectId, scope, false);
    Optional<LineView> line = catalogue.line(p.callId(), p.lineCode());
    Object[] d = document(projectId);
    ApplicationForm form = form(p);
    boolean counterpart = counterpart(p, line);
    BigDecimal share = share(p, line);
    Money cap = counterpart ? ContractPdf.transferCap(p.approved(), share) : null;
    List<ChangeView> changes = changes(projectId);
    int pending = (int) changes.stream().filter(c -> "PENDING".equals(c.state())).count();
    boolean lead = leadUnit(p, scope);
    boolean officer = caller.hasRole(Role.OFFICER);
    return new ContractView(
        row(p, new java.util.HashMap<>(), pending),
        ContractPdf.DEPARTMENT,
        counterpart,
        counterpart ? partnerName(d, form) : null,
        counterpart ? regionName(p, line) : null,
        counterpart ? share : null,
        cap,
        counterpart ? plannedTransfer(p, form, cap) : null,
        counterpart ? ContractPdf.onsiteDays(onsite(p, form)) : null,
        tranches(p),
        d == null ? null : (String) d[2],
        d == null ? null : instant(d[0]),
        d == null ? null : (String) d[1],
        d == null ? null : (String) d[3],
        d == null ? null : (String) d[4],
        d == null || d[5] == null ? null : ((Number) d[5]).intValue(),
        d == null ? null : instant(d[6]),
        d == null ? null : (String) d[7],
        p.inForceAt(),
        d == null ? null : (String) d[9],
        d == null ? null : (String) d[12],
        d == null ? null : instant(d[10]),
        changes,
        lead && p.state() == ContractState.DRAFT,
        lead && p.state() == ContractState.UNIT_REVIEWED,
        officer && p.state() == ContractState.SIGNED_UPLOADED,
        lead && p.state() == ContractState.IN_FORCE,
        officer && pending > 0,
        p.version());
  }

  /** The contract as a PDF, for whoever may see the project. */
  public byte[] pdf(long projectId) {
    Ledgers.Scope scope = scope();
    P p = project(projectId, scope, false);
    return ContractPdf.render(input(p));
  }

  /** The file name of the contract's PDF: 任务书-<acceptance no>.pdf. */
  public static String pdfName(String acceptanceNo) {
    return "任务书-" + (acceptanceNo == null ? "" : acceptanceNo) + ".pdf";
  }

  /** The uploaded scan, for whoever may see the project (404 when none). */
  public Scan scan(long projectId) {
    project(projectId, scope(), false);
    List<?> r =
        em.createNativeQuery(
                "select scan_name, scan_sha256, scan from ct_contract_document where project_id = ?"
                    + " and scan is not null")
            .setParameter(1, projectId)
            .getResultList();
    if (r.isEmpty()) {
      throw new NotFoundException("no scan of project " + projectId);
    }
    Object[] s = (Object[]) r.get(0);
    return new Scan((String) s[0], (String) s[1], (byte[]) s[2]);
  }

  // ------------------------------------------------------------------------------------ moves

  /** The lead unit reviews the draft (DRAFT → UNIT_REVIEWED), with an optional remark. */
  @Transactional
  public ContractView review(long projectId, ReviewForm f) {
    caller.require(Role.UNIT_ADMIN);
    Ledgers.Scope scope = scope();
    P p = project(projectId, scope, true);
    requireLeadUnit(p, scope);
    List<RuleViolation> v = new ArrayList<>(p.state().checkMove(ContractState.UNIT_REVIEWED));
    String remark = optional(f == null ? null : f.remark(), "reviewRemark", v);
    RuleViolationException.throwIfErrors(v);
    Instant now = clock.instant();
    ensureDocument(projectId, now);
    em.createNativeQuery(
            "update ct_contract_document set reviewed_at = ?, reviewed_by = ?, review_remark = ?,"
                + " updated_at = ? where project_id = ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, caller.name())
        .setParameter(3, remark)
        .setParameter(4, Timestamp.from(now))
        .setParameter(5, projectId)
        .executeUpdate();
    move(p, ContractState.UNIT_REVIEWED, Role.UNIT_ADMIN, "review", remark);
    return contract(projectId);
  }

  /**
   * The lead unit uploads the signed and stamped scan (UNIT_REVIEWED → SIGNED_UPLOADED): a PDF by
   * its content, stored with its SHA-256.
   */
  @Transactional
  public ContractView upload(long projectId, String fileName, byte[] content) {
    caller.require(Role.UNIT_ADMIN);
    Ledgers.Scope scope = scope();
    P p = project(projectId, scope, true);
    requireLeadUnit(p, scope);
    RuleViolationException.throwIfErrors(p.state().checkMove(ContractState.SIGNED_UPLOADED));
    String name = fileName == null || fileName.isBlank() ? "scan.pdf" : fileName.trim();
    PdfContentCheck.Result check = checkScan(name, content, "scan");
    Instant now = clock.instant();
    ensureDocument(projectId, now);
    em.createNativeQuery(
            "update ct_contract_document set scan_name = ?, scan_sha256 = ?, scan_pages = ?,"
                + " scan_size = ?, scan = ?, uploaded_at = ?, uploaded_by = ?, updated_at = ?"
                + " where project_id = ?")
        .setParameter(1, name)
        .setParameter(2, check.sha256Hex())
        .setParameter(3, check.pages())
        .setParameter(4, (long) content.length)
        .setParameter(5, content)
        .setParameter(6, Timestamp.from(now))
        .setParameter(7, caller.name())
        .setParameter(8, Timestamp.from(now))
        .setParameter(9, projectId)
        .executeUpdate();
    move(
        p,
        ContractState.SIGNED_UPLOADED,
        Role.UNIT_ADMIN,
        "upload",
        name + " " + check.sha256Hex());
    return contract(projectId);
  }

  /**
   * A scan (the signed contract, a voucher) checked by its name and content: F-FILE beside {@code
   * field} when it is not a clean PDF within {@link #MAX_SCAN_BYTES}; else the check's result.
   */
  static PdfContentCheck.Result checkScan(String name, byte[] content, String field) {
    if (name.length() > 200 || name.matches(".*[/\\\\\\p{Cntrl}].*")) {
      throw new RuleViolationException(
          RuleViolation.error("F-FILE", field, "contract.document.badName"));
    }
    PdfContentCheck.Result check =
        PdfContentCheck.check(content == null ? new byte[0] : content, name, MAX_SCAN_BYTES);
    if (!check.accepted()) {
      throw new RuleViolationException(
          RuleViolation.error(
              "F-FILE", field, scanProblemKey(check.problem()), check.args().toArray()));
    }
    return check;
  }

  /**
   * The message of a refused scan, one key per problem (each named, so the bundle test sees it).
   */
  static String scanProblemKey(PdfContentCheck.Problem problem) {
    return switch (problem) {
      case EMPTY -> "contract.document.scan.empty";
      case TOO_LARGE -> "contract.document.scan.tooLarge";
      case NOT_PDF_WINDOWS_EXECUTABLE -> "contract.document.scan.notPdf.windowsExecutable";
      case NOT_PDF_EXECUTABLE -> "contract.document.scan.notPdf.executable";
      case NOT_PDF_SCRIPT -> "contract.document.scan.notPdf.script";
      case NOT_PDF_ARCHIVE -> "contract.document.scan.notPdf.archive";
      case NOT_PDF_OFFICE -> "contract.document.scan.notPdf.office";
      case NOT_PDF_IMAGE -> "contract.document.scan.notPdf.image";
      case NOT_PDF_TEXT -> "contract.document.scan.notPdf.text";
      case NOT_PDF -> "contract.document.scan.notPdf";
      case BROKEN -> "contract.document.scan.broken";
      case ENCRYPTED -> "contract.document.scan.encrypted";
      case JAVASCRIPT -> "contract.document.scan.javascript";
      case LAUNCH -> "contract.document.scan.launch";
      case EMBEDDED_FILE -> "contract.document.scan.embeddedFile";
    };
  }

  /** The officer countersigns (SIGNED_UPLOADED → IN_FORCE): the contract is in force from now. */
  @Transactional
  public ContractView countersign(long projectId) {
    caller.require(Role.OFFICER);
    P p = project(projectId, scope(), true);
    RuleViolationException.throwIfErrors(p.state().checkMove(ContractState.IN_FORCE));
    Instant now = clock.instant();
    ensureDocument(projectId, now);
    em.createNativeQuery(
            "update ct_contract_document set countersigned_at = ?, countersigned_by = ?,"
                + " updated_at = ? where project_id = ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, caller.name())
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, projectId)
        .executeUpdate();
    em.createNativeQuery("update ct_project set in_force_at = ? where id = ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, projectId)
        .executeUpdate();
    move(p, ContractState.IN_FORCE, Role.OFFICER, "countersign", null);
    return contract(projectId);
  }

  /**
   * The officer returns the scan to the lead unit (SIGNED_UPLOADED → UNIT_REVIEWED) with a reason.
   */
  @Transactional
  public ContractView returnScan(long projectId, ReturnForm f) {
    caller.require(Role.OFFICER);
    P p = project(projectId, scope(), true);
    List<RuleViolation> v = new ArrayList<>(p.state().checkMove(ContractState.UNIT_REVIEWED));
    String reason = required(f == null ? null : f.reason(), "returnReason", v);
    RuleViolationException.throwIfErrors(v);
    Instant now = clock.instant();
    ensureDocument(projectId, now);
    em.createNativeQuery(
            "update ct_contract_document set returned_at = ?, returned_by = ?, return_reason = ?,"
                + " updated_at = ? where project_id = ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, caller.name())
        .setParameter(3, reason)
        .setParameter(4, Timestamp.from(now))
        .setParameter(5, projectId)
        .executeUpdate();
    move(p, ContractState.UNIT_REVIEWED, Role.OFFICER, "return", reason);
    return contract(projectId);
  }

  private void move(P p, ContractState to, Role role, String action, String reason) {
    em.createNativeQuery(
            "update ct_project set contract_state = ?, version = version + 1 where id = ?")
        .setParameter(1, to.name())
        .setParameter(2, p.id())
        .executeUpdate();
    audit.record(
        new AuditEntry(
            caller.name(),
            role,
            ENTITY,
            "project/" + p.id(),
            action,
            p.state().name(),
            to.name(),
            reason));
  }

  private void ensureDocument(long projectId, Instant now) {
    em.createNativeQuery(
            "insert ignore into ct_contract_document (project_id, updated_at) values (?, ?)")
        .setParameter(1, projectId)
        .setParameter(2, Timestamp.from(now))
        .executeUpdate();
  }

  // ------------------------------------------------------------------------------------ changes

  /** The lead unit asks to change a contract in force; the old value is the one in force now. */
  @Transactional
  public ChangeView requestChange(long projectId, ChangeForm f) {
    caller.require(Role.UNIT_ADMIN);
    Ledgers.Scope scope = scope();
    P p = project(projectId, scope, true);
    requireLeadUnit(p, scope);
    if (p.state() != ContractState.IN_FORCE) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "contract.document.changeNotInForce"));
    }
    Optional<LineView> line = catalogue.line(p.callId(), p.lineCode());
    ContractTerms terms = terms(p, line);
    List<RuleViolation> v = new ArrayList<>();
    ChangeRequest.Change change = change(p, line, terms, f, v);
    RuleViolationException.throwIfErrors(v);
    long n =
        ((Number)
                    em.createNativeQuery(
                            "select count(*) from ct_change_request where project_id = ?")
                        .setParameter(1, projectId)
                        .getSingleResult())
                .longValue()
            + 1;
    String number = "CR-" + projectId + "-" + n;
    Instant now = clock.instant();
    ChangeRequest cr =
        ChangeRequest.request(
                number, terms, change, f == null ? null : f.justification(), caller.name(), now)
            .orThrow();
    em.createNativeQuery(
            "insert into ct_change_request (project_id, number, kind, old_value, old_ref,"
                + " new_value, new_ref, justification, state, requested_at, requested_by) values"
                + " (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
        .setParameter(1, projectId)
        .setParameter(2, number)
        .setParameter(3, cr.kind().name())
        .setParameter(4, value(cr.change().from()))
        .setParameter(5, ref(cr.change().from()))
        .setParameter(6, value(cr.change().to()))
        .setParameter(7, ref(cr.change().to()))
        .setParameter(8, cr.justification())
        .setParameter(9, Timestamp.from(now))
        .setParameter(10, caller.name())
        .executeUpdate();
    em.createNativeQuery("update ct_project set version = version + 1 where id = ?")
        .setParameter(1, projectId)
        .executeUpdate();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.UNIT_ADMIN,
            ENTITY,
            "project/" + projectId,
            "change-request",
            value(cr.change().from()),
            value(cr.change().to()),
            number + " " + cr.kind() + ": " + cr.justification()));
    return changes(projectId).stream()
        .filter(c -> c.number().equals(number))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The officer decides a pending change request. Approved, it is applied in the same transaction:
   * an amount through the ledger (C-DISBURSE, G5) after G6, a period only if the money recorded
   * stays within it (C-PERIOD), a partner or PI in the terms. Refused, nothing is saved.
   */
  @Transactional
  public ChangeView decide(long projectId, long requestId, DecisionForm f) {
    caller.require(Role.OFFICER);
    P p = project(projectId, scope(), true);
    List<?> rows =
        em.createNativeQuery(
                "select number, kind, old_value, old_ref, new_value, new_ref, justification, state,"
                    + " requested_by, requested_at from ct_change_request where id = ? and"
                    + " project_id = ? for update")
            .setParameter(1, requestId)
            .setParameter(2, projectId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("no change request " + requestId + " of " + projectId);
    }
    Object[] r = (Object[]) rows.get(0);
    ChangeRequest.Kind kind = ChangeRequest.Kind.valueOf((String) r[1]);
    ChangeRequest stored =
        new ChangeRequest(
            (String) r[0],
            stored(kind, (String) r[2], (String) r[3], (String) r[4], (String) r[5]),
            (String) r[6],
            (String) r[8],
            instant(r[9]),
            ChangeRequest.State.valueOf((String) r[7]),
            null,
            null,
            null);
    Instant now = clock.instant();
    String number = stored.number();
    boolean approve = f != null && f.approve();
    if (!approve) {
      ChangeRequest rejected =
          stored.reject(caller.name(), now, f == null ? null : f.reason()).orThrow();
      decided(requestId, rejected);
      audit.record(
          new AuditEntry(
              caller.name(),
              Role.OFFICER,
              ENTITY,
              "project/" + projectId,
              "change-reject",
              "PENDING",
              "REJECTED",
              number + ": " + rejected.rejectionReason()));
      return changes(projectId).stream().filter(c -> c.id() == requestId).findFirst().orElseThrow();
    }
    ChangeRequest approved = stored.approve(caller.name(), now).orThrow();
    Optional<LineView> line = catalogue.line(p.callId(), p.lineCode());
    ContractTerms terms = terms(p, line);
    // F-STALE: the old value must still be the one in force
    TermsHistory.of(terms).apply(approved).orThrow();
    decided(requestId, approved);
    switch (kind) {
      case AMOUNT -> {
        Money to = ((ChangeRequest.AmountChange) approved.change()).to();
        List<RuleViolation> g6 = capCheck(to.amount(), line);
        RuleViolationException.throwIfErrors(g6);
        // the ledger's owner checks C-DISBURSE and G5 under the same row lock
        ledgers.changeApproved(projectId, to.amount(), number);
      }
      case PERIOD -> {
        Period to = ((ChangeRequest.PeriodChange) approved.change()).to();
        RuleViolationException.throwIfErrors(
            ChangeRequest.checkDuration(to, line.map(LineView::maxDurationMonths).orElse(null)));
        Outcome<Ledger> l = ledger(p);
        Outcome<Ledger> changed = l.isOk() ? l.value().changePeriod(to) : l;
        if (!changed.isOk()) {
          throw new RuleViolationException(changed.violations());
        }
        em.createNativeQuery("update ct_project set period_from = ?, period_to = ? where id = ?")
            .setParameter(1, java.sql.Date.valueOf(to.from()))
            .setParameter(2, java.sql.Date.valueOf(to.to()))
            .setParameter(3, projectId)
            .executeUpdate();
      }
      case PARTNER -> {
        ContractTerms.Party to = ((ChangeRequest.PartnerChange) approved.change()).to();
        ensureDocument(projectId, now);
        em.createNativeQuery(
                "update ct_contract_document set partner_ref = ?, partner_name = ?, updated_at = ?"
                    + " where project_id = ?")
            .setParameter(1, to.ref())
            .setParameter(2, to.name())
            .setParameter(3, Timestamp.from(now))
            .setParameter(4, projectId)
            .executeUpdate();
      }
      case PI -> {
        ContractTerms.Party to = ((ChangeRequest.PiChange) approved.change()).to();
        em.createNativeQuery("update ct_project set pi_username = ?, pi_name = ? where id = ?")
            .setParameter(1, to.ref())
            .setParameter(2, to.name())
            .setParameter(3, projectId)
            .executeUpdate();
      }
    }
    em.createNativeQuery("update ct_project set version = version + 1 where id = ?")
        .setParameter(1, projectId)
        .executeUpdate();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            "project/" + projectId,
            "change-approve",
            value(approved.change().from()),
            value(approved.change().to()),
            number + " " + kind));
    return changes(projectId).stream().filter(c -> c.id() == requestId).findFirst().orElseThrow();
  }

  private void decided(long requestId, ChangeRequest c) {
    em.createNativeQuery(
            "update ct_change_request set state = ?, decided_at = ?, decided_by = ?,"
                + " rejection_reason = ? where id = ?")
        .setParameter(1, c.state().name())
        .setParameter(2, Timestamp.from(c.decidedAt()))
        .setParameter(3, c.decidedBy())
        .setParameter(4, c.rejectionReason())
        .setParameter(5, requestId)
        .executeUpdate();
  }

  /** The change the form asks for, against the terms in force; violations added to {@code v}. */
  private ChangeRequest.Change change(
      P p, Optional<LineView> line, ContractTerms terms, ChangeForm f, List<RuleViolation> v) {
    ChangeRequest.Kind kind;
    try {
      kind = ChangeRequest.Kind.valueOf(f == null || f.kind() == null ? "" : f.kind().trim());
    } catch (IllegalArgumentException e) {
      v.add(RuleViolation.error("F-REQ", "kind", "contract.rule.required"));
      return null;
    }
    switch (kind) {
      case AMOUNT -> {
        BigDecimal amount = Ledgers.amount(f.amount(), "approved", v);
        if (amount == null && v.isEmpty()) {
          v.add(RuleViolation.error("F-REQ", "approved", "contract.rule.required"));
        }
        if (amount == null) {
          return null;
        }
        List<RuleViolation> g6 = capCheck(amount, line);
        v.addAll(g6);
        return g6.isEmpty()
            ? new ChangeRequest.AmountChange(terms.approved(), Money.of(amount))
            : null;
      }
      case PERIOD -> {
        LocalDate from = Ledgers.date(f.periodFrom(), "periodFrom", v);
        LocalDate to = Ledgers.date(f.periodTo(), "periodTo", v);
        if (from == null && blank(f.periodFrom())) {
          v.add(RuleViolation.error("F-REQ", "periodFrom", "contract.rule.required"));
        }
        if (to == null && blank(f.periodTo())) {
          v.add(RuleViolation.error("F-REQ", "periodTo", "contract.rule.required"));
        }
        if (from == null || to == null) {
          return null;
        }
        if (to.isBefore(from)) {
          v.add(RuleViolation.error("F-DATE", "periodTo", "contract.document.periodOrder"));
          return null;
        }
        Period period = new Period(from, to);
        v.addAll(
            ChangeRequest.checkDuration(
                period, line.map(LineView::maxDurationMonths).orElse(null)));
        return new ChangeRequest.PeriodChange(terms.period(), period);
      }
      case PARTNER -> {
        if (!counterpart(p, line)) {
          v.add(RuleViolation.error("G5", "partnerName", "contract.document.noPartner"));
          return null;
        }
        String name = required(f.partnerName(), "partnerName", v);
        if (name != null && name.length() > 200) {
          v.add(RuleViolation.error("F-LEN", "partnerName", "contract.rule.length", 200));
          return null;
        }
        return name == null
            ? null
            : new ChangeRequest.PartnerChange(terms.partner(), new ContractTerms.Party(name, name));
      }
      case PI -> {
        String username = required(f.piUsername(), "piUsername", v);
        if (username == null) {
          return null;
        }
        AccountView a = directory.account(username).orElse(null);
        if (a == null
            || a.organisationId() == null
            || a.organisationId() != p.organisationId()
            || !a.roles().contains(Role.APPLICANT.name())) {
          v.add(
              RuleViolation.error("F-USER", "piUsername", "contract.document.piUnknown", username));
          return null;
        }
        String name = a.personName() == null ? username : a.personName();
        return new ChangeRequest.PiChange(terms.pi(), new ContractTerms.Party(username, name));
      }
      default -> {
        return null;
      }
    }
  }

  /** G6: the new approved subsidy within the line's cap (and F-MONEY, A-POSITIVE). */
  private static List<RuleViolation> capCheck(BigDecimal amount, Optional<LineView> line) {
    if (line.isEmpty()) {
      return Approval.checkAmount(
          amount,
          Money.of(new BigDecimal("999999999999.99")),
          Money.of(new BigDecimal("999999999999.99")),
          "approved");
    }
    Money cap = line.get().cap();
    // a change may go above what was requested; only the cap binds it
    return Approval.checkAmount(amount, cap, cap, "approved").stream()
        .filter(x -> !"A-REQUESTED".equals(x.ruleId()))
        .toList();
  }

  /** The ledger of the project replayed from its entries (read under the caller's row lock). */
  private Outcome<Ledger> ledger(P p) {
    List<Ledger.Entry> entries = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select kind, entry_date, amount, approved_from, voucher_no, recipient, reference"
                    + " from ct_ledger_entry where project_id = ? order by id")
            .setParameter(1, p.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      LocalDate d = localDate(r[1]);
      switch ((String) r[0]) {
        case "DISBURSEMENT" -> entries.add(new Ledger.Disbursement(d, money(r[2]), (String) r[4]));
        case "TRANSFER" ->
            entries.add(new Ledger.Transfer(d, money(r[2]), (String) r[5], (String) r[4]));
        default ->
            entries.add(new Ledger.ApprovedChange(d, money(r[3]), money(r[2]), (String) r[6]));
      }
    }
    return Ledger.replay(
        new Period(p.periodFrom(), p.periodTo()),
        p.initialApproved(),
        p.maxTransferPercent(),
        entries);
  }

  /** The terms in force: approved, period, partner (B lines), PI. */
  private ContractTerms terms(P p, Optional<LineView> line) {
    ContractTerms.Party partner = null;
    if (counterpart(p, line)) {
      Object[] d = document(p.id());
      String name = partnerName(d, form(p));
      if (name != null) {
        String ref = d != null && d[13] != null ? (String) d[13] : name;
        partner = new ContractTerms.Party(ref, name);
      }
    }
    return new ContractTerms(
        p.approved(),
        new Period(p.periodFrom(), p.periodTo()),
        partner,
        new ContractTerms.Party(p.piUsername(), p.piName()));
  }

  private static ChangeRequest.Change stored(
      ChangeRequest.Kind kind, String oldValue, String oldRef, String newValue, String newRef) {
    return switch (kind) {
      case AMOUNT -> new ChangeRequest.AmountChange(Money.of(oldValue), Money.of(newValue));
      case PERIOD -> new ChangeRequest.PeriodChange(period(oldValue), period(newValue));
      case PARTNER ->
          new ChangeRequest.PartnerChange(
              oldValue == null ? null : new ContractTerms.Party(oldRef, oldValue),
              new ContractTerms.Party(newRef, newValue));
      case PI ->
          new ChangeRequest.PiChange(
              new ContractTerms.Party(oldRef, oldValue), new ContractTerms.Party(newRef, newValue));
    };
  }

  private static Period period(String s) {
    String[] x = s.split("/");
    return Period.of(x[0], x[1]);
  }

  /** A value as stored: an amount, a period "from/to", a party's name. */
  static String value(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Money m) {
      return m.amount().toPlainString();
    }
    if (o instanceof Period p) {
      return p.from() + "/" + p.to();
    }
    return ((ContractTerms.Party) o).name();
  }

  private static String ref(Object o) {
    return o instanceof ContractTerms.Party p ? p.ref() : null;
  }

  /** A value as people read it: an amount in 元 and 万元, a period from – to, a name. */
  static String shown(String kind, String value) {
    if (value == null) {
      return "";
    }
    try {
      return switch (kind) {
        case "AMOUNT" -> Money.of(value).display(Messages.CHINESE);
        case "PERIOD" -> value.replace("/", " 至 ");
        default -> value;
      };
    } catch (RuntimeException e) {
      return value;
    }
  }

  private List<ChangeView> changes(long projectId) {
    List<ChangeView> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, number, kind, old_value, new_value, justification, state,"
                    + " requested_at, requested_by, decided_at, decided_by, rejection_reason from"
                    + " ct_change_request where project_id = ? order by id")
            .setParameter(1, projectId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      String kind = (String) r[2];
      out.add(
          new ChangeView(
              id(r[0]),
              (String) r[1],
              kind,
              shown(kind, (String) r[3]),
              shown(kind, (String) r[4]),
              (String) r[5],
              (String) r[6],
              instant(r[7]),
              (String) r[8],
              instant(r[9]),
              (String) r[10],
              (String) r[11]));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ the PDF

  private ContractPdf.Input input(P p) {
    Optional<LineView> line = catalogue.line(p.callId(), p.lineCode());
    Object[] d = document(p.id());
    ApplicationForm form = form(p);
    boolean counterpart = counterpart(p, line);
    BigDecimal share = share(p, line);
    Money cap = counterpart ? ContractPdf.transferCap(p.approved(), share) : null;
    List<ContractPdf.Tranche> tranches = new ArrayList<>();
    for (TrancheLine t : tranches(p)) {
      tranches.add(
          new ContractPdf.Tranche(
              t.number(),
              t.percent(),
              Messages.get(Messages.CHINESE, triggerKey(t.trigger()))
                  + (t.dueOn() == null ? "" : " " + t.dueOn()),
              t.amount()));
    }
    String unit = directory.organisation(p.organisationId()).map(x -> x.name()).orElse("");
    return new ContractPdf.Input(
        p.acceptanceNo(),
        p.titleZh(),
        line.map(l -> l.code() + " " + l.name().zh()).orElse(p.lineCode()),
        unit,
        p.piName(),
        counterpart,
        counterpart ? partnerName(d, form) : null,
        counterpart ? regionName(p, line) : null,
        p.periodFrom(),
        p.periodTo(),
        p.requested(),
        p.approved(),
        tranches,
        share,
        counterpart ? plannedTransfer(p, form, cap) : null,
        counterpart ? onsite(p, form) : null,
        targets(form, line),
        form == null ? null : form.textIndicators(),
        form == null ? null : form.textOutcomes(),
        budget(form),
        Messages.get(Messages.CHINESE, stateKey(p.state())));
  }

  private static String triggerKey(String trigger) {
    return switch (TrancheSchedule.Trigger.valueOf(trigger)) {
      case SIGNING -> "contract.trigger.SIGNING";
      case MIDTERM -> "contract.trigger.MIDTERM";
      case FINAL -> "contract.trigger.FINAL";
      case DATE -> "contract.trigger.DATE";
    };
  }

  private static String stateKey(ContractState state) {
    return switch (state) {
      case DRAFT -> "contract.contractState.DRAFT";
      case UNIT_REVIEWED -> "contract.contractState.UNIT_REVIEWED";
      case SIGNED_UPLOADED -> "contract.contractState.SIGNED_UPLOADED";
      case IN_FORCE -> "contract.contractState.IN_FORCE";
    };
  }

  private List<TrancheLine> tranches(P p) {
    List<TrancheSchedule.Tranche> list = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select number, percent, trigger_kind, due_on from ct_tranche where project_id = ?"
                    + " order by number")
            .setParameter(1, p.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(r);
      list.add(
          new TrancheSchedule.Tranche(
              (BigDecimal) r[1], TrancheSchedule.Trigger.valueOf((String) r[2]), localDate(r[3])));
    }
    if (list.isEmpty()) {
      return List.of();
    }
    Outcome<TrancheSchedule> o = TrancheSchedule.of(list);
    if (!o.isOk()) {
      return List.of();
    }
    List<TrancheLine> out = new ArrayList<>();
    for (TrancheSchedule.Due due : o.value().amounts(p.approved())) {
      out.add(
          new TrancheLine(
              due.number(),
              due.tranche().percent(),
              due.tranche().trigger().name(),
              due.tranche().dueOn(),
              due.amount()));
    }
    return out;
  }

  /** The approved application's form, or null when it cannot be read (the contract shows less). */
  private ApplicationForm form(P p) {
    // rows() leaves out a missing id where read() would throw (and spoil the transaction)
    if (applications.rows(List.of(p.applicationId())).isEmpty()) {
      return null;
    }
    ApplicationView a = applications.read(p.applicationId());
    return a == null ? null : a.form();
  }

  private static boolean counterpart(P p, Optional<LineView> line) {
    return line.map(l -> l.category() == Category.COUNTERPART).orElse(false)
        || p.maxTransferPercent() != null;
  }

  private static BigDecimal share(P p, Optional<LineView> line) {
    if (p.maxTransferPercent() != null) {
      return p.maxTransferPercent();
    }
    return line.map(LineView::maxTransferPercent).orElse(null);
  }

  /** The planned transfer: as the project holds it, else as applied for; never above the cap. */
  private static Money plannedTransfer(P p, ApplicationForm form, Money cap) {
    Money planned = p.plannedTransfer();
    if (planned == null && form != null && !blank(form.transferAmount())) {
      try {
        planned = Money.of(form.transferAmount().trim());
      } catch (IllegalArgumentException e) {
        planned = null;
      }
    }
    if (planned != null && cap != null && planned.isGreaterThan(cap)) {
      return cap;
    }
    return planned;
  }

  private static Integer onsite(P p, ApplicationForm form) {
    if (p.onsiteDays() != null) {
      return p.onsiteDays();
    }
    return form == null ? null : form.onsiteDays();
  }

  private static String partnerName(Object[] d, ApplicationForm form) {
    if (d != null && d[14] != null) {
      return (String) d[14];
    }
    return form == null || blank(form.partnerName()) ? null : form.partnerName();
  }

  private static String regionName(P p, Optional<LineView> line) {
    if (p.regionCode() == null) {
      return null;
    }
    return line.flatMap(
            l -> l.regions().stream().filter(r -> r.code().equals(p.regionCode())).findFirst())
        .map(r -> r.name().zh())
        .orElse(p.regionCode());
  }

  private static List<ContractPdf.Target> targets(ApplicationForm form, Optional<LineView> line) {
    if (form == null || form.targets() == null) {
      return List.of();
    }
    Optional<TopicView> topic =
        line.flatMap(
            l -> l.topics().stream().filter(t -> t.code().equals(form.topicCode())).findFirst());
    List<ContractPdf.Target> out = new ArrayList<>();
    form.targets()
        .forEach(
            (code, value) -> {
              Optional<TargetView> t = topic.flatMap(x -> x.target(code));
              String unit = t.map(x -> x.unit() == null ? "" : " " + x.unit().zh()).orElse("");
              out.add(
                  new ContractPdf.Target(
                      t.map(x -> x.label().zh()).orElse(code),
                      t.map(x -> "不少于 " + x.minimum() + unit).orElse(""),
                      (value == null ? "" : value) + unit));
            });
    return out;
  }

  private static List<ContractPdf.BudgetLine> budget(ApplicationForm form) {
    if (form == null) {
      return List.of();
    }
    List<ContractPdf.BudgetLine> out = new ArrayList<>();
    out.add(new ContractPdf.BudgetLine("申请财政补助经费", form.subsidy()));
    out.add(new ContractPdf.BudgetLine("自筹经费", form.selfFunds()));
    Map<String, String> b = form.budget() == null ? Map.of() : form.budget();
    Set<String> order = new LinkedHashSet<>(io.hezuo.submission.api.Budget.ORDER);
    order.addAll(b.keySet());
    for (String c : order) {
      if (b.containsKey(c)) {
        String key = "submission.budget." + c;
        out.add(
            new ContractPdf.BudgetLine(
                Messages.exists(key) ? Messages.get(Messages.CHINESE, key) : c, b.get(c)));
      }
    }
    return out;
  }

  /**
   * The document row: reviewed_at, reviewed_by, review_remark, scan_name, scan_sha256, scan_pages,
   * uploaded_at, uploaded_by, countersigned_at, countersigned_by, returned_at, returned_by,
   * return_reason, partner_ref, partner_name; null when nothing happened yet.
   */
  private Object[] document(long projectId) {
    List<?> r =
        em.createNativeQuery(
                "select reviewed_at, reviewed_by, review_remark, scan_name, scan_sha256,"
                    + " scan_pages, uploaded_at, uploaded_by, countersigned_at, countersigned_by,"
                    + " returned_at, returned_by, return_reason, partner_ref, partner_name from"
                    + " ct_contract_document where project_id = ?")
            .setParameter(1, projectId)
            .getResultList();
    return r.isEmpty() ? null : (Object[]) r.get(0);
  }

  // ------------------------------------------------------------------------------------ helpers

  private static String required(String text, String field, List<RuleViolation> v) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", field, "contract.rule.required"));
      return null;
    }
    if (t.length() > MAX_TEXT) {
      v.add(RuleViolation.error("F-LEN", field, "contract.rule.length", MAX_TEXT));
      return null;
    }
    return t;
  }

  private static String optional(String text, String field, List<RuleViolation> v) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (t.length() > MAX_TEXT) {
      v.add(RuleViolation.error("F-LEN", field, "contract.rule.length", MAX_TEXT));
      return null;
    }
    return t;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
