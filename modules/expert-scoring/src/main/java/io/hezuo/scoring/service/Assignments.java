package io.hezuo.scoring.service;

import io.hezuo.directory.api.NoticeMail;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.message.Inbox;
import io.hezuo.kernel.message.MessageDraft;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.Assignment;
import io.hezuo.scoring.domain.Conflicts;
import io.hezuo.scoring.service.ConflictCheck.Facts;
import io.hezuo.scoring.service.ConflictCheck.PoolExpert;
import io.hezuo.scoring.service.ConflictCheck.ReviewApplication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The officer's assignment of experts to the applications of the current review (issue 13):
 * automatically ({@link Assignment#solve}: N experts each, active experts only, loads counted with
 * what each already holds, conflicts excluded, sheets an expert has opened kept), by hand (the
 * conflict check applied again), removing an expert, reopening a submitted sheet, the progress per
 * application and per expert, and reminders. Every change audited.
 */
@ApplicationScoped
public class Assignments {

  /** Statuses of an assignment. */
  public static final String ASSIGNED = "ASSIGNED";

  public static final String DRAFT = "DRAFT";
  public static final String SUBMITTED = "SUBMITTED";
  public static final String CONFLICT = "CONFLICT";
  public static final String REMOVED = "REMOVED";

  /** Where an expert finds their assignments (the link of a reminder). */
  public static final String MY_ASSIGNMENTS = "/app/scoring/mine.xhtml";

  static final String ENTITY = "ScoringAssignment";

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Caller caller;
  @Inject ConflictCheck conflicts;
  @Inject ReviewSettings settings;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Inbox inbox;
  @Inject NoticeMail mail;

  /** An assignment as the officer sees it (expert names are fine for the officer). */
  public record Row(
      long id,
      long applicationId,
      long expertId,
      String expertName,
      String status,
      int fit,
      boolean pinned,
      Instant assignedAt,
      Instant submittedAt,
      Instant remindedAt,
      BigDecimal total)
      implements Serializable {

    /** Whether the expert still holds it (counts towards the panel and the load). */
    public boolean active() {
      return ASSIGNED.equals(status) || DRAFT.equals(status) || SUBMITTED.equals(status);
    }
  }

  /** An application of the review with its experts and progress. */
  public record ApplicationProgress(
      long applicationId,
      String acceptanceNo,
      String titleZh,
      String titleEn,
      String lineCode,
      String codes,
      List<Row> experts,
      int assigned,
      int submitted,
      int conflicts,
      int shortfall)
      implements Serializable {

    /** An expert declared a conflict and was not replaced yet: the officer must reassign. */
    public boolean needsReassignment() {
      return conflicts > 0 && shortfall > 0;
    }
  }

  /** An expert's progress: assignments held, submitted, overdue (window closed, not submitted). */
  public record ExpertProgress(
      long expertId,
      String name,
      String unitName,
      boolean active,
      int maxLoad,
      int assigned,
      int submitted,
      int overdue,
      Instant remindedAt)
      implements Serializable {

    public int unfinished() {
      return assigned - submitted;
    }
  }

  /** One application left short by the automatic assignment, and why. */
  public record Short(
      long applicationId, String acceptanceNo, int missing, String reason, String zh, String en)
      implements Serializable {}

  /** What the automatic assignment did. */
  public record Summary(
      int applications,
      int assigned,
      int added,
      int kept,
      int replaced,
      BigDecimal averageFit,
      List<Short> shortfalls)
      implements Serializable {}

  // ------------------------------------------------------------------------------ reading

  /** Every application of the review with its experts (officers), by acceptance number. */
  public List<ApplicationProgress> overview() {
    caller.require(Role.OFFICER);
    Facts f = conflicts.facts(null, false);
    int per = settings.of(f.callId()).perApplication();
    Map<Long, List<Row>> rows = rows(f.callId(), f.experts());
    List<ApplicationProgress> out = new ArrayList<>();
    for (ReviewApplication a : f.applications().values()) {
      List<Row> mine = rows.getOrDefault(a.id(), List.of());
      int active = (int) mine.stream().filter(Row::active).count();
      out.add(
          new ApplicationProgress(
              a.id(),
              a.acceptanceNo(),
              a.titleZh(),
              a.titleEn(),
              a.lineCode(),
              String.join(" · ", a.fields()),
              mine,
              active,
              (int) mine.stream().filter(r -> SUBMITTED.equals(r.status())).count(),
              (int) mine.stream().filter(r -> CONFLICT.equals(r.status())).count(),
              Math.max(0, per - active)));
    }
    out.sort(
        Comparator.comparing(
            (ApplicationProgress p) -> p.acceptanceNo() == null ? "" : p.acceptanceNo()));
    return out;
  }

  /** Every expert of the pool with their progress on the current call (officers), by name. */
  public List<ExpertProgress> experts() {
    caller.require(Role.OFFICER);
    Facts f = conflicts.facts(List.of(), false);
    Instant now = clock.instant();
    boolean closed = settings.of(f.callId()).closed(now);
    Map<Long, int[]> counts = new HashMap<>();
    Map<Long, Instant> reminded = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select expert_id, status, count(*), max(reminded_at) from sc_assignment"
                    + " where call_id = ? group by expert_id, status")
            .setParameter(1, f.callId())
            .getResultList()) {
      Object[] r = (Object[]) o;
      long e = ((Number) r[0]).longValue();
      String s = (String) r[1];
      int n = ((Number) r[2]).intValue();
      int[] c = counts.computeIfAbsent(e, k -> new int[3]);
      if (ASSIGNED.equals(s) || DRAFT.equals(s) || SUBMITTED.equals(s)) {
        c[0] += n;
      }
      if (SUBMITTED.equals(s)) {
        c[1] += n;
      } else if ((ASSIGNED.equals(s) || DRAFT.equals(s)) && closed) {
        c[2] += n;
      }
      Instant at = Times.instant(r[3]);
      if (at != null) {
        reminded.merge(e, at, (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    List<ExpertProgress> out = new ArrayList<>();
    for (PoolExpert e : f.experts().values()) {
      int[] c = counts.getOrDefault(e.id(), new int[3]);
      if (!e.active() && c[0] == 0) {
        continue;
      }
      out.add(
          new ExpertProgress(
              e.id(),
              e.name(),
              e.unitName(),
              e.active(),
              e.maxLoad(),
              c[0],
              c[1],
              c[2],
              reminded.get(e.id())));
    }
    out.sort(Comparator.comparing(ExpertProgress::name).thenComparing(ExpertProgress::expertId));
    return out;
  }

  // ------------------------------------------------------------------------------ automatic

  /**
   * Assigns experts automatically to the applications of the review ({@code only}: just these; null
   * or empty: all), after the officer confirmed ({@code confirm}; else refused, F-REQ): sheets an
   * expert has opened, saved or submitted and pairs the officer fixed by hand are kept; the other
   * assignments of those applications are replaced by the optimum. Audited.
   */
  @Transactional
  public Summary auto(Collection<Long> only, boolean confirm) {
    caller.require(Role.OFFICER);
    if (!confirm) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "confirm", "scoring.assign.confirm"));
    }
    Facts f = conflicts.facts(only == null || only.isEmpty() ? null : only);
    if (only != null && !only.isEmpty()) {
      for (Long id : only) {
        if (!f.applications().containsKey(id)) {
          throw new NotFoundException("no application under review " + id);
        }
      }
    }
    ReviewSettings.Review review = settings.of(f.callId());
    Set<Long> scope = f.applications().keySet();
    List<Object[]> existing = existing(f.callId());
    Set<Assignment.Pair> pinned = new HashSet<>();
    Set<Assignment.Pair> blocked = new HashSet<>();
    Map<Assignment.Pair, Long> replaceable = new HashMap<>();
    Map<Long, Integer> heldElsewhere = new HashMap<>();
    for (Object[] r : heldOutside(f.callId(), scope)) {
      heldElsewhere.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
    }
    for (Object[] r : existing) {
      long id = ((Number) r[0]).longValue();
      long app = ((Number) r[1]).longValue();
      long exp = ((Number) r[2]).longValue();
      String status = (String) r[3];
      boolean pin = Times.bool(r[4]);
      if (!scope.contains(app)) {
        continue;
      }
      Assignment.Pair p = new Assignment.Pair(app, exp);
      if (DRAFT.equals(status) || SUBMITTED.equals(status) || (ASSIGNED.equals(status) && pin)) {
        pinned.add(p);
      } else if (ASSIGNED.equals(status)) {
        replaceable.put(p, id);
      } else {
        blocked.add(p); // CONFLICT or REMOVED: never again automatically
      }
    }
    List<Assignment.Expert> experts = new ArrayList<>();
    Set<Long> pinnedExperts = new HashSet<>();
    pinned.forEach(p -> pinnedExperts.add(p.expertId()));
    Map<Long, PoolExpert> pool = f.experts();
    Set<Assignment.Pair> forbidden = new HashSet<>();
    for (PoolExpert e : pool.values()) {
      int free = Math.max(0, e.maxLoad() - heldElsewhere.getOrDefault(e.id(), 0));
      long mine = pinned.stream().filter(p -> p.expertId() == e.id()).count();
      if (!e.active()) {
        if (!pinnedExperts.contains(e.id())) {
          continue;
        }
        free = (int) mine; // keeps what they started, takes nothing new
        for (long a : scope) {
          forbidden.add(new Assignment.Pair(a, e.id()));
        }
      }
      experts.add(new Assignment.Expert(e.id(), e.fields(), Math.max(free, (int) mine)));
      for (ReviewApplication a : f.applications().values()) {
        if (!f.reasons(e, a).isEmpty()) {
          forbidden.add(new Assignment.Pair(a.id(), e.id()));
        }
      }
    }
    forbidden.addAll(blocked);
    forbidden.removeAll(pinned);
    List<Assignment.Application> apps = new ArrayList<>();
    for (ReviewApplication a : f.applications().values()) {
      apps.add(new Assignment.Application(a.id(), a.fields()));
    }
    Assignment.Result result =
        Assignment.solve(
            new Assignment.Problem(
                apps, experts, forbidden, pinned, review.perApplication(), false));
    Timestamp now = Timestamp.from(clock.instant());
    Set<Assignment.Pair> chosen = new HashSet<>();
    int added = 0;
    int kept = 0;
    long fitSum = 0;
    for (Assignment.Pick p : result.picks()) {
      Assignment.Pair pair = new Assignment.Pair(p.applicationId(), p.expertId());
      chosen.add(pair);
      fitSum += p.fit();
      if (pinned.contains(pair) || replaceable.containsKey(pair)) {
        kept++;
        if (replaceable.containsKey(pair)) {
          em.createNativeQuery("update sc_assignment set fit = ? where id = ?")
              .setParameter(1, p.fit())
              .setParameter(2, replaceable.get(pair))
              .executeUpdate();
        }
        continue;
      }
      int inserted =
          em.createNativeQuery(
                  "insert ignore into sc_assignment (call_id, application_id, expert_id, line_code,"
                      + " status, fit, pinned, assigned_by, assigned_at, version) values (?, ?, ?, ?,"
                      + " 'ASSIGNED', ?, false, ?, ?, 0)")
              .setParameter(1, f.callId())
              .setParameter(2, p.applicationId())
              .setParameter(3, p.expertId())
              .setParameter(4, f.applications().get(p.applicationId()).lineCode())
              .setParameter(5, p.fit())
              .setParameter(6, caller.name())
              .setParameter(7, now)
              .executeUpdate();
      if (inserted != 1) {
        // another officer's run assigned the pair meanwhile: nothing of this run is kept
        throw new RuleViolationException(
            RuleViolation.error("F-STALE", null, "scoring.assign.stale"));
      }
      added++;
    }
    int replaced = 0;
    for (Map.Entry<Assignment.Pair, Long> e : replaceable.entrySet()) {
      if (!chosen.contains(e.getKey())) {
        replaced +=
            em.createNativeQuery("delete from sc_assignment where id = ? and status = 'ASSIGNED'")
                .setParameter(1, e.getValue())
                .executeUpdate();
      }
    }
    List<Short> shortfalls = new ArrayList<>();
    for (Assignment.Shortfall s : result.shortfalls()) {
      ReviewApplication a = f.applications().get(s.applicationId());
      String key = "scoring.assign.short." + s.reason().name();
      shortfalls.add(
          new Short(
              s.applicationId(),
              a.acceptanceNo(),
              s.missing(),
              s.reason().name(),
              io.hezuo.kernel.i18n.Messages.get(
                  io.hezuo.kernel.i18n.Messages.CHINESE, key, s.missing()),
              io.hezuo.kernel.i18n.Messages.get(
                  io.hezuo.kernel.i18n.Messages.ENGLISH, key, s.missing())));
    }
    int assigned = result.picks().size();
    BigDecimal average =
        assigned == 0
            ? BigDecimal.ZERO.setScale(2)
            : BigDecimal.valueOf(fitSum)
                .divide(BigDecimal.valueOf(assigned), 2, RoundingMode.HALF_UP);
    Summary summary =
        new Summary(apps.size(), assigned, added, kept, replaced, average, shortfalls);
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            "call/" + f.callId(),
            "assign-auto",
            null,
            apps.size()
                + " applications, "
                + assigned
                + " assigned ("
                + added
                + " new, "
                + kept
                + " kept, "
                + replaced
                + " replaced), average fit "
                + average
                + ", "
                + shortfalls.size()
                + " short",
            null));
    return summary;
  }

  // ------------------------------------------------------------------------------ by hand

  /**
   * Adds an expert to an application by hand (officers): refused with the reasons when the pair
   * conflicts (F-CONFLICT, each reason explained), when the expert is inactive (F-EXPERT), already
   * on it (F-STATE), at their maximum load (F-LOAD) or the panel is full (F-PANEL). The pair is
   * kept by later automatic runs. Audited.
   */
  @Transactional
  public Row add(long applicationId, long expertId) {
    caller.require(Role.OFFICER);
    Facts f = conflicts.facts(List.of(applicationId));
    ReviewApplication a = f.applications().get(applicationId);
    if (a == null) {
      throw new NotFoundException("no application under review " + applicationId);
    }
    PoolExpert e = f.experts().get(expertId);
    if (e == null) {
      throw new NotFoundException("no expert " + expertId);
    }
    List<Conflicts.Reason> reasons = f.reasons(e, a);
    List<RuleViolation> problems = new ArrayList<>();
    for (Conflicts.Reason r : reasons) {
      problems.add(
          RuleViolation.error(
              "F-CONFLICT", "expertId", "scoring.conflict." + r.kind().name(), r.args().toArray()));
    }
    if (!e.active()) {
      problems.add(
          RuleViolation.error("F-EXPERT", "expertId", "scoring.assign.inactive", e.name()));
    }
    List<?> same =
        em.createNativeQuery(
                "select id, status from sc_assignment where application_id = ? and expert_id = ?")
            .setParameter(1, applicationId)
            .setParameter(2, expertId)
            .getResultList();
    Long previous = null;
    if (!same.isEmpty()) {
      Object[] r = (Object[]) same.get(0);
      String status = (String) r[1];
      if (REMOVED.equals(status)) {
        previous = ((Number) r[0]).longValue();
      } else if (CONFLICT.equals(status)) {
        if (reasons.isEmpty()) {
          // the expert declared a conflict (never assigned again), whatever its record says now
          problems.add(
              RuleViolation.error("F-CONFLICT", "expertId", "scoring.conflict.DECLARED", "—"));
        }
      } else {
        problems.add(
            RuleViolation.error("F-STATE", "expertId", "scoring.assign.already", e.name()));
      }
    }
    int held = held(f.callId(), expertId);
    if (held >= e.maxLoad()) {
      problems.add(
          RuleViolation.error(
              "F-LOAD", "expertId", "scoring.assign.load", e.name(), e.maxLoad(), held));
    }
    int per = settings.of(f.callId()).perApplication();
    int panel =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from sc_assignment where application_id = ? and status"
                            + " in ('ASSIGNED', 'DRAFT', 'SUBMITTED')")
                    .setParameter(1, applicationId)
                    .getSingleResult())
            .intValue();
    if (panel >= per) {
      problems.add(RuleViolation.error("F-PANEL", "applicationId", "scoring.assign.full", per));
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    int fit = Assignment.fit(a.fields(), e.fields());
    Timestamp now = Timestamp.from(clock.instant());
    long id;
    if (previous != null) {
      em.createNativeQuery(
              "update sc_assignment set status = 'ASSIGNED', fit = ?, pinned = true,"
                  + " assigned_by = ?, assigned_at = ?, scores = null, comment = null,"
                  + " verdict = null, total = null, saved_at = null, submitted_at = null,"
                  + " version = version + 1 where id = ?")
          .setParameter(1, fit)
          .setParameter(2, caller.name())
          .setParameter(3, now)
          .setParameter(4, previous)
          .executeUpdate();
      id = previous;
    } else {
      int inserted =
          em.createNativeQuery(
                  "insert ignore into sc_assignment (call_id, application_id, expert_id, line_code,"
                      + " status, fit, pinned, assigned_by, assigned_at, version) values (?, ?, ?, ?,"
                      + " 'ASSIGNED', ?, true, ?, ?, 0)")
              .setParameter(1, f.callId())
              .setParameter(2, applicationId)
              .setParameter(3, expertId)
              .setParameter(4, a.lineCode())
              .setParameter(5, fit)
              .setParameter(6, caller.name())
              .setParameter(7, now)
              .executeUpdate();
      if (inserted != 1) {
        // someone assigned the pair meanwhile
        throw new RuleViolationException(
            RuleViolation.error("F-STALE", null, "scoring.assign.stale"));
      }
      id =
          ((Number)
                  em.createNativeQuery(
                          "select id from sc_assignment where application_id = ? and"
                              + " expert_id = ?")
                      .setParameter(1, applicationId)
                      .setParameter(2, expertId)
                      .getSingleResult())
              .longValue();
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            String.valueOf(id),
            "assign-add",
            previous == null ? null : REMOVED,
            ASSIGNED + " " + a.acceptanceNo() + " ← " + e.name() + " (fit " + fit + ")",
            null));
    return row(id);
  }

  /**
   * Takes an expert off an application (officers), with a reason (F-REQ); not once the sheet is
   * submitted (F-STATE: reopen it first, or keep it). Audited.
   */
  @Transactional
  public Row remove(long assignmentId, String reason) {
    caller.require(Role.OFFICER);
    Row r = row(assignmentId);
    if (reason == null || reason.isBlank()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "reason", "scoring.assign.reason"));
    }
    if (!ASSIGNED.equals(r.status()) && !DRAFT.equals(r.status())) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "scoring.assign.notRemovable"));
    }
    int n =
        em.createNativeQuery(
                "update sc_assignment set status = 'REMOVED', pinned = false,"
                    + " version = version + 1 where id = ? and status in ('ASSIGNED', 'DRAFT')")
            .setParameter(1, assignmentId)
            .executeUpdate();
    if (n != 1) {
      throw new RuleViolationException(
          RuleViolation.error("F-STALE", null, "scoring.assign.stale"));
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            String.valueOf(assignmentId),
            "assign-remove",
            r.status() + " " + r.expertName(),
            REMOVED,
            reason.trim()));
    return row(assignmentId);
  }

  /**
   * Reopens a submitted sheet (officers), with a reason (F-REQ): back to a draft the expert may
   * change and submit again; the time it was submitted kept in the audit, the reopening recorded on
   * the assignment.
   */
  @Transactional
  public Row reopen(long assignmentId, String reason) {
    caller.require(Role.OFFICER);
    Row r = row(assignmentId);
    if (reason == null || reason.isBlank()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "reason", "scoring.reopen.reason"));
    }
    if (!SUBMITTED.equals(r.status())) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "scoring.reopen.notSubmitted"));
    }
    Timestamp now = Timestamp.from(clock.instant());
    int n =
        em.createNativeQuery(
                "update sc_assignment set status = 'DRAFT', submitted_at = null,"
                    + " reopened_at = ?, reopened_by = ?, reopen_reason = ?,"
                    + " version = version + 1 where id = ? and status = 'SUBMITTED'")
            .setParameter(1, now)
            .setParameter(2, caller.name())
            .setParameter(3, reason.trim())
            .setParameter(4, assignmentId)
            .executeUpdate();
    if (n != 1) {
      throw new RuleViolationException(
          RuleViolation.error("F-STALE", null, "scoring.assign.stale"));
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            String.valueOf(assignmentId),
            "sheet-reopen",
            SUBMITTED + " " + r.submittedAt() + " (total " + r.total() + ")",
            DRAFT,
            reason.trim()));
    return row(assignmentId);
  }

  /**
   * Reminds the experts with unfinished sheets on the current call ({@code expertIds}: just these;
   * null or empty: all) in their inbox and by e-mail; sets the reminder's time on those sheets.
   * Audited. Returns how many experts were reminded.
   */
  @Transactional
  public int remind(Collection<Long> expertIds) {
    caller.require(Role.OFFICER);
    Facts f = conflicts.facts(List.of(), false);
    ReviewSettings.Review review = settings.of(f.callId());
    Map<Long, Integer> unfinished = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select expert_id, count(*) from sc_assignment where call_id = ? and status in"
                    + " ('ASSIGNED', 'DRAFT') group by expert_id order by expert_id")
            .setParameter(1, f.callId())
            .getResultList()) {
      Object[] r = (Object[]) o;
      long e = ((Number) r[0]).longValue();
      if (expertIds == null || expertIds.isEmpty() || expertIds.contains(e)) {
        unfinished.put(e, ((Number) r[1]).intValue());
      }
    }
    Timestamp now = Timestamp.from(clock.instant());
    String deadline =
        review.closesAt() == null ? "—" : io.hezuo.kernel.time.Zones.format(review.closesAt());
    int reminded = 0;
    List<String> names = new ArrayList<>();
    for (Map.Entry<Long, Integer> u : unfinished.entrySet()) {
      PoolExpert e = f.experts().get(u.getKey());
      if (e == null || e.username() == null || e.username().isBlank()) {
        continue;
      }
      String[] args = {String.valueOf(u.getValue()), deadline};
      String entityId = String.valueOf(e.id());
      inbox.send(
          MessageDraft.notice(
              "ScoringExpert",
              entityId,
              Map.of(e.username(), MY_ASSIGNMENTS),
              "scoring.notice.remind",
              args));
      mail.send(
          List.of(e.username()),
          "ScoringExpert",
          entityId,
          "scoring.mail.body",
          "scoring.notice.remind",
          (Object[]) args);
      em.createNativeQuery(
              "update sc_assignment set reminded_at = ? where call_id = ? and expert_id = ? and"
                  + " status in ('ASSIGNED', 'DRAFT')")
          .setParameter(1, now)
          .setParameter(2, f.callId())
          .setParameter(3, e.id())
          .executeUpdate();
      reminded++;
      names.add(e.name());
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            ENTITY,
            "call/" + f.callId(),
            "assign-remind",
            null,
            reminded + " experts: " + String.join(", ", names),
            null));
    return reminded;
  }

  // ------------------------------------------------------------------------------ helpers

  /** One assignment (officers); unknown: not found. */
  public Row row(long assignmentId) {
    caller.require(Role.OFFICER);
    List<?> rows =
        em.createNativeQuery(
                "select a.id, a.application_id, a.expert_id, e.name, a.status, a.fit, a.pinned,"
                    + " a.assigned_at, a.submitted_at, a.reminded_at, a.total from sc_assignment a"
                    + " join sc_expert e on e.id = a.expert_id where a.id = ?")
            .setParameter(1, assignmentId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("no assignment " + assignmentId);
    }
    return row((Object[]) rows.get(0));
  }

  private Map<Long, List<Row>> rows(long callId, Map<Long, PoolExpert> experts) {
    Map<Long, List<Row>> out = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select a.id, a.application_id, a.expert_id, e.name, a.status, a.fit, a.pinned,"
                    + " a.assigned_at, a.submitted_at, a.reminded_at, a.total from sc_assignment a"
                    + " join sc_expert e on e.id = a.expert_id where a.call_id = ? and a.status"
                    + " <> 'REMOVED' order by a.application_id, e.name, a.id")
            .setParameter(1, callId)
            .getResultList()) {
      Row r = row((Object[]) o);
      out.computeIfAbsent(r.applicationId(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static Row row(Object[] r) {
    return new Row(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        ((Number) r[2]).longValue(),
        (String) r[3],
        (String) r[4],
        ((Number) r[5]).intValue(),
        Times.bool(r[6]),
        Times.instant(r[7]),
        Times.instant(r[8]),
        Times.instant(r[9]),
        r[10] == null ? null : new BigDecimal(r[10].toString()));
  }

  private List<Object[]> existing(long callId) {
    List<Object[]> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, application_id, expert_id, status, pinned from sc_assignment where"
                    + " call_id = ?")
            .setParameter(1, callId)
            .getResultList()) {
      out.add((Object[]) o);
    }
    return out;
  }

  /** Per expert, the sheets they hold on the call's applications outside {@code scope}. */
  private List<Object[]> heldOutside(long callId, Set<Long> scope) {
    List<Object[]> out = new ArrayList<>();
    Set<Long> in = new HashSet<>(scope);
    Map<Long, Integer> count = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select expert_id, application_id from sc_assignment where call_id = ? and"
                    + " status in ('ASSIGNED', 'DRAFT', 'SUBMITTED')")
            .setParameter(1, callId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      if (!in.contains(((Number) r[1]).longValue())) {
        count.merge(((Number) r[0]).longValue(), 1, Integer::sum);
      }
    }
    count.forEach((e, n) -> out.add(new Object[] {e, n}));
    return out;
  }

  private int held(long callId, long expertId) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from sc_assignment where call_id = ? and expert_id = ? and"
                        + " status in ('ASSIGNED', 'DRAFT', 'SUBMITTED')")
                .setParameter(1, callId)
                .setParameter(2, expertId)
                .getSingleResult())
        .intValue();
  }
}
