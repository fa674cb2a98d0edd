package io.hezuo.formalreview.similarity;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Traditional to Simplified Chinese, per character, from opencc4j's dictionaries.
 *
 * <p>A character table alone cannot undo a conversion to Traditional: 干燥 becomes 乾燥, and 乾 is also
 * a Simplified character (乾隆), so a per-character table keeps it. Here every character is mapped to
 * one representative of its variant class: the classes join each pair of characters that opencc4j's
 * character tables (Simplified to Traditional and back) or its phrase tables (aligned character by
 * character, phrases of equal length) convert into each other. Converting a passage to Traditional
 * and normalising it again thus gives the same units. The representative is the smallest code point
 * of the class that is not itself converted by the Traditional-to-Simplified character table (the
 * smallest code point if every member is).
 */
final class ChineseVariants {

  private static final String[] FILES = {"STCharacters", "TSCharacters", "STPhrases", "TSPhrases"};

  private final Map<Integer, Integer> parent = new HashMap<>();
  private final Map<Integer, Integer> representative = new HashMap<>();

  private ChineseVariants() {}

  /** The representative of each character that has variants (others map to themselves). */
  static Map<Integer, Integer> table() {
    ChineseVariants v = new ChineseVariants();
    Set<Integer> traditionalKeys = new HashSet<>();
    boolean loaded = true;
    for (String f : FILES) {
      loaded &= v.read(f, f.equals("TSCharacters") ? traditionalKeys : null);
    }
    if (!loaded) {
      // the dictionaries are not where this version of opencc4j keeps them: use its API
      for (int c = 0x3400; c < 0xA000; c++) {
        List<String> l = ZhConverterUtil.toSimple((char) c);
        if (l != null) {
          for (String s : l) {
            v.unionStrings(String.valueOf((char) c), s);
          }
        }
      }
    }
    Map<Integer, Integer> best = new HashMap<>();
    for (Integer cp : v.parent.keySet()) {
      int root = v.find(cp);
      Integer cur = best.get(root);
      if (cur == null || better(cp, cur, traditionalKeys)) {
        best.put(root, cp);
      }
    }
    for (Integer cp : v.parent.keySet()) {
      int rep = best.get(v.find(cp));
      if (rep != cp) {
        v.representative.put(cp, rep);
      }
    }
    return v.representative;
  }

  private static boolean better(int a, int b, Set<Integer> traditional) {
    boolean ta = traditional.contains(a);
    boolean tb = traditional.contains(b);
    if (ta != tb) {
      return !ta;
    }
    return a < b;
  }

  private boolean read(String name, Set<Integer> keys) {
    try (InputStream in =
        ChineseVariants.class.getResourceAsStream("/data/dictionary/" + name + ".txt")) {
      if (in == null) {
        return false;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2) {
          continue;
        }
        String key = parts[0];
        if (keys != null && key.codePointCount(0, key.length()) == 1) {
          // a character the T->S table converts to something else is Traditional
          for (int i = 1; i < parts.length; i++) {
            if (!parts[i].equals(key)) {
              keys.add(key.codePointAt(0));
            }
          }
        }
        for (int i = 1; i < parts.length; i++) {
          unionStrings(key, parts[i]);
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void unionStrings(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    if (x.length != y.length) {
      return;
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] != y[i]
          && Character.UnicodeScript.of(x[i]) == Character.UnicodeScript.HAN
          && Character.UnicodeScript.of(y[i]) == Character.UnicodeScript.HAN) {
        union(x[i], y[i]);
      }
    }
  }

  private int find(int x) {
    Integer p = parent.get(x);
    if (p == null) {
      parent.put(x, x);
      return x;
    }
    if (p == x) {
      return x;
    }
    int root = find(p);
    parent.put(x, root);
    return root;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent.put(ra, rb);
    }
  }
}
