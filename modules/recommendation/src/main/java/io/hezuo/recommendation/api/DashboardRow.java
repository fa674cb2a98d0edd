package io.hezuo.recommendation.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The officer's dashboard, one recommender: quotas in use, confirmed applications and how many wait
 * for a decision, valid documents (of three), submitted or not, and the last reminder.
 */
public record DashboardRow(
    long recommenderId,
    String recommenderName,
    List<QuotaUse> quotas,
    long confirmed,
    long undecided,
    long recommended,
    int validDocuments,
    String status,
    Instant submittedAt,
    Instant closesAt,
    Instant lastReminder)
    implements Serializable {

  public DashboardRow {
    quotas = List.copyOf(quotas);
  }
}
