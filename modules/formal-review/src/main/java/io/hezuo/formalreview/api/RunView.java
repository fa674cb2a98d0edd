package io.hezuo.formalreview.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A formal review run over a round, with its progress from the stored results (not from the batch
 * runtime's counters, which it writes only when a step ends).
 *
 * @param status RUNNING, DONE or FAILED
 * @param total applications in the run
 * @param done applications checked so far
 * @param recomputed of those, the ones whose inputs had changed since their stored result
 * @param stalled a RUNNING run whose owner has not beaten its heart for a while (it died)
 * @param restarts how often it was resumed after a stop or a crash
 * @param lastExecutionRead applications read by the job execution that ended it (after a resume:
 *     only those after the last checkpoint); null while it runs
 * @param preparing what the run prepares before its first chunk: LIBRARY (the library's documents
 *     indexed) or ROUND (the round's texts read and indexed); null when nothing is being prepared
 * @param prepared of the phase's {@code prepareTotal} items, those done
 */
public record RunView(
    long id,
    String status,
    int total,
    int done,
    int recomputed,
    boolean stalled,
    int restarts,
    String startedBy,
    Instant startedAt,
    Instant finishedAt,
    String failure,
    Long lastExecutionRead,
    String preparing,
    int prepared,
    int prepareTotal)
    implements Serializable {

  /** Done as a whole percentage (0–100), for the progress bar. */
  public int percent() {
    return total == 0 ? 100 : (int) (100L * done / total);
  }

  /** The preparation's phase done as a whole percentage (0–100), for its progress bar. */
  public int preparedPercent() {
    return prepareTotal == 0 ? 0 : (int) (100L * prepared / prepareTotal);
  }
}
