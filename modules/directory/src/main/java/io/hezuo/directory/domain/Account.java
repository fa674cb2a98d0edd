package io.hezuo.directory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A login. Five failed passwords in a row lock it for 15 minutes; a registered account waits for
 * its unit's admin (PENDING) before it can log in.
 */
@Entity
@Table(name = "dir_account")
public class Account {

  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK_TIME = Duration.ofMinutes(15);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 60)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  @Column(name = "person_id")
  private Long personId;

  @Column(name = "organisation_id")
  private Long organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AccountStatus status;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "dir_account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 30)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "preferred_language", length = 8)
  private String preferredLanguage;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 60)
  private String decidedBy;

  @Column(name = "decision_reason", length = 500)
  private String decisionReason;

  @Column(nullable = false)
  private boolean demo;

  @Version private long version;

  protected Account() {}

  /** A self-registered applicant, waiting for the unit admin. */
  public static Account registered(
      String username, String passwordHash, Long personId, Long organisationId, Instant now) {
    Account a = new Account();
    a.username = username;
    a.passwordHash = passwordHash;
    a.personId = personId;
    a.organisationId = organisationId;
    a.status = AccountStatus.PENDING;
    a.roles = EnumSet.of(Role.APPLICANT);
    a.createdAt = now;
    return a;
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Counts a wrong password; the fifth in a row locks the account. Returns true if it locked. */
  public boolean recordFailure(Instant now) {
    if (lockedUntil != null && !now.isBefore(lockedUntil)) {
      lockedUntil = null;
      failedAttempts = 0;
    }
    failedAttempts++;
    if (failedAttempts >= MAX_FAILURES) {
      lockedUntil = now.plus(LOCK_TIME);
      failedAttempts = 0;
      return true;
    }
    return false;
  }

  public void recordSuccess() {
    failedAttempts = 0;
    lockedUntil = null;
  }

  public boolean canLogIn(Instant now) {
    return status == AccountStatus.ACTIVE && !isLocked(now);
  }

  /** The unit admin's decision on a pending registration. */
  public void decide(boolean approve, String admin, String reason, Instant now) {
    if (status != AccountStatus.PENDING) {
      throw new IllegalStateException("not pending: " + status);
    }
    status = approve ? AccountStatus.ACTIVE : AccountStatus.REJECTED;
    decidedBy = admin;
    decisionReason = reason;
    decidedAt = now;
  }

  public void changePasswordHash(String hash) {
    this.passwordHash = hash;
  }

  public void setPreferredLanguage(String preferredLanguage) {
    this.preferredLanguage = preferredLanguage;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Long getPersonId() {
    return personId;
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public Set<Role> getRoles() {
    return roles;
  }

  public int getFailedAttempts() {
    return failedAttempts;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
