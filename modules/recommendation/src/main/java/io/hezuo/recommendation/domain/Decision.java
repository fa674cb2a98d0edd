package io.hezuo.recommendation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A recommending unit's decision on a confirmed application; the recommended ones carry their rank
 * within their rank group (A1, A2, A3, B).
 */
@Entity
@Table(name = "rec_decision")
public class Decision {

  @Id
  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "call_id", nullable = false)
  private long callId;

  @Column(name = "recommender_id", nullable = false)
  private long recommenderId;

  @Column(name = "line_code", nullable = false, length = 10)
  private String lineCode;

  @Column(name = "rank_group", nullable = false, length = 10)
  private String rankGroup;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DecisionKind decision;

  @Column(length = 1000)
  private String reason;

  @Column(name = "rank_no")
  private Integer rankNo;

  @Column(name = "platform_key", length = 300)
  private String platformKey;

  @Column(name = "decided_by", nullable = false, length = 60)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  @Version private long version;

  protected Decision() {}

  public Decision(
      long applicationId,
      long callId,
      long recommenderId,
      String lineCode,
      String rankGroup,
      DecisionKind decision,
      String reason,
      Integer rankNo,
      String platformKey,
      String decidedBy,
      Instant decidedAt) {
    this.applicationId = applicationId;
    this.callId = callId;
    this.recommenderId = recommenderId;
    this.lineCode = lineCode;
    this.rankGroup = rankGroup;
    this.decision = decision;
    this.reason = reason;
    this.rankNo = rankNo;
    this.platformKey = platformKey;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public void rankAs(int rank) {
    this.rankNo = rank;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public long getCallId() {
    return callId;
  }

  public long getRecommenderId() {
    return recommenderId;
  }

  public String getLineCode() {
    return lineCode;
  }

  public String getRankGroup() {
    return rankGroup;
  }

  public DecisionKind getDecision() {
    return decision;
  }

  public String getReason() {
    return reason;
  }

  public Integer getRankNo() {
    return rankNo;
  }

  public String getPlatformKey() {
    return platformKey;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
