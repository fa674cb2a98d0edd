package io.hezuo.kernel.i18n;

import io.hezuo.kernel.rule.RuleViolation;
import java.text.MessageFormat;
import java.util.List;
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

  /**
   * A text recorded in both languages, {@link #describeBilingual} line by line ({@code [G1] 中文 /
   * [G1] English}), in one language: each such line gives the half of the locale; every other line
   * (a reason someone typed) is kept as it is. Null stays null.
   */
  public static String inLanguage(Locale locale, String text) {
    if (text == null) {
      return null;
    }
    boolean english = ENGLISH.equals(normalise(locale));
    java.util.StringJoiner out = new java.util.StringJoiner("\n");
    for (String line : text.split("\n", -1)) {
      java.util.regex.Matcher m = BILINGUAL_LINE.matcher(line);
      if (m.matches()) {
        int at = line.indexOf(" / [" + m.group(1) + "] ");
        out.add(english ? line.substring(at + 3) : line.substring(0, at));
      } else {
        out.add(line);
      }
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern BILINGUAL_LINE =
      java.util.regex.Pattern.compile("\\[([^\\]]+)\\] .* / \\[\\1\\] .*");

  /**
   * The field's label: {@code <module>.field.<field>}; for a row of a repeated group ({@code
   * team_1_idNumber}) the group's row label with the row number ({@code <module>.field.team.row},
   * "团队成员 2") and the column's label ({@code <module>.field.team.idNumber}); for a keyed entry
   * ({@code budget_EQUIPMENT}) the group's label and the key's label ({@code
   * <module>.budget.EQUIPMENT}). The raw id only when no label is known.
   */
  static String fieldLabel(Locale locale, RuleViolation v) {
    String own = v.messageKey().substring(0, v.messageKey().indexOf('.'));
    // the message's own module first: a rule of one module (an ID check of the directory) may
    // name a field of another's form (the submission's team member)
    String label = fieldLabel(locale, own, v.field());
    for (int i = 0; label == null && i < MODULES.size(); i++) {
      if (!MODULES.get(i).equals(own)) {
        label = fieldLabel(locale, MODULES.get(i), v.field());
      }
    }
    return label == null ? v.field() : label;
  }

  /** The modules whose bundles may label a field, in pipeline order. */
  private static final List<String> MODULES =
      List.of(
          "kernel",
          "directory",
          "call",
          "submission",
          "recommendation",
          "formalreview",
          "scoring",
          "contract",
          "web");

  private static String fieldLabel(Locale locale, String module, String field) {
    String key = module + ".field." + field;
    if (exists(key)) {
      return get(locale, key);
    }
    java.util.regex.Matcher row = ROW_FIELD.matcher(field);
    if (row.matches()) {
      String group = row.group(1);
      String rowKey = module + ".field." + group + ".row";
      String columnKey = module + ".field." + group + "." + row.group(3);
      if (exists(rowKey) && exists(columnKey)) {
        return get(locale, rowKey, Integer.parseInt(row.group(2)) + 1)
            + " · "
            + get(locale, columnKey);
      }
    }
    java.util.regex.Matcher keyed = KEYED_FIELD.matcher(field);
    if (keyed.matches()) {
      String groupKey = module + ".field." + keyed.group(1);
      String entryKey = module + "." + keyed.group(1) + "." + keyed.group(2);
      if (exists(groupKey)) {
        return exists(entryKey)
            ? get(locale, groupKey) + " · " + get(locale, entryKey)
            : get(locale, groupKey);
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern ROW_FIELD =
      java.util.regex.Pattern.compile("([A-Za-z]+)_(\\d+)_([A-Za-z]+)");

  private static final java.util.regex.Pattern KEYED_FIELD =
      java.util.regex.Pattern.compile("([A-Za-z]+)_([A-Za-z0-9_]+)");

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
