package io.hezuo.kernel.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The one clock of the application: the server's, in UTC. Tests replace it with an alternative
 * producer deployed only with the tests.
 *
 * <p>A load or fault test against a real deployment runs on a shifted clock: {@code
 * HEZUO_CLOCK_SHIFT_SECONDS} (whole seconds, may be negative) is added to the server's time, so
 * that the deadline surge of a past call happens now. Every node of a cluster is given the same
 * shift. The shift is logged as a warning at start; it is never set in production.
 */
@ApplicationScoped
public class ClockProducer {

  private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());

  static final String SHIFT = "HEZUO_CLOCK_SHIFT_SECONDS";

  private final Clock clock = create(System.getenv(SHIFT));

  @Produces
  Clock clock() {
    return clock;
  }

  static Clock create(String shift) {
    if (shift == null || shift.isBlank()) {
      return Clock.systemUTC();
    }
    long seconds;
    try {
      seconds = Long.parseLong(shift.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(SHIFT + " must be whole seconds, not '" + shift + "'", e);
    }
    Clock shifted = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(seconds));
    LOG.warning(
        "the clock is shifted by "
            + seconds
            + " s ("
            + SHIFT
            + "): it reads "
            + shifted.instant()
            + "; a load or fault test only, never production");
    return shifted;
  }
}
