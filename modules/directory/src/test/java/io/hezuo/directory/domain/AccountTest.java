package io.hezuo.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

  static final Instant T0 = Instant.parse("2025-09-01T02:00:00Z");

  private static Account active() {
    Account a = Account.registered("someone", "h", 1L, 1L, T0);
    a.decide(true, "admin", null, T0);
    return a;
  }

  @Test
  void fiveFailuresLockForFifteenMinutes() {
    Account a = active();
    for (int i = 1; i <= 4; i++) {
      assertFalse(a.recordFailure(T0));
      assertFalse(a.isLocked(T0));
    }
    assertTrue(a.recordFailure(T0));
    assertTrue(a.isLocked(T0));
    assertFalse(a.canLogIn(T0.plus(Duration.ofMinutes(14)).plusSeconds(59)));
    assertTrue(a.canLogIn(T0.plus(Duration.ofMinutes(15))));
  }

  @Test
  void successResetsTheCount() {
    Account a = active();
    for (int i = 0; i < 4; i++) {
      a.recordFailure(T0);
    }
    a.recordSuccess();
    assertFalse(a.recordFailure(T0));
    assertEquals(1, a.getFailedAttempts());
  }

  @Test
  void pendingAccountsCannotLogInAndAreDecidedOnce() {
    Account a = Account.registered("someone", "h", 1L, 1L, T0);
    assertFalse(a.canLogIn(T0));
    a.decide(false, "admin", "not ours", T0);
    assertEquals(AccountStatus.REJECTED, a.getStatus());
    assertThrows(IllegalStateException.class, () -> a.decide(true, "admin", null, T0));
  }

  @Test
  void anAdministratorEndsALockAndAResetForcesAChange() {
    Account a = active();
    for (int i = 0; i < 5; i++) {
      a.recordFailure(T0);
    }
    assertTrue(a.isLocked(T0));
    assertTrue(a.unlock());
    assertTrue(a.canLogIn(T0));
    for (int i = 0; i < 5; i++) {
      a.recordFailure(T0);
    }
    a.resetPassword("otp-hash");
    assertTrue(a.canLogIn(T0));
    assertTrue(a.isMustChangePassword());
    assertEquals("otp-hash", a.getPasswordHash());
    a.passwordChanged("new-hash", T0);
    assertFalse(a.isMustChangePassword());
    assertEquals(T0, a.getPasswordChangedAt());
  }

  @Test
  void onlyLiveAccountsHoldTheirIdDocument() {
    Account pending = Account.registered("p1", "h", 1L, 1L, T0);
    assertFalse(pending.holdsIdDocument());
    Account rejected = Account.registered("p2", "h", 1L, 1L, T0);
    rejected.decide(false, "admin", "not ours", T0);
    assertFalse(rejected.holdsIdDocument());
    assertTrue(active().holdsIdDocument());
  }
}
