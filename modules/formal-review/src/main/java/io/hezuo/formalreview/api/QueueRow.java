package io.hezuo.formalreview.api;

import java.io.Serializable;
import java.util.List;

/**
 * One application of the formal review queue: what identifies it, its automatic result as the last
 * run stored it (null: not checked yet), the failed rules, and the reviewer's decision if made.
 */
public record QueueRow(
    long applicationId,
    String acceptanceNo,
    String lineCode,
    String titleZh,
    String piName,
    String applyingUnitName,
    Long recommendingUnitId,
    String recommendingUnitName,
    String status,
    String automatic,
    List<String> failedRules,
    String decision,
    boolean overridden)
    implements Serializable {

  /** The failed rules as shown: "G2, G3". */
  public String failedText() {
    return String.join(", ", failedRules);
  }

  /** One page of the queue with the number of all matches. */
  public record Page(long total, List<QueueRow> rows) implements Serializable {}
}
