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
 * application contains, are selected only where a window has nothing else; a query looks such a
 * fingerprint up only for a window that is not itself template text, so it does not make every
 * application a candidate of every other, and no source of a non-template window is missed.
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

  /** The sorted distinct gram hashes of a template (empty for none). */
  static long[] templateGrams(Units template, UnitNormalizer normalizer) {
    return sortedDistinct(gramHashes(template, normalizer), -1);
  }

  /**
   * The distinct fingerprint hashes of the units, sorted. Empty for fewer than 13 units.
   *
   * @param templateGrams sorted gram hashes of the template
   * @param templateWindows for a query: which 13-unit windows are template text (their template
   *     fingerprints are not needed); null when indexing (every selected fingerprint is kept)
   */
  static long[] of(
      Units u, UnitNormalizer normalizer, long[] templateGrams, BitSet templateWindows) {
    int n = u.length();
    if (n < K) {
      return new long[0];
    }
    long[] g = gramHashes(u, normalizer);
    int count = g.length;
    boolean[] t = new boolean[count];
    if (templateGrams.length > 0) {
      for (int j = 0; j < count; j++) {
        t[j] = Arrays.binarySearch(templateGrams, g[j]) >= 0;
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
      if (minPos != lastRecorded
          && (templateWindows == null || !t[minPos] || !templateWindows.get(s))) {
        out[size++] = g[minPos];
        lastRecorded = minPos;
      }
    }
    return sortedDistinct(out, size);
  }

  /** Whether gram j orders before or equal to gram k (non-template first, then by hash). */
  private static boolean notAfter(long[] g, boolean[] t, int j, int k) {
    if (t[j] != t[k]) {
      return !t[j];
    }
    return g[j] <= g[k];
  }

  private static long[] sortedDistinct(long[] a, int size) {
    int len = size < 0 ? a.length : size;
    Arrays.sort(a, 0, len);
    int d = 0;
    for (int i = 0; i < len; i++) {
      if (d == 0 || a[i] != a[d - 1]) {
        a[d++] = a[i];
      }
    }
    return Arrays.copyOf(a, d);
  }
}
