package io.hezuo.formalreview.service;

import io.hezuo.kernel.job.ImportItem;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportJobs;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports into the library of earlier projects, as a Jakarta Batch job per upload ({@code
 * library-import}): the officer's zip of PDF, DOCX and TXT files is stored with the job, the job
 * takes the text out of each file a chunk at a time with its progress, and stages it; at the end it
 * publishes the staged documents in one transaction when every file was read, or nothing when a
 * file was refused (the per-file report says which and why; a duplicate is skipped and said so). A
 * job whose server died is restarted from its last checkpoint ({@code ImportJobRecovery}). Officers
 * only.
 */
@ApplicationScoped
public class LibraryImports {

  /** The kind of the library's import jobs. */
  public static final String KIND = "library";

  static final String JOB = "library-import";

  /** The largest zip accepted. */
  public static final long MAX_ZIP = 200L * 1024 * 1024;

  @Inject Caller caller;
  @Inject ImportJobs jobs;

  /**
   * Starts an import of a zip (officers). {@code chunk} (files per chunk, default 5) and {@code
   * pauseMillis} (a pause after each chunk; default 0) tune the job.
   *
   * @throws RuleViolationException (F-REQ, field {@code file}) when there is no file
   */
  public ImportJobView start(InputStream zip, String fileName, Integer chunk, Integer pauseMillis) {
    String officer = caller.require(Role.OFFICER);
    PushbackInputStream in =
        new PushbackInputStream(zip == null ? InputStream.nullInputStream() : zip);
    try {
      int first = in.read();
      if (first < 0) {
        throw new RuleViolationException(
            RuleViolation.error("F-REQ", "file", "formalreview.library.noFile"));
      }
      in.unread(first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> p = new HashMap<>();
    p.put("chunk", String.valueOf(chunk == null ? 5 : Math.max(1, Math.min(100, chunk))));
    p.put("pauseMillis", String.valueOf(pauseMillis == null ? 0 : Math.max(0, pauseMillis)));
    return jobs.start(
        new ImportJobs.Start(
            KIND,
            JOB,
            "Library",
            fileName == null || fileName.isBlank() ? "library.zip" : fileName,
            null,
            MAX_ZIP,
            officer,
            Role.OFFICER,
            p),
        in);
  }

  /** An import with its progress (officers). */
  public ImportJobView view(long id) {
    caller.require(Role.OFFICER);
    return jobs.view(KIND, id);
  }

  /** Stops a running import after its current chunk, to be resumed later (officers). */
  public ImportJobView stop(long id) {
    caller.require(Role.OFFICER);
    return jobs.stop(KIND, id);
  }

  /** Resumes a stopped or stalled import from its last checkpoint (officers). */
  public ImportJobView resume(long id) {
    caller.require(Role.OFFICER);
    return jobs.resume(KIND, id);
  }

  /** An import's per-file report (officers). */
  public List<ImportItem> report(long id) {
    caller.require(Role.OFFICER);
    jobs.view(KIND, id);
    return jobs.items(id);
  }

  /** The latest import, if any (officers). */
  public Optional<ImportJobView> latest() {
    caller.require(Role.OFFICER);
    return jobs.latest(KIND);
  }
}
