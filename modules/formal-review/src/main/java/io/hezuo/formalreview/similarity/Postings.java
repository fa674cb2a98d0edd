package io.hezuo.formalreview.similarity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Fingerprint postings: each entry is one long, the top 40 bits of a fingerprint hash and a 24-bit
 * document number. Entries are kept in 256 partitions (by the top 8 bits), each sorted, with a
 * directory over the next bits so a look-up is one or two cache misses. Truncating the hash can
 * only add candidates (they are verified), never lose one.
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
      int p = (int) (f >>> 56);
      List<long[]> chunks = pending.get(p);
      int fill = pendingFill[p];
      if (chunks.isEmpty() || fill == CHUNK) {
        chunks.add(new long[CHUNK]);
        fill = 0;
      }
      chunks.get(chunks.size() - 1)[fill] = (f & ~DOC_MASK) | doc;
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
    if (pendingCount > 0) {
      delta = merge(delta, drainPending(), deleted);
    }
    main = merge(main, delta, deleted);
    delta = new Level();
  }

  private Level drainPending() {
    Level fresh = new Level();
    for (int p = 0; p < PARTS; p++) {
      List<long[]> chunks = pending.get(p);
      int total = chunks.isEmpty() ? 0 : (chunks.size() - 1) * CHUNK + pendingFill[p];
      long[] a = new long[total];
      for (int c = 0; c < chunks.size(); c++) {
        int len = c == chunks.size() - 1 ? pendingFill[p] : CHUNK;
        System.arraycopy(chunks.get(c), 0, a, c * CHUNK, len);
      }
      chunks.clear();
      pendingFill[p] = 0;
      Arrays.sort(a);
      fresh.set(p, a);
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

  void write(DataOutputStream out, BitSet deleted) throws IOException {
    optimize(deleted);
    for (int p = 0; p < PARTS; p++) {
      long[] a = main.parts[p];
      out.writeInt(a.length);
      byte[] buf = new byte[8 * 4096];
      for (int i = 0; i < a.length; i += 4096) {
        int n = Math.min(4096, a.length - i);
        for (int j = 0; j < n; j++) {
          long v = a[i + j];
          int o = j * 8;
          buf[o] = (byte) (v >>> 56);
          buf[o + 1] = (byte) (v >>> 48);
          buf[o + 2] = (byte) (v >>> 40);
          buf[o + 3] = (byte) (v >>> 32);
          buf[o + 4] = (byte) (v >>> 24);
          buf[o + 5] = (byte) (v >>> 16);
          buf[o + 6] = (byte) (v >>> 8);
          buf[o + 7] = (byte) v;
        }
        out.write(buf, 0, n * 8);
      }
    }
  }

  void read(DataInputStream in) throws IOException {
    Level l = new Level();
    byte[] buf = new byte[8 * 4096];
    for (int p = 0; p < PARTS; p++) {
      int len = in.readInt();
      long[] a = new long[len];
      for (int i = 0; i < len; i += 4096) {
        int n = Math.min(4096, len - i);
        in.readFully(buf, 0, n * 8);
        for (int j = 0; j < n; j++) {
          int o = j * 8;
          a[i + j] =
              ((long) (buf[o] & 0xff) << 56)
                  | ((long) (buf[o + 1] & 0xff) << 48)
                  | ((long) (buf[o + 2] & 0xff) << 40)
                  | ((long) (buf[o + 3] & 0xff) << 32)
                  | ((long) (buf[o + 4] & 0xff) << 24)
                  | ((long) (buf[o + 5] & 0xff) << 16)
                  | ((long) (buf[o + 6] & 0xff) << 8)
                  | (buf[o + 7] & 0xff);
        }
      }
      l.set(p, a);
    }
    main = l;
    delta = new Level();
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
      int shift = 56 - bits;
      int mask = (1 << bits) - 1;
      int b = 0;
      for (int i = 0; i < n; i++) {
        int bucket = bits == 0 ? 0 : (int) ((sorted[i] >>> shift) & mask);
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
      int p = (int) (fingerprint >>> 56);
      long[] a = parts[p];
      if (a.length == 0) {
        return;
      }
      long key = fingerprint & ~DOC_MASK;
      int bits = dirBits[p];
      int bucket = bits == 0 ? 0 : (int) ((key >>> (56 - bits)) & ((1 << bits) - 1));
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
