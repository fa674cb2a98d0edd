package io.hezuo.kernel.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a message again after a failed attempt: 1 minute after the first failure, 5 minutes
 * after the second, 30 after the third, then every hour; after {@link #MAX_ATTEMPTS} failed
 * attempts (about 7 hours) the message is given up (FAILED).
 */
public final class Backoff {

  /** Failed attempts after which a message is given up. */
  public static final int MAX_ATTEMPTS = 10;

  private static final Duration[] FIRST = {
    Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)
  };

  private static final Duration THEN = Duration.ofHours(1);

  private Backoff() {}

  /**
   * The delay after the {@code failedAttempts}-th failed attempt (1 = the first), or empty when the
   * message is to be given up.
   */
  public static Optional<Duration> delayAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("attempts count from 1: " + failedAttempts);
    }
    if (failedAttempts >= MAX_ATTEMPTS) {
      return Optional.empty();
    }
    return Optional.of(failedAttempts <= FIRST.length ? FIRST[failedAttempts - 1] : THEN);
  }

  /** The next attempt after a failure at {@code now}, or empty when the message is given up. */
  public static Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
    return delayAfter(failedAttempts).map(now::plus);
  }
}
