package io.hezuo.formalreview.similarity;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Winnowed fingerprints of a document, used only to find candidate sources.
 *
 * <p>The hashes of every run of {@link #M} units are winnowed with a window of {@link #W}
 * consecutive hashes: each window selects its smallest hash, the rightmost on ties, where a run
 * that also occurs in the template counts as larger than any other. Because {@code M + W - 1 = 13},
 * the {@code W} run hashes inside any 13-unit run depend only on those 13 units (and the template),
 * so two documents that share a 13-unit run select the same fingerprint there: every pair of
 * documents that shares a 13-unit run shares a fingerprint. Candidates are then verified exactly.
 *
 * <p>Template runs are pushed back so that the fingerprints of printed form text, which every
 * application contains, are selected only where a window has nothing else. A query looks up only
 * the fingerprints selected by its windows without template text (the others cannot make units
 * copied), so printed form text does not make every application a candidate of every other, and no
 * source of a window that can count is missed.
 */
final class Fingerprints {

  static final int K = 13;
  static final int M = 9;
  static final int W = K - M + 1;

  private static final long SALT = 0x632BE59BD9B4E019L;

  private Fingerprints() {}

  /** The hashes of every run of M units (one per start position). */
  static long[] gramHashes(Units u, UnitNormalizer normalizer) {
    int n = u.length();
    if (n < M) {
      return new long[0];
    }
    long[] mixed = new long[n];
    int[] ids = u.ids();
    for (int i = 0; i < n; i++) {
      mixed[i] = Hashes.fmix64(normalizer.stableHash(ids[i]) + SALT);
    }
    long[] g = Hashes.runHashes(mixed, n, M, null);
    return g.length == n - M + 1 ? g : Arrays.copyOf(g, n - M + 1);
  }

  /**
   * The gram hashes of a template as an open-addressing set (0 marks an empty slot, so a gram whose
   * hash is 0 never counts as template: still a function of its content). Empty for none.
   */
  static long[] templateGrams(Units template, UnitNormalizer normalizer) {
    long[] g = gramHashes(template, normalizer);
    if (g.length == 0) {
      return g;
    }
    int cap = Integer.highestOneBit(g.length * 2 - 1) << 2;
    long[] table = new long[cap];
    for (long h : g) {
      if (h == 0) {
        continue;
      }
      int slot = (int) (h ^ (h >>> 29)) & (cap - 1);
      while (table[slot] != 0 && table[slot] != h) {
        slot = (slot + 1) & (cap - 1);
      }
      table[slot] = h;
    }
    return table;
  }

  private static boolean inTemplate(long[] table, long h) {
    if (h == 0) {
      return false;
    }
    int mask = table.length - 1;
    int slot = (int) (h ^ (h >>> 29)) & mask;
    while (table[slot] != 0) {
      if (table[slot] == h) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  /**
   * The fingerprint hashes of the units (no two successive ones equal). Empty for fewer than 13
   * units.
   *
   * @param templateGrams the template's gram set from {@link #templateGrams}
   * @param blockedWindows for a query: the 13-unit windows that contain template text and so never
   *     make units copied (their fingerprints are not needed); null when indexing (every selected
   *     fingerprint is kept)
   */
  static long[] of(
      Units u, UnitNormalizer normalizer, long[] templateGrams, BitSet blockedWindows) {
    int n = u.length();
    if (n < K) {
      return new long[0];
    }
    long[] g = gramHashes(u, normalizer);
    int count = g.length;
    boolean[] t = new boolean[count];
    if (templateGrams.length > 0) {
      for (int j = 0; j < count; j++) {
        t[j] = inTemplate(templateGrams, g[j]);
      }
    }
    long[] out = new long[count];
    int size = 0;
    int minPos = -1;
    int lastRecorded = -1;
    for (int s = 0; s + W <= count; s++) {
      int e = s + W - 1;
      if (minPos < s) {
        minPos = s;
        for (int j = s + 1; j <= e; j++) {
          if (notAfter(g, t, j, minPos)) {
            minPos = j;
          }
        }
      } else if (notAfter(g, t, e, minPos)) {
        minPos = e;
      }
      if (minPos != lastRecorded && (blockedWindows == null || !blockedWindows.get(s))) {
        out[size++] = g[minPos];
        lastRecorded = minPos;
      }
    }
    return Arrays.copyOf(out, size);
  }

  /** Whether gram j orders before or equal to gram k (non-template first, then by hash). */
  private static boolean notAfter(long[] g, boolean[] t, int j, int k) {
    if (t[j] != t[k]) {
      return !t[j];
    }
    return g[j] <= g[k];
  }
}
