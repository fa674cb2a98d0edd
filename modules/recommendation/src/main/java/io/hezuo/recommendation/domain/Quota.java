package io.hezuo.recommendation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** R1: the places a recommender has in a quota group of a call, as the Department set them. */
@Entity
@Table(name = "rec_quota")
public class Quota {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false)
  private long callId;

  @Column(name = "recommender_id", nullable = false)
  private long recommenderId;

  @Column(name = "quota_group", nullable = false, length = 10)
  private String quotaGroup;

  @Column(nullable = false)
  private int places;

  @Column(name = "set_by", nullable = false, length = 60)
  private String setBy;

  @Column(name = "set_at", nullable = false)
  private Instant setAt;

  @Column(length = 500)
  private String reason;

  @Version private long version;

  protected Quota() {}

  public Quota(long callId, long recommenderId, String quotaGroup) {
    this.callId = callId;
    this.recommenderId = recommenderId;
    this.quotaGroup = quotaGroup;
  }

  /** Sets the places (0…10,000), who set them, when and why. */
  public void set(int places, String by, Instant at, String reason) {
    if (places < 0 || places > QuotaRules.MAX_PLACES) {
      throw new IllegalArgumentException("places out of range: " + places);
    }
    this.places = places;
    this.setBy = by;
    this.setAt = at;
    this.reason = reason;
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

  public String getQuotaGroup() {
    return quotaGroup;
  }

  public int getPlaces() {
    return places;
  }

  public String getSetBy() {
    return setBy;
  }

  public Instant getSetAt() {
    return setAt;
  }

  public String getReason() {
    return reason;
  }
}
