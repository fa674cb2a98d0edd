package io.hezuo.contract.service;

import io.hezuo.kernel.money.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** What the module's native queries return, read the same way by every service of the module. */
final class Columns {

  private Columns() {}

  static long id(Object o) {
    return ((Number) o).longValue();
  }

  /** An amount column (DECIMAL(15,2)); null reads as zero. */
  static Money money(Object o) {
    return o == null ? Money.ZERO : Money.of(((BigDecimal) o).setScale(2));
  }

  /** A DATE column. */
  static LocalDate localDate(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    return ((java.sql.Date) o).toLocalDate();
  }

  /** A TIMESTAMP column, stored in UTC. */
  static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    return (Instant) o;
  }
}
