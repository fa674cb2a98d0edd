package io.hezuo.directory.service;

import io.hezuo.directory.domain.Account;
import io.hezuo.directory.domain.AccountStatus;
import io.hezuo.directory.domain.PasswordHasher;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Everything about a password attempt: throttling, the check, the lock, the hash's cost, the audit.
 *
 * <ol>
 *   <li>Before any hash: a token from the buckets of the source address and of the account name,
 *       existing or not, or of the device when it presents a valid device token of this account
 *       ({@link LoginThrottle}, {@link DeviceTokens}); and a turn among the few hashes the server
 *       runs at once.
 *   <li>A name that does not exist, an account locked against unknown devices: a stand-in hash is
 *       computed in the same queue, so neither the answer nor its time (also in a burst, when the
 *       wait for a turn is seconds) tells them apart from a wrong password. A throttled attempt: no
 *       hash, and the answer waits until the time a real check takes (a running average).
 *   <li>A wrong password counts towards the lock (five in a row from unknown devices lock for 15
 *       minutes); a right one ends the count, replaces a hash of another cost and gives the tokens
 *       back.
 * </ol>
 *
 * Every attempt is audited. The caller shows one message for every refusal.
 */
@ApplicationScoped
public class LoginAttempts {

  /**
   * Where an attempt comes from: the client's address and the device cookie's token (null when
   * none).
   */
  public record Origin(String address, String deviceToken) {}

  /**
   * The outcome of one attempt; {@code roles} only when accepted; {@code deviceToken}: the token to
   * set in the device cookie after a success. {@code reason} is for the audit and the tests, never
   * for the screen.
   */
  public record Outcome(
      boolean accepted,
      String reason,
      Set<String> roles,
      boolean mustChangePassword,
      String deviceToken,
      int retryAfterSeconds) {

    static Outcome refused(String reason) {
      return new Outcome(false, reason, Set.of(), false, null, 0);
    }

    /** Too many sign-ins queued: nothing was checked; try again after the seconds given. */
    static Outcome busy(int retryAfterSeconds) {
      return new Outcome(false, BUSY, Set.of(), false, null, retryAfterSeconds);
    }

    /**
     * Whether the server was too busy to check the password: the credentials were not judged, so
     * the screen must not say they were wrong.
     */
    public boolean busy() {
      return BUSY.equals(reason);
    }
  }

  static final String BUSY = "busy";

  /** Name of the device cookie. */
  public static final String DEVICE_COOKIE = "hezuo_device";

  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject LoginAttempts.Records records;

  final LoginThrottle throttle = new LoginThrottle();
  final DeviceTokens devices = new DeviceTokens();

  /** Running average of a checked attempt's duration, the time every refusal takes. */
  private volatile long typicalNanos = -1;

  public Outcome attempt(String username, String password, Origin origin) {
    long start = System.nanoTime();
    String name = username == null ? "" : username.strip();
    Origin from = origin == null ? new Origin(null, null) : origin;
    Instant now = clock.instant();
    boolean trusted = devices.valid(from.deviceToken(), name, now);
    LoginThrottle.Permit permit =
        throttle.acquire(from.address(), name, trusted ? from.deviceToken() : null);
    if (permit == null) {
      log(name, "login-throttled", "too many attempts (" + from.address() + ")");
      return refuse(start, "throttled");
    }
    // a place in the queue of hashes, taken before the name is looked up: whether a burst of
    // sign-ins turns this one away says nothing about the account
    LoginThrottle.Turn turn = throttle.enter(typicalNanos());
    if (turn == null) {
      throttle.succeeded(permit);
      int after = throttle.retryAfterSeconds(typicalNanos());
      log(name, "login-busy", "server busy hashing");
      return Outcome.busy(after);
    }
    try (turn) {
      Outcome o = attempt(name, password, from, permit, turn, trusted, now, start);
      if (!o.accepted() && !o.busy()) {
        throttle.failed(permit);
      }
      return o;
    }
  }

