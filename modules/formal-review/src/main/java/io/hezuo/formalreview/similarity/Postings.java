package io.hezuo.formalreview.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Fingerprint postings: entries are kept in 256 partitions by the top 8 bits of a fingerprint hash;
 * each entry is one long, the next 40 bits of the hash (bits 16..55, the {@link #key}) and a 24-bit
 * document number, so 48 bits of the hash tell entries apart. Each partition is sorted, with a
 * directory over the key's first bits, so a look-up is one or two cache misses. Truncating the hash
 * can only add candidates (they are verified), never lose one.
 *
 * <p>Two levels: {@code main} and a smaller {@code delta}; new entries are buffered, sorted into
 * the delta on {@link #commit}, and the delta is merged into main when it grows past an eighth of
 * it. Entries of removed documents are dropped when their partition is rewritten.
 *
 * <p>Not thread-safe: the index guards it.
 */
final class Postings {

  static final int DOC_BITS = 24;
  static final long DOC_MASK = (1L << DOC_BITS) - 1;
  static final int MAX_DOCS = 1 << DOC_BITS;
  private static final int PARTS = 256;
  private static final int CHUNK = 1 << 14;

  /** The partition of a fingerprint hash: its top 8 bits. */
  static int partition(long fingerprint) {
    return (int) (fingerprint >>> 56);
  }

  /**
   * The key of a fingerprint hash in its partition: hash bits 16..55 in the top 40 bits (the low 24
   * bits are for the document number), the sign bit flipped so that signed order is the unsigned
   * order of those bits (and the directory's buckets, {@link #bucket}, ascend with it).
   */
  static long key(long fingerprint) {
    return ((fingerprint << 8) ^ Long.MIN_VALUE) & ~DOC_MASK;
  }

  /** The directory bucket of an entry or key: the first {@code bits} bits of the hash bits. */
  static int bucket(long entry, int bits) {
    return bits == 0 ? 0 : (int) ((entry ^ Long.MIN_VALUE) >>> (64 - bits));
  }

  private Level main = new Level();
  private Level delta = new Level();
  private final List<List<long[]>> pending = new ArrayList<>(PARTS);
  private final int[] pendingFill = new int[PARTS];
  private long pendingCount;

  Postings() {
    for (int p = 0; p < PARTS; p++) {
      pending.add(new ArrayList<>());
    }
  }

  long size() {
    return main.size + delta.size + pendingCount;
  }

  /** Buffers the fingerprints of a document (visible after {@link #commit}). */
  void add(int doc, long[] fingerprints) {
    for (long f : fingerprints) {
      int p = partition(f);
      List<long[]> chunks = pending.get(p);
      int fill = pendingFill[p];
      if (chunks.isEmpty() || fill == CHUNK) {
        chunks.add(new long[CHUNK]);
        fill = 0;
      }
      chunks.get(chunks.size() - 1)[fill] = key(f) | doc;
      pendingFill[p] = fill + 1;
    }
    pendingCount += fingerprints.length;
  }

  /** Makes buffered entries visible; merges levels when the delta is large. */
  void commit(BitSet deleted) {
    if (pendingCount > 0) {
      Level fresh = drainPending();
      if (main.size == 0 && delta.size == 0) {
        main = fresh;
        return;
      }
      delta = merge(delta, fresh, deleted);
    }
    if (delta.size > Math.max(1 << 20, main.size / 8)) {
      optimize(deleted);
    }
  }

  /** Merges everything into one level and drops entries of removed documents. */
  void optimize(BitSet deleted) {
    if (pendingCount == 0 && delta.size == 0 && (deleted == null || deleted.isEmpty())) {
      return;
    }
    if (pendingCount > 0) {
      delta = merge(delta, drainPending(), deleted);
    }
    main = merge(main, delta, deleted);
    delta = new Level();
  }

  private Level drainPending() {
    Level fresh = new Level();
    long[][] sorted = new long[PARTS][];
    // partitions are sorted in parallel (each is a 256th of the entries)
    IntStream.range(0, PARTS)
        .parallel()
        .forEach(
            p -> {
              List<long[]> chunks = pending.get(p);
              int total = chunks.isEmpty() ? 0 : (chunks.size() - 1) * CHUNK + pendingFill[p];
              long[] a = new long[total];
              for (int c = 0; c < chunks.size(); c++) {
                int len = c == chunks.size() - 1 ? pendingFill[p] : CHUNK;
                System.arraycopy(chunks.get(c), 0, a, c * CHUNK, len);
              }
              chunks.clear();
              Arrays.sort(a);
              sorted[p] = a;
            });
    for (int p = 0; p < PARTS; p++) {
      pendingFill[p] = 0;
      fresh.set(p, sorted[p]);
    }
    pendingCount = 0;
    return fresh;
  }

  /** Calls {@code sink} with every document that has an entry for this fingerprint. */
  void lookup(long fingerprint, IntConsumer sink) {
    main.lookup(fingerprint, sink);
    if (delta.size > 0) {
      delta.lookup(fingerprint, sink);
    }
  }

  private static Level merge(Level a, Level b, BitSet deleted) {
    Level out = new Level();
    boolean filter = deleted != null && !deleted.isEmpty();
    for (int p = 0; p < PARTS; p++) {
      long[] x = a.parts[p];
      long[] y = b.parts[p];
      long[] m = new long[x.length + y.length];
      int i = 0;
      int j = 0;
      int k = 0;
      while (i < x.length || j < y.length) {
        long e;
        if (j == y.length || (i < x.length && x[i] <= y[j])) {
          e = x[i++];
        } else {
          e = y[j++];
        }
        if (!filter || !deleted.get((int) (e & DOC_MASK))) {
          m[k++] = e;
        }
      }
      a.parts[p] = null;
      b.parts[p] = null;
      out.set(p, k == m.length ? m : Arrays.copyOf(m, k));
    }
    return out;
  }

  /**
   * Partition p as one sorted array (for writing a snapshot): call {@link #optimize} first; the
   * array is the index's own, not a copy.
   */
  long[] partition(int p) {
    if (pendingCount > 0 || delta.size > 0) {
      throw new IllegalStateException("optimize first");
    }
    return main.parts[p];
  }

  /** 256 sorted partitions with directories. */
  private static final class Level {
    final long[][] parts = new long[PARTS][];
    final int[][] dirs = new int[PARTS][];
    final int[] dirBits = new int[PARTS];
    long size;

    Level() {
      for (int p = 0; p < PARTS; p++) {
        set(p, new long[0]);
      }
      size = 0;
    }

    void set(int p, long[] sorted) {
      if (parts[p] != null) {
        size -= parts[p].length;
      }
      parts[p] = sorted;
      size += sorted.length;
      int n = sorted.length;
      int bits = 0;
      while (bits < 22 && ((long) n >> (bits + 4)) > 0) {
        bits++;
      }
      int[] dir = new int[(1 << bits) + 1];
      int b = 0;
      for (int i = 0; i < n; i++) {
        int bucket = bucket(sorted[i], bits);
        while (b <= bucket) {
          dir[b++] = i;
        }
      }
      while (b <= (1 << bits)) {
        dir[b++] = n;
      }
      dirs[p] = dir;
      dirBits[p] = bits;
    }

    void lookup(long fingerprint, IntConsumer sink) {
      int p = partition(fingerprint);
      long[] a = parts[p];
      if (a.length == 0) {
        return;
      }
      long key = key(fingerprint);
      int bucket = bucket(key, dirBits[p]);
      int lo = dirs[p][bucket];
      int hi = dirs[p][bucket + 1];
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int i = lo; i < a.length && (a[i] & ~DOC_MASK) == key; i++) {
        sink.accept((int) (a[i] & DOC_MASK));
      }
    }
  }
}
