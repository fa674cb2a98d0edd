package io.hezuo.directory.service;

import io.hezuo.directory.domain.Account;
import io.hezuo.directory.domain.PasswordHasher;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a password, counts failures (five in a row lock the account for 15 minutes) and audits
 * every attempt, in a transaction of its own so that a failure is recorded.
 */
@ApplicationScoped
public class LoginAttempts {

  /** The outcome of one attempt; {@code roles} only when accepted. */
  public record Outcome(boolean accepted, String reason, Set<String> roles) {}

  @PersistenceContext(unitName = "directory")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome attempt(String username, String password) {
    Instant now = clock.instant();
    Optional<Account> found =
        em.createQuery("select a from Account a where a.username = :u", Account.class)
            .setParameter("u", username)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      // Spend the same time as a real check, so response times do not tell which names exist.
      PasswordHasher.verify(password, DUMMY_HASH);
      log(username, "login-failed", "unknown user");
      return new Outcome(false, "unknown", Set.of());
    }
    Account a = found.get();
    if (a.isLocked(now)) {
      log(username, "login-refused", "locked until " + a.getLockedUntil());
      return new Outcome(false, "locked", Set.of());
    }
    if (!PasswordHasher.verify(password, a.getPasswordHash())) {
      boolean locked = a.recordFailure(now);
      log(username, locked ? "account-locked" : "login-failed", "wrong password");
      return new Outcome(false, locked ? "locked" : "password", Set.of());
    }
    if (!a.canLogIn(now)) {
      log(username, "login-refused", "status " + a.getStatus());
      return new Outcome(false, a.getStatus().name().toLowerCase(), Set.of());
    }
    a.recordSuccess();
    if (PasswordHasher.needsRehash(a.getPasswordHash())) {
      a.changePasswordHash(PasswordHasher.hash(password));
    }
    log(username, "login", null);
    return new Outcome(
        true, "ok", a.getRoles().stream().map(Enum::name).collect(Collectors.toSet()));
  }

  /** Records a logout (or a session that ended) in the audit log. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void loggedOut(String username, String why) {
    log(username, "logout", why);
  }

  private void log(String username, String action, String reason) {
    audit.record(
        new AuditEntry(
            username == null ? "?" : username,
            null,
            "Login",
            username,
            action,
            null,
            null,
            reason));
  }

  private static final String DUMMY_HASH = PasswordHasher.hash("not-a-real-password-0");
}
