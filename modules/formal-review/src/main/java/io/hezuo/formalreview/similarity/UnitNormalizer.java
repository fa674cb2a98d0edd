package io.hezuo.formalreview.similarity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a text into {@link Units}: Unicode NFKC, Traditional to Simplified Chinese (opencc4j's
 * dictionaries, per character, see {@link ChineseVariants}), lower case; every Han character and
 * every other non-ASCII letter is one unit, every maximal run of ASCII {@code [a-z0-9]} is one
 * unit, everything else is dropped. From a line that is the heading 参考文献 to the end of the text,
 * nothing is a unit.
 *
 * <p>NFKC is applied per segment: a code point and the combining marks (Mn, Mc, Me) and Hangul
 * vowel / trailing jamo that follow it, so every unit keeps the original character range it came
 * from. For text without combining sequences this is the same as NFKC of the whole text.
 *
 * <p>Thread-safe. The ids of ASCII runs come from a table held by this instance, so units are
 * comparable only between texts normalised by the same instance; {@link #stableHash(int)} is the
 * same in every process.
 */
public final class UnitNormalizer {

  /** Version of the normalisation; stored in saved indexes. */
  public static final int VERSION = 1;

  private static final char[] REFERENCES = {'参', '考', '文', '献'};
  private static final String CHINESE_NUMERALS = "一二三四五六七八九十零〇百";

  /** NFKC of each BMP char taken alone, null where it is the char itself. */
  private static final String[] NFKC_BMP = new String[0x10000];

  /** Traditional to Simplified per BMP char (code point): the variant class representative. */
  private static final int[] T2S_BMP = new int[0x10000];

  private static final Map<Integer, Integer> T2S_SUPPLEMENTARY = new HashMap<>();

  static {
    for (int c = 0; c < 0x10000; c++) {
      T2S_BMP[c] = c;
      if (c >= 0x80 && !Character.isSurrogate((char) c)) {
        String s = String.valueOf((char) c);
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        if (!n.equals(s)) {
          NFKC_BMP[c] = n;
        }
      }
    }
    for (Map.Entry<Integer, Integer> e : ChineseVariants.table().entrySet()) {
      if (e.getKey() < 0x10000) {
        T2S_BMP[e.getKey()] = e.getValue();
      } else {
        T2S_SUPPLEMENTARY.put(e.getKey(), e.getValue());
      }
    }
  }

  private static int simplify(int cp) {
    if (cp < 0x10000) {
      return T2S_BMP[cp];
    }
    return T2S_SUPPLEMENTARY.getOrDefault(cp, cp);
  }

  // ---- the table of ASCII runs ----

  private final ConcurrentHashMap<String, Integer> runIds = new ConcurrentHashMap<>();
  private volatile String[] runs = new String[1024];
  private volatile long[] runHashes = new long[1024];
  private int runCount;

  private int runId(String run) {
    Integer id = runIds.get(run);
    if (id != null) {
      return id;
    }
    synchronized (this) {
      id = runIds.get(run);
      if (id != null) {
        return id;
      }
      if (runCount == runs.length) {
        runHashes = Arrays.copyOf(runHashes, runCount * 2);
        runs = Arrays.copyOf(runs, runCount * 2);
      }
      runs[runCount] = run;
      runHashes[runCount] = Hashes.stringHash(run);
      int newId = -(runCount + 1);
      runCount++;
      runIds.put(run, newId);
      return newId;
    }
  }

  /** A 64-bit value of the unit that does not depend on this instance (for fingerprints). */
  public long stableHash(int id) {
    return id >= 0 ? id : runHashes[-id - 1];
  }

  /** The text of a unit (for display and tests). */
  public String unitText(int id) {
    return id >= 0 ? new String(Character.toChars(id)) : runs[-id - 1];
  }

  // ---- normalisation ----

  /** The units of a document; the 参考文献 section is cut off. */
  public Units units(String text) {
    return units(text, true);
  }

  /**
   * The units of a text.
   *
   * @param cutReferences whether to drop everything from a 参考文献 heading line on (true for
   *     documents, false for the template)
   */
  public Units units(String text, boolean cutReferences) {
    Builder b = new Builder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 0x80 && (i + 1 == n || text.charAt(i + 1) < 0x300 || !startsMark(text, i + 1))) {
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
          b.ascii(c, i, i + 1);
        } else if (c >= 'A' && c <= 'Z') {
          b.ascii((char) (c + 32), i, i + 1);
        } else {
          b.flush();
          if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) {
            b.lineBreak(i + 1);
          }
        }
        i++;
        continue;
      }
      int end = segmentEnd(text, i);
      if (end == i + 1 && !Character.isSurrogate(c)) {
        String m = NFKC_BMP[c];
        if (m == null) {
          b.codePoint(c, i, end);
        } else {
          b.string(m, i, end);
        }
        if (c == 0x2028 || c == 0x2029 || c == 0x85) {
          b.lineBreak(end);
        }
      } else {
        b.string(Normalizer.normalize(text.substring(i, end), Normalizer.Form.NFKC), i, end);
      }
      i = end;
    }
    b.flush();
    return b.build(cutReferences);
  }

  private static int segmentEnd(String text, int start) {
    int i = start + Character.charCount(text.codePointAt(start));
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (cp < 0x300 || !continuesSegment(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static boolean startsMark(String text, int i) {
    return continuesSegment(text.codePointAt(i));
  }

  private static boolean continuesSegment(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK
        || (cp >= 0x1160 && cp <= 0x11FF);
  }

  private final class Builder {
    int[] ids;
    int[] starts;
    int[] ends;
    int len;
    // line starts: unit index and char offset of each line
    int[] lineUnit = new int[64];
    int[] lineChar = new int[64];
    int lines;
    final StringBuilder run = new StringBuilder();
    int runStart;
    int runEnd;

    Builder(int capacity) {
      int cap = Math.max(16, capacity);
      ids = new int[cap];
      starts = new int[cap];
      ends = new int[cap];
      lineUnit[0] = 0;
      lineChar[0] = 0;
      lines = 1;
    }

    void ascii(char c, int from, int to) {
      if (run.length() == 0) {
        runStart = from;
      }
      run.append(c);
      runEnd = to;
    }

    void flush() {
      if (run.length() > 0) {
        add(runId(run.toString()), runStart, runEnd);
        run.setLength(0);
      }
    }

    void lineBreak(int nextLineChar) {
      if (lines == lineUnit.length) {
        lineUnit = Arrays.copyOf(lineUnit, lines * 2);
        lineChar = Arrays.copyOf(lineChar, lines * 2);
      }
      lineUnit[lines] = len;
      lineChar[lines] = nextLineChar;
      lines++;
    }

    void string(String s, int from, int to) {
      for (int j = 0; j < s.length(); ) {
        int cp = s.codePointAt(j);
        j += Character.charCount(cp);
        codePoint(cp, from, to);
      }
    }

    void codePoint(int cp, int from, int to) {
      int s = simplify(cp);
      int l = s < 0x80 ? (s >= 'A' && s <= 'Z' ? s + 32 : s) : Character.toLowerCase(s);
      if (l < 0x80) {
        if (l >= 'a' && l <= 'z' || l >= '0' && l <= '9') {
          ascii((char) l, from, to);
        } else {
          flush();
        }
      } else if (Character.isLetter(l)
          || Character.UnicodeScript.of(l) == Character.UnicodeScript.HAN) {
        flush();
        add(l, from, to);
      } else {
        flush();
      }
    }

    void add(int id, int from, int to) {
      if (len == ids.length) {
        int cap = len * 2;
        ids = Arrays.copyOf(ids, cap);
        starts = Arrays.copyOf(starts, cap);
        ends = Arrays.copyOf(ends, cap);
      }
      ids[len] = id;
      starts[len] = from;
      ends[len] = to;
      len++;
    }

    Units build(boolean cutReferences) {
      int referencesStart = -1;
      if (cutReferences) {
        for (int l = 0; l < lines; l++) {
          int from = lineUnit[l];
          int to = l + 1 < lines ? lineUnit[l + 1] : len;
          if (isReferencesHeading(from, to)) {
            len = from;
            referencesStart = lineChar[l];
            break;
          }
        }
      }
      return new Units(ids, starts, ends, len, referencesStart);
    }

    /** [numbering]* [主要]? 参考文献, nothing else. */
    private boolean isReferencesHeading(int from, int to) {
      if (to - from < 4) {
        return false;
      }
      int p = from;
      while (p < to && isNumbering(ids[p])) {
        p++;
      }
      if (p + 1 < to && ids[p] == '主' && ids[p + 1] == '要') {
        p += 2;
      }
      if (to - p != 4) {
        return false;
      }
      for (int j = 0; j < 4; j++) {
        if (ids[p + j] != REFERENCES[j]) {
          return false;
        }
      }
      return true;
    }

    private boolean isNumbering(int id) {
      if (id >= 0) {
        return CHINESE_NUMERALS.indexOf(id) >= 0;
      }
      String r = runs[-id - 1];
      for (int j = 0; j < r.length(); j++) {
        if (r.charAt(j) > '9') {
          return false;
        }
      }
      return true;
    }
  }
}
