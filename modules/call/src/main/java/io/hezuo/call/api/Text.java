package io.hezuo.call.api;

import java.io.Serializable;
import java.util.Locale;

/** A text of the catalogue in Chinese (the notice's) and English. */
public record Text(String zh, String en) implements Serializable {

  /**
   * The text in the locale: English for {@code en}, Chinese otherwise (or when English is empty).
   */
  public String in(Locale locale) {
    boolean english = locale != null && "en".equals(locale.getLanguage());
    return english && en != null && !en.isBlank() ? en : zh;
  }

  /** Null when both languages are empty, so that optional texts stay optional. */
  public static Text of(String zh, String en) {
    return zh == null && en == null ? null : new Text(zh, en);
  }
}
