package io.hezuo.recommendation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A recommender's round in a call: open while it decides, ranks and uploads; submitted when it
 * hands in (the set is locked); the Department may reopen it with a reason and a later deadline
 * (D1). Every decision of a recommender locks its round's row first, so its decisions, ranking and
 * submission happen one at a time.
 */
@Entity
@Table(name = "rec_round")
public class Round {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false)
  private long callId;

  @Column(name = "recommender_id", nullable = false)
  private long recommenderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RoundStatus status = RoundStatus.OPEN;

  @Column(name = "set_hash", length = 64)
  private String setHash;

  @Column(name = "submitted_by", length = 60)
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "extended_until")
  private Instant extendedUntil;

  @Column(name = "reopened_by", length = 60)
  private String reopenedBy;

  @Column(name = "reopened_at")
  private Instant reopenedAt;

  @Column(name = "reopen_reason", length = 500)
  private String reopenReason;

  @Version private long version;

  protected Round() {}

  public Round(long callId, long recommenderId) {
    this.callId = callId;
    this.recommenderId = recommenderId;
  }

  /** The deadline of this recommender: the call's, or the Department's later one. */
  public Instant closesAt(Instant callDeadline) {
    return extendedUntil != null && extendedUntil.isAfter(callDeadline)
        ? extendedUntil
        : callDeadline;
  }

  public void submit(String setHash, String by, Instant at) {
    this.status = RoundStatus.SUBMITTED;
    this.setHash = setHash;
    this.submittedBy = by;
    this.submittedAt = at;
  }

  /** The Department reopens the round until {@code until}, with its reason. */
  public void reopen(Instant until, String by, Instant at, String reason) {
    this.status = RoundStatus.OPEN;
    this.extendedUntil = until;
    this.reopenedBy = by;
    this.reopenedAt = at;
    this.reopenReason = reason;
  }

  public Long getId() {
    return id;
  }

  public long getCallId() {
    return callId;
  }

  public long getRecommenderId() {
    return recommenderId;
  }

  public RoundStatus getStatus() {
    return status;
  }

  public String getSetHash() {
    return setHash;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getExtendedUntil() {
    return extendedUntil;
  }

  public String getReopenedBy() {
    return reopenedBy;
  }

  public Instant getReopenedAt() {
    return reopenedAt;
  }

  public String getReopenReason() {
    return reopenReason;
  }
}
