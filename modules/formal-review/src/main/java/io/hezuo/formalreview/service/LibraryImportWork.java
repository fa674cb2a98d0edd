package io.hezuo.formalreview.service;

import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.job.ImportItem;
import io.hezuo.kernel.job.ImportJobEnded;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportJobs;
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

/**
 * The work of a library import job, for its reader, writer and publisher: a chunk's documents are
 * staged with their report lines and the job's progress in one transaction of their own ({@code
 * REQUIRES_NEW}, apart from the chunk's transaction in which the batch runtime writes its
 * checkpoint on its own pool); staged again, not twice, after a restart. The publisher moves the
 * staged documents into the library in one transaction, or drops them when a file was refused.
 */
@ApplicationScoped
public class LibraryImportWork {

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject ImportJobs jobs;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A file of the zip with its text, or why it has none. */
  record Document(
      int position, String name, String title, String sha256, String text, String problem) {}

  /** Stages a chunk of documents, reports each and counts them done. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void stage(long jobId, List<Document> docs) {
    List<ImportItem> items = new ArrayList<>();
    int last = 0;
    for (Document d : docs) {
      last = Math.max(last, d.position());
      if (d.problem() != null) {
        items.add(item(d, ImportItem.REFUSED, d.problem()));
        continue;
      }
      if (known(jobId, d)) {
        em.createNativeQuery("delete from fr_library_staging where job_id = ? and position = ?")
            .setParameter(1, jobId)
            .setParameter(2, d.position())
            .executeUpdate();
        items.add(item(d, ImportItem.SKIPPED, "formalreview.library.duplicate"));
        continue;
      }
      em.createNativeQuery(
              "insert into fr_library_staging (job_id, position, title, file_name, text_sha256,"
                  + " body) values (?, ?, ?, ?, ?, ?) on duplicate key update"
                  + " title = values(title), file_name = values(file_name),"
                  + " text_sha256 = values(text_sha256), body = values(body)")
          .setParameter(1, jobId)
          .setParameter(2, d.position())
          .setParameter(3, d.title())
          .setParameter(4, d.name().length() > 300 ? d.name().substring(0, 300) : d.name())
          .setParameter(5, d.sha256())
          .setParameter(6, d.text())
          .executeUpdate();
      items.add(item(d, ImportItem.IMPORTED, "formalreview.library.imported"));
    }
    jobs.progress(jobId, last, items);
  }

  /** Whether the library holds the text, or this import staged it from an earlier file. */
  private boolean known(long jobId, Document d) {
    return !em.createNativeQuery("select 1 from fr_library_document where text_sha256 = ?")
            .setParameter(1, d.sha256())
            .getResultList()
            .isEmpty()
        || !em.createNativeQuery(
                "select 1 from fr_library_staging where job_id = ? and text_sha256 = ?"
                    + " and position < ?")
            .setParameter(1, jobId)
            .setParameter(2, d.sha256())
            .setParameter(3, d.position())
            .getResultList()
            .isEmpty();
  }

  private static ImportItem item(Document d, String outcome, String key) {
    return new ImportItem(d.position(), d.name(), outcome, null, key, List.of());
  }

  /** A refusal of the zip as a whole (not a zip, no documents, too many files). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refuseWhole(long jobId, String fileName, String key, Object... args) {
    jobs.record(
        jobId,
        List.of(
            new ImportItem(
                0,
                fileName,
                ImportItem.REFUSED,
                "F-FILE",
                key,
                java.util.Arrays.stream(args).map(String::valueOf).toList())));
  }

  /**
   * Publishes what the job staged, in one transaction: every staged document into the library when
   * no file was refused (a text another import published meanwhile is skipped), else nothing.
   * Audited; done again after a crash, it does nothing.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void publish(long jobId) {
    if (!jobs.lockRunning(jobId)) {
      return;
    }
    ImportJobView job = jobs.view(jobId);
    int refused = jobs.count(jobId, ImportItem.REFUSED);
    if (refused > 0) {
      em.createNativeQuery("delete from fr_library_staging where job_id = ?")
          .setParameter(1, jobId)
          .executeUpdate();
      jobs.finish(jobId, ImportJobView.REFUSED, refused + " refused");
      audit.record(
          new AuditEntry(
              job.startedBy(),
              Role.OFFICER,
              "Library",
              String.valueOf(jobId),
              "import-refused",
              null,
              refused + " files refused, nothing imported",
              job.fileName()));
      return;
    }
    // a text published by another import since this one staged it: skipped
    List<ImportItem> late = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select s.position, s.file_name from fr_library_staging s where s.job_id = ?"
                    + " and exists (select 1 from fr_library_document d"
                    + " where d.text_sha256 = s.text_sha256)")
            .setParameter(1, jobId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      late.add(
          new ImportItem(
              ((Number) r[0]).intValue(),
              (String) r[1],
              ImportItem.SKIPPED,
              null,
              "formalreview.library.duplicate",
              List.of()));
    }
    jobs.record(jobId, late);
    for (ImportItem i : late) {
      em.createNativeQuery("delete from fr_library_staging where job_id = ? and position = ?")
          .setParameter(1, jobId)
          .setParameter(2, i.position())
          .executeUpdate();
    }
    String batch = "import-" + jobId;
    int stored =
        em.createNativeQuery(
                "insert into fr_library_document (title, file_name, text_sha256, body,"
                    + " import_batch, imported_by, imported_at) select title, file_name,"
                    + " text_sha256, body, ?, ?, ? from fr_library_staging where job_id = ?"
                    + " order by position")
            .setParameter(1, batch)
            .setParameter(2, job.startedBy())
            .setParameter(3, ImportJobs.utc(clock.instant()))
            .setParameter(4, jobId)
            .executeUpdate();
    em.createNativeQuery("delete from fr_library_staging where job_id = ?")
        .setParameter(1, jobId)
        .executeUpdate();
    int skipped = jobs.count(jobId, ImportItem.SKIPPED);
    jobs.finish(jobId, ImportJobView.DONE, stored + " stored, " + skipped + " skipped");
    audit.record(
        new AuditEntry(
            job.startedBy(),
            Role.OFFICER,
            "Library",
            batch,
            "import",
            null,
            stored + " documents",
            job.fileName()));
  }

  /** Drops what an ended library import staged (a failed job's leftovers). */
  void ended(@Observes ImportJobEnded e) {
    if (LibraryImports.KIND.equals(e.kind())) {
      em.createNativeQuery("delete from fr_library_staging where job_id = ?")
          .setParameter(1, e.id())
          .executeUpdate();
    }
  }
}
