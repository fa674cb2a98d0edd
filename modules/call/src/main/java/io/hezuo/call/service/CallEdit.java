package io.hezuo.call.service;

import java.time.Instant;
import java.util.List;

/**
 * An officer's edit of a call: the versions they started from, the new deadlines, the lines' new
 * caps and texts, and the reason. Saved all together or not at all.
 */
public record CallEdit(
    long callId,
    long version,
    Instant submissionOpensAt,
    Instant submissionClosesAt,
    Instant recommendationClosesAt,
    List<LineEdit> lines,
    String reason) {

  public CallEdit {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
