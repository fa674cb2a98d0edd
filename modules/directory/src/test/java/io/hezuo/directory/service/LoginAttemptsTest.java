package io.hezuo.directory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.directory.domain.Account;
import io.hezuo.directory.domain.PasswordHasher;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LoginAttempts without a container: accounts in a map, the audit in a list. */
class LoginAttemptsTest {

  static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
  static final String HASH = PasswordHasher.hash("Tiger#Lake42");

  final Map<String, Account> accounts = new HashMap<>();
  final List<AuditEntry> audit = new ArrayList<>();
  int finds;
  LoginAttempts attempts;

  @BeforeEach
  void setUp() throws Exception {
    Account owner = Account.registered("owner", HASH, 1L, 1L, NOW);
    owner.decide(true, "admin", null, NOW);
    java.lang.reflect.Field id = Account.class.getDeclaredField("id");
    id.setAccessible(true);
    id.set(owner, 1L);
    accounts.put("owner", owner);
    attempts = new LoginAttempts();
    attempts.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    attempts.audit =
        new AuditLog() {
          @Override
          public void record(AuditEntry entry) {
            audit.add(entry);
          }

          @Override
          public void recordAlways(AuditEntry entry) {
            audit.add(entry);
          }
        };
    attempts.records =
        new LoginAttempts.Records() {
          @Override
          public Optional<Account> find(String username) {
            finds++;
            return Optional.ofNullable(accounts.get(username));
          }

          @Override
          public boolean failed(long accountId, boolean countsTowardsLock, Instant now) {
            return countsTowardsLock && accounts.get("owner").recordFailure(now);
          }

          @Override
          public void succeeded(long accountId, String rehash) {
            accounts.get("owner").recordSuccess();
          }
        };
  }

  static LoginAttempts.Origin from(String address) {
    return new LoginAttempts.Origin(address, null);
  }

  private long millis(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1_000_000;
  }

  @Test
  void unknownLockedAndWrongAnswerAlikeInComparableTime() {
    assertTrue(attempts.attempt("owner", "Tiger#Lake42", from("10.0.0.1")).accepted());
    long wrong = millis(() -> attempts.attempt("owner", "Wrong#1", from("10.0.0.1")));
    long unknown = millis(() -> attempts.attempt("nobody", "Wrong#1", from("10.0.0.1")));
    for (int i = 0; i < 4; i++) {
      attempts.attempt("owner", "Wrong#x" + i, from("10.0.0." + (10 + i)));
    }
    assertTrue(accounts.get("owner").isLocked(NOW));
    long locked =
        millis(
            () ->
                assertFalse(
                    attempts.attempt("owner", "Tiger#Lake42", from("10.0.0.2")).accepted()));
    String t = "wrong " + wrong + " ms, unknown " + unknown + " ms, locked " + locked + " ms";
    assertTrue(unknown >= wrong / 2 && locked >= wrong / 2, t);
    assertTrue(unknown <= wrong * 3 + 50 && locked <= wrong * 3 + 50, t);
  }

  @Test
  void theSixthAttemptOnANameIsRefusedBeforeTheAccountIsEvenRead() {
    for (int i = 0; i < LoginThrottle.NAME_CAPACITY; i++) {
      assertEquals(
          "unknown", attempts.attempt("ghost", "Wrong#" + i, from("10.9.0." + i)).reason());
    }
    int before = finds;
    LoginAttempts.Outcome o = attempts.attempt("ghost", "Wrong#9", from("10.9.0.99"));
    assertEquals("throttled", o.reason());
    assertEquals(before, finds, "no database read, no hash");
    assertEquals("login-throttled", audit.get(audit.size() - 1).action());
  }

