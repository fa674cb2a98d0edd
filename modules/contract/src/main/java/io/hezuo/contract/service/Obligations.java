package io.hezuo.contract.service;

import static io.hezuo.contract.service.Columns.instant;
import static io.hezuo.contract.service.Columns.localDate;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.Text;
import io.hezuo.call.api.TopicView;
import io.hezuo.contract.domain.OnsiteDays;
import io.hezuo.contract.domain.Outcome;
import io.hezuo.contract.domain.Period;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project owes besides its money: on B lines the PI's days on site in the aided region (at
 * least 15 a year; stays recorded by the PI with their evidence; a warning while a year is ending
 * below them, G5), and on every line the contract's performance targets with their yearly progress
 * (reported by the PI, accepted or returned by the officer). Read with the ledger's scope ({@link
 * Ledgers#visible}); only the project's PI records, only an officer reviews.
 */
@ApplicationScoped
public class Obligations {

  public static final String ENTITY = "ContractObligation";

  /** The target that stands for the indicators stated in words (考核指标), reported as text. */
  public static final String INDICATORS = "INDICATORS";

  static final String REPORTED = "REPORTED";
  static final String ACCEPTED = "ACCEPTED";
  static final String RETURNED = "RETURNED";

  @PersistenceContext(unitName = "contract")
  EntityManager em;

  @Inject Ledgers ledgers;
  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;

  /** A stay on site as recorded. */
  public record StayView(
      long id, LocalDate from, LocalDate to, long days, String evidence, Instant recordedAt)
      implements Serializable {}

  /** One year's count of days on site against the days required. */
  public record YearView(int year, long days, int required, long missing, boolean met)
      implements Serializable {}

  /** The days on site of a project (empty and not required on A lines). */
  public record OnsiteView(
      boolean required,
      int requiredPerYear,
      List<StayView> stays,
      List<YearView> years,
      List<String> warningsZh,
      List<String> warningsEn,
      boolean mayRecord)
      implements Serializable {}

  /** A year's report of one target. */
  public record ReportView(
      long id,
      int year,
      Integer achieved,
      String note,
      String state,
      Instant reportedAt,
      String reviewRemark,
      long version)
      implements Serializable {}

  /** A performance target of the contract with its reports by year. */
  public record TargetRow(
      String code, Text label, Integer planned, Text unit, List<ReportView> reports)
      implements Serializable {}

  /** The project's targets, the years that may be reported and what the caller may do. */
  public record TargetsView(
      List<TargetRow> targets, List<Integer> years, boolean mayReport, boolean mayReview)
      implements Serializable {}

  /** A stay as the PI types it (dates yyyy-MM-dd). */
  public record StayForm(String from, String to, String evidence) implements Serializable {}

  /** A target's progress in a year as the PI reports it. */
  public record ReportForm(int year, String targetCode, Integer achieved, String note)
      implements Serializable {}

  /** The officer's review of a report. */
  public record ReviewForm(boolean accept, String remark, Long version) implements Serializable {}

  // ------------------------------------------------------------------------------ on site

