package io.hezuo.submission.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An officer's extension of the submission deadline for one applying unit, with its reason. */
@Entity
@Table(name = "sub_extension")
public class Extension {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false)
  private long callId;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;

  @Column(name = "until_at", nullable = false)
  private Instant until;

  @Column(nullable = false, length = 500)
  private String reason;

  @Column(name = "granted_by", nullable = false, length = 60)
  private String grantedBy;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  protected Extension() {}

  public Extension(
      long callId, long organisationId, Instant until, String reason, String by, Instant at) {
    this.callId = callId;
    this.organisationId = organisationId;
    this.until = until;
    this.reason = reason;
    this.grantedBy = by;
    this.grantedAt = at;
  }

  /** Open while now is before the extended deadline. */
  public boolean covers(Instant now) {
    return now.isBefore(until);
  }

  public Long getId() {
    return id;
  }

  public long getOrganisationId() {
    return organisationId;
  }

  public String getReason() {
    return reason;
  }

  public String getGrantedBy() {
    return grantedBy;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  public Instant getUntil() {
    return until;
  }
}
