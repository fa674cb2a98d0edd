package io.hezuo.directory.service;

import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.job.ImportItem;
import io.hezuo.kernel.job.ImportJobEnded;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportJobs;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The work of an other-plans import job, for its reader, writer and publisher: problems are
 * reported by cell; good rows are staged a chunk at a time with the job's progress in one
 * transaction of their own (staged again, not twice, after a restart); the publisher replaces the
 * lists the file holds in one transaction, or refuses everything.
 */
@ApplicationScoped
public class OtherPlansImportWork {

  @PersistenceContext(unitName = "directory")
  EntityManager em;

  @Inject ImportJobs jobs;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A good row of the file at its position. */
  record Row(int position, OtherPlansWorkbook.PiRow row) {}

  /**
   * Reports every problem of the file (nothing will be saved). The reader counts the job's total
   * after this transaction (its report lines hold a lock on the job's row until it commits).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refuse(long jobId, List<RuleViolation> violations) {
    List<ImportItem> items = new ArrayList<>();
    int n = 0;
    for (RuleViolation v : violations) {
      items.add(
          new ImportItem(
              ++n,
              v.field() == null ? "" : v.field(),
              ImportItem.REFUSED,
              v.ruleId(),
              v.messageKey(),
              v.args().stream().map(String::valueOf).toList()));
    }
    jobs.record(jobId, items);
  }

  /** Stages a chunk of rows and counts them done. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void stage(long jobId, List<Row> rows) {
    int last = 0;
    for (Row r : rows) {
      OtherPlansWorkbook.PiRow p = r.row();
      last = Math.max(last, r.position());
      em.createNativeQuery(
              "insert into dir_other_plan_staging (job_id, position, year, plan_kind, plan_name,"
                  + " project_title, id_type, id_number, name, unit_name) values"
                  + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on duplicate key update year = values(year),"
                  + " plan_kind = values(plan_kind), plan_name = values(plan_name),"
                  + " project_title = values(project_title), id_type = values(id_type),"
                  + " id_number = values(id_number), name = values(name),"
                  + " unit_name = values(unit_name)")
          .setParameter(1, jobId)
          .setParameter(2, r.position())
          .setParameter(3, p.year())
          .setParameter(4, p.planKind().name())
          .setParameter(5, p.planName())
          .setParameter(6, p.projectTitle())
          .setParameter(7, p.idType().name())
          .setParameter(8, p.idType().normalise(p.idNumber()))
          .setParameter(9, p.name())
          .setParameter(10, p.unitName())
          .executeUpdate();
    }
    jobs.progress(jobId, last, List.of());
  }

  /**
   * Publishes what the job staged, in one transaction: each list (year, kind) of the file replaces
   * the list held, audited with the counts before and after; or, when the file had problems,
   * nothing. Done again after a crash, it does nothing.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void publish(long jobId) {
    if (!jobs.lockRunning(jobId)) {
      return;
    }
    ImportJobView job = jobs.view(jobId);
    String note = job.note();
    String reason =
        truncate(job.fileName() + (note == null || note.isEmpty() ? "" : ": " + note), 500);
    int refused = jobs.count(jobId, ImportItem.REFUSED);
    if (refused > 0) {
      jobs.finish(jobId, ImportJobView.REFUSED, refused + " problems");
      audit.record(
          new AuditEntry(
              job.startedBy(),
              Role.OFFICER,
              "OtherPlans",
              String.valueOf(jobId),
              "import-refused",
              null,
              refused + " problems, nothing imported",
              reason));
      return;
    }
    String batch = UUID.randomUUID().toString();
    List<OtherPlansImports.ListOutcome> lists = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select year, plan_kind, count(*) from dir_other_plan_staging where job_id = ?"
                    + " group by year, plan_kind order by year, plan_kind")
            .setParameter(1, jobId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      int year = ((Number) r[0]).intValue();
      String kind = (String) r[1];
      long before =
          ((Number)
                  em.createNativeQuery(
                          "select count(*) from dir_other_plan_pi where year = ? and plan_kind = ?")
                      .setParameter(1, year)
                      .setParameter(2, kind)
                      .getSingleResult())
              .longValue();
      em.createNativeQuery("delete from dir_other_plan_pi where year = ? and plan_kind = ?")
          .setParameter(1, year)
          .setParameter(2, kind)
          .executeUpdate();
      lists.add(new OtherPlansImports.ListOutcome(year, kind, before, ((Number) r[2]).intValue()));
    }
    int rows =
        em.createNativeQuery(
                "insert into dir_other_plan_pi (year, plan_kind, plan_name, project_title,"
                    + " id_type, id_number, name, unit_name, import_batch, source, imported_at,"
                    + " imported_by) select year, plan_kind, plan_name, project_title, id_type,"
                    + " id_number, name, unit_name, ?, ?, ?, ? from dir_other_plan_staging"
                    + " where job_id = ? order by position")
            .setParameter(1, batch)
            .setParameter(2, truncate(job.fileName(), 255))
            .setParameter(3, ImportJobs.utc(clock.instant()))
            .setParameter(4, job.startedBy())
            .setParameter(5, jobId)
            .executeUpdate();
    em.createNativeQuery("delete from dir_other_plan_staging where job_id = ?")
        .setParameter(1, jobId)
        .executeUpdate();
    jobs.finish(
        jobId,
        ImportJobView.DONE,
        OtherPlansImports.summary(new OtherPlansImports.Outcome(batch, rows, lists)));
    audit.record(
        new AuditEntry(
            job.startedBy(),
            Role.OFFICER,
            "OtherPlans",
            batch,
            "import",
            lists.stream()
                .map(l -> l.year() + " " + l.planKind() + ": " + l.before())
                .collect(Collectors.joining("; ")),
            lists.stream()
                .map(l -> l.year() + " " + l.planKind() + ": " + l.after())
                .collect(Collectors.joining("; ")),
            reason));
  }

  /** Drops what an ended other-plans import staged (a failed job's leftovers). */
  void ended(@Observes ImportJobEnded e) {
    if (OtherPlansImports.KIND.equals(e.kind())) {
      em.createNativeQuery("delete from dir_other_plan_staging where job_id = ?")
          .setParameter(1, e.id())
          .executeUpdate();
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
