package io.hezuo.call.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A period that is open from {@code opensAt} (inclusive) until {@code closesAt} (exclusive): a
 * deadline of 17:30:00 still accepts 17:29:59.999 and refuses 17:30:00.000. Judged by the server's
 * clock, never the browser's.
 */
public record Window(Instant opensAt, Instant closesAt) {

  public Window {
    Objects.requireNonNull(opensAt, "opensAt");
    Objects.requireNonNull(closesAt, "closesAt");
  }

  /** Whether the window is open at the instant: {@code opensAt <= now < closesAt}. */
  public boolean isOpenAt(Instant now) {
    return !now.isBefore(opensAt) && now.isBefore(closesAt);
  }

  /** Whether the window has closed at the instant: {@code now >= closesAt}. */
  public boolean hasClosedAt(Instant now) {
    return !now.isBefore(closesAt);
  }
}
