package io.hezuo.formalreview.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Exact matching of one document against one source: which 13-unit windows of the document occur in
 * the source (compared unit by unit, hashes only find the place), minus the windows that occur in
 * the template.
 */
final class PairMatcher {

  static final int K = Fingerprints.K;

  private PairMatcher() {}

  /** Window hashes over unit ids (exact ids, process-local). */
  static long[] windowHashes(Units u) {
    int n = u.length();
    if (n < K) {
      return new long[0];
    }
    long[] mixed = new long[n];
    int[] ids = u.ids();
    for (int i = 0; i < n; i++) {
      mixed[i] = Hashes.fmix64(ids[i] ^ 0x5DEECE66DL);
    }
    long[] h = Hashes.runHashes(mixed, n, K, null);
    return h.length == n - K + 1 ? h : Arrays.copyOf(h, n - K + 1);
  }

  /** An open-addressing table from window hash to the first window with that hash. */
  static final class WindowTable {
    final Units units;
    final long[] hashes;
    private final long[] keys;
    private final int[] positions;
    private final int mask;

    WindowTable(Units units) {
      this.units = units;
      this.hashes = windowHashes(units);
      int cap = Integer.highestOneBit(Math.max(4, hashes.length * 2 - 1)) << 1;
      keys = new long[cap];
      positions = new int[cap];
      Arrays.fill(positions, -1);
      mask = cap - 1;
      for (int i = 0; i < hashes.length; i++) {
        long h = hashes[i];
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (positions[slot] >= 0) {
          if (keys[slot] == h) {
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (positions[slot] < 0) {
          keys[slot] = h;
          positions[slot] = i;
        }
      }
    }

    /**
     * A window of this table's text equal (unit by unit) to the window {@code at} of {@code q}, or
     * -1.
     */
    int find(long h, int[] q, int at) {
      int slot = (int) (h ^ (h >>> 32)) & mask;
      while (positions[slot] >= 0) {
        if (keys[slot] == h) {
          int p = positions[slot];
          if (equal(q, at, units.ids(), p)) {
            return p;
          }
          // a hash collision: look at every window with this hash
          for (int j = p + 1; j < hashes.length; j++) {
            if (hashes[j] == h && equal(q, at, units.ids(), j)) {
              return j;
            }
          }
          return -1;
        }
        slot = (slot + 1) & mask;
      }
      return -1;
    }

    private static boolean equal(int[] a, int i, int[] b, int j) {
      for (int x = 0; x < K; x++) {
        if (a[i + x] != b[j + x]) {
          return false;
        }
      }
      return true;
    }
  }

  /** A document prepared for matching: its window hashes and which windows are template text. */
  static final class Query {
    final Units units;
    final long[] hashes;
    final BitSet template;

    Query(Units units, WindowTable templateTable) {
      this.units = units;
      this.hashes = windowHashes(units);
      this.template = new BitSet(hashes.length);
      if (templateTable != null) {
        for (int i = 0; i < hashes.length; i++) {
          if (templateTable.find(hashes[i], units.ids(), i) >= 0) {
            template.set(i);
          }
        }
      }
    }

    int windows() {
      return hashes.length;
    }
  }

  /**
   * Matches the document against one source; sets the copied units in {@code copied} and returns
   * the number of units copied from this source (0 if none) with the passages.
   */
  static Match match(Query q, Units source, BitSet copied) {
    if (q.windows() == 0 || source.length() < K) {
      return Match.NONE;
    }
    WindowTable s = new WindowTable(source);
    int[] qi = q.units.ids();
    int[] si = source.ids();
    int nq = q.units.length();
    int ns = source.length();
    int windows = q.windows();
    List<Passage> passages = new ArrayList<>();
    int copiedHere = 0;
    int coveredEnd = 0;
    int i = 0;
    while (i < windows) {
      if (q.template.get(i)) {
        i++;
        continue;
      }
      int p = s.find(q.hashes[i], qi, i);
      if (p < 0) {
        i++;
        continue;
      }
      // extend along the diagonal while the next window also matches and is not template
      int j = i + 1;
      while (j < windows
          && p + (j - i) + K - 1 < ns
          && !q.template.get(j)
          && qi[j + K - 1] == si[p + (j - i) + K - 1]) {
        j++;
      }
      int unitStart = i;
      int unitEnd = j - 1 + K;
      int len = unitEnd - unitStart;
      passages.add(
          new Passage(
              q.units.charStart(unitStart),
              q.units.charEnd(unitEnd),
              source.charStart(p),
              source.charEnd(p + len),
              unitStart,
              p,
              len));
      int from = Math.max(unitStart, coveredEnd);
      if (unitEnd > from) {
        copiedHere += unitEnd - from;
        coveredEnd = unitEnd;
      }
      copied.set(unitStart, unitEnd);
      i = j;
    }
    if (copiedHere == 0) {
      return Match.NONE;
    }
    assert nq >= copiedHere;
    return new Match(copiedHere, passages);
  }

  record Match(int copiedUnits, List<Passage> passages) {
    static final Match NONE = new Match(0, List.of());
  }
}