  private Outcome attempt(
      String name,
      String password,
      Origin from,
      LoginThrottle.Permit permit,
      LoginThrottle.Turn turn,
      boolean trusted,
      Instant now,
      long start) {
    Optional<Account> found = name.isEmpty() ? Optional.empty() : records.find(name);
    Account a = found.orElse(null);
    boolean lockedOut = a != null && !trusted && a.isLocked(now);
    // an unknown name and a locked account wait for their turn and hash too (a stand-in hash):
    // in a burst of sign-ins the wait is seconds, and only a refusal that waits alike tells
    // nothing about the name
    AtomicBoolean right = new AtomicBoolean();
    String stored = a == null || lockedOut ? DUMMY_HASH : a.getPasswordHash();
    boolean hashed = turn.hash(() -> right.set(PasswordHasher.verify(password, stored)));
    if (a == null) {
      log(name, "login-failed", "unknown user");
      return hashed ? refuse(start, "unknown") : busy(permit, name);
    }
    if (lockedOut) {
      log(name, "login-refused", "locked until " + a.getLockedUntil());
      return hashed ? refuse(start, "locked") : busy(permit, name);
    }
    if (!hashed) {
      return busy(permit, name);
    }
    // only checks at the current cost teach the time a refusal takes (a hash of the former cost,
    // until its owner's next login, is slower)
    boolean current = !PasswordHasher.needsRehash(stored);
    if (current) {
      learn(start);
    }
    if (!right.get()) {
      boolean locked = records.failed(a.getId(), !trusted, clock.instant());
      log(name, locked ? "account-locked" : "login-failed", "wrong password");
      return refuse(start, locked ? "locked" : "password");
    }
    if (a.getStatus() != AccountStatus.ACTIVE) {
      log(name, "login-refused", "status " + a.getStatus());
      return refuse(start, a.getStatus().name().toLowerCase());
    }
    String rehash = PasswordHasher.needsRehash(stored) ? PasswordHasher.hash(password) : null;
    records.succeeded(a.getId(), rehash);
    throttle.succeeded(permit);
    log(name, "login", trusted ? "known device" : null);
    return new Outcome(
        true,
        "ok",
        a.getRoles().stream().map(Enum::name).collect(Collectors.toSet()),
        a.isMustChangePassword(),
        devices.issue(a.getUsername(), now),
        0);
  }

  /**
   * Checks the current password of a signed-in user who changes it, under the same throttle as a
   * login (the name's bucket and a turn among the hashes), so that a taken-over session cannot
   * guess it at the speed of the CPU. False when wrong or throttled; audited when wrong.
   */
  public boolean checkCurrentPassword(String username, String password, String storedHash) {
    String name = username == null ? "" : username.strip();
    LoginThrottle.Permit permit = throttle.acquire("change-password", name, null);
    if (permit == null) {
      logAlways(name, "password-check-throttled", "too many wrong current passwords");
      return false;
    }
    AtomicBoolean right = new AtomicBoolean();
    if (!throttle.hash(
        typicalNanos(), () -> right.set(PasswordHasher.verify(password, storedHash)))) {
      throttle.succeeded(permit);
      return false;
    }
    if (right.get()) {
      throttle.succeeded(permit);
    } else {
      throttle.failed(permit);
      logAlways(name, "password-check-failed", "wrong current password");
    }
    return right.get();
  }

  /** An administrator ended the account's lock: its name may be tried at once. */
  public void forgive(String username) {
    throttle.forgive(username);
  }

  /** Records a logout (or a session that ended) in the audit log. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void loggedOut(String username, String why) {
    log(username, "logout", why);
  }

  /** The time every refusal takes: the running average of checked attempts. */
  long typicalNanos() {
    if (typicalNanos < 0) {
      long t = System.nanoTime();
      PasswordHasher.verify("not-the-password", DUMMY_HASH);
      typicalNanos = System.nanoTime() - t;
    }
    return typicalNanos;
  }

  private void learn(long start) {
    long took = System.nanoTime() - start;
    long t = typicalNanos();
    // a slow outlier (a busy moment) moves the average little
    typicalNanos = (t * 7 + Math.min(took, t * 3)) / 8;
  }

  /** The turn never came: busy, and the name's token given back. */
  private Outcome busy(LoginThrottle.Permit permit, String name) {
    throttle.succeeded(permit);
    log(name, "login-busy", "server busy hashing");
    return Outcome.busy(throttle.retryAfterSeconds(typicalNanos()));
  }

  private Outcome refuse(long start, String reason) {
    long wait = typicalNanos() - (System.nanoTime() - start);
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Outcome.refused(reason);
  }

  private void log(String username, String action, String reason) {
    audit.record(
        new AuditEntry(
            username == null || username.isEmpty() ? "?" : username,
            (String) null,
            "Login",
            username,
            action,
            null,
            null,
            reason));
  }

  /** Audited even when the caller's transaction is rolled back (a refused change). */
  private void logAlways(String username, String action, String reason) {
    audit.recordAlways(
        new AuditEntry(username, (String) null, "Login", username, action, null, null, reason));
  }

  private static final String DUMMY_HASH = PasswordHasher.hash("not-a-real-password-0");

  /** The database side of an attempt, each in a short transaction of its own. */
  @ApplicationScoped
  public static class Records {

    @PersistenceContext(unitName = "directory")
    EntityManager em;

    /** The account as the database has it now (not a cached copy: a lock may be new). */
    public Optional<Account> find(String username) {
      return em.createQuery("select a from Account a where a.username = :u", Account.class)
          .setParameter("u", username)
          .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
          .setHint("eclipselink.refresh", "true")
          .getResultStream()
          .findFirst();
    }

    /**
     * Counts a wrong password (towards the lock only from an unknown device); true if it locked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(long accountId, boolean countsTowardsLock, Instant now) {
      Account a = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
      return a != null && countsTowardsLock && a.recordFailure(now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(long accountId, String rehash) {
      Account a = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
      if (a != null) {
        a.recordSuccess();
        if (rehash != null) {
          a.changePasswordHash(rehash);
        }
      }
    }
  }
}
