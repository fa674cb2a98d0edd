package io.hezuo.formalreview.similarity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plain implementation of the metric, written from its definition and sharing no code with the
 * engine: units as strings, windows as joined strings in hash sets, every pair compared.
 */
final class Oracle {

  static final int K = 13;

  private Oracle() {}

  /** The units of a text; from a 参考文献 heading line on, nothing (if cut). */
  static List<String> units(String text, boolean cutReferences) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("[\\n\\r\\u000B\\u000C\\u0085\\u2028\\u2029]", -1)) {
      List<String> lineUnits = lineUnits(line);
      if (cutReferences && isHeading(lineUnits)) {
        break;
      }
      out.addAll(lineUnits);
    }
    return out;
  }

  private static List<String> lineUnits(String line) {
    String nfkc = Normalizer.normalize(line, Normalizer.Form.NFKC);
    List<String> units = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    nfkc.codePoints()
        .forEach(
            cp -> {
              int s = simplify(cp);
              int l = Character.toLowerCase(s);
              if (l < 128 && Character.isLetterOrDigit(l)) {
                run.append((char) l);
                return;
              }
              if (run.length() > 0) {
                units.add(run.toString());
                run.setLength(0);
              }
              if (l >= 128
                  && (Character.isLetter(l)
                      || Character.UnicodeScript.of(l) == Character.UnicodeScript.HAN)) {
                units.add(new String(Character.toChars(l)));
              }
            });
    if (run.length() > 0) {
      units.add(run.toString());
    }
    return units;
  }

  private static Map<Integer, Integer> variants;

  /**
   * Variant classes by breadth-first search over the pairs of opencc4j's character and phrase
   * dictionaries; each character goes to the smallest member of its class that the
   * Traditional-to-Simplified character table leaves alone.
   */
  private static synchronized int simplify(int cp) {
    if (variants == null) {
      Map<Integer, Set<Integer>> graph = new HashMap<>();
      Set<Integer> traditional = new HashSet<>();
      for (String f : List.of("STCharacters", "TSCharacters", "STPhrases", "TSPhrases")) {
        try (BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    Oracle.class.getResourceAsStream("/data/dictionary/" + f + ".txt"),
                    StandardCharsets.UTF_8))) {
          for (String line : r.lines().toList()) {
            String[] p = line.trim().split("\\s+");
            for (int i = 1; i < p.length; i++) {
              int[] a = p[0].codePoints().toArray();
              int[] b = p[i].codePoints().toArray();
              if (f.equals("TSCharacters") && a.length == 1 && a[0] != b[0]) {
                traditional.add(a[0]);
              }
              if (a.length != b.length) {
                continue;
              }
              for (int k = 0; k < a.length; k++) {
                if (a[k] != b[k]
                    && Character.UnicodeScript.of(a[k]) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(b[k]) == Character.UnicodeScript.HAN) {
                  graph.computeIfAbsent(a[k], x -> new HashSet<>()).add(b[k]);
                  graph.computeIfAbsent(b[k], x -> new HashSet<>()).add(a[k]);
                }
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      Map<Integer, Integer> v = new HashMap<>();
      for (Integer start : graph.keySet()) {
        if (v.containsKey(start)) {
          continue;
        }
        List<Integer> component = new ArrayList<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(start));
        Set<Integer> seen = new HashSet<>(List.of(start));
        while (!todo.isEmpty()) {
          int c = todo.poll();
          component.add(c);
          for (int n : graph.get(c)) {
            if (seen.add(n)) {
              todo.add(n);
            }
          }
        }
        int rep =
            component.stream()
                .min(
                    Comparator.comparing((Integer c) -> traditional.contains(c))
                        .thenComparing(c -> c))
                .get();
        for (int c : component) {
          v.put(c, rep);
        }
      }
      variants = v;
    }
    return variants.getOrDefault(cp, cp);
  }

  private static boolean isHeading(List<String> u) {
    int p = 0;
    while (p < u.size() && (u.get(p).matches("[0-9]+") || "一二三四五六七八九十零〇百".contains(u.get(p)))) {
      p++;
    }
    if (p + 1 < u.size() && u.get(p).equals("主") && u.get(p + 1).equals("要")) {
      p += 2;
    }
    return u.subList(p, u.size()).equals(List.of("参", "考", "文", "献"));
  }

  static Set<String> windows(List<String> u) {
    Set<String> s = new HashSet<>();
    for (int i = 0; i + K <= u.size(); i++) {
      s.add(String.join("\u0001", u.subList(i, i + K)));
    }
    return s;
  }

  /** Which units of q are copied from s (windows of q in s and not in the template). */
  static boolean[] copied(List<String> q, List<String> s, Set<String> templateWindows) {
    boolean[] c = new boolean[q.size()];
    Set<String> sw = windows(s);
    for (int i = 0; i + K <= q.size(); i++) {
      String w = String.join("\u0001", q.subList(i, i + K));
      if (sw.contains(w) && !templateWindows.contains(w)) {
        for (int j = i; j < i + K; j++) {
          c[j] = true;
        }
      }
    }
    return c;
  }

  static int count(boolean[] c) {
    int n = 0;
    for (boolean b : c) {
      if (b) {
        n++;
      }
    }
    return n;
  }
}
