package io.hezuo.kernel.job;

import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.error.PayloadTooLargeException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Role;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Import jobs: an upload is stored with its job ({@code krn_import_job}, the file in parts in
 * {@code krn_import_upload}) and a Jakarta Batch job of the importing module reads it, a chunk at a
 * time, reporting its progress and each file or row here; it publishes what it staged in one
 * transaction at the end ({@link #finish}) or refuses all of it. A RUNNING job whose owner's
 * heartbeat is older than {@link #STALE} is stalled (its server died): {@link ImportJobRecovery}
 * claims it for one server and restarts its execution from the last checkpoint.
 *
 * <p>Who may start or read an import is the importing module's to check: this service trusts its
 * callers (the batch job runs without a signed-in caller).
 */
@ApplicationScoped
public class ImportJobs {

  /** A RUNNING job whose heartbeat is older than this has lost its server. */
  public static final Duration STALE = Duration.ofMinutes(2);

  /** The upload is stored in parts of this size (under the database's packet limit). */
  static final int PART = 4 * 1024 * 1024;

  /** This server, as the owner of the jobs it executes. */
  public static final String NODE = node();

  private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

  @PersistenceContext(unitName = "kernel")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject ImportJobs self;
  @Inject Event<ImportJobEnded> ended;

  /** What starts an import: who, what, which file. */
  public record Start(
      String kind,
      String jobName,
      String auditEntity,
      String fileName,
      String note,
      long maxBytes,
      String by,
      Role role,
      java.util.Map<String, String> parameters) {}

  /**
   * Stores the upload as a new RUNNING job and starts its batch job. The upload is read here (at
   * most {@code maxBytes}); the files or rows are read by the job.
   *
   * @throws PayloadTooLargeException when the upload is larger than {@code maxBytes}
   */
  public ImportJobView start(Start start, InputStream content) {
    long id = self.create(start, content);
    launch(id, start.jobName(), start.parameters());
    return view(id);
  }

  /** Creates the job with its upload (audited: who started which import of which file). */
  @Transactional
  public long create(Start s, InputStream content) {
    String file =
        truncate(
            s.fileName() == null || s.fileName().isBlank() ? "upload" : s.fileName().strip(), 300);
    String note = s.note() == null || s.note().isBlank() ? null : truncate(s.note().strip(), 300);
    em.createNativeQuery(
            "insert into krn_import_job (kind, job_name, status, file_name, note, size_bytes,"
                + " owner, heartbeat_at, started_by, started_role, started_at) values"
                + " (?, ?, 'RUNNING', ?, ?, 0, ?, ?, ?, ?, ?)")
        .setParameter(1, s.kind())
        .setParameter(2, s.jobName())
        .setParameter(3, file)
        .setParameter(4, note)
        .setParameter(5, NODE)
        .setParameter(6, utc(clock.instant()))
        .setParameter(7, s.by())
        .setParameter(8, s.role().name())
        .setParameter(9, utc(clock.instant()))
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
    long size = 0;
    int part = 0;
    try {
      if (content != null) {
        byte[] bytes;
        while ((bytes = content.readNBytes(PART)).length > 0) {
          size += bytes.length;
          if (size > s.maxBytes()) {
            throw new PayloadTooLargeException(
                "the upload is larger than " + s.maxBytes() + " bytes");
          }
          em.createNativeQuery(
                  "insert into krn_import_upload (job_id, part, content) values (?, ?, ?)")
              .setParameter(1, id)
              .setParameter(2, part++)
              .setParameter(3, bytes)
              .executeUpdate();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    em.createNativeQuery("update krn_import_job set size_bytes = ? where id = ?")
        .setParameter(1, size)
        .setParameter(2, id)
        .executeUpdate();
    audit.record(
        new AuditEntry(
            s.by(),
            s.role(),
            s.auditEntity(),
            String.valueOf(id),
            "import-start",
            null,
            file + " (" + size + " bytes)",
            note));
    return id;
  }

  /** Starts the job's batch execution (a job that cannot start has FAILED). */
  void launch(long id, String jobName, java.util.Map<String, String> parameters) {
    Properties p = new Properties();
    if (parameters != null) {
      parameters.forEach(p::setProperty);
    }
    p.setProperty("importJobId", String.valueOf(id));
    try {
      long execution = BatchRuntime.getJobOperator().start(jobName, p);
      self.executing(id, execution, false);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "import job " + id + " could not start", e);
      self.failed(id, e.toString());
      throw e;
    }
  }

  /** Records the batch execution that works for a job (and counts a restart). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void executing(long id, long execution, boolean restart) {
    em.createNativeQuery(
            "update krn_import_job set execution_id = ?, owner = ?, heartbeat_at = ?,"
                + " restarts = restarts + ? where id = ?")
        .setParameter(1, execution)
        .setParameter(2, NODE)
        .setParameter(3, utc(clock.instant()))
        .setParameter(4, restart ? 1 : 0)
        .setParameter(5, id)
        .executeUpdate();
  }

  /** A whole-number job parameter, or the default. */
  public static long parameter(JobContext job, String name, long otherwise) {
    String v = BatchRuntime.getJobOperator().getParameters(job.getExecutionId()).getProperty(name);
    try {
      return v == null ? otherwise : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** The import job a batch execution works for (its parameter {@code importJobId}). */
  public static long jobId(JobContext job) {
    return Long.parseLong(
        BatchRuntime.getJobOperator()
            .getParameters(job.getExecutionId())
            .getProperty("importJobId"));
  }

  /** The uploaded file, read part by part from the database as the stream is read. */
  public InputStream upload(long id) {
    return new InputStream() {
      private byte[] current = new byte[0];
      private int at;
      private int next;
      private boolean end;

      private boolean fill() {
        while (!end && at >= current.length) {
          byte[] part = self.part(id, next++);
          if (part == null) {
            end = true;
          } else {
            current = part;
            at = 0;
          }
        }
        return !end || at < current.length;
      }

      @Override
      public int read() {
        return fill() && at < current.length ? current[at++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        if (!fill() || at >= current.length) {
          return -1;
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  /** One part of an upload, null after the last. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public byte[] part(long id, int part) {
    List<?> r =
        em.createNativeQuery("select content from krn_import_upload where job_id = ? and part = ?")
            .setParameter(1, id)
            .setParameter(2, part)
            .getResultList();
    return r.isEmpty() ? null : (byte[]) r.get(0);
  }

  /** The job has counted what it reads. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void counted(long id, int total) {
    em.createNativeQuery("update krn_import_job set total = ?, heartbeat_at = ? where id = ?")
        .setParameter(1, total)
        .setParameter(2, utc(clock.instant()))
        .setParameter(3, id)
        .executeUpdate();
  }

  /**
   * A chunk is done: {@code done} files or rows have been read (a chunk done again after a restart
   * does not count twice), with their report lines (written again, not twice). Beats the heart. In
   * the caller's transaction, with what the chunk staged.
   */
  @Transactional
  public void progress(long id, int done, List<ImportItem> items) {
    record(id, items);
    em.createNativeQuery(
            "update krn_import_job set done = greatest(done, ?), heartbeat_at = ?, owner = ?"
                + " where id = ?")
        .setParameter(1, done)
        .setParameter(2, utc(clock.instant()))
        .setParameter(3, NODE)
        .setParameter(4, id)
        .executeUpdate();
  }

  /** Writes report lines (in the caller's transaction), replacing those at the same positions. */
  @Transactional
  public void record(long id, List<ImportItem> items) {
    for (ImportItem i : items) {
      JsonArrayBuilder args = Json.createArrayBuilder();
      i.args().forEach(a -> args.add(a == null ? "" : a));
      em.createNativeQuery(
              "insert into krn_import_item (job_id, position, name, outcome, rule_id, message_key,"
                  + " args) values (?, ?, ?, ?, ?, ?, ?) on duplicate key update name = values(name),"
                  + " outcome = values(outcome), rule_id = values(rule_id),"
                  + " message_key = values(message_key), args = values(args)")
          .setParameter(1, id)
          .setParameter(2, i.position())
          .setParameter(3, truncate(i.name(), 300))
          .setParameter(4, i.outcome())
          .setParameter(5, i.ruleId())
          .setParameter(6, i.messageKey())
          .setParameter(7, truncate(args.build().toString(), 2000))
          .executeUpdate();
    }
  }

  /** How many report lines have the outcome. */
  public int count(long id, String outcome) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from krn_import_item where job_id = ? and outcome = ?")
                .setParameter(1, id)
                .setParameter(2, outcome)
                .getSingleResult())
        .intValue();
  }

  /**
   * Ends a job as DONE or REFUSED with its summary, in the caller's transaction (the one that
   * publishes, or refuses, what the job staged): the upload is deleted and the outcome audited.
   * Does nothing when the job has ended already (a publish done again after a crash).
   *
   * @return whether this call ended it
   */
  @Transactional
  public boolean finish(long id, String status, String summary) {
    List<?> rows =
        em.createNativeQuery(
                "select kind, status, started_by, started_role from krn_import_job where id = ?"
                    + " for update")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty() || !ImportJobView.RUNNING.equals(((Object[]) rows.get(0))[1])) {
      return false;
    }
    Object[] r = (Object[]) rows.get(0);
    em.createNativeQuery(
            "update krn_import_job set status = ?, summary = ?, finished_at = ? where id = ?")
        .setParameter(1, status)
        .setParameter(2, summary == null ? null : truncate(summary, 4000))
        .setParameter(3, utc(clock.instant()))
        .setParameter(4, id)
        .executeUpdate();
    em.createNativeQuery("delete from krn_import_upload where job_id = ?")
        .setParameter(1, id)
        .executeUpdate();
    ended.fire(new ImportJobEnded(id, (String) r[0], status));
    return true;
  }

  /**
   * Locks a job's row for the caller's transaction (the one that publishes what it staged): a
   * second execution publishing at the same time waits, then finds it ended.
   *
   * @return whether the job is still RUNNING
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockRunning(long id) {
    List<?> r =
        em.createNativeQuery("select status from krn_import_job where id = ? for update")
            .setParameter(1, id)
            .getResultList();
    return !r.isEmpty() && ImportJobView.RUNNING.equals(r.get(0));
  }

  /** The job broke (or could not start): FAILED, nothing imported. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(long id, String why) {
    List<?> rows =
        em.createNativeQuery("select kind from krn_import_job where id = ? and status = 'RUNNING'")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "update krn_import_job set status = 'FAILED', failure = ?, finished_at = ?"
                + " where id = ? and status = 'RUNNING'")
        .setParameter(1, why == null ? null : truncate(why, 1000))
        .setParameter(2, utc(clock.instant()))
        .setParameter(3, id)
        .executeUpdate();
    em.createNativeQuery("delete from krn_import_upload where job_id = ?")
        .setParameter(1, id)
        .executeUpdate();
    ended.fire(new ImportJobEnded(id, (String) rows.get(0), ImportJobView.FAILED));
  }

  /**
   * A job with its progress, read in a transaction of its own (a batch artifact may call it inside
   * the chunk's transaction on the batch runtime's pool).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ImportJobView view(long id) {
    List<?> rows =
        em.createNativeQuery(
                "select j.id, j.kind, j.status, j.file_name, j.total, j.done, j.restarts,"
                    + " j.started_by, j.started_at, j.finished_at, j.summary, j.failure,"
                    + " j.heartbeat_at, j.note,"
                    + " (select count(*) from krn_import_item i where i.job_id = j.id"
                    + " and i.outcome = 'IMPORTED'),"
                    + " (select count(*) from krn_import_item i where i.job_id = j.id"
                    + " and i.outcome = 'SKIPPED'),"
                    + " (select count(*) from krn_import_item i where i.job_id = j.id"
                    + " and i.outcome = 'REFUSED') from krn_import_job j where j.id = ?")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("no such import");
    }
    Object[] r = (Object[]) rows.get(0);
    Instant heartbeat = instant(r[12]);
    boolean stalled =
        ImportJobView.RUNNING.equals(r[2])
            && (heartbeat == null || heartbeat.isBefore(clock.instant().minus(STALE)));
    return new ImportJobView(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[13],
        r[4] == null ? null : ((Number) r[4]).intValue(),
        ((Number) r[5]).intValue(),
        ((Number) r[14]).intValue(),
        ((Number) r[15]).intValue(),
        ((Number) r[16]).intValue(),
        stalled,
        ((Number) r[6]).intValue(),
        (String) r[7],
        instant(r[8]),
        instant(r[9]),
        (String) r[10],
        (String) r[11],
        ImportJobView.RUNNING.equals(r[2]) ? null : readByLastExecution(id));
  }

  /** A job of the kind (another kind's job is not found). */
  public ImportJobView view(String kind, long id) {
    ImportJobView v = view(id);
    if (!v.kind().equals(kind)) {
      throw new NotFoundException("no such import");
    }
    return v;
  }

  /** The latest job of a kind, if any. */
  public Optional<ImportJobView> latest(String kind) {
    List<?> ids =
        em.createNativeQuery(
                "select id from krn_import_job where kind = ? order by id desc limit 1")
            .setParameter(1, kind)
            .getResultList();
    return ids.isEmpty() ? Optional.empty() : Optional.of(view(((Number) ids.get(0)).longValue()));
  }

  /** A job's report, in order. */
  public List<ImportItem> items(long id) {
    List<ImportItem> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select position, name, outcome, rule_id, message_key, args from krn_import_item"
                    + " where job_id = ? order by position")
            .setParameter(1, id)
            .getResultList()) {
      Object[] r = (Object[]) o;
      List<String> args = new ArrayList<>();
      if (r[5] != null) {
        try (var reader = Json.createReader(new StringReader((String) r[5]))) {
          JsonArray a = reader.readArray();
          a.forEach(v -> args.add(((JsonString) v).getString()));
        } catch (RuntimeException e) {
          // a truncated list: the message shows its placeholders
        }
      }
      out.add(
          new ImportItem(
              ((Number) r[0]).intValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              args));
    }
    return out;
  }

  /**
   * Stops a running import after its current chunk; it stays RUNNING and is resumed from its last
   * checkpoint ({@link #resume}, or by {@link ImportJobRecovery} once its heartbeat is stale).
   */
  public ImportJobView stop(String kind, long id) {
    ImportJobView v = view(kind, id);
    Long execution = executionOf(id);
    if (!v.running() || execution == null) {
      throw new RuleViolationException(
          RuleViolation.error("F-JOB", null, "kernel.import.notRunning"));
    }
    try {
      BatchRuntime.getJobOperator().stop(execution);
    } catch (JobExecutionNotRunningException e) {
      // it has just ended or stopped
    }
    return view(id);
  }

  /**
   * Resumes a stopped or stalled import from its last checkpoint on this server: what was read
   * before it is not read again. Refused for an import that works on a live server or has ended.
   */
  public ImportJobView resume(String kind, long id) {
    ImportJobView v = view(kind, id);
    if (!v.running()) {
      throw new RuleViolationException(
          RuleViolation.error("F-JOB", null, "kernel.import.notResumable"));
    }
    Long execution = executionOf(id);
    BatchStatus status =
        execution == null
            ? null
            : BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
    boolean ended =
        status == BatchStatus.STOPPED
            || status == BatchStatus.FAILED
            || status == BatchStatus.ABANDONED;
    if (!(ended || v.stalled()) || !self.claim(id, ended)) {
      throw new RuleViolationException(
          RuleViolation.error("F-JOB", null, "kernel.import.notResumable"));
    }
    restartClaimed(id);
    return view(id);
  }

  private Long executionOf(long id) {
    List<?> r =
        em.createNativeQuery("select execution_id from krn_import_job where id = ?")
            .setParameter(1, id)
            .getResultList();
    return r.isEmpty() || r.get(0) == null ? null : ((Number) r.get(0)).longValue();
  }

  /**
   * What the batch execution that ended a job read (after a restart: only what came after its
   * checkpoint), summed over its steps; null while it runs or when the repository lost it.
   */
  public Long readByLastExecution(long id) {
    Long execution = executionOf(id);
    if (execution == null) {
      return null;
    }
    // an ended execution's metrics no longer change: read from the batch repository once (a
    // screen shows the latest import on every render; each reading costs a dozen statements)
    String key = id + "/" + execution;
    Long known = endedReads.get(key);
    if (known != null) {
      return known;
    }
    Long read = readFromRepository(execution);
    if (read != null) {
      endedReads.put(key, read);
    }
    return read;
  }

  /** The read counts of ended executions, by job and execution (the latest hundred). */
  private final java.util.Map<String, Long> endedReads =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Long> eldest) {
              return size() > 100;
            }
          });

  private static Long readFromRepository(long execution) {
    try {
      JobOperator jobs = BatchRuntime.getJobOperator();
      if (jobs.getJobExecution(execution).getEndTime() == null) {
        return null;
      }
      long sum = 0;
      for (var step : jobs.getStepExecutions(execution)) {
        for (var m : step.getMetrics()) {
          if (m.getType() == Metric.MetricType.READ_COUNT) {
            sum += m.getValue();
          }
        }
      }
      return sum;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The RUNNING jobs whose owner's heartbeat is stale (for {@link ImportJobRecovery}). */
  List<Long> stalled() {
    return em
        .createNativeQuery(
            "select id from krn_import_job where status = 'RUNNING' and heartbeat_at < ?"
                + " order by id")
        .setParameter(1, utc(clock.instant().minus(STALE)))
        .getResultList()
        .stream()
        .map(o -> ((Number) o).longValue())
        .toList();
  }

  /**
   * Restarts a stalled job's execution from its last checkpoint on this server (a fresh execution
   * when the repository has lost it: the job reads its upload again and its writes are idempotent).
   * Only the server that wins the claim restarts it.
   *
   * @return whether this server restarted it
   */
  boolean restart(long id) {
    if (!self.claim(id, false)) {
      return false;
    }
    restartClaimed(id);
    return true;
  }

  private void restartClaimed(long id) {
    Object[] r =
        (Object[])
            em.createNativeQuery("select job_name, execution_id from krn_import_job where id = ?")
                .setParameter(1, id)
                .getSingleResult();
    String jobName = (String) r[0];
    JobOperator jobs = BatchRuntime.getJobOperator();
    Properties p = new Properties();
    if (r[1] != null) {
      try {
        p.putAll(jobs.getParameters(((Number) r[1]).longValue()));
      } catch (RuntimeException e) {
        // the repository lost the execution: the job's defaults
      }
    }
    p.setProperty("importJobId", String.valueOf(id));
    p.setProperty("pauseMillis", "0");
    long next;
    try {
      if (r[1] == null) {
        throw new IllegalStateException("no execution yet");
      }
      next = jobs.restart(((Number) r[1]).longValue(), p);
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "import " + id + ": a new execution instead of a restart (" + e + ")");
      next = jobs.start(jobName, p);
    }
    self.executing(id, next, true);
  }

  /**
   * Takes over a RUNNING job for this server, by a conditional update (one server wins): a stalled
   * one, or ({@code stopped}) one whose execution has stopped.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(long id, boolean stopped) {
    Instant now = clock.instant();
    return em.createNativeQuery(
                "update krn_import_job set owner = ?, heartbeat_at = ? where id = ?"
                    + " and status = 'RUNNING' and (? or heartbeat_at is null or heartbeat_at < ?)")
            .setParameter(1, NODE)
            .setParameter(2, utc(now))
            .setParameter(3, id)
            .setParameter(4, stopped)
            .setParameter(5, utc(now.minus(STALE)))
            .executeUpdate()
        == 1;
  }

  /** An instant as the UTC wall time the connection's session stores. */
  public static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (o instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    return (Instant) o;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static String node() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + UUID.randomUUID();
    } catch (IOException e) {
      return "node/" + UUID.randomUUID();
    }
  }
}