  @Test
  void theOwnersKnownDeviceGetsInWhileStrangersLockedTheAccount() {
    LoginAttempts.Outcome first = attempts.attempt("owner", "Tiger#Lake42", from("10.0.0.1"));
    assertTrue(first.accepted());
    assertNotNull(first.deviceToken());
    for (int i = 0; i < 7; i++) {
      attempts.attempt("owner", "Guess#" + i, from("203.0.113." + i));
    }
    assertTrue(accounts.get("owner").isLocked(NOW));
    // a stranger with the right password is refused now
    assertFalse(attempts.attempt("owner", "Tiger#Lake42", from("203.0.113.50")).accepted());
    // the owner's browser is not
    LoginAttempts.Outcome owner =
        attempts.attempt(
            "owner", "Tiger#Lake42", new LoginAttempts.Origin("10.0.0.1", first.deviceToken()));
    assertTrue(owner.accepted(), owner.reason());
    // a device token of another account does not help
    assertFalse(
        attempts
            .attempt(
                "ghost", "Tiger#Lake42", new LoginAttempts.Origin("10.0.0.1", first.deviceToken()))
            .accepted());
  }

  @Test
  void aForcedChangeIsReportedWithTheRoles() {
    accounts.get("owner").resetPassword(PasswordHasher.hash("One#Time#77k"));
    LoginAttempts.Outcome o = attempts.attempt("owner", "One#Time#77k", from("10.0.0.1"));
    assertTrue(o.accepted());
    assertTrue(o.mustChangePassword());
    assertEquals(java.util.Set.of("APPLICANT"), o.roles());
  }

  @Test
  void theCurrentPasswordOfAChangeIsThrottledLikeALogin() {
    String stored = accounts.get("owner").getPasswordHash();
    assertTrue(attempts.checkCurrentPassword("owner", "Tiger#Lake42", stored));
    for (int i = 0; i < LoginThrottle.NAME_CAPACITY; i++) {
      assertFalse(attempts.checkCurrentPassword("owner", "Guess#" + i, stored));
    }
    // now even the right one is refused, without a hash
    long t = System.nanoTime();
    assertFalse(attempts.checkCurrentPassword("owner", "Tiger#Lake42", stored));
    assertTrue(System.nanoTime() - t < 20_000_000L, "no hash computed");
    assertEquals("password-check-throttled", audit.get(audit.size() - 1).action());
  }

  @Test
  void aFullQueueOfHashesSaysBusyBeforeLookingAtTheNameAndAnsweredItsPlaceBack() {
    // fill the queue of hashes as a burst of sign-ins would
    List<LoginThrottle.Turn> burst = new ArrayList<>();
    LoginThrottle.Turn t;
    while ((t = attempts.throttle.enter(attempts.typicalNanos())) != null) {
      burst.add(t);
    }
    int before = finds;
    LoginAttempts.Outcome known = attempts.attempt("owner", "Tiger#Lake42", from("10.9.0.1"));
    LoginAttempts.Outcome unknown = attempts.attempt("nobody", "x", from("10.9.0.2"));
    // the right password is not refused as wrong: busy, with when to try again
    assertFalse(known.accepted());
    assertTrue(known.busy());
    assertTrue(known.retryAfterSeconds() >= 2, "retry after " + known.retryAfterSeconds());
    // an unknown name is turned away the same way, before any lookup
    assertTrue(unknown.busy());
    assertEquals(before, finds);
    assertTrue(audit.stream().anyMatch(e -> "login-busy".equals(e.action())));
    // nothing counts against the account or the source: once the queue is shorter, it works
    burst.forEach(LoginThrottle.Turn::close);
    assertTrue(attempts.attempt("owner", "Tiger#Lake42", from("10.9.0.1")).accepted());
    assertEquals(0, attempts.throttle.queued());
  }

  @Test
  void anUnknownNameWaitsForItsTurnAmongTheHashesLikeAKnownOne() throws Exception {
    int n = LoginThrottle.concurrentHashes();
    java.util.concurrent.atomic.AtomicReference<LoginAttempts.Outcome> unknown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread waiter;
    try (HashesHeld held = new HashesHeld(attempts.throttle)) {
      waiter = new Thread(() -> unknown.set(attempts.attempt("nobody", "x", from("10.9.1.1"))));
      waiter.start();
      // it waits for a turn, as a right or wrong password of a real account would
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(5))
          .until(() -> attempts.throttle.queued() == n + 1 && HashesHeld.waiting(waiter));
      assertTrue(waiter.isAlive());
      assertEquals(null, unknown.get());
    }
    waiter.join(10_000);
    assertFalse(unknown.get().accepted());
    assertFalse(unknown.get().busy());
  }
}
