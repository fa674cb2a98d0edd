package io.hezuo.contract.service;

import static io.hezuo.contract.service.Columns.id;
import static io.hezuo.contract.service.Columns.instant;
import static io.hezuo.contract.service.Columns.localDate;
import static io.hezuo.contract.service.Columns.money;

import io.hezuo.call.api.MoneyJsonAdapter;
import io.hezuo.contract.domain.Ledger;
import io.hezuo.contract.domain.Outcome;
import io.hezuo.contract.domain.Period;
import io.hezuo.contract.domain.TrancheSchedule;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The funds of the approved projects: each project's ledger (disbursements by the Department's
 * finance, transfers to the counterpart partner by the lead unit's finance office), the projects'
 * figures with totals per line, unit and aided region, the projects whose next tranche is due, and
 * the money over time.
 *
 * <p>Who sees what: officers and the Department's finance (a FINANCE account of a government
 * organisation) see every project; a unit's finance office and its unit administrator their unit's
 * projects; an applicant the projects they lead (read-only). Anything else is 404 (a guessed id
 * tells nothing).
 *
 * <p>Every money movement first locks the project's row ({@code SELECT … FOR UPDATE}), replays the
 * ledger from its stored entries and lets {@link Ledger} judge the new entry against all of them:
 * two transfers at the same moment are judged one after the other, so the second sees the first (G5
 * can never be passed by a race). Entries are only added; every one is audited.
 */
@ApplicationScoped
public class Ledgers {

  public static final String ENTITY = "ContractLedger";

  static final String DISBURSEMENT = "DISBURSEMENT";
  static final String TRANSFER = "TRANSFER";
  static final String APPROVED = "APPROVED";

  @PersistenceContext(unitName = "contract")
  EntityManager em;

  @Inject Caller caller;
  @Inject AccountDirectory directory;
  @Inject AuditLog audit;
  @Inject Clock clock;

  // ------------------------------------------------------------------------------------ views

  /** A project with its figures (all amounts in CNY). */
  public record ProjectRow(
      long id,
      long applicationId,
      String acceptanceNo,
      String titleZh,
      String lineCode,
      long organisationId,
      String unitName,
      String piName,
      String regionCode,
      String contractState,
      LocalDate periodFrom,
      LocalDate periodTo,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money approved,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money disbursed,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money transferred,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money balance,
      Integer nextTranche,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money nextTrancheAmount,
      boolean nextTrancheDue)
      implements Serializable {}

  /** Sums of a group of projects (a line, a unit, a region, or all the rows of a search). */
  public record Totals(
      String key,
      String label,
      int projects,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money approved,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money disbursed,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money transferred,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money balance)
      implements Serializable {}

  /** What the finance screen and REST list: the rows of the page, and the totals of all matches. */
  public record Page(List<ProjectRow> rows, int total, Totals totals) implements Serializable {}

  /** A search of the projects; null or blank parts match everything. */
  public record Search(
      String text, String lineCode, Long organisationId, String regionCode, boolean dueOnly)
      implements Serializable {

    public static final Search ALL = new Search(null, null, null, null, false);
  }

  /**
   * One entry of a ledger's history; {@code scanName} the voucher's scan (a PDF) when one was
   * attached, {@code mayAttach} whether the caller may attach it now.
   */
  public record EntryView(
      long id,
      String kind,
      LocalDate date,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money amount,
      String voucherNo,
      String recipient,
      String reference,
      Instant recordedAt,
      String recordedBy,
      String scanName,
      boolean mayAttach)
      implements Serializable {}

  /** A planned tranche with its amount and whether it is paid or due. */
  public record TrancheView(
      int number,
      BigDecimal percent,
      String trigger,
      LocalDate dueOn,
      LocalDate reachedOn,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money amount,
      boolean paid,
      boolean due)
      implements Serializable {}

  /** One project's ledger: its figures, limits, tranches, history and what the caller may do. */
  public record LedgerView(
      ProjectRow project,
      BigDecimal maxTransferPercent,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money transferCap,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money transferAvailable,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money remainingToDisburse,
      List<TrancheView> tranches,
      List<EntryView> history,
      boolean mayDisburse,
      boolean mayTransfer,
      long version)
      implements Serializable {}

  /** A disbursement as finance types it: date yyyy-MM-dd, amount in 元 as a decimal string. */
  public record DisbursementForm(String date, String amount, String voucherNo)
      implements Serializable {}

  /** A transfer to the partner in the aided region, as the lead unit's finance office types it. */
  public record TransferForm(String date, String amount, String recipient, String voucherNo)
      implements Serializable {}

  /** Money of one month: disbursed and transferred (the chart of disbursement over time). */
  public record Month(
      String month,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money disbursed,
      @JsonbTypeAdapter(MoneyJsonAdapter.class) Money transferred)
      implements Serializable {}

