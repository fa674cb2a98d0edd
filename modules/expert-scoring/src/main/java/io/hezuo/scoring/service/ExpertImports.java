package io.hezuo.scoring.service;

import io.hezuo.kernel.job.ImportItem;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportJobs;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.ExpertWorkbook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports of the expert pool from Excel as a Jakarta Batch job per upload ({@code
 * expert-pool-import}, on the kernel's import jobs): the officer's .xlsx is stored with the job;
 * the job checks every cell (any problem: the import is REFUSED with a report line per problem, by
 * row and column, and nothing is saved), checks the rows against the pool a chunk at a time with
 * its progress, and at the end adds or updates every expert of the file in one transaction, with
 * the accounts of the new ones. Officers only.
 */
@ApplicationScoped
public class ExpertImports {

  /** The kind of the pool's import jobs. */
  public static final String KIND = "expert-pool";

  static final String JOB = "expert-pool-import";

  @Inject Caller caller;
  @Inject ImportJobs jobs;

  /** A line of an import's report: where (row 0: the file) and what, in both languages. */
  public record Problem(
      int row,
      String column,
      String columnZh,
      String columnEn,
      String cell,
      String ruleId,
      String messageKey,
      List<String> args)
      implements Serializable {

    /** The arguments as the message takes them. */
    public Object[] arguments() {
      return args.toArray();
    }

    public static Problem of(ImportItem i) {
      ExpertWorkbook.Place p = ExpertWorkbook.place(i.name());
      var column = p.column() == null ? null : ExpertWorkbook.column(p.column()).orElse(null);
      return new Problem(
          p.row(),
          p.column(),
          column == null ? null : column.zh(),
          column == null ? null : column.en(),
          i.name(),
          i.ruleId(),
          i.messageKey(),
          i.args());
    }
  }

  /**
   * Starts an import (officers). {@code chunk} (rows per chunk, default 100) and {@code
   * pauseMillis} (a pause after each chunk; default 0) tune the job.
   *
   * @throws io.hezuo.kernel.error.AccessDeniedException when the caller is not an officer
   * @throws RuleViolationException (F-POOL, field {@code note}) when the note is too long
   */
  public ImportJobView start(
      InputStream xlsx, String fileName, String note, Integer chunk, Integer pauseMillis) {
    String officer = caller.require(Role.OFFICER);
    String why = note == null ? "" : note.strip();
    if (why.length() > 300) {
      throw new RuleViolationException(
          RuleViolation.error(ExpertWorkbook.RULE, "note", "scoring.pool.tooLong", 300));
    }
    Map<String, String> p = new HashMap<>();
    p.put("chunk", String.valueOf(chunk == null ? 100 : Math.max(1, Math.min(1000, chunk))));
    p.put("pauseMillis", String.valueOf(pauseMillis == null ? 0 : Math.max(0, pauseMillis)));
    return jobs.start(
        new ImportJobs.Start(
            KIND,
            JOB,
            "ExpertPool",
            fileName == null || fileName.isBlank() ? "experts.xlsx" : fileName.strip(),
            why,
            ExpertWorkbook.MAX_BYTES + 1,
            officer,
            Role.OFFICER,
            p),
        xlsx);
  }

  /** An import with its progress (officers). */
  public ImportJobView view(long id) {
    caller.require(Role.OFFICER);
    return jobs.view(KIND, id);
  }

  /** An import's problems, by row and column (officers). */
  public List<Problem> report(long id) {
    caller.require(Role.OFFICER);
    jobs.view(KIND, id);
    return jobs.items(id).stream().map(Problem::of).toList();
  }

  /** An import's report lines as the kernel keeps them (officers). */
  public List<ImportItem> items(long id) {
    caller.require(Role.OFFICER);
    jobs.view(KIND, id);
    return jobs.items(id);
  }

  /** The latest import, if any (officers). */
  public Optional<ImportJobView> latest() {
    caller.require(Role.OFFICER);
    return jobs.latest(KIND);
  }

  /** The template: the headers and one example row (officers). */
  public byte[] template() {
    caller.require(Role.OFFICER);
    return ExpertWorkbook.template();
  }

  /** What a published import did (null unless it is DONE). */
  public static ExpertImportWork.Outcome outcome(ImportJobView job) {
    if (!ImportJobView.DONE.equals(job.status()) || job.summary() == null) {
      return null;
    }
    try (var reader = Json.createReader(new StringReader(job.summary()))) {
      JsonObject o = reader.readObject();
      return new ExpertImportWork.Outcome(
          o.getInt("created"), o.getInt("updated"), o.getInt("accounts"));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
