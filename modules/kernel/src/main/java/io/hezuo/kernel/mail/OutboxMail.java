package io.hezuo.kernel.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the outbox ({@code krn_mail_outbox}): one message and where its delivery stands. */
@Entity
@Table(name = "krn_mail_outbox")
public class OutboxMail {

  /** Where a message's delivery stands. */
  public enum Status {
    PENDING,
    SENT,
    FAILED
  }

  /** The longest error text kept. */
  static final int MAX_ERROR = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "to_address", nullable = false, length = 254)
  private String toAddress;

  @Column(name = "subject", nullable = false, length = 500)
  private String subject;

  @Column(name = "body", nullable = false)
  private String body;

  @Column(name = "entity_type", length = 60)
  private String entityType;

  @Column(name = "entity_id", length = 60)
  private String entityId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  private Status status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error", length = MAX_ERROR)
  private String lastError;

  @Column(name = "claim_token", length = 36)
  private String claimToken;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  protected OutboxMail() {}

  OutboxMail(OutgoingMail mail, Instant now) {
    this.toAddress = mail.to();
    this.subject = mail.subject();
    this.body = mail.body();
    this.entityType = mail.entityType();
    this.entityId = mail.entityId();
    this.status = Status.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  /** Sent now. */
  void sent(Instant now) {
    status = Status.SENT;
    sentAt = now;
    lastAttemptAt = now;
    attempts++;
    claimToken = null;
    claimedUntil = null;
  }

  /** An attempt failed now: try again later, or give up (see {@link Backoff}). */
  void failed(Instant now, String error) {
    attempts++;
    lastAttemptAt = now;
    lastError = truncate(error);
    claimToken = null;
    claimedUntil = null;
    Backoff.nextAttempt(attempts, now)
        .ifPresentOrElse(next -> nextAttemptAt = next, () -> status = Status.FAILED);
  }

  static String truncate(String error) {
    String e = error == null ? "unknown error" : error.replaceAll("[\\r\\n\\t]+", " ").strip();
    return e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR - 1) + "…" : e;
  }

  String claimToken() {
    return claimToken;
  }

  public Long getId() {
    return id;
  }

  public String getToAddress() {
    return toAddress;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getEntityType() {
    return entityType;
  }

  public String getEntityId() {
    return entityId;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getLastError() {
    return lastError;
  }
}