  // ------------------------------------------------------------------------------------ scope

  /** Which projects the caller sees: all, one unit's, or one PI's. */
  record Scope(boolean all, Long organisationId, String piUsername, boolean departmentFinance)
      implements Serializable {

    /**
     * Narrows a query of {@code ct_project} (aliased {@code alias}) to what the scope sees: nothing
     * added for all, else the unit's or the PI's projects (one parameter added to {@code args}).
     */
    void restrict(StringBuilder sql, List<Object> args, String alias) {
      if (all) {
        return;
      }
      if (organisationId != null) {
        sql.append(" and ").append(alias).append("organisation_id = ?");
        args.add(organisationId);
      } else {
        sql.append(" and ").append(alias).append("pi_username = ?");
        args.add(piUsername);
      }
    }
  }

  Scope scope() {
    String me = caller.require(Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT);
    if (caller.hasRole(Role.OFFICER)) {
      return new Scope(true, null, null, false);
    }
    AccountView account = directory.account(me).orElse(null);
    Long org = account == null ? null : account.organisationId();
    if (caller.hasRole(Role.FINANCE)) {
      if (account != null && "GOVERNMENT".equals(account.organisationType())) {
        return new Scope(true, null, null, true);
      }
      return new Scope(false, org == null ? -1L : org, null, false);
    }
    if (caller.hasRole(Role.UNIT_ADMIN)) {
      return new Scope(false, org == null ? -1L : org, null, false);
    }
    return new Scope(false, null, me, false);
  }

  /** Whether the caller is the Department's finance (records disbursements). */
  public boolean isDepartmentFinance() {
    return caller.hasRole(Role.FINANCE) && scope().departmentFinance();
  }

  // ------------------------------------------------------------------------------------ reads

  private static final String FIGURES =
      "select p.id, p.application_id, p.acceptance_no, p.title_zh, p.line_code,"
          + " p.organisation_id, p.pi_name, p.region_code, p.contract_state, p.period_from,"
          + " p.period_to,"
          + " coalesce((select a.amount from ct_ledger_entry a where a.project_id = p.id and"
          + " a.kind = 'APPROVED' order by a.id desc limit 1), p.approved),"
          + " coalesce((select sum(d.amount) from ct_ledger_entry d where d.project_id = p.id and"
          + " d.kind = 'DISBURSEMENT'), 0),"
          + " coalesce((select sum(t.amount) from ct_ledger_entry t where t.project_id = p.id and"
          + " t.kind = 'TRANSFER'), 0)"
          + " from ct_project p";

  /** The projects the caller sees that match, a page of them, and the totals of all matches. */
  public Page find(Search s, int first, int size) {
    List<ProjectRow> all = matching(s == null ? Search.ALL : s);
    int from = Math.max(0, Math.min(first, all.size()));
    int to = Math.max(from, Math.min(all.size(), from + Math.max(1, Math.min(size, 500))));
    return new Page(List.copyOf(all.subList(from, to)), all.size(), sum("ALL", "", all));
  }

