package io.hezuo.kernel.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

  @Test
  void withoutAShiftTheClockIsTheServersInUtc() {
    Clock c = ClockProducer.create(null);
    assertEquals(Clock.systemUTC().getZone(), c.getZone());
    assertTrue(Duration.between(Instant.now(), c.instant()).abs().toSeconds() < 2);
    assertEquals(Clock.systemUTC(), ClockProducer.create(" "));
  }

  @Test
  void aShiftMovesTheClockByItsSeconds() {
    Clock c = ClockProducer.create("-3600");
    long off = Duration.between(Instant.now(), c.instant()).toSeconds();
    assertTrue(off <= -3599 && off >= -3601, "shifted by " + off);
  }

  @Test
  void aShiftThatIsNoNumberStopsTheStart() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ClockProducer.create("1h"));
    assertTrue(e.getMessage().contains("HEZUO_CLOCK_SHIFT_SECONDS"));
  }
}
