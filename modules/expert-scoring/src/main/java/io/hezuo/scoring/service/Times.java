package io.hezuo.scoring.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** What native queries return for times and booleans, read the same way everywhere. */
final class Times {

  private Times() {}

  static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof LocalDateTime d) {
      return d.toInstant(ZoneOffset.UTC);
    }
    return (Instant) o;
  }

  static boolean bool(Object o) {
    if (o instanceof Boolean b) {
      return b;
    }
    return o instanceof Number n && n.intValue() != 0;
  }
}
