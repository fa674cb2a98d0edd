package io.hezuo.directory.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The level of a white-listed platform base (G1): national, ministerial, provincial, department.
 */
public enum PlatformLevel {
  NATIONAL("国家级"),
  MINISTERIAL("部级"),
  PROVINCIAL("省级"),
  DEPARTMENT("厅级");

  private final String chinese;

  PlatformLevel(String chinese) {
    this.chinese = chinese;
  }

  /** The Chinese label as the import file and the notice write it: 国家级, 部级, 省级, 厅级. */
  public String chinese() {
    return chinese;
  }

  /** The level written in Chinese (国家级…, also without 级) or as its English code, any case. */
  public static Optional<PlatformLevel> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    for (PlatformLevel l : values()) {
      if (l.chinese.equals(s)
          || l.chinese.substring(0, l.chinese.length() - 1).equals(s)
          || l.name().equals(s.toUpperCase(Locale.ROOT))) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
