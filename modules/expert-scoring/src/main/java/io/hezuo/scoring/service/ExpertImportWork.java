package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.FieldView;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.job.ImportItem;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportJobs;
import io.hezuo.kernel.mail.MailOutbox;
import io.hezuo.kernel.mail.OutgoingMail;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.scoring.domain.ExpertWorkbook;
import io.hezuo.scoring.domain.ExpertWorkbook.ExpertRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;

/**
 * The work of a pool import job, for its reader, writer and publisher: problems are reported by
 * cell; each chunk of good rows is checked against the pool with the job's progress; the publisher
 * adds the new experts and updates the known ones (by ID document, never by name) in one
 * transaction, creates an account with a one-time password for each expert without one and queues
 * the e-mail that sends it; or, when the file had a problem, saves nothing.
 */
@ApplicationScoped
public class ExpertImportWork {

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject ImportJobs jobs;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject CallCatalogue calls;
  @Inject AccountDirectory accounts;
  @Inject MailOutbox outbox;

  /** A good row of the file at its position. */
  record Item(int position, ExpertRow row) implements Serializable {}

  /**
   * Reads and checks the job's stored file, with the current call's field codes, in a transaction
   * of its own (the reader calls it inside the chunk's transaction, on the batch runtime's pool).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<ExpertRow> parse(long jobId) {
    byte[] content;
    try (InputStream in = jobs.upload(jobId)) {
      content = in.readNBytes((int) ExpertWorkbook.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExpertWorkbook.parse(
        content, LocalDate.now(clock.withZone(Zones.SHANGHAI)), knownFields());
  }

  /** The current call's field codes (AI, CLIMATE…), upper case. */
  Set<String> knownFields() {
    Set<String> out = new HashSet<>();
    try {
      calls
          .current()
          .ifPresent(
              c -> {
                for (LineView l : c.lines()) {
                  for (FieldView f : l.fields()) {
                    out.add(f.code().toUpperCase(Locale.ROOT));
                  }
                }
              });
    } catch (RuntimeException e) {
      // no call: discipline codes only
    }
    return out;
  }

  /** Reports every problem of the file (nothing will be saved). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refuse(long jobId, List<RuleViolation> violations) {
    List<ImportItem> items = new ArrayList<>();
    int n = 0;
    for (RuleViolation v : violations) {
      items.add(item(++n, v.field(), v.ruleId(), v.messageKey(), v.args()));
    }
    jobs.record(jobId, items);
  }

  /**
   * Checks a chunk of good rows against the pool and counts them done: an e-mail address that
   * another expert (another ID document) holds is refused on its cell.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void check(long jobId, List<Item> rows) {
    int last = 0;
    List<ImportItem> problems = new ArrayList<>();
    for (Item i : rows) {
      ExpertRow r = i.row();
      last = Math.max(last, i.position());
      List<?> other =
          em.createNativeQuery(
                  "select name from sc_expert where lower(email) = ? and not (id_type = ? and"
                      + " id_number = ?) limit 1")
              .setParameter(1, r.email().toLowerCase(Locale.ROOT))
              .setParameter(2, r.idType())
              .setParameter(3, r.idNumber())
              .getResultList();
      if (!other.isEmpty()) {
        problems.add(
            item(
                r.row() * 100 + ExpertWorkbook.EMAIL,
                ExpertWorkbook.SHEET
                    + "!"
                    + CellReference.convertNumToColString(ExpertWorkbook.EMAIL)
                    + r.row(),
                "F-EMAIL",
                "scoring.pool.email.taken",
                List.of()));
      }
    }
    jobs.progress(jobId, last, problems);
  }

  /** What a published import did. */
  public record Outcome(int created, int updated, int accounts) implements Serializable {}

