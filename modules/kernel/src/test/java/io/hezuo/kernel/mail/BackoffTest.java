package io.hezuo.kernel.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void oneFiveThirtyMinutesThenHourly() {
    assertEquals(Optional.of(Duration.ofMinutes(1)), Backoff.delayAfter(1));
    assertEquals(Optional.of(Duration.ofMinutes(5)), Backoff.delayAfter(2));
    assertEquals(Optional.of(Duration.ofMinutes(30)), Backoff.delayAfter(3));
    for (int i = 4; i < Backoff.MAX_ATTEMPTS; i++) {
      assertEquals(Optional.of(Duration.ofHours(1)), Backoff.delayAfter(i), "after " + i);
    }
  }

  @Test
  void givenUpAfterTenFailedAttempts() {
    assertEquals(10, Backoff.MAX_ATTEMPTS);
    assertTrue(Backoff.delayAfter(9).isPresent());
    assertTrue(Backoff.delayAfter(10).isEmpty());
    assertTrue(Backoff.delayAfter(11).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Backoff.delayAfter(0));
  }

  @Test
  void nextAttemptIsCountedFromTheFailure() {
    Instant t = Instant.parse("2026-03-01T08:00:00Z");
    assertEquals(Optional.of(Instant.parse("2026-03-01T08:01:00Z")), Backoff.nextAttempt(1, t));
    assertEquals(Optional.of(Instant.parse("2026-03-01T09:00:00Z")), Backoff.nextAttempt(5, t));
    assertEquals(Optional.empty(), Backoff.nextAttempt(10, t));
  }

  @Test
  void aRowFailsOverAboutSevenHoursThenIsGivenUp() {
    OutboxMail m =
        new OutboxMail(
            new OutgoingMail("pi@example.com", "主题", "正文", "Application", "1"),
            Instant.parse("2026-03-01T00:00:00Z"));
    Instant now = m.getNextAttemptAt();
    for (int i = 1; i < Backoff.MAX_ATTEMPTS; i++) {
      m.failed(now, "Connection refused\nat line");
      assertEquals(OutboxMail.Status.PENDING, m.getStatus());
      assertEquals(i, m.getAttempts());
      assertEquals("Connection refused at line", m.getLastError());
      now = m.getNextAttemptAt();
    }
    // 1 + 5 + 30 minutes, then six hours
    assertEquals(Instant.parse("2026-03-01T06:36:00Z"), now);
    m.failed(now, "x".repeat(2000));
    assertEquals(OutboxMail.Status.FAILED, m.getStatus());
    assertEquals(OutboxMail.MAX_ERROR, m.getLastError().length());
  }
}
