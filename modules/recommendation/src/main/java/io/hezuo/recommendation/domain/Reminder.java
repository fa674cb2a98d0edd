package io.hezuo.recommendation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reminder the Department sent a recommender. */
@Entity
@Table(name = "rec_reminder")
public class Reminder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false)
  private long callId;

  @Column(name = "recommender_id", nullable = false)
  private long recommenderId;

  @Column(name = "sent_by", nullable = false, length = 60)
  private String sentBy;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  @Column(length = 1000)
  private String note;

  protected Reminder() {}

  public Reminder(long callId, long recommenderId, String sentBy, Instant sentAt, String note) {
    this.callId = callId;
    this.recommenderId = recommenderId;
    this.sentBy = sentBy;
    this.sentAt = sentAt;
    this.note = note;
  }

  public Long getId() {
    return id;
  }

  public long getRecommenderId() {
    return recommenderId;
  }

  public String getSentBy() {
    return sentBy;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getNote() {
    return note;
  }
}