  public OnsiteView onsite(long projectId) {
    Object[] p = ledgers.visible(projectId, false);
    boolean required = required(p);
    OnsiteDays days = days(p, projectId);
    List<StayView> stays = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, from_date, to_date, evidence, recorded_at from ct_onsite_stay where"
                    + " project_id = ? order by from_date")
            .setParameter(1, projectId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      LocalDate from = localDate(r[1]);
      LocalDate to = localDate(r[2]);
      stays.add(
          new StayView(
              ((Number) r[0]).longValue(),
              from,
              to,
              new Period(from, to).days(),
              (String) r[3],
              instant(r[4])));
    }
    List<YearView> years = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    if (required) {
      for (OnsiteDays.YearCount c : days.counts().values()) {
        years.add(new YearView(c.year(), c.days(), c.required(), c.missing(), c.met()));
      }
      for (RuleViolation v : days.warnings(clock)) {
        zh.add(io.hezuo.kernel.i18n.Messages.describe(io.hezuo.kernel.i18n.Messages.CHINESE, v));
        en.add(io.hezuo.kernel.i18n.Messages.describe(io.hezuo.kernel.i18n.Messages.ENGLISH, v));
      }
    }
    return new OnsiteView(
        required,
        requiredPerYear(p),
        stays,
        years,
        zh,
        en,
        required && isPi(p) && "IN_FORCE".equals(p[8]));
  }

  /** The PI records a stay on site (B lines, contract in force), with its evidence. */
  @Transactional
  public StayView recordStay(long projectId, StayForm f) {
    caller.require(Role.APPLICANT);
    Object[] p = ledgers.visible(projectId, true);
    if (!isPi(p)) {
      throw new AccessDeniedException("only the project's PI records days on site");
    }
    if (!required(p)) {
      throw new RuleViolationException(
          RuleViolation.error("G5", null, "contract.onsite.notRequired"));
    }
    if (!"IN_FORCE".equals(p[8])) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "contract.ledger.notInForce"));
    }
    List<RuleViolation> bad = new ArrayList<>();
    LocalDate from = Ledgers.date(f == null ? null : f.from(), "onsiteFrom", bad);
    LocalDate to = Ledgers.date(f == null ? null : f.to(), "onsiteTo", bad);
    Outcome<OnsiteDays> o =
        days(p, projectId).record(from, to, f == null ? null : f.evidence(), clock);
    List<RuleViolation> all = new ArrayList<>(bad);
    if (!o.isOk()) {
      for (RuleViolation v : o.violations()) {
        if (all.stream().noneMatch(b -> b.field() != null && b.field().equals(v.field()))) {
          all.add(v);
        }
      }
    }
    if (!all.isEmpty()) {
      throw new RuleViolationException(all);
    }
    String evidence = f.evidence().strip();
    em.createNativeQuery(
            "insert into ct_onsite_stay (project_id, from_date, to_date, evidence, recorded_at,"
                + " recorded_by) values (?, ?, ?, ?, ?, ?)")
        .setParameter(1, projectId)
        .setParameter(2, Date.valueOf(from))
        .setParameter(3, Date.valueOf(to))
        .setParameter(4, evidence)
        .setParameter(5, Timestamp.from(clock.instant()))
        .setParameter(6, caller.name())
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.APPLICANT,
            ENTITY,
            "project/" + projectId,
            "onsite-stay",
            null,
            from + " – " + to,
            evidence));
    return new StayView(id, from, to, new Period(from, to).days(), evidence, clock.instant());
  }

  /**
   * The warnings of the caller's projects whose year on site is ending below the days required (or
   * ended so): the PI's own and, for an officer, every project's. Each line names the project.
   */
  public List<String> onsiteWarnings(java.util.Locale locale) {
    if (!caller.hasAnyRole(Role.OFFICER, Role.APPLICANT)) {
      return List.of();
    }
    Ledgers.Scope scope = ledgers.scope();
    // two statements for all the caller's projects on site: the projects, then their stays
    StringBuilder sql =
        new StringBuilder(
            "select id, acceptance_no, period_from, period_to, coalesce(onsite_days_per_year, 15)"
                + " from ct_project where line_code like 'B%' and contract_state = 'IN_FORCE'");
    List<Object> args = new ArrayList<>();
    scope.restrict(sql, args, "");
    sql.append(" order by acceptance_no");
    jakarta.persistence.Query q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < args.size(); i++) {
      q.setParameter(i + 1, args.get(i));
    }
    List<Object[]> projects = new ArrayList<>();
    for (Object o : q.getResultList()) {
      projects.add((Object[]) o);
    }
    if (projects.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Object[]>> stays = new java.util.HashMap<>();
    List<Long> ids = projects.stream().map(r -> ((Number) r[0]).longValue()).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      jakarta.persistence.Query sq =
          em.createNativeQuery(
              "select project_id, from_date, to_date, evidence from ct_onsite_stay where"
                  + " project_id in ("
                  + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                  + ") order by project_id, from_date");
      for (int i = 0; i < chunk.size(); i++) {
        sq.setParameter(i + 1, chunk.get(i));
      }
      for (Object o : sq.getResultList()) {
        Object[] r = (Object[]) o;
        stays.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(r);
      }
    }
    List<String> out = new ArrayList<>();
    for (Object[] p : projects) {
      long id = ((Number) p[0]).longValue();
      OnsiteDays d =
          replay(
              OnsiteDays.of(
                  new Period(localDate(p[2]), localDate(p[3])),
                  Math.max(1, ((Number) p[4]).intValue())),
              stays.getOrDefault(id, List.of()),
              1);
      for (RuleViolation v : d.warnings(clock)) {
        out.add(p[1] + " " + io.hezuo.kernel.i18n.Messages.describe(locale, v));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------ targets

  public TargetsView targets(long projectId) {
    Object[] p = ledgers.visible(projectId, false);
    Map<String, List<ReportView>> reports = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select id, report_year, target_code, achieved, note, state, reported_at,"
                    + " review_remark, version from ct_target_report where project_id = ? order"
                    + " by report_year")
            .setParameter(1, projectId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      reports
          .computeIfAbsent((String) r[2], k -> new ArrayList<>())
          .add(
              new ReportView(
                  ((Number) r[0]).longValue(),
                  ((Number) r[1]).intValue(),
                  r[3] == null ? null : ((Number) r[3]).intValue(),
                  (String) r[4],
                  (String) r[5],
                  instant(r[6]),
                  (String) r[7],
                  ((Number) r[8]).longValue()));
    }
    List<TargetRow> rows = new ArrayList<>();
    for (TargetRow t : declared(p)) {
      rows.add(
          new TargetRow(
              t.code(),
              t.label(),
              t.planned(),
              t.unit(),
              reports.getOrDefault(t.code(), List.of())));
    }
    return new TargetsView(
        rows, years(p), isPi(p) && "IN_FORCE".equals(p[8]), caller.hasRole(Role.OFFICER));
  }

  /** The PI reports a target's progress in a year (again after it was returned). */
  @Transactional
  public void report(long projectId, ReportForm f) {
    caller.require(Role.APPLICANT);
    Object[] p = ledgers.visible(projectId, true);
    if (!isPi(p)) {
      throw new AccessDeniedException("only the project's PI reports progress");
    }
    if (!"IN_FORCE".equals(p[8])) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "contract.ledger.notInForce"));
    }
    List<RuleViolation> bad = new ArrayList<>();
    TargetRow target =
        declared(p).stream()
            .filter(t -> f != null && t.code().equals(f.targetCode()))
            .findFirst()
            .orElse(null);
    if (target == null) {
      bad.add(RuleViolation.error("F-REQ", "targetCode", "contract.target.unknown"));
    }
    if (f == null || !years(p).contains(f.year())) {
      bad.add(RuleViolation.error("C-PERIOD", "reportYear", "contract.target.year"));
    }
    String note = f == null || f.note() == null ? null : f.note().strip();
    if (target != null && INDICATORS.equals(target.code())) {
      if (note == null || note.isEmpty()) {
        bad.add(RuleViolation.error("F-REQ", "reportNote", "contract.rule.required"));
      }
    } else if (f != null && (f.achieved() == null || f.achieved() < 0)) {
      bad.add(RuleViolation.error("F-REQ", "reportAchieved", "contract.target.achieved"));
    }
    if (note != null && note.length() > 1000) {
      bad.add(RuleViolation.error("F-LEN", "reportNote", "contract.rule.length", 1000));
    }
    if (!bad.isEmpty()) {
      throw new RuleViolationException(bad);
    }
    List<?> existing =
        em.createNativeQuery(
                "select id, state from ct_target_report where project_id = ? and report_year = ?"
                    + " and target_code = ?")
            .setParameter(1, projectId)
            .setParameter(2, f.year())
            .setParameter(3, f.targetCode())
            .getResultList();
    Timestamp now = Timestamp.from(clock.instant());
    if (existing.isEmpty()) {
      em.createNativeQuery(
              "insert into ct_target_report (project_id, report_year, target_code, achieved, note,"
                  + " state, reported_at, reported_by) values (?, ?, ?, ?, ?, 'REPORTED', ?, ?)")
          .setParameter(1, projectId)
          .setParameter(2, f.year())
          .setParameter(3, f.targetCode())
          .setParameter(4, f.achieved())
          .setParameter(5, note)
          .setParameter(6, now)
          .setParameter(7, caller.name())
          .executeUpdate();
    } else {
      Object[] r = (Object[]) existing.get(0);
      if (ACCEPTED.equals(r[1])) {
        throw new RuleViolationException(
            RuleViolation.error("F-STATE", "reportAchieved", "contract.target.accepted"));
      }
      em.createNativeQuery(
              "update ct_target_report set achieved = ?, note = ?, state = 'REPORTED',"
                  + " reported_at = ?, reported_by = ?, version = version + 1 where id = ?")
          .setParameter(1, f.achieved())
          .setParameter(2, note)
          .setParameter(3, now)
          .setParameter(4, caller.name())
          .setParameter(5, r[0])
          .executeUpdate();
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.APPLICANT,
            ENTITY,
            "project/" + projectId,
            "target-report",
            null,
            f.year()
                + " "
                + (INDICATORS.equals(target.code()) ? "考核指标" : target.label().zh())
                + (f.achieved() == null ? "" : ": " + f.achieved()),
            note));
  }

  /** The officer accepts a report, or returns it with a remark (then the PI reports again). */
  @Transactional
  public void review(long projectId, long reportId, ReviewForm f) {
    caller.require(Role.OFFICER);
    ledgers.visible(projectId, true);
    List<?> r =
        em.createNativeQuery(
                "select state, version from ct_target_report where id = ? and project_id = ?")
            .setParameter(1, reportId)
            .setParameter(2, projectId)
            .getResultList();
    if (r.isEmpty()) {
      throw new NotFoundException("no report " + reportId);
    }
    Object[] row = (Object[]) r.get(0);
    List<RuleViolation> bad = new ArrayList<>();
    String remark = f == null || f.remark() == null ? "" : f.remark().strip();
    if (f == null) {
      bad.add(RuleViolation.error("F-REQ", "reviewRemark", "contract.rule.required"));
    } else if (!f.accept() && remark.isEmpty()) {
      bad.add(RuleViolation.error("F-REQ", "reviewRemark", "contract.rule.required"));
    }
    if (remark.length() > 500) {
      bad.add(RuleViolation.error("F-LEN", "reviewRemark", "contract.rule.length", 500));
    }
    if (!REPORTED.equals(row[0])) {
      bad.add(RuleViolation.error("F-STATE", null, "contract.target.notReported"));
    }
    if (f != null && f.version() != null && f.version() != ((Number) row[1]).longValue()) {
      throw new io.hezuo.kernel.rule.StaleEditException(
          RuleViolation.error("F-STALE", null, "contract.target.stale"));
    }
    if (!bad.isEmpty()) {
      throw new RuleViolationException(bad);
    }
    String state = f.accept() ? ACCEPTED : RETURNED;
    em.createNativeQuery(
            "update ct_target_report set state = ?, review_remark = ?, reviewed_at = ?,"
                + " reviewed_by = ?, version = version + 1 where id = ?")
        .setParameter(1, state)
        .setParameter(2, remark.isEmpty() ? null : remark)
        .setParameter(3, Timestamp.from(clock.instant()))
        .setParameter(4, caller.name())
        .setParameter(5, reportId)
        .executeUpdate();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            "project/" + projectId,
            "target-review",
            REPORTED,
            state,
            remark));
  }

  // ------------------------------------------------------------------------------ helpers

  /** The contract's targets: the declared figures (B lines' topic targets) and the indicators. */
  private List<TargetRow> declared(Object[] p) {
    long applicationId = ((Number) p[1]).longValue();
    List<TargetRow> out = new ArrayList<>();
    ApplicationView a;
    try {
      a = applications.read(applicationId);
    } catch (RuntimeException e) {
      a = null;
    }
    Map<String, Integer> declared = a == null ? Map.of() : a.form().targets();
    if (declared != null && !declared.isEmpty()) {
      Map<String, TargetView> known = new LinkedHashMap<>();
      long callId =
          ((Number)
                  em.createNativeQuery("select call_id from ct_project where id = ?")
                      .setParameter(1, p[0])
                      .getSingleResult())
              .longValue();
      for (TopicView t : calls.topics(callId, (String) p[4])) {
        for (TargetView v : t.targets()) {
          known.putIfAbsent(v.code(), v);
        }
      }
      declared.forEach(
          (code, planned) -> {
            TargetView v = known.get(code);
            out.add(
                new TargetRow(
                    code,
                    v == null ? new Text(code, code) : v.label(),
                    planned,
                    v == null ? null : v.unit(),
                    List.of()));
          });
    }
    String words = a == null ? null : a.form().textIndicators();
    out.add(
        new TargetRow(
            INDICATORS,
            new Text(
                "考核指标" + (words == null || words.isBlank() ? "" : "：" + words.strip()),
                "Indicators" + (words == null || words.isBlank() ? "" : ": " + words.strip())),
            null,
            null,
            List.of()));
    return out;
  }

  /** The years of the contract that may be reported: from its first to this year (or its last). */
  private List<Integer> years(Object[] p) {
    LocalDate from = localDate(p[9]);
    LocalDate to = localDate(p[10]);
    int now = LocalDate.ofInstant(clock.instant(), Zones.SHANGHAI).getYear();
    List<Integer> out = new ArrayList<>();
    for (int y = from.getYear(); y <= Math.min(to.getYear(), now); y++) {
      out.add(y);
    }
    return out;
  }

  private boolean required(Object[] p) {
    return requiredPerYear(p) > 0;
  }

  /** The days a year on site: the line's (B lines), 0 where none is asked. */
  private int requiredPerYear(Object[] p) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "select coalesce(onsite_days_per_year, case when line_code like 'B%' then 15"
                        + " else 0 end) from ct_project where id = ?")
                .setParameter(1, p[0])
                .getSingleResult();
    return n == null ? 0 : n.intValue();
  }

  private OnsiteDays days(Object[] p, long projectId) {
    OnsiteDays d =
        OnsiteDays.of(
            new Period(localDate(p[9]), localDate(p[10])), Math.max(1, requiredPerYear(p)));
    List<Object[]> rows = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select from_date, to_date, evidence from ct_onsite_stay where project_id = ?"
                    + " order by from_date")
            .setParameter(1, projectId)
            .getResultList()) {
      rows.add((Object[]) o);
    }
    return replay(d, rows, 0);
  }

  /** Stored stays (from, to, evidence at {@code at}, {@code at+1}, {@code at+2}) replayed. */
  private static OnsiteDays replay(OnsiteDays d, List<Object[]> rows, int at) {
    // stored stays were checked when recorded: replayed without today's limit
    Clock always = Clock.fixed(Instant.parse("9999-12-31T00:00:00Z"), Zones.SHANGHAI);
    for (Object[] r : rows) {
      Outcome<OnsiteDays> next =
          d.record(localDate(r[at]), localDate(r[at + 1]), (String) r[at + 2], always);
      if (next.isOk()) {
        d = next.value();
      }
    }
    return d;
  }

  private boolean isPi(Object[] p) {
    return caller.hasRole(Role.APPLICANT) && caller.name().equals(p[13]);
  }
}