  /**
   * Publishes the file, in one transaction: each row adds an expert or updates the one with its ID
   * document (active or not, as it was), each expert without an account gets one (the one-time
   * password by e-mail), all audited; or, when the file had problems, nothing. Done again after a
   * crash, it does nothing.
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
              "ExpertPool",
              String.valueOf(jobId),
              "import-refused",
              null,
              refused + " problems, nothing imported",
              reason));
      return;
    }
    List<ExpertRow> rows = parse(jobId);
    int created = 0;
    int updated = 0;
    int madeAccounts = 0;
    for (ExpertRow r : rows) {
      List<?> found =
          em.createNativeQuery(
                  "select id, username from sc_expert where id_type = ? and id_number = ? for"
                      + " update")
              .setParameter(1, r.idType())
              .setParameter(2, r.idNumber())
              .getResultList();
      long id;
      String username;
      if (found.isEmpty()) {
        em.createNativeQuery(
                "insert into sc_expert (id_type, id_number, name, unit_name, unit_credit_code,"
                    + " title, fields, city, email, phone, max_load, active, created_at,"
                    + " created_by, demo) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?,"
                    + " false)")
            .setParameter(1, r.idType())
            .setParameter(2, r.idNumber())
            .setParameter(3, r.name())
            .setParameter(4, r.unitName())
            .setParameter(5, r.unitCreditCode())
            .setParameter(6, r.title())
            .setParameter(7, String.join(",", r.fields()))
            .setParameter(8, r.city())
            .setParameter(9, r.email())
            .setParameter(10, r.phone())
            .setParameter(11, r.maxLoad())
            .setParameter(12, ImportJobs.utc(clock.instant()))
            .setParameter(13, job.startedBy())
            .executeUpdate();
        id =
            ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult())
                .longValue();
        username = null;
        created++;
        audit.record(
            new AuditEntry(
                job.startedBy(),
                Role.OFFICER,
                "Expert",
                String.valueOf(id),
                "import-add",
                null,
                r.name() + " · " + r.unitName() + " · " + String.join(",", r.fields()),
                reason));
      } else {
        Object[] f = (Object[]) found.get(0);
        id = ((Number) f[0]).longValue();
        username = (String) f[1];
        em.createNativeQuery(
                "update sc_expert set name = ?, unit_name = ?, unit_credit_code = ?, title = ?,"
                    + " fields = ?, city = ?, email = ?, phone = ?, max_load = ?,"
                    + " version = version + 1 where id = ?")
            .setParameter(1, r.name())
            .setParameter(2, r.unitName())
            .setParameter(3, r.unitCreditCode())
            .setParameter(4, r.title())
            .setParameter(5, String.join(",", r.fields()))
            .setParameter(6, r.city())
            .setParameter(7, r.email())
            .setParameter(8, r.phone())
            .setParameter(9, r.maxLoad())
            .setParameter(10, id)
            .executeUpdate();
        updated++;
        audit.record(
            new AuditEntry(
                job.startedBy(),
                Role.OFFICER,
                "Expert",
                String.valueOf(id),
                "import-update",
                null,
                r.name() + " · " + r.unitName() + " · " + String.join(",", r.fields()),
                reason));
      }
      if (username == null) {
        AccountDirectory.NewStaffAccount account =
            accounts.createStaffAccount(
                preferredUsername(r.email()),
                r.name(),
                r.idType(),
                r.idNumber(),
                r.phone(),
                r.email(),
                Role.EXPERT,
                job.startedBy(),
                "expert pool import " + jobId + " (" + reason + ")");
        em.createNativeQuery("update sc_expert set username = ? where id = ?")
            .setParameter(1, account.username())
            .setParameter(2, id)
            .executeUpdate();
        outbox.queue(mail(r, account, id));
        madeAccounts++;
      }
    }
    Outcome outcome = new Outcome(created, updated, madeAccounts);
    jobs.finish(jobId, ImportJobView.DONE, summary(outcome));
    audit.record(
        new AuditEntry(
            job.startedBy(),
            Role.OFFICER,
            "ExpertPool",
            String.valueOf(jobId),
            "import",
            null,
            created + " added, " + updated + " updated, " + madeAccounts + " accounts",
            reason));
  }

  /** The e-mail of a new account: its user name and one-time password, in Chinese and English. */
  static OutgoingMail mail(ExpertRow r, AccountDirectory.NewStaffAccount a, long expertId) {
    Object[] args = {r.name(), a.username(), a.oneTimePassword()};
    String subject =
        Messages.get(Messages.CHINESE, "scoring.pool.mail.subject")
            + " / "
            + Messages.get(Messages.ENGLISH, "scoring.pool.mail.subject");
    String body =
        Messages.get(Messages.CHINESE, "scoring.pool.mail.body", args)
            + "\n\n----\n\n"
            + Messages.get(Messages.ENGLISH, "scoring.pool.mail.body", args);
    return new OutgoingMail(r.email(), subject, body, "Expert", String.valueOf(expertId));
  }

  /** The user name asked for: the e-mail's local part and the first label of its domain. */
  static String preferredUsername(String email) {
    String e = email.strip().toLowerCase(Locale.ROOT);
    int at = e.indexOf('@');
    if (at < 0) {
      return e;
    }
    String domain = e.substring(at + 1);
    int dot = domain.indexOf('.');
    return e.substring(0, at) + "." + (dot < 0 ? domain : domain.substring(0, dot));
  }

  static String summary(Outcome o) {
    return jakarta.json.Json.createObjectBuilder()
        .add("created", o.created())
        .add("updated", o.updated())
        .add("accounts", o.accounts())
        .build()
        .toString();
  }

  private static ImportItem item(
      int position, String field, String rule, String key, List<Object> args) {
    return new ImportItem(
        position,
        field == null ? "" : field,
        ImportItem.REFUSED,
        rule,
        key,
        args.stream().map(String::valueOf).toList());
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
