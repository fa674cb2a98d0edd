package io.hezuo.kernel.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Deadlines are judged and times are shown in Asia/Shanghai; instants are stored in UTC. */
public final class Zones {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter DISPLAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);

  private Zones() {}

  /** {@code 2025-09-15 17:30:00} for the instant, in Asia/Shanghai. */
  public static String format(Instant instant) {
    return instant == null ? "" : DISPLAY.format(instant);
  }
}
