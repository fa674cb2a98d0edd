package io.hezuo.scoring.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blind review: what identifies the applicants taken out of a text an expert reads. The identifying
 * terms of an application (the PI's and the team's names, the applying, cooperating and partner
 * units, the platform) are replaced wherever they occur, also with spaces inside or in full-width
 * letters; and so is anything shaped like a mainland ID number, a mobile or landline number, an
 * e-mail address or a unified social credit code, whoever it belongs to. Terms shorter than {@link
 * #SHORTEST} characters are left alone (a one-character surname would black out the text).
 */
public final class Blinding {

  private Blinding() {}

  /** What stands where something was taken out. */
  public static final String MASK = "■■";

  /** The shortest identifying term that is replaced. */
  public static final int SHORTEST = 2;

  private static final List<Pattern> SHAPES =
      List.of(
          // an 18-character ID number (the last may be X) or a 15-digit old one
          Pattern.compile("(?<![0-9a-z])\\d{17}[\\dx](?![0-9a-z])"),
          Pattern.compile("(?<![0-9a-z])\\d{15}(?![0-9a-z])"),
          // a unified social credit code (18 characters of its alphabet, starting with a digit
          // or one of its register letters)
          Pattern.compile(
              "(?<![0-9a-z])[0-9a-hj-np-rtuw-y]{2}\\d{6}[0-9a-hj-np-rtuw-y]{10}(?![0-9a-z])"),
          // e-mail
          Pattern.compile("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}"),
          // a mobile number (with or without +86, spaces or dashes)
          Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)"),
          // a landline with its area code
          Pattern.compile("(?<!\\d)0\\d{2,3}[ -]?\\d{7,8}(?!\\d)"));

  /**
   * The text with every identifying term and every identifying shape replaced by {@link #MASK}.
   * Matching is insensitive to width and case (the text is compared in NFKC, lower case), but the
   * rest of the text is left exactly as written (its full-width punctuation included).
   */
  public static String redact(String text, Collection<String> terms) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    // the text compared: each code point in NFKC and lower case, with where it came from
    StringBuilder folded = new StringBuilder();
    List<Integer> from = new ArrayList<>();
    List<Integer> to = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      String n =
          Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
              .toLowerCase(java.util.Locale.ROOT);
      for (int k = 0; k < n.length(); k++) {
        folded.append(n.charAt(k));
        from.add(i);
        to.add(next);
      }
      i = next;
    }
    List<String> sorted = new ArrayList<>();
    for (String t : terms) {
      if (t == null) {
        continue;
      }
      String n =
          Normalizer.normalize(t, Normalizer.Form.NFKC)
              .replaceAll("\\s+", "")
              .toLowerCase(java.util.Locale.ROOT);
      if (n.codePointCount(0, n.length()) >= SHORTEST && !sorted.contains(n)) {
        sorted.add(n);
      }
    }
    // longer terms first: a unit's full name before its shorter form
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    List<Pattern> patterns = new ArrayList<>();
    sorted.forEach(t -> patterns.add(spaced(t)));
    patterns.addAll(SHAPES);
    boolean[] masked = new boolean[text.length()];
    List<int[]> ranges = new ArrayList<>();
    for (Pattern p : patterns) {
      Matcher m = p.matcher(folded);
      while (m.find()) {
        if (m.end() == m.start()) {
          continue;
        }
        int a = from.get(m.start());
        int b = to.get(m.end() - 1);
        boolean free = true;
        for (int k = a; k < b; k++) {
          free &= !masked[k];
        }
        if (free) {
          java.util.Arrays.fill(masked, a, b, true);
          ranges.add(new int[] {a, b});
        }
      }
    }
    ranges.sort(Comparator.comparingInt(r -> r[0]));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] r : ranges) {
      out.append(text, at, r[0]).append(MASK);
      at = r[1];
    }
    return out.append(text.substring(at)).toString();
  }

  /** Whether any of the terms (or an identifying shape) is in the text. */
  public static boolean leaks(String text, Collection<String> terms) {
    return text != null && !redact(text, terms).equals(text);
  }

  /** The term as a pattern that allows white space between its characters, case-insensitive. */
  private static Pattern spaced(String term) {
    StringBuilder b = new StringBuilder();
    term.codePoints()
        .forEach(
            cp -> {
              if (b.length() > 0) {
                b.append("\\s*");
              }
              b.append(Pattern.quote(new String(Character.toChars(cp))));
            });
    return Pattern.compile(b.toString());
  }
}
