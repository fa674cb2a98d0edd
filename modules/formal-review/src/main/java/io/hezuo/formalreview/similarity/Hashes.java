package io.hezuo.formalreview.similarity;

/** 64-bit hashing of units and of runs of units (rolling polynomial hash, finalised by fmix64). */
final class Hashes {

  /** Odd multiplier of the rolling polynomial hash. */
  static final long P = 0x9E3779B97F4A7C15L;

  private Hashes() {}

  /** MurmurHash3's 64-bit finaliser: a bijection that mixes all bits. */
  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** FNV-1a over the chars, then mixed; with the top bit set so it never equals a code point. */
  static long stringHash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return fmix64(h) | Long.MIN_VALUE;
  }

  static long pow(long base, int e) {
    long r = 1;
    for (int i = 0; i < e; i++) {
      r *= base;
    }
    return r;
  }

  /**
   * Hashes of every run of {@code m} consecutive values: {@code out[j]} for the run starting at j,
   * {@code n - m + 1} of them (none if n &lt; m).
   *
   * @param mixed the values already mixed (one per unit)
   */
  static long[] runHashes(long[] mixed, int n, int m, long[] out) {
    int count = n - m + 1;
    if (count <= 0) {
      return out;
    }
    if (out == null || out.length < count) {
      out = new long[Math.max(count, out == null ? 0 : out.length * 3 / 2)];
    }
    long pm = pow(P, m);
    long h = 0;
    for (int j = 0; j < m; j++) {
      h = h * P + mixed[j];
    }
    out[0] = fmix64(h);
    for (int j = m; j < n; j++) {
      h = h * P + mixed[j] - mixed[j - m] * pm;
      out[j - m + 1] = fmix64(h);
    }
    return out;
  }
}
