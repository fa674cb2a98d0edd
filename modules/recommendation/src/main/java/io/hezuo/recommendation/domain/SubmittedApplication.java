package io.hezuo.recommendation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An application recommendation was told of (submission's {@code ApplicationSubmitted}), kept by
 * its id: the recommending units' work starts from these. {@code statusSeen} is the status
 * submission answered when the observer ran after the commit.
 */
@Entity
@Table(name = "rec_submitted_application")
public class SubmittedApplication {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(name = "call_id", nullable = false)
  private long callId;

  @Column(name = "line_code", nullable = false, length = 10)
  private String lineCode;

  @Column(name = "acceptance_no", nullable = false, length = 40)
  private String acceptanceNo;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "status_seen", nullable = false, length = 20)
  private String statusSeen;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected SubmittedApplication() {}

  public SubmittedApplication(
      long applicationId,
      long callId,
      String lineCode,
      String acceptanceNo,
      Instant submittedAt,
      String statusSeen,
      Instant receivedAt) {
    this.applicationId = applicationId;
    this.callId = callId;
    this.lineCode = lineCode;
    this.acceptanceNo = acceptanceNo;
    this.submittedAt = submittedAt;
    this.statusSeen = statusSeen;
    this.receivedAt = receivedAt;
  }

  public Long getId() {
    return id;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public long getCallId() {
    return callId;
  }

  public String getLineCode() {
    return lineCode;
  }

  public String getAcceptanceNo() {
    return acceptanceNo;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getStatusSeen() {
    return statusSeen;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
