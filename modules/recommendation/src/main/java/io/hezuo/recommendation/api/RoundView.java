package io.hezuo.recommendation.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A recommender's round in the current call: its status ({@code OPEN}, {@code SUBMITTED}), its
 * deadline (the call's, or the Department's later one) and whether it is still open now, the quotas
 * in use, the documents, the hash of the recommended set, and how many confirmed applications wait
 * for a decision.
 */
public record RoundView(
    long callId,
    long recommenderId,
    String recommenderName,
    String status,
    Instant closesAt,
    boolean open,
    Instant submittedAt,
    String submittedBy,
    String reopenReason,
    String setHash,
    List<QuotaUse> quotas,
    List<DocumentView> documents,
    long undecided,
    long recommended)
    implements Serializable {

  public RoundView {
    quotas = List.copyOf(quotas);
    documents = List.copyOf(documents);
  }
}
