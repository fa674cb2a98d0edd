package io.hezuo.recommendation.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the formal review checks of one recommended application's recommendation (R1, R2, D1): the
 * recommending unit's decision (its rank group, rank and time), its round (status, when it was
 * submitted, when it closes: the call's deadline or the Department's later one), the quota of the
 * application's rank group (R1) and the latest document of each kind (R2).
 */
public record RecommendationRecord(
    long applicationId,
    long recommenderId,
    String rankGroup,
    Integer rank,
    Instant decidedAt,
    String roundStatus,
    Instant roundSubmittedAt,
    Instant roundClosesAt,
    QuotaUse quota,
    List<DocumentView> documents)
    implements Serializable {

  public RecommendationRecord {
    documents = List.copyOf(documents);
  }

  /**
   * What this record depends on, as a string that changes when any of it changes (a re-run of the
   * formal review recomputes the application then).
   */
  public String signature() {
    StringBuilder s =
        new StringBuilder()
            .append(recommenderId)
            .append('/')
            .append(rankGroup)
            .append('/')
            .append(rank)
            .append('/')
            .append(decidedAt)
            .append('/')
            .append(roundStatus)
            .append('/')
            .append(roundSubmittedAt)
            .append('/')
            .append(roundClosesAt)
            .append('/')
            .append(quota);
    documents.forEach(
        d ->
            s.append('/')
                .append(d.kind())
                .append('=')
                .append(d.sha256())
                .append(d.valid())
                .append(d.uploadedAt()));
    return s.toString();
  }
}
