package io.hezuo.contract.service;

import static io.hezuo.contract.service.Columns.instant;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.Category;
import io.hezuo.call.api.LineView;
import io.hezuo.contract.domain.Approval;
import io.hezuo.contract.domain.ApprovalListState;
import io.hezuo.contract.domain.TrancheSchedule;
import io.hezuo.directory.api.NoticeMail;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.message.Inbox;
import io.hezuo.kernel.message.MessageDraft;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.rule.StaleEditException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.scoring.api.ScoringResults;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The officer's approval (立项) per line of the current call: the line's ranked FORMAL_PASSED
 * applications (expert scoring's ranking), the line's budget, the selection with the approved
 * subsidy of each ({@link Approval}: ≤ requested, ≤ the line's cap, the total ≤ the budget), the
 * public notice (公示, 5–15 days, 5 by default), its withdrawal (with a reason) and, after the notice
 * period (A-NOTICE, on the server's clock), the final list: in one transaction each selected
 * application APPROVED and every other FORMAL_PASSED application of the line NOT_APPROVED, an
 * approved project ({@code ct_project}) with its default tranche plan per approved application, and
 * every applicant told (inbox and e-mail). Officers only; every step audited.
 */
@ApplicationScoped
public class Approvals implements io.hezuo.contract.api.ApprovalProgress {

  /** The audit's and the messages' entity type of a line's list. */
  public static final String ENTITY = "ApprovalList";

  /** The notice period in days: by default and its bounds. */
  public static final int NOTICE_DEFAULT = 5;

  public static final int NOTICE_MIN = 5;
  public static final int NOTICE_MAX = 15;

  /** Where an applicant reads their application. */
  static final String APPLICATION_LINK = "/app/submission/view.xhtml?id=";

  @PersistenceContext(unitName = "contract")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ScoringResults results;
  @Inject ApplicationLifecycle applications;
  @Inject AuditLog audit;
  @Inject Inbox inbox;
  @Inject NoticeMail mail;
  @Inject Clock clock;

  /** An application of the line's ranking, selected or not. */
  public record Candidate(
      long applicationId,
      Integer place,
      boolean tied,
      BigDecimal panelScore,
      int fundVotes,
      boolean complete,
      String acceptanceNo,
      String titleZh,
      String applyingUnit,
      String piName,
      @JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class) Money requested,
      boolean selected,
      @JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class) Money approved)
      implements Serializable {}

  /** A line's approval as the officer works on it. */
  public record LineApproval(
      long callId,
      String lineCode,
      String lineNameZh,
      String lineNameEn,
      @JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class) Money cap,
      String state,
      @JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class) Money budget,
      @JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class) Money selectedTotal,
      @JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class) Money remaining,
      int selectedCount,
      boolean rankingComplete,
      Instant noticeStartsAt,
      Instant noticeEndsAt,
      Instant publishedAt,
      String publishedBy,
      Instant finalisedAt,
      String finalisedBy,
      long version,
      List<Candidate> candidates)
      implements Serializable {

    public boolean editable() {
      return ApprovalListState.valueOf(state).editable();
    }

    /** The selected candidates, in ranking order. */
    public List<Candidate> selection() {
      return candidates.stream().filter(Candidate::selected).toList();
    }
  }

  /** One line in the overview: its state and what is selected. */
  public record LineSummary(
      String lineCode,
      String lineNameZh,
      String lineNameEn,
      String state,
      @JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class) Money budget,
      int selectedCount,
      @JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class) Money selectedTotal)
      implements Serializable {}

  /** The stored list of a line (null fields when it has none yet). */
  record Stored(
      Long id,
      BigDecimal budget,
      ApprovalListState state,
      Instant noticeStartsAt,
      Instant noticeEndsAt,
      Instant publishedAt,
      String publishedBy,
      Instant finalisedAt,
      String finalisedBy,
      long version) {}

  // ------------------------------------------------------------------------------ reading

  /** The lines of the current call with their lists' states. */
  public List<LineSummary> lines() {
    caller.require(Role.OFFICER);
    CallView call = call();
    Map<String, Object[]> lists = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select l.line_code, l.state, l.budget, count(i.id), coalesce(sum(i.approved), 0)"
                    + " from ct_approval_list l left join ct_approval_item i on i.list_id = l.id"
                    + " where l.call_id = ? group by l.id, l.line_code, l.state, l.budget")
            .setParameter(1, call.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      lists.put((String) r[0], r);
    }
    List<LineSummary> out = new ArrayList<>();
    for (LineView l : call.lines()) {
      Object[] r = lists.get(l.code());
      out.add(
          new LineSummary(
              l.code(),
              l.name().zh(),
              l.name().en(),
              r == null ? ApprovalListState.SELECTED.name() : (String) r[1],
              r == null || r[2] == null ? null : Money.of((BigDecimal) r[2]),
              r == null ? 0 : ((Number) r[3]).intValue(),
              r == null ? Money.ZERO : Money.of(((BigDecimal) r[4]).setScale(2))));
    }
    return out;
  }

  /**
   * A line's approval: the ranking of its FORMAL_PASSED applications, the budget, the selection.
   */
  public LineApproval line(String lineCode) {
    caller.require(Role.OFFICER);
    CallView call = call();
    return view(call, line(call, lineCode), stored(call.id(), lineCode, false));
  }

  /**
   * How many lines of the current call have a complete ranking (every expert's sheet submitted) but
   * no final list: the officer's pending approvals (two queries).
   */
  @Override
  public long pendingLines() {
    caller.require(Role.OFFICER);
    CallView call = calls.current().orElse(null);
    if (call == null) {
      return 0;
    }
    java.util.Set<String> complete = new java.util.HashSet<>(results.completeLines(call.id()));
    for (Object o :
        em.createNativeQuery(
                "select line_code from ct_approval_list where call_id = ? and state = 'FINAL'")
            .setParameter(1, call.id())
            .getResultList()) {
      complete.remove((String) o);
    }
    complete.retainAll(call.lines().stream().map(LineView::code).toList());
    return complete.size();
  }

  // ------------------------------------------------------------------------------ changes

  /**
   * Sets the line's budget (元, two decimals at most, more than 0; not below what is already
   * selected, A-BUDGET). Only while the list is SELECTED. {@code version}: the list's version the
   * officer saw (null: not checked); a changed list is 409 F-STALE.
   */
  @Transactional
  public LineApproval setBudget(String lineCode, BigDecimal budget, Long version) {
    String me = caller.require(Role.OFFICER);
    CallView call = call();
    LineView line = line(call, lineCode);
    Stored s = ensure(call.id(), lineCode, me);
    requireEditable(s);
    if (version != null && version != s.version()) {
      throw new StaleEditException(
          RuleViolation.error("F-STALE", "budget", "contract.approval.stale"));
    }
    List<RuleViolation> v = new ArrayList<>();
    if (budget == null) {
      v.add(RuleViolation.error("F-REQ", "budget", "contract.rule.required"));
    } else if (budget.stripTrailingZeros().scale() > 2) {
      v.add(
          RuleViolation.error(
              "F-MONEY", "budget", "contract.rule.money.precision", budget.toPlainString()));
    } else if (budget.signum() <= 0) {
      v.add(RuleViolation.error("F-MONEY", "budget", "contract.rule.money.positive"));
    } else {
      Money b = Money.of(budget);
      Money total = selectedTotal(s.id());
      if (total.isGreaterThan(b)) {
        v.add(
            RuleViolation.error(
                "A-BUDGET",
                "budget",
                "contract.approval.budget",
                total.grouped(),
                b.grouped(),
                b.toWanString(),
                total.minus(b).grouped()));
      }
    }
    RuleViolationException.throwIfErrors(v);
    Money b = Money.of(budget);
    em.createNativeQuery(
            "update ct_approval_list set budget = ?, updated_at = ?, updated_by = ?, version ="
                + " version + 1 where id = ?")
        .setParameter(1, b.amount())
        .setParameter(2, now())
        .setParameter(3, me)
        .setParameter(4, s.id())
        .executeUpdate();
    audit.record(
        new AuditEntry(
            me,
            Role.OFFICER,
            ENTITY,
            entityId(call.id(), line.code()),
            "approval-budget",
            s.budget() == null ? null : Money.of(s.budget()).grouped(),
            b.grouped(),
            null));
    return view(call, line, stored(call.id(), lineCode, false));
  }

  /**
   * Selects an application of the line's ranking (FORMAL_PASSED) with its approved subsidy, or
   * changes the subsidy of one already selected: F-MONEY, A-POSITIVE, A-REQUESTED, G6 (field {@code
   * approved}), A-BUDGET over the whole selection (field {@code selectionTotal}); the line's budget
   * must be set first. Nothing is saved when a rule refuses. Only while the list is SELECTED; an
   * application not in the line's ranking is not found.
   */
  @Transactional
  public LineApproval select(String lineCode, long applicationId, BigDecimal approved) {
    String me = caller.require(Role.OFFICER);
    CallView call = call();
    LineView line = line(call, lineCode);
    Candidate c = candidate(call, line, applicationId);
    Stored s = ensure(call.id(), lineCode, me);
    requireEditable(s);
    if (s.budget() == null) {
      throw new RuleViolationException(
          RuleViolation.error("A-BUDGET", "budget", "contract.approval.budgetFirst"));
    }
    List<RuleViolation> own = Approval.checkAmount(approved, c.requested(), line.cap(), "approved");
    RuleViolationException.throwIfErrors(own);
    Map<Long, Money[]> items = items(s.id());
    List<Approval.Selected> selection = new ArrayList<>();
    for (Map.Entry<Long, Money[]> e : items.entrySet()) {
      if (e.getKey() != applicationId) {
        selection.add(new Approval.Selected(e.getKey(), e.getValue()[0], e.getValue()[1].amount()));
      }
    }
    selection.add(new Approval.Selected(applicationId, c.requested(), approved));
    List<RuleViolation> all =
        Approval.checkSelection(
            new Approval.Line(line.code(), line.cap(), Money.of(s.budget())), selection);
    RuleViolationException.throwIfErrors(
        all.stream().filter(x -> !x.field().startsWith("selection_")).toList());
    Money amount = Money.of(approved);
    Money[] before = items.get(applicationId);
    Timestamp now = now();
    if (before == null) {
      em.createNativeQuery(
              "insert into ct_approval_item (list_id, application_id, requested, approved, place,"
                  + " created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, s.id())
          .setParameter(2, applicationId)
          .setParameter(3, c.requested().amount())
          .setParameter(4, amount.amount())
          .setParameter(5, c.place())
          .setParameter(6, now)
          .setParameter(7, me)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "update ct_approval_item set approved = ?, place = ? where list_id = ? and"
                  + " application_id = ?")
          .setParameter(1, amount.amount())
          .setParameter(2, c.place())
          .setParameter(3, s.id())
          .setParameter(4, applicationId)
          .executeUpdate();
    }
    touch(s.id(), me);
    audit.record(
        new AuditEntry(
            me,
            Role.OFFICER,
            ENTITY,
            entityId(call.id(), line.code()),
            "approval-select",
            before == null ? null : applicationId + ": " + before[1].grouped(),
            applicationId + ": " + amount.grouped(),
            null));
    return view(call, line, stored(call.id(), lineCode, false));
  }

  /** Takes an application off the selection (not found when it is not on it). */
  @Transactional
  public LineApproval unselect(String lineCode, long applicationId) {
    String me = caller.require(Role.OFFICER);
    CallView call = call();
    LineView line = line(call, lineCode);
    Stored s = stored(call.id(), lineCode, true);
    Money[] before = s.id() == null ? null : items(s.id()).get(applicationId);
    if (before == null) {
      throw new NotFoundException("application " + applicationId + " is not selected");
    }
    requireEditable(s);
    em.createNativeQuery("delete from ct_approval_item where list_id = ? and application_id = ?")
        .setParameter(1, s.id())
        .setParameter(2, applicationId)
        .executeUpdate();
    touch(s.id(), me);
    audit.record(
        new AuditEntry(
            me,
            Role.OFFICER,
            ENTITY,
            entityId(call.id(), line.code()),
            "approval-unselect",
            applicationId + ": " + before[1].grouped(),
            null,
            null));
    return view(call, line, stored(call.id(), lineCode, false));
  }

  /**
   * Publishes the selection for its public notice period: {@code days} 5–15 (null: 5), from now
   * (A-DAYS, field {@code noticeDays}); the selection must not be empty (A-EMPTY). SELECTED →
   * PUBLISHED.
   */
  @Transactional
  public LineApproval publish(String lineCode, Integer days) {
    String me = caller.require(Role.OFFICER);
    CallView call = call();
    LineView line = line(call, lineCode);
    Stored s = stored(call.id(), lineCode, true);
    RuleViolationException.throwIfErrors(s.state().checkMove(ApprovalListState.PUBLISHED));
    int d = days == null ? NOTICE_DEFAULT : days;
    if (d < NOTICE_MIN || d > NOTICE_MAX) {
      throw new RuleViolationException(
          RuleViolation.error(
              "A-DAYS", "noticeDays", "contract.approval.noticeDays", NOTICE_MIN, NOTICE_MAX));
    }
    if (s.id() == null || items(s.id()).isEmpty()) {
      throw new RuleViolationException(
          RuleViolation.error("A-EMPTY", "selectionTotal", "contract.approval.empty"));
    }
    Instant start = clock.instant();
    Instant end = start.plus(Duration.ofDays(d));
    em.createNativeQuery(
            "update ct_approval_list set state = 'PUBLISHED', notice_starts_at = ?,"
                + " notice_ends_at = ?, published_at = ?, published_by = ?, updated_at = ?,"
                + " updated_by = ?, version = version + 1 where id = ?")
        .setParameter(1, Timestamp.from(start))
        .setParameter(2, Timestamp.from(end))
        .setParameter(3, Timestamp.from(start))
        .setParameter(4, me)
        .setParameter(5, Timestamp.from(start))
        .setParameter(6, me)
        .setParameter(7, s.id())
        .executeUpdate();
    audit.record(
        new AuditEntry(
            me,
            Role.OFFICER,
            ENTITY,
            entityId(call.id(), line.code()),
            "approval-publish",
            s.state().name(),
            ApprovalListState.PUBLISHED.name(),
            d + " days, until " + Zones.format(end)));
    return view(call, line, stored(call.id(), lineCode, false));
  }

  /** Withdraws the publication (an objection upheld): PUBLISHED → SELECTED; a reason required. */
  @Transactional
  public LineApproval withdraw(String lineCode, String reason) {
    String me = caller.require(Role.OFFICER);
    CallView call = call();
    LineView line = line(call, lineCode);
    Stored s = stored(call.id(), lineCode, true);
    RuleViolationException.throwIfErrors(s.state().checkMove(ApprovalListState.SELECTED));
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "reason", "contract.rule.required"));
    }
    if (why.length() > 500) {
      throw new RuleViolationException(
          RuleViolation.error("F-LEN", "reason", "contract.rule.length", 500));
    }
    em.createNativeQuery(
            "update ct_approval_list set state = 'SELECTED', notice_starts_at = null,"
                + " notice_ends_at = null, updated_at = ?, updated_by = ?, version = version + 1"
                + " where id = ?")
        .setParameter(1, now())
        .setParameter(2, me)
        .setParameter(3, s.id())
        .executeUpdate();
    audit.record(
        new AuditEntry(
            me,
            Role.OFFICER,
            ENTITY,
            entityId(call.id(), line.code()),
            "approval-withdraw",
            s.state().name(),
            ApprovalListState.SELECTED.name(),
            why));
    return view(call, line, stored(call.id(), lineCode, false));
  }

  /**
   * Finalises the published list after its notice period (A-NOTICE on the server's clock), in one
   * transaction: the selected applications APPROVED with their projects and tranche plans, the
   * line's other FORMAL_PASSED applications NOT_APPROVED, the applicants told. PUBLISHED → FINAL.
   */
  @Transactional
  public LineApproval finalise(String lineCode) {
    String me = caller.require(Role.OFFICER);
    CallView call = call();
    LineView line = line(call, lineCode);
    Stored s = stored(call.id(), lineCode, true);
    RuleViolationException.throwIfErrors(s.state().checkMove(ApprovalListState.FINAL));
    Instant now = clock.instant();
    RuleViolationException.throwIfErrors(Approval.checkFinalise(s.noticeEndsAt(), now));
    ApplicationLifecycle.Actor actor = new ApplicationLifecycle.Actor(me, Role.OFFICER.name());
    Map<Long, Money[]> items = items(s.id());
    // every FORMAL_PASSED application of the line, read before any moves
    List<Long> passed = new ArrayList<>();
    for (int page = 0; ; page++) {
      io.hezuo.submission.api.ApplicationPage p =
          applications.find(
              new io.hezuo.submission.api.ApplicationQuery(
                  call.id(),
                  line.code(),
                  ApplicationStatus.FORMAL_PASSED.name(),
                  null,
                  null,
                  null,
                  page,
                  io.hezuo.submission.api.ApplicationQuery.MAX_SIZE,
                  io.hezuo.submission.api.ApplicationQuery.Sort.ID,
                  true));
      p.rows().forEach(r -> passed.add(r.id()));
      if (p.rows().size() < io.hezuo.submission.api.ApplicationQuery.MAX_SIZE) {
        break;
      }
    }
    List<String> approvedIds = new ArrayList<>();
    List<String> notApprovedIds = new ArrayList<>();
    for (Map.Entry<Long, Money[]> item : items.entrySet()) {
      long id = item.getKey();
      Money approved = item.getValue()[1];
      // F-STATE from the lifecycle when it is no longer FORMAL_PASSED: all rolled back
      ApplicationView a =
          applications.markApproved(
              id, actor, "立项 " + line.code() + ": " + approved.grouped() + " 元");
      project(call, line, a, item.getValue()[0], approved, me, now);
      tell(a, "contract.notice.approved", line, approved);
      approvedIds.add(String.valueOf(id));
    }
    for (long id : passed) {
      if (items.containsKey(id)) {
        continue;
      }
      ApplicationView a = applications.markNotApproved(id, actor, "未列入 " + line.code() + " 立项名单");
      tell(a, "contract.notice.notApproved", line, null);
      notApprovedIds.add(String.valueOf(id));
    }
    em.createNativeQuery(
            "update ct_approval_list set state = 'FINAL', finalised_at = ?, finalised_by = ?,"
                + " updated_at = ?, updated_by = ?, version = version + 1 where id = ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, me)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, me)
        .setParameter(5, s.id())
        .executeUpdate();
    audit.record(
        new AuditEntry(
            me,
            Role.OFFICER,
            ENTITY,
            entityId(call.id(), line.code()),
            "approval-finalise",
            s.state().name(),
            ApprovalListState.FINAL.name(),
            "approved: "
                + String.join(", ", approvedIds)
                + "; not approved: "
                + String.join(", ", notApprovedIds)));
    return view(call, line, stored(call.id(), lineCode, false));
  }

  // ------------------------------------------------------------------------------ helpers

  /** The approved project of an application and its default tranche plan. */
  private void project(
      CallView call,
      LineView line,
      ApplicationView a,
      Money requested,
      Money approved,
      String me,
      Instant now) {
    LocalDate from = month(a.form().period().startMonth()).atDay(1);
    LocalDate to = month(a.form().period().endMonth()).atEndOfMonth();
    boolean b = line.category() == Category.COUNTERPART;
    BigDecimal planned = null;
    if (b && a.form().funding().transferAmount() != null) {
      try {
        planned = Money.parse(a.form().funding().transferAmount(), Money.Unit.YUAN).amount();
      } catch (IllegalArgumentException e) {
        planned = null;
      }
    }
    Integer onsite =
        !b
            ? null
            : a.form().period().onsiteDays() != null
                ? a.form().period().onsiteDays()
                : line.minOnSiteDaysPerYear();
    em.createNativeQuery(
            "insert into ct_project (application_id, call_id, line_code, acceptance_no, title_zh,"
                + " organisation_id, pi_username, pi_name, region_code, requested, approved,"
                + " period_from, period_to, max_transfer_percent, planned_transfer,"
                + " onsite_days_per_year, contract_state, created_at, created_by) values (?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)")
        .setParameter(1, a.id())
        .setParameter(2, call.id())
        .setParameter(3, line.code())
        .setParameter(4, a.acceptanceNo())
        .setParameter(5, a.form().titleZh())
        .setParameter(6, a.organisationId())
        .setParameter(7, a.piUsername())
        .setParameter(8, a.piName())
        .setParameter(9, a.form().regionCode())
        .setParameter(10, requested.amount())
        .setParameter(11, approved.amount())
        .setParameter(12, Date.valueOf(from))
        .setParameter(13, Date.valueOf(to))
        .setParameter(14, b ? line.maxTransferPercent() : null)
        .setParameter(15, planned)
        .setParameter(16, onsite)
        .setParameter(17, Timestamp.from(now))
        .setParameter(18, me)
        .executeUpdate();
    long projectId =
        ((Number)
                em.createNativeQuery("select id from ct_project where application_id = ?")
                    .setParameter(1, a.id())
                    .getSingleResult())
            .longValue();
    int n = 1;
    for (TrancheSchedule.Tranche t : TrancheSchedule.DEFAULT.tranches()) {
      em.createNativeQuery(
              "insert into ct_tranche (project_id, number, percent, trigger_kind, due_on) values"
                  + " (?, ?, ?, ?, ?)")
          .setParameter(1, projectId)
          .setParameter(2, n++)
          .setParameter(3, t.percent())
          .setParameter(4, t.trigger().name())
          .setParameter(5, t.dueOn() == null ? null : Date.valueOf(t.dueOn()))
          .executeUpdate();
    }
  }

  private static YearMonth month(String yyyyMm) {
    return YearMonth.parse(yyyyMm);
  }

  /** The applicant told in the inbox and by e-mail. */
  private void tell(ApplicationView a, String key, LineView line, Money approved) {
    String[] args =
        approved == null
            ? new String[] {a.form().titleZh(), nullToEmpty(a.acceptanceNo()), line.code(), "", ""}
            : new String[] {
              a.form().titleZh(),
              nullToEmpty(a.acceptanceNo()),
              line.code(),
              approved.grouped(),
              approved.toWanString()
            };
    String id = String.valueOf(a.id());
    inbox.send(
        MessageDraft.notice(
            "Approval", id, Map.of(a.piUsername(), APPLICATION_LINK + id), key, args));
    mail.send(List.of(a.piUsername()), "Approval", id, "contract.mail.body", key, (Object[]) args);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private LineApproval view(CallView call, LineView line, Stored s) {
    List<ScoringResults.Ranked> ranked = results.ranking(call.id(), line.code());
    Map<Long, Money[]> items = s.id() == null ? Map.of() : items(s.id());
    Map<Long, ApplicationRow> rows = new HashMap<>();
    List<Long> ids =
        new ArrayList<>(ranked.stream().map(ScoringResults.Ranked::applicationId).toList());
    for (Long id : items.keySet()) {
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    for (ApplicationRow r : applications.rows(ids)) {
      rows.put(r.id(), r);
    }
    boolean fin = s.state() == ApprovalListState.FINAL;
    List<Candidate> out = new ArrayList<>();
    Money total = Money.ZERO;
    boolean complete = !ranked.isEmpty();
    for (ScoringResults.Ranked r : ranked) {
      ApplicationRow row = rows.get(r.applicationId());
      Money[] item = items.get(r.applicationId());
      // the candidates: FORMAL_PASSED (and, once final, the decided ones of the list)
      boolean candidate =
          row != null
              && (ApplicationStatus.FORMAL_PASSED.name().equals(row.status())
                  || (fin
                      && (item != null
                          || ApplicationStatus.NOT_APPROVED.name().equals(row.status()))));
      if (!candidate) {
        continue;
      }
      complete &= r.complete();
      if (item != null) {
        total = total.plus(item[1]);
      }
      out.add(
          new Candidate(
              r.applicationId(),
              r.place(),
              r.tied(),
              r.panelScore(),
              r.fundVotes(),
              r.complete(),
              row.acceptanceNo(),
              row.titleZh(),
              row.applyingUnitName(),
              row.piName(),
              item != null ? item[0] : row.subsidy(),
              item != null,
              item == null ? null : item[1]));
    }
    Money budget = s.budget() == null ? null : Money.of(s.budget());
    return new LineApproval(
        call.id(),
        line.code(),
        line.name().zh(),
        line.name().en(),
        line.cap(),
        s.state().name(),
        budget,
        total,
        budget == null ? null : budget.minus(total),
        (int) out.stream().filter(Candidate::selected).count(),
        complete,
        s.noticeStartsAt(),
        s.noticeEndsAt(),
        s.publishedAt(),
        s.publishedBy(),
        s.finalisedAt(),
        s.finalisedBy(),
        s.version(),
        out);
  }

  /** An application of the line's ranking that is FORMAL_PASSED, or not found. */
  private Candidate candidate(CallView call, LineView line, long applicationId) {
    for (ScoringResults.Ranked r : results.ranking(call.id(), line.code())) {
      if (r.applicationId() == applicationId) {
        List<ApplicationRow> rows = applications.rows(List.of(applicationId));
        if (rows.isEmpty()
            || !ApplicationStatus.FORMAL_PASSED.name().equals(rows.get(0).status())
            || rows.get(0).subsidy() == null) {
          break;
        }
        ApplicationRow row = rows.get(0);
        return new Candidate(
            applicationId,
            r.place(),
            r.tied(),
            r.panelScore(),
            r.fundVotes(),
            r.complete(),
            row.acceptanceNo(),
            row.titleZh(),
            row.applyingUnitName(),
            row.piName(),
            row.subsidy(),
            false,
            null);
      }
    }
    throw new NotFoundException(
        "application " + applicationId + " is not in the ranking of line " + line.code());
  }

  /** The selected items: application id → {requested, approved}, in insertion order. */
  private Map<Long, Money[]> items(long listId) {
    Map<Long, Money[]> out = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select application_id, requested, approved from ct_approval_item where list_id ="
                    + " ? order by id")
            .setParameter(1, listId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.put(
          ((Number) r[0]).longValue(),
          new Money[] {Money.of((BigDecimal) r[1]), Money.of((BigDecimal) r[2])});
    }
    return out;
  }

  private Money selectedTotal(long listId) {
    return items(listId).values().stream().map(m -> m[1]).reduce(Money.ZERO, Money::plus);
  }

  /** The line's stored list, locked for the change ({@code lock}), or an empty SELECTED one. */
  private Stored stored(long callId, String lineCode, boolean lock) {
    List<?> rows =
        em.createNativeQuery(
                "select id, budget, state, notice_starts_at, notice_ends_at, published_at,"
                    + " published_by, finalised_at, finalised_by, version from ct_approval_list"
                    + " where call_id = ? and line_code = ?"
                    + (lock ? " for update" : ""))
            .setParameter(1, callId)
            .setParameter(2, lineCode)
            .getResultList();
    if (rows.isEmpty()) {
      return new Stored(
          null, null, ApprovalListState.SELECTED, null, null, null, null, null, null, 0);
    }
    Object[] r = (Object[]) rows.get(0);
    return new Stored(
        ((Number) r[0]).longValue(),
        (BigDecimal) r[1],
        ApprovalListState.valueOf((String) r[2]),
        instant(r[3]),
        instant(r[4]),
        instant(r[5]),
        (String) r[6],
        instant(r[7]),
        (String) r[8],
        ((Number) r[9]).longValue());
  }

  /** The line's list, created when it has none, locked for the change. */
  private Stored ensure(long callId, String lineCode, String me) {
    Stored s = stored(callId, lineCode, true);
    if (s.id() != null) {
      return s;
    }
    em.createNativeQuery(
            "insert ignore into ct_approval_list (call_id, line_code, state, updated_at,"
                + " updated_by) values (?, ?, 'SELECTED', ?, ?)")
        .setParameter(1, callId)
        .setParameter(2, lineCode)
        .setParameter(3, now())
        .setParameter(4, me)
        .executeUpdate();
    return stored(callId, lineCode, true);
  }

  private void touch(long listId, String me) {
    em.createNativeQuery(
            "update ct_approval_list set updated_at = ?, updated_by = ?, version = version + 1"
                + " where id = ?")
        .setParameter(1, now())
        .setParameter(2, me)
        .setParameter(3, listId)
        .executeUpdate();
  }

  private static void requireEditable(Stored s) {
    if (!s.state().editable()) {
      throw new RuleViolationException(
          RuleViolation.error(
              "F-STATE", "selectionTotal", "contract.approval.notEditable", s.state().name()));
    }
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  static String entityId(long callId, String lineCode) {
    return callId + "/" + lineCode;
  }

  CallView call() {
    return calls.current().orElseThrow(() -> new NotFoundException("no published call"));
  }

  static LineView line(CallView call, String lineCode) {
    return call.line(lineCode).orElseThrow(() -> new NotFoundException("no line " + lineCode));
  }
}
