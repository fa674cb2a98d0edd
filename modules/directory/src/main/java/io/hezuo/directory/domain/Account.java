package io.hezuo.directory.domain;

import io.hezuo.kernel.security.Role;
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
 * A login. Five failed passwords in a row from unknown devices lock it for 15 minutes (a device the
 * owner signed in from before is not locked out, see {@code LoginAttempts}); an administrator can
 * end a lock. A registered account waits for its unit's admin (PENDING) before it can log in; only
 * an ACTIVE (or DISABLED) account keeps its ID document from being registered again.
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

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  /** What the researcher typed when registering, kept until the unit admin decides. */
  @Column(name = "reg_name", length = 100)
  private String regName;

  @Column(name = "reg_phone", length = 30)
  private String regPhone;

  @Column(name = "reg_email", length = 200)
  private String regEmail;

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

  /**
   * A staff account created by the Department (e.g. an expert of the pool): ACTIVE at once, with a
   * one-time password that must be changed at the first login.
   */
  public static Account staff(
      String username, String oneTimeHash, Long personId, Role role, Instant now) {
    Account a = new Account();
    a.username = username;
    a.passwordHash = oneTimeHash;
    a.personId = personId;
    a.status = AccountStatus.ACTIVE;
    a.roles = EnumSet.of(role);
    a.createdAt = now;
    a.mustChangePassword = true;
    return a;
  }

  /**
   * Disables (it cannot sign in) or enables again an ACTIVE or DISABLED account.
   *
   * @return whether its status changed
   */
  public boolean setActive(boolean active) {
    AccountStatus next = active ? AccountStatus.ACTIVE : AccountStatus.DISABLED;
    if (status == next) {
      return false;
    }
    if (status != AccountStatus.ACTIVE && status != AccountStatus.DISABLED) {
      throw new IllegalStateException("neither active nor disabled: " + status);
    }
    status = next;
    return true;
  }

  /**
   * Keeps what the researcher typed on this registration (the person of the ID document may already
   * be known from another registration; it is corrected only when this one is approved).
   */
  public void typed(String name, String phone, String email) {
    this.regName = name;
    this.regPhone = phone;
    this.regEmail = email;
  }

  /**
   * Whether this account keeps the ID document from being registered again (only a live account).
   */
  public boolean holdsIdDocument() {
    return status == AccountStatus.ACTIVE || status == AccountStatus.DISABLED;
  }

  /** An administrator ends a lock (and the count of failures) before its time. */
  public boolean unlock() {
    boolean was = lockedUntil != null || failedAttempts > 0;
    lockedUntil = null;
    failedAttempts = 0;
    return was;
  }

  /**
   * A reset by an administrator: a one-time password that must be changed at the next login; the
   * lock ends.
   */
  public void resetPassword(String oneTimeHash) {
    this.passwordHash = oneTimeHash;
    this.mustChangePassword = true;
    unlock();
  }

  /** The owner chose a new password. */
  public void passwordChanged(String hash, Instant now) {
    this.passwordHash = hash;
    this.mustChangePassword = false;
    this.passwordChangedAt = now;
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

  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  public Instant getPasswordChangedAt() {
    return passwordChangedAt;
  }

  public String getRegName() {
    return regName;
  }

  public String getRegPhone() {
    return regPhone;
  }

  public String getRegEmail() {
    return regEmail;
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
