package io.hezuo.directory.service;

import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.job.ImportItem;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportJobs;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports of the applicant lists of other plans (G2) as a Jakarta Batch job per upload ({@code
 * other-plans-import}): the officer's .xlsx is stored with the job; the job checks every cell (any
 * problem: the import is REFUSED with a report line per problem, by cell, and nothing is saved),
 * stages the rows a chunk at a time with its progress, and at the end replaces, in one transaction,
 * every list (year, plan kind) the file holds. A job whose server died is restarted from its last
 * checkpoint. Officers only.
 */
@ApplicationScoped
public class OtherPlansImports {

  /** The kind of the other-plans import jobs. */
  public static final String KIND = "other-plans";

  static final String JOB = "other-plans-import";

  /** What one list (year, kind) of an import became. */
  public record ListOutcome(int year, String planKind, long before, int after)
      implements Serializable {}

  /** What a published import did. */
  public record Outcome(String batch, int rows, List<ListOutcome> lists) implements Serializable {}

  @Inject Caller caller;
  @Inject ImportJobs jobs;

  /**
   * Starts an import (officers). {@code chunk} (rows per chunk, default 200) and {@code
   * pauseMillis} (a pause after each chunk; default 0) tune the job.
   *
   * @throws AccessDeniedException when the caller is not an officer
   * @throws RuleViolationException (F-OPL, field {@code note}) when the note is too long
   */
  public ImportJobView start(
      InputStream xlsx, String fileName, String note, Integer chunk, Integer pauseMillis) {
    String officer = requireOfficer();
    String why = note == null ? "" : note.strip();
    if (why.length() > 300) {
      throw new RuleViolationException(
          RuleViolation.error(OtherPlansWorkbook.RULE, "note", "directory.tooLong", 300));
    }
    Map<String, String> p = new HashMap<>();
    p.put("chunk", String.valueOf(chunk == null ? 200 : Math.max(1, Math.min(1000, chunk))));
    p.put("pauseMillis", String.valueOf(pauseMillis == null ? 0 : Math.max(0, pauseMillis)));
    return jobs.start(
        new ImportJobs.Start(
            KIND,
            JOB,
            "OtherPlans",
            fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName.strip(),
            why,
            OtherPlansWorkbook.MAX_BYTES + 1,
            officer,
            Role.OFFICER,
            p),
        xlsx);
  }

  /** An import with its progress (officers). */
  public ImportJobView view(long id) {
    requireOfficer();
    return jobs.view(KIND, id);
  }

  /** An import's problems, by cell (officers). */
  public List<ImportItem> report(long id) {
    requireOfficer();
    jobs.view(KIND, id);
    return jobs.items(id);
  }

  /** The latest import, if any (officers). */
  public Optional<ImportJobView> latest() {
    requireOfficer();
    return jobs.latest(KIND);
  }

  /** What a published import did (null unless it is DONE). */
  public static Outcome outcome(ImportJobView job) {
    if (!ImportJobView.DONE.equals(job.status()) || job.summary() == null) {
      return null;
    }
    try (var reader = Json.createReader(new StringReader(job.summary()))) {
      JsonObject o = reader.readObject();
      List<ListOutcome> lists = new ArrayList<>();
      o.getJsonArray("lists")
          .forEach(
              v -> {
                JsonObject l = v.asJsonObject();
                lists.add(
                    new ListOutcome(
                        l.getInt("year"),
                        l.getString("planKind"),
                        l.getJsonNumber("before").longValue(),
                        l.getInt("after")));
              });
      return new Outcome(o.getString("batch"), o.getInt("rows"), List.copyOf(lists));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The outcome as the job's summary keeps it. */
  static String summary(Outcome o) {
    var lists = Json.createArrayBuilder();
    for (ListOutcome l : o.lists()) {
      lists.add(
          Json.createObjectBuilder()
              .add("year", l.year())
              .add("planKind", l.planKind())
              .add("before", l.before())
              .add("after", l.after()));
    }
    return Json.createObjectBuilder()
        .add("batch", o.batch())
        .add("rows", o.rows())
        .add("lists", lists)
        .build()
        .toString();
  }

  private String requireOfficer() {
    if (!caller.isSignedIn() || !caller.hasRole(Role.OFFICER)) {
      throw new AccessDeniedException(
          "only a programme officer may import the lists of other plans");
    }
    return caller.name();
  }
}
