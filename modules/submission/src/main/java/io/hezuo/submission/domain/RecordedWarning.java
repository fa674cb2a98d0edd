package io.hezuo.submission.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A warning recorded with the application when it was submitted: the rule id, the field (or null)
 * and the message as the PI was shown it, in Chinese and English. Stored one per line, the four
 * parts separated by tabs (backslash, tab and line break escaped); lines of the first version (
 * {@code [G1] 中文 / [G1] English}) are still read.
 */
public record RecordedWarning(String ruleId, String field, String messageZh, String messageEn) {

  private static final Pattern LEGACY = Pattern.compile("\\[([^\\]]+)\\] (.*)");

  /** The warnings as the text column holds them; null when there are none. */
  public static String encode(List<RecordedWarning> warnings) {
    if (warnings == null || warnings.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (RecordedWarning w : warnings) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append(escape(w.ruleId()))
          .append('\t')
          .append(w.field() == null ? "" : escape(w.field()))
          .append('\t')
          .append(escape(w.messageZh()))
          .append('\t')
          .append(escape(w.messageEn()));
    }
    return b.toString();
  }

  /** The warnings of the text column, in their order; none for null or blank. */
  public static List<RecordedWarning> decode(String text) {
    List<RecordedWarning> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.indexOf('\t') >= 0) {
        String[] p = line.split("\t", -1);
        out.add(
            new RecordedWarning(
                unescape(p[0]),
                p.length > 1 && !p[1].isEmpty() ? unescape(p[1]) : null,
                p.length > 2 ? unescape(p[2]) : "",
                p.length > 3 ? unescape(p[3]) : ""));
      } else {
        out.add(legacy(line));
      }
    }
    return out;
  }

  /** {@code [G1] 中文 / [G1] English}: the rule id, and the two halves split where it repeats. */
  private static RecordedWarning legacy(String line) {
    Matcher m = LEGACY.matcher(line);
    if (!m.matches()) {
      return new RecordedWarning("", null, line, line);
    }
    String rule = m.group(1);
    String separator = " / [" + rule + "] ";
    int at = line.indexOf(separator);
    if (at < 0) {
      return new RecordedWarning(rule, null, line, line);
    }
    return new RecordedWarning(rule, null, line.substring(0, at), line.substring(at + 3));
  }

  private static String escape(String s) {
    return s == null
        ? ""
        : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
