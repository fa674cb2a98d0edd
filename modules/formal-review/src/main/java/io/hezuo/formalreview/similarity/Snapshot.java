package io.hezuo.formalreview.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * The immutable, memory-mapped part of a {@link SimilarityIndex}: a snapshot file with the
 * template, the document table and the postings (the same 8-byte entries as {@link Postings}, 256
 * sorted partitions, each with its directory), searched in place. Only the document table (ids and
 * unit counts, a few bytes per document) is read onto the heap when the file is opened; the
 * directories (1/32 of the file) are touched so that they are in memory.
 *
 * <p>File layout (all big-endian):
 *
 * <pre>
 * header (64 bytes): magic, format, normaliser version, K, M, documents, postings offset,
 *   meta offset, meta length, file length, meta CRC-32C, header CRC-32C
 * postings: for each partition its entries (8 bytes each), then its directory ((1 &lt;&lt; bits) + 1
 *   ints: the first entry of every bucket of the next bits after the partition's 8)
 * meta: the template (UTF-8), the ids (UTF-8, with offsets), unit counts, the documents in id
 *   order, and for each partition: offset, entries, directory bits, CRC-32C of entries + directory
 * </pre>
 *
 * <p>Opening checks the header, the length (a truncated file is refused), the meta section's CRC
 * and the structure; the postings' CRCs are checked by {@link #verify()} (which reads all of them)
 * and whenever a snapshot is merged into a new one. A look-up that meets an entry or a directory
 * slot out of range throws instead of answering.
 *
 * <p>Thread-safe (immutable; absolute reads only).
 */
final class Snapshot {

  static final int MAGIC = 0x485A534E; // "HZSN"
  static final int FORMAT = 3;
  private static final int HEADER = 64;
  private static final int PARTS = 256;
  private static final long DOC_MASK = Postings.DOC_MASK;

  private final Path file;
  private final String template;
  private final int docs;
  private final byte[] idBytes;
  private final int[] idOffsets;
  private final int[] units;
  private final int[] byIdOrder;
  private final long[] partOffset = new long[PARTS];
  private final long[] partCount = new long[PARTS];
  private final int[] partBits = new int[PARTS];
  private final int[] partCrc = new int[PARTS];
  private final LongBuffer[] entries = new LongBuffer[PARTS];
  private final IntBuffer[] dirs = new IntBuffer[PARTS];
  private final long totalEntries;

  private Snapshot(
      Path file,
      String template,
      int docs,
      byte[] idBytes,
      int[] idOffsets,
      int[] units,
      int[] byIdOrder,
      long total) {
    this.file = file;
    this.template = template;
    this.docs = docs;
    this.idBytes = idBytes;
    this.idOffsets = idOffsets;
    this.units = units;
    this.byIdOrder = byIdOrder;
    this.totalEntries = total;
  }

  Path file() {
    return file;
  }

  String template() {
    return template;
  }

  int size() {
    return docs;
  }

  long entries() {
    return totalEntries;
  }

  String id(int doc) {
    return new String(
        idBytes, idOffsets[doc], idOffsets[doc + 1] - idOffsets[doc], StandardCharsets.UTF_8);
  }

  int units(int doc) {
    return units[doc];
  }

  /** The document number of an id, or -1. */
  int find(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    int lo = 0;
    int hi = docs - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int d = byIdOrder[mid];
      int c = Arrays.compareUnsigned(idBytes, idOffsets[d], idOffsets[d + 1], key, 0, key.length);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return d;
      }
    }
    return -1;
  }

  /** Calls {@code sink} with every document that has an entry for this fingerprint. */
  void lookup(long fingerprint, IntConsumer sink) {
    int p = Postings.partition(fingerprint);
    LongBuffer a = entries[p];
    int n = a.limit();
    if (n == 0) {
      return;
    }
    long key = Postings.key(fingerprint);
    int bucket = Postings.bucket(key, partBits[p]);
    int lo = dirs[p].get(bucket);
    int hi = dirs[p].get(bucket + 1);
    if (lo < 0 || hi < lo || hi > n) {
      throw corrupt("directory of partition " + p);
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a.get(mid) < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < n; i++) {
      long e = a.get(i);
      if ((e & ~DOC_MASK) != key) {
        break;
      }
      int d = (int) (e & DOC_MASK);
      if (d >= docs) {
        throw corrupt("document number in partition " + p);
      }
      sink.accept(d);
    }
  }

  private UncheckedIOException corrupt(String what) {
    return new UncheckedIOException(corrupt(file, what));
  }

  private static SimilarityIndex.CorruptSnapshotException corrupt(Path file, String what) {
    return new SimilarityIndex.CorruptSnapshotException(
        "similarity snapshot " + file + " is unusable (" + what + "): rebuild it");
  }

  /**
   * Reads every partition and checks its CRC, its order and its entries; throws if anything is
   * wrong. Takes as long as reading the file.
   */
  void verify() throws SimilarityIndex.CorruptSnapshotException {
    for (int p = 0; p < PARTS; p++) {
      verifyPartition(p);
    }
  }

  private void verifyPartition(int p) throws SimilarityIndex.CorruptSnapshotException {
    CRC32C crc = new CRC32C();
    LongBuffer a = entries[p];
    ByteBuffer raw = rawPartition(p);
    crc.update(raw);
    if ((int) crc.getValue() != partCrc[p]) {
      throw corrupt(file, "checksum of partition " + p);
    }
    long prev = Long.MIN_VALUE;
    for (int i = 0; i < a.limit(); i++) {
      long e = a.get(i);
      if (e < prev || (int) (e & DOC_MASK) >= docs) {
        throw corrupt(file, "entry " + i + " of partition " + p);
      }
      prev = e;
    }
  }

  private ByteBuffer rawPartition(int p) {
    // entries and directory, contiguous: the whole mapping of the partition
    return mappings[p].duplicate().clear();
  }

  private final MappedByteBuffer[] mappings = new MappedByteBuffer[PARTS];

  /**
   * Reads one int of every page of the directories (about 1/32 of the file), so that they are
   * mapped and in the page cache: a look-up then faults on at most one page, its entries.
   */
  private void touchDirectories() {
    int sum = 0;
    for (int p = 0; p < PARTS; p++) {
      IntBuffer d = dirs[p];
      for (int i = 0; i < d.limit(); i += 1024) {
        sum += d.get(i);
      }
    }
    touched = sum;
  }

  @SuppressWarnings("unused")
  private volatile int touched;

  // ---- opening ----

  static Snapshot open(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER) {
        throw corrupt(file, "shorter than a header: truncated or not a snapshot");
      }
      ByteBuffer h = read(ch, 0, HEADER);
      if (h.getInt(0) != MAGIC) {
        throw corrupt(file, "not a similarity snapshot");
      }
      if (h.getInt(4) != FORMAT) {
        throw corrupt(file, "format " + h.getInt(4) + ", expected " + FORMAT);
      }
      CRC32C hc = new CRC32C();
      hc.update(h.duplicate().position(0).limit(60));
      if ((int) hc.getValue() != h.getInt(60)) {
        throw corrupt(file, "header checksum");
      }
      if (h.getInt(8) != UnitNormalizer.VERSION
          || h.getInt(12) != Fingerprints.K
          || h.getInt(16) != Fingerprints.M) {
        throw corrupt(file, "built with other normaliser or fingerprint parameters");
      }
      int docs = h.getInt(20);
      long postingsOffset = h.getLong(24);
      long metaOffset = h.getLong(32);
      long metaLength = h.getLong(40);
      long fileLength = h.getLong(48);
      int metaCrc = h.getInt(56);
      if (size != fileLength) {
        throw corrupt(
            file,
            size < fileLength
                ? "truncated: " + size + " of " + fileLength + " bytes"
                : "longer than written: " + size + " bytes, " + fileLength + " expected");
      }
      if (docs < 0
          || docs > Postings.MAX_DOCS
          || postingsOffset != HEADER
          || metaOffset < postingsOffset
          || metaLength < 0
          || metaLength > Integer.MAX_VALUE
          || metaOffset + metaLength != fileLength) {
        throw corrupt(file, "header fields out of range");
      }
      ByteBuffer meta = read(ch, metaOffset, (int) metaLength);
      CRC32C mc = new CRC32C();
      mc.update(meta.duplicate());
      if ((int) mc.getValue() != metaCrc) {
        throw corrupt(file, "checksum of the document table");
      }
      try {
        return parse(file, ch, meta, docs, postingsOffset, metaOffset);
      } catch (RuntimeException e) { // e.g. a length past the end: refused like any damage
        throw corrupt(file, "document table: " + e);
      }
    }
  }

  private static Snapshot parse(
      Path file, FileChannel ch, ByteBuffer meta, int docs, long postingsOffset, long metaOffset)
      throws IOException {
    byte[] t = new byte[meta.getInt()];
    meta.get(t);
    String template = new String(t, StandardCharsets.UTF_8);
    byte[] idBytes = new byte[meta.getInt()];
    meta.get(idBytes);
    int[] idOffsets = new int[docs + 1];
    meta.asIntBuffer().get(idOffsets);
    meta.position(meta.position() + 4 * (docs + 1));
    int[] units = new int[docs];
    meta.asIntBuffer().get(units);
    meta.position(meta.position() + 4 * docs);
    int[] order = new int[docs];
    meta.asIntBuffer().get(order);
    meta.position(meta.position() + 4 * docs);
    if (idOffsets[0] != 0 || idOffsets[docs] != idBytes.length) {
      throw corrupt(file, "id table");
    }
    for (int i = 0; i < docs; i++) {
      if (idOffsets[i + 1] < idOffsets[i] || order[i] < 0 || order[i] >= docs) {
        throw corrupt(file, "id table");
      }
    }
    for (int i = 1; i < docs; i++) {
      int a = order[i - 1];
      int b = order[i];
      if (Arrays.compareUnsigned(
              idBytes, idOffsets[a], idOffsets[a + 1], idBytes, idOffsets[b], idOffsets[b + 1])
          >= 0) {
        throw corrupt(file, "id order");
      }
    }
    long[] offset = new long[PARTS];
    long[] count = new long[PARTS];
    int[] bits = new int[PARTS];
    int[] crc = new int[PARTS];
    long expect = postingsOffset;
    long total = 0;
    for (int p = 0; p < PARTS; p++) {
      offset[p] = meta.getLong();
      count[p] = meta.getLong();
      bits[p] = meta.getInt();
      crc[p] = meta.getInt();
      long bytes = count[p] * 8 + ((1L << Math.max(0, Math.min(bits[p], 30))) + 1) * 4;
      if (offset[p] != expect
          || count[p] < 0
          || bits[p] < 0
          || bits[p] > 22
          || bytes > Integer.MAX_VALUE) {
        throw corrupt(file, "partition table at " + p);
      }
      expect += bytes;
      total += count[p];
    }
    if (expect != metaOffset || meta.remaining() != 0) {
      throw corrupt(file, "partition table does not match the file");
    }
    Snapshot s = new Snapshot(file, template, docs, idBytes, idOffsets, units, order, total);
    for (int p = 0; p < PARTS; p++) {
      long bytes = count[p] * 8 + ((1L << bits[p]) + 1) * 4;
      MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, offset[p], bytes);
      s.mappings[p] = m;
      s.partOffset[p] = offset[p];
      s.partCount[p] = count[p];
      s.partBits[p] = bits[p];
      s.partCrc[p] = crc[p];
      s.entries[p] =
          m.duplicate()
              .order(ByteOrder.BIG_ENDIAN)
              .position(0)
              .limit((int) (count[p] * 8))
              .slice()
              .asLongBuffer();
      s.dirs[p] =
          m.duplicate()
              .order(ByteOrder.BIG_ENDIAN)
              .position((int) (count[p] * 8))
              .slice()
              .asIntBuffer();
    }
    s.touchDirectories();
    return s;
  }

  private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      int r = ch.read(b, at + b.position());
      if (r < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    return b.flip();
  }

  // ---- writing ----

  /** The documents of a new snapshot, in their new order. */
  record Table(String template, List<String> ids, int[] units) {}

  /** The sorted entries of one partition, already renumbered, for the writer. */
  @FunctionalInterface
  interface PartitionSource {
    /** Calls {@code out} with the entries of partition p in ascending order. */
    void entries(int p, LongSink out) throws IOException;
  }

  @FunctionalInterface
  interface LongSink {
    void accept(long entry) throws IOException;
  }

  /**
   * Writes a snapshot to a temporary file next to {@code target} and moves it into place
   * atomically. {@code upperBound[p]} bounds the entries of partition p (it sizes the directory).
   */
  static void write(Path target, Table table, long[] upperBound, PartitionSource source)
      throws IOException {
    int docs = table.ids().size();
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      Writer w = new Writer(ch, HEADER);
      long[] offset = new long[PARTS];
      long[] count = new long[PARTS];
      int[] bits = new int[PARTS];
      int[] crc = new int[PARTS];
      for (int p = 0; p < PARTS; p++) {
        int b = dirBits(upperBound[p]);
        int[] dir = new int[(1 << b) + 1];
        int[] next = {0};
        long[] n = {0};
        long[] prev = {Long.MIN_VALUE};
        offset[p] = w.position();
        CRC32C c = new CRC32C();
        w.crc = c;
        source.entries(
            p,
            e -> {
              if (e < prev[0]) {
                throw new IllegalStateException("postings out of order");
              }
              prev[0] = e;
              int bucket = Postings.bucket(e, b);
              while (next[0] <= bucket) {
                dir[next[0]++] = (int) n[0];
              }
              w.putLong(e);
              n[0]++;
              if (n[0] > (Integer.MAX_VALUE - dir.length * 4L) / 8) {
                throw new IllegalStateException("too many fingerprints in one partition");
              }
            });
        while (next[0] <= (1 << b)) {
          dir[next[0]++] = (int) n[0];
        }
        for (int v : dir) {
          w.putInt(v);
        }
        w.flush();
        w.crc = null;
        count[p] = n[0];
        bits[p] = b;
        crc[p] = (int) c.getValue();
      }
      long metaOffset = w.position();
      CRC32C mc = new CRC32C();
      w.crc = mc;
      byte[] t = table.template().getBytes(StandardCharsets.UTF_8);
      w.putInt(t.length);
      w.put(t);
      byte[][] ids = new byte[docs][];
      int idLength = 0;
      for (int i = 0; i < docs; i++) {
        ids[i] = table.ids().get(i).getBytes(StandardCharsets.UTF_8);
        idLength += ids[i].length;
      }
      w.putInt(idLength);
      for (byte[] id : ids) {
        w.put(id);
      }
      int o = 0;
      w.putInt(0);
      for (byte[] id : ids) {
        o += id.length;
        w.putInt(o);
      }
      for (int i = 0; i < docs; i++) {
        w.putInt(table.units()[i]);
      }
      Integer[] order = IntStream.range(0, docs).boxed().toArray(Integer[]::new);
      Arrays.sort(
          order,
          Comparator.comparing((Integer i) -> ids[i], (x, y) -> Arrays.compareUnsigned(x, y)));
      for (int i = 1; i < docs; i++) {
        if (Arrays.equals(ids[order[i - 1]], ids[order[i]])) {
          throw new IllegalStateException("duplicate id " + table.ids().get(order[i]));
        }
      }
      for (Integer i : order) {
        w.putInt(i);
      }
      for (int p = 0; p < PARTS; p++) {
        w.putLong(offset[p]);
        w.putLong(count[p]);
        w.putInt(bits[p]);
        w.putInt(crc[p]);
      }
      w.flush();
      long end = w.position();
      ByteBuffer h = ByteBuffer.allocate(HEADER);
      h.putInt(MAGIC)
          .putInt(FORMAT)
          .putInt(UnitNormalizer.VERSION)
          .putInt(Fingerprints.K)
          .putInt(Fingerprints.M)
          .putInt(docs)
          .putLong(HEADER)
          .putLong(metaOffset)
          .putLong(end - metaOffset)
          .putLong(end)
          .putInt((int) mc.getValue());
      CRC32C hc = new CRC32C();
      hc.update(h.array(), 0, 60);
      h.putInt((int) hc.getValue());
      h.flip();
      while (h.hasRemaining()) {
        ch.write(h, h.position());
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Directory bits for n entries: about 16 entries per bucket, at most 2^22 buckets. */
  static int dirBits(long n) {
    int bits = 0;
    while (bits < 22 && (n >> (bits + 4)) > 0) {
      bits++;
    }
    return bits;
  }

  /**
   * Calls {@code out} with the entries of partition p of {@code base} (may be null) and of {@code
   * delta} (ascending), merged in ascending order, renumbered by {@code renumber} (indexed by the
   * old document number; -1 drops the entry). A monotone renumbering keeps both inputs ascending.
   * The base partition's checksum is checked first, so a damaged snapshot is never merged.
   */
  static void merge(Snapshot base, long[] delta, int[] renumber, int p, LongSink out)
      throws IOException {
    LongBuffer a;
    if (base == null) {
      a = LongBuffer.allocate(0);
    } else {
      base.verifyPartition(p);
      a = base.entries[p].duplicate();
    }
    int na = a.limit();
    int nb = delta.length;
    int i = 0;
    int j = 0;
    while (true) {
      while (i < na && renumber[(int) (a.get(i) & DOC_MASK)] < 0) {
        i++;
      }
      while (j < nb && renumber[(int) (delta[j] & DOC_MASK)] < 0) {
        j++;
      }
      if (i == na && j == nb) {
        return;
      }
      long x = i < na ? renumbered(a.get(i), renumber) : 0;
      long y = j < nb ? renumbered(delta[j], renumber) : 0;
      if (j == nb || (i < na && x <= y)) {
        out.accept(x);
        i++;
      } else {
        out.accept(y);
        j++;
      }
    }
  }

  private static long renumbered(long e, int[] renumber) {
    return (e & ~DOC_MASK) | renumber[(int) (e & DOC_MASK)];
  }

  /** Number of entries of partition p. */
  long count(int p) {
    return partCount[p];
  }

  /** A buffered writer on a channel that keeps its position and an optional running CRC. */
  private static final class Writer {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.BIG_ENDIAN);
    private long pos;
    CRC32C crc;

    Writer(FileChannel ch, long start) {
      this.ch = ch;
      this.pos = start;
    }

    long position() {
      return pos + buf.position();
    }

    void putLong(long v) throws IOException {
      if (buf.remaining() < 8) {
        flush();
      }
      buf.putLong(v);
    }

    void putInt(int v) throws IOException {
      if (buf.remaining() < 4) {
        flush();
      }
      buf.putInt(v);
    }

    void put(byte[] b) throws IOException {
      int i = 0;
      while (i < b.length) {
        if (!buf.hasRemaining()) {
          flush();
        }
        int n = Math.min(buf.remaining(), b.length - i);
        buf.put(b, i, n);
        i += n;
      }
    }

    void flush() throws IOException {
      buf.flip();
      if (crc != null) {
        crc.update(buf.duplicate());
      }
      while (buf.hasRemaining()) {
        pos += ch.write(buf, pos);
      }
      buf.clear();
    }
  }
}
