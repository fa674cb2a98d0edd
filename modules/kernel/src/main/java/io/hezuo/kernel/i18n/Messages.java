package io.hezuo.kernel.i18n;

import io.hezuo.kernel.rule.RuleViolation;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Looks up message keys of the scheme {@code <module>.<view>.<thing>} in the bundle of the module
 * named by the key's first segment: {@code call.catalogue.title} is read from {@code
 * io/hezuo/call/messages*.properties}. Chinese is the base bundle; English is {@code _en}.
 */
public final class Messages {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  /** The message for the key in the locale, or {@code ???key???} when it is missing. */
  public static String get(Locale locale, String key, Object... args) {
    String pattern = pattern(locale, key);
    if (pattern == null) {
      return "???" + key + "???";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** Whether the key exists in its module's bundle. */
  public static boolean exists(String key) {
    return pattern(CHINESE, key) != null;
  }

  /** A rule violation in one language: {@code [G6] 财政补助经费：… }. */
  public static String describe(Locale locale, RuleViolation v) {
    String field = v.field() == null ? null : fieldLabel(locale, v);
    String text = get(locale, v.messageKey(), v.args().toArray());
    return "[" + v.ruleId() + "] " + (field == null ? "" : field + ": ") + text;
  }

  /** A rule violation in Chinese and English, as the standards ask for bad input. */
  public static String describeBilingual(RuleViolation v) {
    return describe(CHINESE, v) + " / " + describe(ENGLISH, v);
  }

  private static String fieldLabel(Locale locale, RuleViolation v) {
    String module = v.messageKey().substring(0, v.messageKey().indexOf('.'));
    String key = module + ".field." + v.field();
    return exists(key) ? get(locale, key) : v.field();
  }

  private static String pattern(Locale locale, String key) {
    int dot = key.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    String module = key.substring(0, dot).replace("-", "");
    try {
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              "io.hezuo." + module + ".messages",
              normalise(locale),
              Thread.currentThread().getContextClassLoader() != null
                  ? Thread.currentThread().getContextClassLoader()
                  : Messages.class.getClassLoader(),
              NO_FALLBACK);
      return bundle.containsKey(key) ? bundle.getString(key) : null;
    } catch (MissingResourceException e) {
      return null;
    }
  }

  /** Only two languages: English, or Chinese for everything else. */
  public static Locale normalise(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : CHINESE;
  }
}