  /** Every project the caller sees that matches (the export and the totals read these). */
  public List<ProjectRow> matching(Search s) {
    Scope scope = scope();
    StringBuilder sql = new StringBuilder(FIGURES).append(" where 1 = 1");
    List<Object> args = new ArrayList<>();
    scope.restrict(sql, args, "p.");
    if (s.lineCode() != null && !s.lineCode().isBlank()) {
      sql.append(" and p.line_code = ?");
      args.add(s.lineCode());
    }
    if (s.organisationId() != null) {
      sql.append(" and p.organisation_id = ?");
      args.add(s.organisationId());
    }
    if (s.regionCode() != null && !s.regionCode().isBlank()) {
      sql.append(" and p.region_code = ?");
      args.add(s.regionCode());
    }
    if (s.text() != null && !s.text().isBlank()) {
      sql.append(" and (p.acceptance_no like ? or p.title_zh like ? or p.pi_name like ?)");
      String like = "%" + s.text().trim().replace("%", "\\%").replace("_", "\\_") + "%";
      args.add(like);
      args.add(like);
      args.add(like);
    }
    sql.append(" order by p.line_code, p.acceptance_no, p.id");
    Query q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < args.size(); i++) {
      q.setParameter(i + 1, args.get(i));
    }
    List<Object[]> raw = new ArrayList<>();
    for (Object o : q.getResultList()) {
      raw.add((Object[]) o);
    }
    Map<Long, List<Object[]>> tranches = tranches(raw.stream().map(r -> id(r[0])).toList());
    Map<Long, String> units = new HashMap<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.SHANGHAI);
    List<ProjectRow> out = new ArrayList<>();
    for (Object[] r : raw) {
      long id = id(r[0]);
      long org = id(r[5]);
      String unit =
          units.computeIfAbsent(
              org, o -> directory.organisation(o).map(x -> x.name()).orElse(String.valueOf(o)));
      ProjectRow row = row(r, unit, tranches.getOrDefault(id, List.of()), today);
      if (!s.dueOnly() || row.nextTrancheDue()) {
        out.add(row);
      }
    }
    return out;
  }

  private ProjectRow row(Object[] r, String unit, List<Object[]> tranches, LocalDate today) {
    Money approved = money(r[11]);
    Money disbursed = money(r[12]);
    Money transferred = money(r[13]);
    String state = (String) r[8];
    TrancheSchedule plan = schedule(tranches);
    TrancheSchedule.Due next = plan == null ? null : plan.next(approved, disbursed);
    boolean due =
        next != null && reached(next.tranche(), state, reachedOn(tranches, next.number()), today);
    return new ProjectRow(
        id(r[0]),
        id(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        id(r[5]),
        unit,
        (String) r[6],
        (String) r[7],
        state,
        localDate(r[9]),
        localDate(r[10]),
        approved,
        disbursed,
        transferred,
        disbursed.minus(transferred),
        next == null ? null : next.number(),
        next == null ? null : next.amount(),
        due);
  }

  /** The totals of the projects the caller sees, grouped by line, unit or region. */
  public List<Totals> totals(Search s, String by) {
    List<ProjectRow> rows = matching(s == null ? Search.ALL : s);
    Function<ProjectRow, String> key =
        switch (by == null ? "line" : by) {
          case "unit" -> r -> String.valueOf(r.organisationId());
          case "region" -> r -> r.regionCode() == null ? "" : r.regionCode();
          default -> ProjectRow::lineCode;
        };
    Function<ProjectRow, String> label =
        switch (by == null ? "line" : by) {
          case "unit" -> ProjectRow::unitName;
          case "region" -> r -> r.regionCode() == null ? "" : r.regionCode();
          default -> ProjectRow::lineCode;
        };
    Map<String, List<ProjectRow>> groups = new LinkedHashMap<>();
    Map<String, String> labels = new HashMap<>();
    for (ProjectRow r : rows) {
      if ("region".equals(by) && r.regionCode() == null) {
        continue;
      }
      groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
      labels.putIfAbsent(key.apply(r), label.apply(r));
    }
    List<Totals> out = new ArrayList<>();
    groups.forEach((k, list) -> out.add(sum(k, labels.get(k), list)));
    out.sort(Comparator.comparing(Totals::label, Comparator.nullsFirst(String::compareTo)));
    return out;
  }

  private static Totals sum(String key, String label, List<ProjectRow> rows) {
    Money a = Money.ZERO;
    Money d = Money.ZERO;
    Money t = Money.ZERO;
    for (ProjectRow r : rows) {
      a = a.plus(r.approved());
      d = d.plus(r.disbursed());
      t = t.plus(r.transferred());
    }
    return new Totals(key, label, rows.size(), a, d, t, d.minus(t));
  }

  /**
   * Disbursed and transferred per month (Asia/Shanghai calendar), of the projects the caller sees.
   */
  public List<Month> months(Search s) {
    List<ProjectRow> rows = matching(s == null ? Search.ALL : s);
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(ProjectRow::id).toList();
    Map<String, Money[]> by = new java.util.TreeMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      Query q =
          em.createNativeQuery(
              "select date_format(entry_date, '%Y-%m'), kind, sum(amount) from ct_ledger_entry"
                  + " where kind in ('DISBURSEMENT', 'TRANSFER') and project_id in ("
                  + marks(chunk.size())
                  + ") group by date_format(entry_date, '%Y-%m'), kind");
      for (int i = 0; i < chunk.size(); i++) {
        q.setParameter(i + 1, chunk.get(i));
      }
      for (Object o : q.getResultList()) {
        Object[] r = (Object[]) o;
        Money[] m = by.computeIfAbsent((String) r[0], k -> new Money[] {Money.ZERO, Money.ZERO});
        int i = DISBURSEMENT.equals(r[1]) ? 0 : 1;
        m[i] = m[i].plus(money(r[2]));
      }
    }
    List<Month> out = new ArrayList<>();
    if (by.isEmpty()) {
      return out;
    }
    // every month between the first and the last, so that the chart's axis is time
    YearMonth m = YearMonth.parse(((java.util.TreeMap<String, Money[]>) by).firstKey());
    YearMonth last = YearMonth.parse(((java.util.TreeMap<String, Money[]>) by).lastKey());
    while (!m.isAfter(last)) {
      Money[] v = by.getOrDefault(m.toString(), new Money[] {Money.ZERO, Money.ZERO});
      out.add(new Month(m.toString(), v[0], v[1]));
      m = m.plusMonths(1);
    }
    return out;
  }

  /** One project's ledger, if the caller may see it (404 otherwise). */
  public LedgerView ledger(long projectId) {
    Scope scope = scope();
    Object[] p = project(projectId, scope, false);
    Ledger l = replay(p, entries(projectId));
    List<Object[]> tr = tranches(List.of(projectId)).getOrDefault(projectId, List.of());
    String unit = directory.organisation(id(p[5])).map(x -> x.name()).orElse("");
    LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.SHANGHAI);
    Object[] figures = new Object[14];
    System.arraycopy(p, 0, figures, 0, 11);
    figures[11] = l.approved().amount();
    figures[12] = l.disbursed().amount();
    figures[13] = l.transferred().amount();
    ProjectRow row = row(figures, unit, tr, today);
    List<TrancheView> tranches = new ArrayList<>();
    TrancheSchedule plan = schedule(tr);
    if (plan != null) {
      Money covered = Money.ZERO;
      for (TrancheSchedule.Due d : plan.amounts(l.approved())) {
        covered = covered.plus(d.amount());
        LocalDate reachedOn = reachedOn(tr, d.number());
        boolean paid = !covered.isGreaterThan(l.disbursed());
        tranches.add(
            new TrancheView(
                d.number(),
                d.tranche().percent(),
                d.tranche().trigger().name(),
                d.tranche().dueOn(),
                reachedOn,
                d.amount(),
                paid,
                !paid && reached(d.tranche(), row.contractState(), reachedOn, today)));
      }
    }
    boolean inForce = "IN_FORCE".equals(row.contractState());
    return new LedgerView(
        row,
        l.maxTransferPercent(),
        l.transferCap(),
        l.transferAvailable(),
        l.remainingToDisburse(),
        tranches,
        history(projectId),
        inForce && scope.departmentFinance(),
        inForce && l.allowsTransfers() && mayTransfer(id(p[5])),
        id(p[14]));
  }

  /** Whether the caller is the finance office of the unit (the lead unit records transfers). */
  private boolean mayTransfer(long organisationId) {
    if (!caller.hasRole(Role.FINANCE)) {
      return false;
    }
    Scope s = scope();
    return !s.all() && s.organisationId() != null && s.organisationId() == organisationId;
  }

  // ------------------------------------------------------------------------------------ writes

  /** Records a disbursement (the Department's finance, on a contract in force). */
  @Transactional
  public EntryView disburse(long projectId, DisbursementForm f) {
    caller.require(Role.FINANCE);
    Scope scope = scope();
    Object[] p = project(projectId, scope, true);
    if (!scope.departmentFinance()) {
      throw new AccessDeniedException("only the Department's finance records disbursements");
    }
    inForce(p);
    List<RuleViolation> bad = new ArrayList<>();
    LocalDate date = date(f == null ? null : f.date(), "disbursementDate", bad);
    BigDecimal amount = amount(f == null ? null : f.amount(), "disbursementAmount", bad);
    Ledger l = replay(p, entries(projectId));
    Outcome<Ledger> o = l.disburse(date, amount, f == null ? null : f.voucherNo());
    check(bad, o);
    Ledger.Disbursement d = (Ledger.Disbursement) last(o.value());
    long id = insert(projectId, DISBURSEMENT, d.date(), d.amount(), d.voucherNo(), null);
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.FINANCE,
            ENTITY,
            "project/" + projectId,
            "disburse",
            l.disbursed().toString(),
            o.value().disbursed().toString(),
            "disbursement " + d.amount() + " on " + d.date() + ", voucher " + d.voucherNo()));
    return history(projectId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  /** Records a transfer to the counterpart partner (the lead unit's finance office; B lines). */
  @Transactional
  public EntryView transfer(long projectId, TransferForm f) {
    caller.require(Role.FINANCE);
    Scope scope = scope();
    Object[] p = project(projectId, scope, true);
    if (scope.all()) {
      throw new AccessDeniedException("transfers are recorded by the lead unit's finance office");
    }
    inForce(p);
    List<RuleViolation> bad = new ArrayList<>();
    LocalDate date = date(f == null ? null : f.date(), "transferDate", bad);
    BigDecimal amount = amount(f == null ? null : f.amount(), "transferAmount", bad);
    Ledger l = replay(p, entries(projectId));
    Outcome<Ledger> o =
        l.transfer(
            date, amount, f == null ? null : f.recipient(), f == null ? null : f.voucherNo());
    check(bad, o);
    Ledger.Transfer t = (Ledger.Transfer) last(o.value());
    long id = insert(projectId, TRANSFER, t.date(), t.amount(), t.voucherNo(), t.recipient());
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.FINANCE,
            ENTITY,
            "project/" + projectId,
            "transfer",
            l.transferred().toString(),
            o.value().transferred().toString(),
            "transfer "
                + t.amount()
                + " on "
                + t.date()
                + " to "
                + t.recipient()
                + ", voucher "
                + t.voucherNo()));
    return history(projectId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  /**
   * Changes the approved subsidy of a project (an approved change request of the officer's): under
   * the project's row lock, never below what is disbursed (C-DISBURSE) nor below what keeps the
   * transfers within their share (G5); an APPROVED entry of the ledger, audited. The line's cap
   * (G6) is the caller's to check. Throws {@link RuleViolationException} when refused.
   */
  @Transactional
  public EntryView changeApproved(long projectId, BigDecimal newApproved, String reference) {
    caller.require(Role.OFFICER);
    Object[] p = project(projectId, scope(), true);
    Ledger l = replay(p, entries(projectId));
    LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.SHANGHAI);
    Outcome<Ledger> o = l.changeApproved(today, newApproved, reference);
    check(List.of(), o);
    Ledger.ApprovedChange c = (Ledger.ApprovedChange) last(o.value());
    em.createNativeQuery(
            "insert into ct_ledger_entry (project_id, kind, entry_date, amount, approved_from,"
                + " reference, recorded_at, recorded_by) values (?, 'APPROVED', ?, ?, ?, ?, ?, ?)")
        .setParameter(1, projectId)
        .setParameter(2, Date.valueOf(c.date()))
        .setParameter(3, c.to().amount())
        .setParameter(4, c.from().amount())
        .setParameter(5, reference)
        .setParameter(6, java.sql.Timestamp.from(clock.instant()))
        .setParameter(7, caller.name())
        .executeUpdate();
    em.createNativeQuery("update ct_project set version = version + 1 where id = ?")
        .setParameter(1, projectId)
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            "project/" + projectId,
            "change-approved",
            c.from().toString(),
            c.to().toString(),
            reference));
    return history(projectId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  // ------------------------------------------------------------------------------------ helpers

  /**
   * The project's row if the caller may see it: id, application, acceptance no, title, line,
   * organisation, PI name, region, contract state, period from/to, approved, max transfer percent,
   * pi username, version. Locked for the transaction when {@code lock}.
   */
  private Object[] project(long projectId, Scope scope, boolean lock) {
    List<?> r =
        em.createNativeQuery(
                "select id, application_id, acceptance_no, title_zh, line_code, organisation_id,"
                    + " pi_name, region_code, contract_state, period_from, period_to, approved,"
                    + " max_transfer_percent, pi_username, version from ct_project where id = ?"
                    + (lock ? " for update" : ""))
            .setParameter(1, projectId)
            .getResultList();
    if (r.isEmpty()) {
      throw new NotFoundException("no project " + projectId);
    }
    Object[] p = (Object[]) r.get(0);
    boolean visible =
        scope.all()
            || (scope.organisationId() != null && scope.organisationId() == id(p[5]))
            || (scope.piUsername() != null && scope.piUsername().equals(p[13]));
    if (!visible) {
      throw new NotFoundException("no project " + projectId);
    }
    return p;
  }

  /**
   * The project's row as {@link #project} reads it, if the caller may see it (404 otherwise); for
   * the other services of the module, which share the ledger's scope and lock.
   */
  Object[] visible(long projectId, boolean lock) {
    return project(projectId, scope(), lock);
  }

  private static void inForce(Object[] p) {
    if (!"IN_FORCE".equals(p[8])) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "contract.ledger.notInForce"));
    }
  }

  private Ledger replay(Object[] p, List<Ledger.Entry> entries) {
    Period period = new Period(localDate(p[9]), localDate(p[10]));
    BigDecimal share = p[12] == null ? null : (BigDecimal) p[12];
    Outcome<Ledger> o = Ledger.replay(period, money(p[11]), share, entries);
    if (!o.isOk()) {
      // the stored ledger breaks its own rules: a change behind the system's back
      throw new IllegalStateException("ledger of project " + p[0] + " is inconsistent: " + o);
    }
    return o.value();
  }

  private List<Ledger.Entry> entries(long projectId) {
    List<Ledger.Entry> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select kind, entry_date, amount, approved_from, voucher_no, recipient, reference"
                    + " from ct_ledger_entry where project_id = ? order by id")
            .setParameter(1, projectId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      LocalDate d = localDate(r[1]);
      switch ((String) r[0]) {
        case DISBURSEMENT -> out.add(new Ledger.Disbursement(d, money(r[2]), (String) r[4]));
        case TRANSFER -> out.add(new Ledger.Transfer(d, money(r[2]), (String) r[5], (String) r[4]));
        default -> out.add(new Ledger.ApprovedChange(d, money(r[3]), money(r[2]), (String) r[6]));
      }
    }
    return out;
  }

  private List<EntryView> history(long projectId) {
    Scope scope = scope();
    Long org =
        ((Number)
                em.createNativeQuery("select organisation_id from ct_project where id = ?")
                    .setParameter(1, projectId)
                    .getSingleResult())
            .longValue();
    boolean deptFinance = caller.hasRole(Role.FINANCE) && scope.departmentFinance();
    boolean unitFinance =
        caller.hasRole(Role.FINANCE)
            && !scope.all()
            && scope.organisationId() != null
            && scope.organisationId().equals(org);
    List<EntryView> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, kind, entry_date, amount, voucher_no, recipient, reference,"
                    + " recorded_at, recorded_by, scan_name from ct_ledger_entry where"
                    + " project_id = ? order by entry_date, id")
            .setParameter(1, projectId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      boolean mine = DISBURSEMENT.equals(r[1]) ? deptFinance : TRANSFER.equals(r[1]) && unitFinance;
      out.add(
          new EntryView(
              id(r[0]),
              (String) r[1],
              localDate(r[2]),
              money(r[3]),
              (String) r[4],
              (String) r[5],
              (String) r[6],
              instant(r[7]),
              (String) r[8],
              (String) r[9],
              mine && r[9] == null));
    }
    return out;
  }

  /**
   * A tranche as the officer types it: the share in percent, the trigger, the date of a DATE one.
   */
  public record TrancheForm(String percent, String trigger, String dueOn) implements Serializable {}

  /**
   * The officer sets a project's tranche plan (shares adding up to exactly 100, C-TRANCHE), until
   * the first disbursement (F-STATE: later a change request); audited with the reason.
   */
  @Transactional
  public void plan(long projectId, List<TrancheForm> tranches, String reason) {
    caller.require(Role.OFFICER);
    Object[] p = visible(projectId, true);
    List<RuleViolation> bad = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      bad.add(RuleViolation.error("F-REQ", "planReason", "contract.rule.required"));
    }
    if (replay(p, entries(projectId)).disbursed().amount().signum() > 0) {
      bad.add(RuleViolation.error("F-STATE", "tranches", "contract.ledger.planFixed"));
    }
    List<TrancheSchedule.Tranche> list = new ArrayList<>();
    List<TrancheForm> given = tranches == null ? List.of() : tranches;
    for (int i = 0; i < given.size(); i++) {
      TrancheForm f = given.get(i);
      String field = TrancheSchedule.field(i);
      BigDecimal percent = amount(f == null ? null : f.percent(), field, bad);
      TrancheSchedule.Trigger trigger = null;
      try {
        trigger = TrancheSchedule.Trigger.valueOf(f == null ? "" : String.valueOf(f.trigger()));
      } catch (IllegalArgumentException e) {
        bad.add(RuleViolation.error("C-TRANCHE", field, "contract.ledger.trigger", i + 1));
      }
      LocalDate due = date(f == null ? null : f.dueOn(), field, bad);
      if (percent != null && trigger != null) {
        list.add(new TrancheSchedule.Tranche(percent, trigger, due));
      } else if (percent == null && bad.stream().noneMatch(v -> field.equals(v.field()))) {
        bad.add(RuleViolation.error("F-REQ", field, "contract.rule.required"));
      }
    }
    if (bad.isEmpty() || list.size() == given.size()) {
      Outcome<TrancheSchedule> o = TrancheSchedule.of(list);
      if (!o.isOk()) {
        bad.addAll(o.violations());
      }
    }
    if (!bad.isEmpty()) {
      throw new RuleViolationException(bad);
    }
    String before = planText(tranches(List.of(projectId)).getOrDefault(projectId, List.of()));
    em.createNativeQuery("delete from ct_tranche where project_id = ?")
        .setParameter(1, projectId)
        .executeUpdate();
    for (int i = 0; i < list.size(); i++) {
      TrancheSchedule.Tranche t = list.get(i);
      em.createNativeQuery(
              "insert into ct_tranche (project_id, number, percent, trigger_kind, due_on) values"
                  + " (?, ?, ?, ?, ?)")
          .setParameter(1, projectId)
          .setParameter(2, i + 1)
          .setParameter(3, t.percent())
          .setParameter(4, t.trigger().name())
          .setParameter(5, t.dueOn() == null ? null : Date.valueOf(t.dueOn()))
          .executeUpdate();
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            "project/" + projectId,
            "tranche-plan",
            before,
            planText(tranches(List.of(projectId)).getOrDefault(projectId, List.of())),
            reason.strip()));
  }

  /**
   * The officer records that a tranche's check was passed (the mid-term check, the final
   * acceptance) on a day within the period and not after today: the tranche becomes due.
   */
  @Transactional
  public void reached(long projectId, int number, String day) {
    caller.require(Role.OFFICER);
    Object[] p = visible(projectId, true);
    List<RuleViolation> bad = new ArrayList<>();
    LocalDate d = date(day, "reachedOn", bad);
    if (d == null && bad.isEmpty()) {
      bad.add(RuleViolation.error("F-REQ", "reachedOn", "contract.rule.required"));
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.SHANGHAI);
    Period period = new Period(localDate(p[9]), localDate(p[10]));
    if (d != null && (d.isAfter(today) || d.isBefore(period.from()))) {
      bad.add(
          RuleViolation.error(
              "C-PERIOD", "reachedOn", "contract.ledger.reachedDay", period.from().toString()));
    }
    Object[] t =
        tranches(List.of(projectId)).getOrDefault(projectId, List.of()).stream()
            .filter(r -> ((Number) r[1]).intValue() == number)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no tranche " + number));
    String trigger = (String) t[3];
    if (!"MIDTERM".equals(trigger) && !"FINAL".equals(trigger)) {
      bad.add(RuleViolation.error("F-STATE", "reachedOn", "contract.ledger.notACheck"));
    } else if (t[5] != null) {
      bad.add(RuleViolation.error("F-STATE", "reachedOn", "contract.ledger.reachedThere"));
    }
    if (!bad.isEmpty()) {
      throw new RuleViolationException(bad);
    }
    em.createNativeQuery("update ct_tranche set reached_on = ? where project_id = ? and number = ?")
        .setParameter(1, Date.valueOf(d))
        .setParameter(2, projectId)
        .setParameter(3, number)
        .executeUpdate();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            "project/" + projectId,
            "tranche-reached",
            null,
            "第 " + number + " 期 " + d,
            null));
  }

  /** The label's key of a tranche's trigger. */
  private static String triggerKey(String trigger) {
    return switch (trigger) {
      case "SIGNING" -> "contract.trigger.SIGNING";
      case "MIDTERM" -> "contract.trigger.MIDTERM";
      case "FINAL" -> "contract.trigger.FINAL";
      default -> "contract.trigger.DATE";
    };
  }

  private static String planText(List<Object[]> rows) {
    List<String> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          ((BigDecimal) r[2]).stripTrailingZeros().toPlainString()
              + "% "
              + Messages.get(Messages.CHINESE, triggerKey((String) r[3]))
              + (r[4] == null ? "" : " " + localDate(r[4])));
    }
    return String.join("；", out);
  }

  /** The longest voucher scan accepted (as the contract's scan). */
  public static final long MAX_SCAN_BYTES = Contracts.MAX_SCAN_BYTES;

  /**
   * Attaches the scan of an entry's voucher, once: a PDF checked by its content (F-FILE beside the
   * field {@code scan}), stored with its SHA-256. A disbursement's by the Department's finance, a
   * transfer's by the lead unit's finance office; audited.
   */
  @Transactional
  public EntryView attachScan(long projectId, long entryId, String fileName, byte[] content) {
    caller.require(Role.FINANCE);
    visible(projectId, true);
    EntryView e =
        history(projectId).stream()
            .filter(x -> x.id() == entryId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no entry " + entryId));
    if (!e.mayAttach()) {
      if (e.scanName() != null) {
        throw new RuleViolationException(
            RuleViolation.error("F-STATE", "voucherScan", "contract.ledger.scanThere"));
      }
      throw new AccessDeniedException("not the finance office that recorded this entry");
    }
    String name = fileName == null || fileName.isBlank() ? "voucher.pdf" : fileName.strip();
    io.hezuo.kernel.pdf.PdfContentCheck.Result check =
        Contracts.checkScan(name, content, "voucherScan");
    em.createNativeQuery(
            "update ct_ledger_entry set scan_name = ?, scan_sha256 = ?, scan = ? where id = ? and"
                + " project_id = ? and scan_name is null")
        .setParameter(1, name)
        .setParameter(2, check.sha256Hex())
        .setParameter(3, content)
        .setParameter(4, entryId)
        .setParameter(5, projectId)
        .executeUpdate();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.FINANCE,
            ENTITY,
            "project/" + projectId,
            "voucher-scan",
            null,
            name + " " + check.sha256Hex(),
            e.voucherNo()));
    return history(projectId).stream().filter(x -> x.id() == entryId).findFirst().orElseThrow();
  }

  /**
   * An entry's voucher scan (name and bytes), if the caller may see the project (404 otherwise).
   */
  public Object[] scan(long projectId, long entryId) {
    visible(projectId, false);
    List<?> r =
        em.createNativeQuery(
                "select scan_name, scan from ct_ledger_entry where id = ? and project_id = ? and"
                    + " scan is not null")
            .setParameter(1, entryId)
            .setParameter(2, projectId)
            .getResultList();
    if (r.isEmpty()) {
      throw new NotFoundException("no scan of entry " + entryId);
    }
    return (Object[]) r.get(0);
  }

  private long insert(
      long projectId, String kind, LocalDate date, Money amount, String voucher, String recipient) {
    em.createNativeQuery(
            "insert into ct_ledger_entry (project_id, kind, entry_date, amount, voucher_no,"
                + " recipient, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, projectId)
        .setParameter(2, kind)
        .setParameter(3, Date.valueOf(date))
        .setParameter(4, amount.amount())
        .setParameter(5, voucher)
        .setParameter(6, recipient)
        .setParameter(7, java.sql.Timestamp.from(clock.instant()))
        .setParameter(8, caller.name())
        .executeUpdate();
    em.createNativeQuery("update ct_project set version = version + 1 where id = ?")
        .setParameter(1, projectId)
        .executeUpdate();
    return ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
  }

  /** The tranche rows (number, percent, trigger, due_on, reached_on) per project, in order. */
  private Map<Long, List<Object[]>> tranches(List<Long> projectIds) {
    Map<Long, List<Object[]>> out = new HashMap<>();
    for (int from = 0; from < projectIds.size(); from += 500) {
      List<Long> chunk = projectIds.subList(from, Math.min(projectIds.size(), from + 500));
      Query q =
          em.createNativeQuery(
              "select project_id, number, percent, trigger_kind, due_on, reached_on from"
                  + " ct_tranche where project_id in ("
                  + marks(chunk.size())
                  + ") order by project_id, number");
      for (int i = 0; i < chunk.size(); i++) {
        q.setParameter(i + 1, chunk.get(i));
      }
      for (Object o : q.getResultList()) {
        Object[] r = (Object[]) o;
        out.computeIfAbsent(id(r[0]), k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  private static TrancheSchedule schedule(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    List<TrancheSchedule.Tranche> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(
          new TrancheSchedule.Tranche(
              (BigDecimal) r[2], TrancheSchedule.Trigger.valueOf((String) r[3]), localDate(r[4])));
    }
    Outcome<TrancheSchedule> o = TrancheSchedule.of(list);
    return o.isOk() ? o.value() : null;
  }

  private static LocalDate reachedOn(List<Object[]> rows, int number) {
    for (Object[] r : rows) {
      if (((Number) r[1]).intValue() == number) {
        return localDate(r[5]);
      }
    }
    return null;
  }

  /** Whether a tranche's trigger has happened: signing = in force; a date; or recorded reached. */
  private static boolean reached(
      TrancheSchedule.Tranche t, String state, LocalDate reachedOn, LocalDate today) {
    return switch (t.trigger()) {
      case SIGNING -> "IN_FORCE".equals(state) || reachedOn != null;
      case DATE -> t.dueOn() != null && !t.dueOn().isAfter(today);
      default -> reachedOn != null && !reachedOn.isAfter(today);
    };
  }

  private static void check(List<RuleViolation> bad, Outcome<Ledger> o) {
    List<RuleViolation> all = new ArrayList<>(bad);
    if (!o.isOk()) {
      for (RuleViolation v : o.violations()) {
        // a date or amount that could not be read is reported once, as typed
        boolean dup = all.stream().anyMatch(b -> b.field() != null && b.field().equals(v.field()));
        if (!dup) {
          all.add(v);
        }
      }
    }
    if (!all.isEmpty()) {
      throw new RuleViolationException(all);
    }
  }

  private static Ledger.Entry last(Ledger l) {
    return l.entries().get(l.entries().size() - 1);
  }

  /** A date as typed (yyyy-MM-dd), or null with F-DATE when it is not one. */
  static LocalDate date(String text, String field, List<RuleViolation> bad) {
    if (text == null || text.isBlank()) {
      return null; // the ledger reports F-REQ
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      bad.add(RuleViolation.error("F-DATE", field, "contract.ledger.dateFormat"));
      return null;
    }
  }

  /** An amount in 元 as typed (separators allowed), or null with F-MONEY when it is not one. */
  static BigDecimal amount(String text, String field, List<RuleViolation> bad) {
    if (text == null || text.isBlank()) {
      return null; // the ledger reports F-REQ
    }
    try {
      return new BigDecimal(text.replaceAll("[\\s,，]", ""));
    } catch (NumberFormatException e) {
      bad.add(RuleViolation.error("F-MONEY", field, "kernel.money.invalid"));
      return null;
    }
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
