package io.hezuo.kernel.job;

import java.io.Serializable;
import java.time.Instant;

/**
 * An import job with its progress.
 *
 * @param status RUNNING, DONE (published), REFUSED (a file or row was bad: nothing imported) or
 *     FAILED (the job broke: nothing imported)
 * @param total files or rows to read; null until the job has counted them
 * @param done files or rows read so far
 * @param stalled a RUNNING job whose owner has not beaten its heart for a while (it died; it is
 *     restarted from its last checkpoint)
 * @param summary what was published, as the importing module wrote it
 * @param readByLastExecution what the batch execution that ended it read (after a restart: only
 *     what came after the checkpoint); null while it runs
 */
public record ImportJobView(
    long id,
    String kind,
    String status,
    String fileName,
    String note,
    Integer total,
    int done,
    int imported,
    int skipped,
    int refused,
    boolean stalled,
    int restarts,
    String startedBy,
    Instant startedAt,
    Instant finishedAt,
    String summary,
    String failure,
    Long readByLastExecution)
    implements Serializable {

  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String REFUSED = "REFUSED";
  public static final String FAILED = "FAILED";

  /** Whether the job is still working. */
  public boolean running() {
    return RUNNING.equals(status);
  }

  /** Done as a whole percentage (0–100) for the progress bar: 100 only when it has ended. */
  public int percent() {
    if (!running()) {
      return 100;
    }
    if (total == null || total == 0) {
      return 0;
    }
    return (int) Math.min(99, 100L * done / total);
  }
}
