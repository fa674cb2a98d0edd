package io.hezuo.call.api;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A call (申报批次) and its lines. Instants are UTC; show them in Asia/Shanghai. Submission is open
 * while {@code submissionOpensAt <= now < submissionClosesAt}; recommendation while {@code
 * submissionOpensAt <= now < recommendationClosesAt}.
 */
public record CallView(
    long id,
    String code,
    int year,
    Text title,
    Text issuer,
    LocalDate noticeDate,
    Instant submissionOpensAt,
    Instant submissionClosesAt,
    Instant recommendationClosesAt,
    long version,
    List<LineView> lines)
    implements Serializable {

  public CallView {
    lines = List.copyOf(lines);
  }

  public Window submissionWindow() {
    return new Window(submissionOpensAt, submissionClosesAt);
  }

  public Window recommendationWindow() {
    return new Window(submissionOpensAt, recommendationClosesAt);
  }

  public boolean isSubmissionOpen(Instant now) {
    return submissionWindow().isOpenAt(now);
  }

  public boolean isRecommendationOpen(Instant now) {
    return recommendationWindow().isOpenAt(now);
  }

  public Optional<LineView> line(String lineCode) {
    return lines.stream().filter(l -> l.code().equals(lineCode)).findFirst();
  }
}
