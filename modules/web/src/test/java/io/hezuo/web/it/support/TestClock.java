package io.hezuo.web.it.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only: replaces the application's clock in the WAR that the integration tests deploy (never
 * in the production WAR). Runs on the system clock until a test sets a fixed instant through {@link
 * TestClockResource}.
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestClock {

  static final AtomicReference<Instant> FIXED = new AtomicReference<>();

  private static final Clock CLOCK =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
          Instant f = FIXED.get();
          return f == null ? Instant.now() : f;
        }
      };

  @Produces
  Clock clock() {
    return CLOCK;
  }
}
