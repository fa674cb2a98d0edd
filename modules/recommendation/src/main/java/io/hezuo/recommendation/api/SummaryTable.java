package io.hezuo.recommendation.api;

import io.hezuo.kernel.money.Money;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * R2: the summary table (推荐汇总表) of a recommender's recommended applications in ranking order
 * (group, then rank), with the hash of the set it was made from.
 */
public record SummaryTable(
    long callId,
    String callTitle,
    long recommenderId,
    String recommenderName,
    Instant generatedAt,
    String setHash,
    List<Row> rows)
    implements Serializable {

  public SummaryTable {
    rows = List.copyOf(rows);
  }

  /** One recommended application. */
  public record Row(
      String rankGroup,
      int rank,
      long applicationId,
      String acceptanceNo,
      String title,
      String lineCode,
      String lineName,
      String unitName,
      String piName,
      Money subsidy)
      implements Serializable {}
}
