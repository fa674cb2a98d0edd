package io.hezuo.formalreview.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.formalreview.api.RunView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.PiDocument;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts, resumes and reports formal review runs over the current call's round. One run of a call
 * at a time, also with several servers: starting locks the call's guard row. A RUNNING run whose
 * owner's heartbeat is older than {@link #STALE} is stalled (its server died); it is resumed from
 * the job's last checkpoint, by a formal reviewer or officer, or by {@link RunRecovery}.
 */
@ApplicationScoped
public class Runs {

  static final String JOB = "formal-review-run";
  private static final Logger LOG = Logger.getLogger(Runs.class.getName());

  /**
   * How old a running run's heartbeat may be before its owner counts as dead: 2 minutes, or the
   * seconds in {@code HEZUO_RUN_STALE_SECONDS} (the integration tests shorten it). It must exceed
   * the longest chunk, since the owner beats the heart once per chunk.
   */
  static final Duration STALE = seconds("HEZUO_RUN_STALE_SECONDS", Duration.ofMinutes(2));

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Runs self;

  /**
   * Starts a run over the round: refused while another run of the call is running (not stalled).
   * {@code chunk} and {@code pauseMillis} tune the job (null: 10 and 0).
   */
  public RunView start(Integer chunk, Integer pauseMillis) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    CallView call = calls.current().orElseThrow(() -> new NotFoundException("no published call"));
    List<Long> ids =
        applications.piDocuments(call.id(), RoundG2.ROUND).stream()
            .map(PiDocument::applicationId)
            .sorted()
            .toList();
    long runId = self.prepare(call.id(), ids, caller.name(), role());
    Properties p = new Properties();
    p.setProperty("runId", String.valueOf(runId));
    p.setProperty("chunk", String.valueOf(chunk == null ? 10 : Math.max(1, Math.min(500, chunk))));
    p.setProperty(
        "pauseMillis", String.valueOf(pauseMillis == null ? 0 : Math.max(0, pauseMillis)));
    try {
      long execution = BatchRuntime.getJobOperator().start(JOB, p);
      self.executing(runId, execution, false);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "formal review run " + runId + " could not start", e);
      self.failed(runId, e.toString());
      throw e;
    }
    return view(runId);
  }

  /** Creates the run and its items under the call's guard row (one running run per call). */
  @Transactional
  public long prepare(long callId, List<Long> ids, String by, String role) {
    em.createNativeQuery("insert ignore into fr_run_guard (call_id, run_id) values (?, null)")
        .setParameter(1, callId)
        .executeUpdate();
    Object running =
        em.createNativeQuery("select run_id from fr_run_guard where call_id = ? for update")
            .setParameter(1, callId)
            .getSingleResult();
    if (running != null) {
      long other = ((Number) running).longValue();
      RunView v = view(other);
      if ("RUNNING".equals(v.status())) {
        throw new RuleViolationException(
            RuleViolation.error(
                "F-RUN",
                null,
                v.stalled() ? "formalreview.run.stalledExists" : "formalreview.run.alreadyRunning",
                v.done(),
                v.total()));
      }
    }
    Instant now = clock.instant();
    em.createNativeQuery(
            "insert into fr_run (call_id, status, total, owner, heartbeat_at, started_by,"
                + " started_at) values (?, 'RUNNING', ?, ?, ?, ?, ?)")
        .setParameter(1, callId)
        .setParameter(2, ids.size())
        .setParameter(3, RunWork.NODE)
        .setParameter(4, Timestamp.from(now))
        .setParameter(5, by)
        .setParameter(6, Timestamp.from(now))
        .executeUpdate();
    long runId =
        ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
    int position = 0;
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
      StringBuilder sql =
          new StringBuilder("insert into fr_run_item (run_id, position, application_id) values ");
      for (int i = 0; i < part.size(); i++) {
        sql.append(i == 0 ? "" : ",")
            .append('(')
            .append(runId)
            .append(',')
            .append(++position)
            .append(',')
            .append(part.get(i))
            .append(')');
      }
      em.createNativeQuery(sql.toString()).executeUpdate();
    }
    em.createNativeQuery("update fr_run_guard set run_id = ? where call_id = ?")
        .setParameter(1, runId)
        .setParameter(2, callId)
        .executeUpdate();
    audit.record(
        new AuditEntry(
            by,
            role,
            "FormalReviewRun",
            String.valueOf(runId),
            "formal-run-start",
            null,
            ids.size() + " applications",
            null));
    return runId;
  }

  /** Records the job execution that works for a run (and counts a resumption). */
  @Transactional
  public void executing(long runId, long execution, boolean restart) {
    em.createNativeQuery(
            "update fr_run set execution_id = ?, owner = ?, heartbeat_at = ?,"
                + " restarts = restarts + ?, version = version + 1 where id = ?")
        .setParameter(1, execution)
        .setParameter(2, RunWork.NODE)
        .setParameter(3, Timestamp.from(clock.instant()))
        .setParameter(4, restart ? 1 : 0)
        .setParameter(5, runId)
        .executeUpdate();
  }

  @Transactional
  public void failed(long runId, String why) {
    em.createNativeQuery(
            "update fr_run set status = 'FAILED', failure = ?, finished_at = ? where id = ?")
        .setParameter(1, why.substring(0, Math.min(1000, why.length())))
        .setParameter(2, Timestamp.from(clock.instant()))
        .setParameter(3, runId)
        .executeUpdate();
    em.createNativeQuery("update fr_run_guard set run_id = null where run_id = ?")
        .setParameter(1, runId)
        .executeUpdate();
  }

  /** The latest run of the current call, if any. */
  public Optional<RunView> current() {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    CallView call = calls.current().orElseThrow(() -> new NotFoundException("no published call"));
    List<?> ids =
        em.createNativeQuery("select id from fr_run where call_id = ? order by id desc limit 1")
            .setParameter(1, call.id())
            .getResultList();
    return ids.isEmpty() ? Optional.empty() : Optional.of(view(((Number) ids.get(0)).longValue()));
  }

  /**
   * Resumes a stalled run (its owner died) or a stopped one: the job execution is restarted from
   * its last checkpoint; items already done are not checked again. Refused for a run that is
   * running on a live server or has ended.
   */
  public RunView resume(long runId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    RunView v = view(runId);
    if (!resumable(v)) {
      throw new RuleViolationException(
          RuleViolation.error("F-RUN", null, "formalreview.run.notResumable"));
    }
    restart(runId);
    return view(runId);
  }

  /**
   * Stops a running run after its current chunk (e.g. to leave the database to the users during
   * office hours); it stays RUNNING and is resumed from its last checkpoint when a person resumes
   * it, never by {@link RunRecovery} (see {@link #recoverable}).
   */
  public RunView stop(long runId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    RunView v = view(runId);
    Long execution = executionOf(runId);
    if (!"RUNNING".equals(v.status()) || execution == null) {
      throw new RuleViolationException(
          RuleViolation.error("F-RUN", null, "formalreview.run.notRunning"));
    }
    try {
      BatchRuntime.getJobOperator().stop(execution);
    } catch (jakarta.batch.operations.JobExecutionNotRunningException e) {
      // it has just ended or stopped: nothing to stop
    }
    return view(runId);
  }

  /** A run that is RUNNING but stalled, or whose execution has stopped or failed. */
  boolean resumable(RunView v) {
    if (!"RUNNING".equals(v.status())) {
      return false;
    }
    if (v.stalled()) {
      return true;
    }
    Long execution = executionOf(v.id());
    if (execution == null) {
      return true;
    }
    BatchStatus s = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
    return s == BatchStatus.STOPPED || s == BatchStatus.FAILED || s == BatchStatus.ABANDONED;
  }

  /** Claims a run for this server and restarts its job (a fresh execution if it cannot). */
  void restart(long runId) {
    if (runningHere(runId) || !self.claim(runId)) {
      throw new RuleViolationException(
          RuleViolation.error("F-RUN", null, "formalreview.run.notResumable"));
    }
    JobOperator jobs = BatchRuntime.getJobOperator();
    Long execution = executionOf(runId);
    Properties p = new Properties();
    p.setProperty("runId", String.valueOf(runId));
    if (execution != null) {
      Properties before = jobs.getParameters(execution);
      p.setProperty("chunk", before.getProperty("chunk", "10"));
      p.setProperty("pauseMillis", "0");
    }
    long next;
    try {
      if (execution == null) {
        throw new IllegalStateException("no execution yet");
      }
      next = jobs.restart(execution, p);
    } catch (RuntimeException e) {
      // the repository lost the execution (e.g. an in-memory repository after a restart): a new
      // execution reads the run from its start and skips what is done
      LOG.log(Level.INFO, "run " + runId + ": a new execution instead of a restart (" + e + ")");
      next = jobs.start(JOB, p);
    }
    self.executing(runId, next, true);
  }

  /**
   * Takes over a run for this server: only if it is still RUNNING and stalled or stopped, by a
   * conditional update, so that two servers cannot both resume it.
   */
  @Transactional
  public boolean claim(long runId) {
    Instant now = clock.instant();
    return em.createNativeQuery(
                "update fr_run set owner = ?, heartbeat_at = ?, version = version + 1"
                    + " where id = ? and status = 'RUNNING' and (heartbeat_at is null"
                    + " or heartbeat_at < ? or owner = ?)")
            .setParameter(1, RunWork.NODE)
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, runId)
            .setParameter(4, Timestamp.from(now.minus(STALE)))
            .setParameter(5, RunWork.NODE)
            .executeUpdate()
        == 1;
  }

  /**
   * Whether {@link RunRecovery} may resume a stale run: not when a person stopped it (its execution
   * is STOPPED: it waits for them to resume it), nor while its execution still runs on this server
   * (a chunk longer than the staleness threshold); yes when its server died (the execution stays
   * STARTED in the shared job repository, under another owner) or it has no execution.
   */
  boolean recoverable(long runId) {
    Long execution = executionOf(runId);
    if (execution == null) {
      return true;
    }
    BatchStatus s;
    try {
      s = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
    } catch (RuntimeException e) {
      return true; // the repository no longer knows it
    }
    if (s == BatchStatus.STOPPED) {
      return false;
    }
    Object owner =
        em.createNativeQuery("select owner from fr_run where id = ?")
            .setParameter(1, runId)
            .getSingleResult();
    boolean running =
        s == BatchStatus.STARTING || s == BatchStatus.STARTED || s == BatchStatus.STOPPING;
    return !(running && RunWork.NODE.equals(owner));
  }

  /**
   * Whether a run's job execution is still running in this server: a chunk slower than {@link
   * #STALE} (a busy machine) is not a dead owner, and restarting it here would start a second
   * execution beside it.
   */
  boolean runningHere(long runId) {
    List<?> rows =
        em.createNativeQuery("select owner, execution_id from fr_run where id = ?")
            .setParameter(1, runId)
            .getResultList();
    if (rows.isEmpty()) {
      return false;
    }
    Object[] r = (Object[]) rows.get(0);
    if (!RunWork.NODE.equals(r[0]) || r[1] == null) {
      return false;
    }
    try {
      BatchStatus s =
          BatchRuntime.getJobOperator()
              .getJobExecution(((Number) r[1]).longValue())
              .getBatchStatus();
      return s == BatchStatus.STARTING || s == BatchStatus.STARTED || s == BatchStatus.STOPPING;
    } catch (RuntimeException e) {
      return false; // the repository no longer knows it
    }
  }

  /** The RUNNING runs whose owner's heartbeat is stale (for {@link RunRecovery}). */
  List<Long> stalled() {
    return em
        .createNativeQuery(
            "select id from fr_run where status = 'RUNNING' and heartbeat_at < ? order by id")
        .setParameter(1, Timestamp.from(clock.instant().minus(STALE)))
        .getResultList()
        .stream()
        .map(o -> ((Number) o).longValue())
        .toList();
  }

  private Long executionOf(long runId) {
    Object e =
        em.createNativeQuery("select execution_id from fr_run where id = ?")
            .setParameter(1, runId)
            .getSingleResult();
    return e == null ? null : ((Number) e).longValue();
  }

  /** A run with its progress counted from its items. */
  RunView view(long runId) {
    List<?> rows =
        em.createNativeQuery(
                "select r.id, r.status, r.total, r.restarts, r.started_by, r.started_at,"
                    + " r.finished_at, r.failure, r.heartbeat_at, r.prepare_phase, r.prepared,"
                    + " r.prepare_total,"
                    + " (select count(*) from fr_run_item i where i.run_id = r.id and i.done),"
                    + " (select count(*) from fr_run_item i where i.run_id = r.id and i.done"
                    + " and i.recomputed) from fr_run r where r.id = ?")
            .setParameter(1, runId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("no such run");
    }
    Object[] r = (Object[]) rows.get(0);
    Instant heartbeat = instant(r[8]);
    boolean stalled =
        "RUNNING".equals(r[1])
            && (heartbeat == null || heartbeat.isBefore(clock.instant().minus(STALE)));
    Long execution = executionOf(runId);
    Long lastRead = null;
    if (execution != null && !"RUNNING".equals(r[1])) {
      // a run that is not running no longer changes its execution's metrics: read from the batch
      // repository once (home pages show the last run on every render), not on every view
      lastRead =
          lastReads.computeIfAbsent(
              runId + "/" + execution + "/" + r[1], k -> readCount(execution));
    }
    return new RunView(
        ((Number) r[0]).longValue(),
        (String) r[1],
        ((Number) r[2]).intValue(),
        ((Number) r[12]).intValue(),
        ((Number) r[13]).intValue(),
        stalled,
        ((Number) r[3]).intValue(),
        (String) r[4],
        instant(r[5]),
        instant(r[6]),
        (String) r[7],
        lastRead,
        "RUNNING".equals(r[1]) ? (String) r[9] : null,
        ((Number) r[10]).intValue(),
        ((Number) r[11]).intValue());
  }

  /** The read counts of finished runs' executions, by run, execution and status. */
  private final java.util.Map<String, Long> lastReads =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Long> eldest) {
              return size() > 100;
            }
          });

  /** The items an execution read, from the batch repository (null: it no longer knows it). */
  private static Long readCount(long execution) {
    try {
      long sum = 0;
      for (var step : BatchRuntime.getJobOperator().getStepExecutions(execution)) {
        for (var m : step.getMetrics()) {
          if (m.getType() == jakarta.batch.runtime.Metric.MetricType.READ_COUNT) {
            sum += m.getValue();
          }
        }
      }
      return sum;
    } catch (RuntimeException e) {
      return null; // the repository no longer knows the execution
    }
  }

  /**
   * A duration given in whole seconds by an environment variable; unset, blank or not a positive
   * number: the default (a bad value is logged).
   */
  static Duration seconds(String variable, Duration otherwise) {
    String v = System.getenv(variable);
    if (v == null || v.isBlank()) {
      return otherwise;
    }
    try {
      long s = Long.parseLong(v.trim());
      if (s > 0) {
        return Duration.ofSeconds(s);
      }
    } catch (NumberFormatException e) {
      // logged below
    }
    LOG.warning(
        variable + "=" + v + " is not a positive number of seconds; " + otherwise + " used");
    return otherwise;
  }

  private static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return l.toInstant(java.time.ZoneOffset.UTC);
    }
    return (Instant) o;
  }

  private String role() {
    return caller.hasRole(Role.OFFICER) ? Role.OFFICER.name() : Role.FORMAL_REVIEWER.name();
  }
}
