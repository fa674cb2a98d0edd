package io.hezuo.formalreview.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The similarity index of a round and a library: documents are added as (id, text) or (id, a way to
 * load the text); the index keeps only their fingerprints (about a third of a long per unit) and
 * loads texts again when it verifies a match.
 *
 * <p>{@link #check(String)} gives, for one document, every source it copies from with the exact
 * figures and the passages as char offsets in both original texts. Exact means: equal to the
 * definition (a unit is copied when it lies in a 13-unit run of the document that also occurs in
 * the source and holds no template text), with no sampling and no hash-only decision; see {@link
 * Fingerprints} for why no source can be missed.
 *
 * <p>Two parts: an optional <b>snapshot</b>, a file written by {@link #writeSnapshot} and opened
 * with {@link #openSnapshot} (memory-mapped and searched in place: its postings are not on the
 * heap, and opening reads only its document table and touches its directories), and an on-heap
 * <b>delta</b> of the documents added since, with removals (and replaced documents) as tombstones.
 * {@link #writeSnapshot} merges both into a new file; an index without a snapshot is all delta.
 *
 * <p>Thread-safe: checks run in parallel; adding and removing wait for running checks.
 */
public final class SimilarityIndex {

  /** Loads the original text of a document. */
  @FunctionalInterface
  public interface TextLoader {
    String load() throws IOException;
  }

  /** A document to add. */
  public record Document(String id, TextLoader text) {
    public static Document of(String id, String text) {
      return new Document(id, () -> text);
    }
  }

  /** A document that could not be added, with the reason in words. */
  public record Failure(String id, String reason) {}

  /** Called now and then with how many of the documents are done. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (d, t) -> {};
  }

  /** A snapshot file that is damaged, truncated or not a snapshot: refused, never used. */
  public static final class CorruptSnapshotException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptSnapshotException(String message) {
      super(message);
    }
  }

  private final UnitNormalizer normalizer = new UnitNormalizer();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // the snapshot (null for none): documents 0 .. base.size() - 1, texts through baseTexts
  private Snapshot base;
  private Function<String, TextLoader> baseTexts;
  private int baseRemoved;
  // the delta: document base.size() + i is docs.get(i); byId holds the delta's live documents
  private final List<Doc> docs = new ArrayList<>();
  private final Map<String, Integer> byId = new HashMap<>();
  // tombstones over all document numbers (snapshot and delta)
  private final BitSet deleted = new BitSet();
  private Postings postings = new Postings();
  private String templateText = "";
  private PairMatcher.Template template;
  private long[] templateGrams = new long[0];

  private static final class Doc {
    final String id;
    final TextLoader text;
    final int units;

    Doc(String id, TextLoader text, int units) {
      this.id = id;
      this.text = text;
      this.units = units;
    }
  }

  /** The normaliser this index uses. */
  public UnitNormalizer normalizer() {
    return normalizer;
  }

  /**
   * Sets the text of the official form's template: a 13-unit run that also occurs in it never makes
   * units copied. Fingerprints depend on the template, so documents already added are fingerprinted
   * again (their texts are loaded again).
   */
  public synchronized void setTemplate(String text) {
    String t = text == null ? "" : text;
    if (t.equals(templateText)) {
      return;
    }
    List<Document> again = new ArrayList<>();
    lock.writeLock().lock();
    try {
      applyTemplate(t);
      int total = baseCount() + docs.size();
      for (int i = 0; i < total; i++) {
        if (!deleted.get(i)) {
          Doc d = doc(i);
          again.add(new Document(d.id, d.text));
        }
      }
      base = null;
      baseTexts = null;
      baseRemoved = 0;
      docs.clear();
      byId.clear();
      deleted.clear();
      postings = new Postings();
    } finally {
      lock.writeLock().unlock();
    }
    if (!again.isEmpty()) {
      throwFailures(addAll(again, Runtime.getRuntime().availableProcessors(), Progress.NONE));
    }
  }

  private void applyTemplate(String t) {
    templateText = t;
    Units u = normalizer.units(templateText, false);
    template = u.length() > 0 ? new PairMatcher.Template(u) : null;
    templateGrams = Fingerprints.templateGrams(u, normalizer);
  }

  private int baseCount() {
    return base == null ? 0 : base.size();
  }

  /** The document number of a live document, or -1. */
  private int internalOf(String id) {
    Integer d = byId.get(id);
    if (d != null) {
      return d;
    }
    if (base != null) {
      int b = base.find(id);
      if (b >= 0 && !deleted.get(b)) {
        return b;
      }
    }
    return -1;
  }

  private Doc doc(int internal) {
    int n = baseCount();
    if (internal >= n) {
      return docs.get(internal - n);
    }
    String id = base.id(internal);
    Function<String, TextLoader> texts = baseTexts;
    return new Doc(
        id,
        () -> {
          TextLoader t = texts.apply(id);
          if (t == null) {
            throw new IOException("no text for " + id + " (remove it from the index)");
          }
          return t.load();
        },
        base.units(internal));
  }

  /** The template text ("" for none). */
  public String template() {
    return templateText;
  }

  /** Adds (or replaces) a document whose text is kept in memory. */
  public void add(String id, String text) {
    throwFailures(addAll(List.of(Document.of(id, text)), 1, Progress.NONE));
  }

  /** Adds (or replaces) a document whose text is loaded when needed. */
  public void add(String id, TextLoader text) {
    throwFailures(addAll(List.of(new Document(id, text)), 1, Progress.NONE));
  }

  private static void throwFailures(List<Failure> failures) {
    if (!failures.isEmpty()) {
      throw new IllegalArgumentException(failures.get(0).id() + ": " + failures.get(0).reason());
    }
  }

  /**
   * Adds (or replaces) documents, fingerprinting them on {@code threads} threads. A document whose
   * text cannot be loaded is not added and is returned with the reason; the others are.
   */
  public synchronized List<Failure> addAll(
      Collection<Document> documents, int threads, Progress progress) {
    List<Document> list = new ArrayList<>(documents);
    long[][] fps = new long[list.size()][];
    int[] units = new int[list.size()];
    String[] errors = new String[list.size()];
    AtomicInteger done = new AtomicInteger();
    long[] grams = templateGrams();
    Runnable work =
        () ->
            (threads > 1
                    ? IntStream.range(0, list.size()).parallel()
                    : IntStream.range(0, list.size()))
                .forEach(
                    i -> {
                      try {
                        String text = list.get(i).text().load();
                        Units u = normalizer.units(text);
                        units[i] = u.length();
                        fps[i] = Fingerprints.of(u, normalizer, grams, null);
                      } catch (IOException | RuntimeException e) {
                        errors[i] = e.getMessage() == null ? e.toString() : e.getMessage();
                      }
                      int d = done.incrementAndGet();
                      progress.update(d, list.size());
                    });
    runOn(threads, work);

    List<Failure> failures = new ArrayList<>();
    lock.writeLock().lock();
    try {
      for (int i = 0; i < list.size(); i++) {
        Document d = list.get(i);
        if (errors[i] != null) {
          failures.add(new Failure(d.id(), errors[i]));
          continue;
        }
        int old = internalOf(d.id());
        if (old >= 0) {
          deleted.set(old);
          if (old < baseCount()) {
            baseRemoved++;
          }
        }
        int internal = baseCount() + docs.size();
        if (internal >= Postings.MAX_DOCS) {
          throw new IllegalStateException("too many documents for one index");
        }
        docs.add(new Doc(d.id(), d.text(), units[i]));
        byId.put(d.id(), internal);
        postings.add(internal, fps[i]);
        fps[i] = null;
      }
      postings.commit(deleted);
    } finally {
      lock.writeLock().unlock();
    }
    return failures;
  }

  private long[] templateGrams() {
    lock.readLock().lock();
    try {
      return templateGrams;
    } finally {
      lock.readLock().unlock();
    }
  }

  private static void runOn(int threads, Runnable work) {
    if (threads <= 1) {
      work.run();
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** Removes a document; returns whether it was there. */
  public synchronized boolean remove(String id) {
    lock.writeLock().lock();
    try {
      int internal = internalOf(id);
      if (internal < 0) {
        return false;
      }
      deleted.set(internal);
      if (internal < baseCount()) {
        baseRemoved++;
      } else {
        byId.remove(id);
        docs.set(internal - baseCount(), new Doc(id, null, 0));
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Merges the delta's postings into one level and drops those of removed documents (the snapshot
   * is rewritten only by {@link #writeSnapshot}).
   */
  public synchronized void optimize() {
    lock.writeLock().lock();
    try {
      postings.optimize(deleted);
    } finally {
      lock.writeLock().unlock();
    }
  }

  public boolean contains(String id) {
    lock.readLock().lock();
    try {
      return internalOf(id) >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return byId.size() + baseCount() - baseRemoved;
    } finally {
      lock.readLock().unlock();
    }
  }

  public Set<String> ids() {
    lock.readLock().lock();
    try {
      TreeSet<String> ids = new TreeSet<>(byId.keySet());
      for (int i = 0; i < baseCount(); i++) {
        if (!deleted.get(i)) {
          ids.add(base.id(i));
        }
      }
      return ids;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Number of fingerprint entries held (8 bytes each), in the snapshot and the delta. */
  public long fingerprintCount() {
    lock.readLock().lock();
    try {
      return postings.size() + (base == null ? 0 : base.entries());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The similarity of a document of the index against every other document of the index.
   *
   * @throws IllegalArgumentException if there is no such document
   * @throws UncheckedIOException if the text of the document or of a candidate source cannot be
   *     loaded (no figure is better than a wrong one)
   */
  public DocumentSimilarity check(String id) {
    lock.readLock().lock();
    try {
      int internal = internalOf(id);
      if (internal < 0) {
        throw new IllegalArgumentException("no document " + id);
      }
      return checkUnits(id, normalizer.units(load(doc(internal))), internal);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The similarity of a text that is not in the index against every document of the index. */
  public DocumentSimilarity checkText(String text) {
    lock.readLock().lock();
    try {
      return checkUnits(null, normalizer.units(text), -1);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static String load(Doc d) {
    try {
      return d.text.load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + d.id + ": " + e.getMessage(), e);
    }
  }

  private DocumentSimilarity checkUnits(String id, Units q, int self) {
    int n = q.length();
    if (n < Fingerprints.K) {
      return new DocumentSimilarity(id, n, 0, List.of());
    }
    PairMatcher.Query query = new PairMatcher.Query(q, template);
    int[] candidates =
        candidates(Fingerprints.of(q, normalizer, templateGrams, query.blocked), self);
    if (candidates.length == 0) {
      return new DocumentSimilarity(id, n, 0, List.of());
    }
    BitSet copied = new BitSet(n);
    List<SourceSimilarity> sources = new ArrayList<>();
    for (int c : candidates) {
      Doc d = doc(c);
      PairMatcher.Match m = PairMatcher.match(query, normalizer.units(load(d)), copied);
      if (m.copiedUnits() > 0) {
        sources.add(new SourceSimilarity(d.id, m.copiedUnits(), n, m.passages()));
      }
    }
    sources.sort(
        Comparator.comparingInt(SourceSimilarity::copiedUnits)
            .reversed()
            .thenComparing(SourceSimilarity::sourceId));
    return new DocumentSimilarity(id, n, copied.cardinality(), List.copyOf(sources));
  }

  private int[] candidates(long[] fingerprints, int self) {
    int[][] buf = {new int[64]};
    int[] size = {0};
    IntConsumer sink =
        d -> {
          if (d != self && !deleted.get(d)) {
            if (size[0] == buf[0].length) {
              buf[0] = Arrays.copyOf(buf[0], size[0] * 2);
            }
            buf[0][size[0]++] = d;
          }
        };
    // in order and once per (partition, key): look-ups in a mapped snapshot then walk the file
    // forwards; the low 16 bits of a hash are not part of its key
    long[] keys = new long[fingerprints.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = fingerprints[i] & ~0xFFFFL;
    }
    Arrays.sort(keys);
    for (int i = 0; i < keys.length; i++) {
      if (i > 0 && keys[i] == keys[i - 1]) {
        continue;
      }
      if (base != null) {
        base.lookup(keys[i], sink);
      }
      postings.lookup(keys[i], sink);
    }
    int[] a = buf[0];
    Arrays.sort(a, 0, size[0]);
    int u = 0;
    for (int i = 0; i < size[0]; i++) {
      if (u == 0 || a[i] != a[u - 1]) {
        a[u++] = a[i];
      }
    }
    return Arrays.copyOf(a, u);
  }

  // ---- persistence ----

  /**
   * Writes the index (template, ids, fingerprints; not the texts) as a snapshot: the current
   * snapshot and the delta merged, removed documents dropped, to a temporary file next to {@code
   * file} that is then moved into place atomically. The snapshot being merged is checked partition
   * by partition ({@link CorruptSnapshotException} if damaged). Checks may run meanwhile; adding
   * and removing wait. This index is unchanged: open the new file with {@link #openSnapshot} to run
   * on it (and free the delta).
   */
  public synchronized void writeSnapshot(Path file) throws IOException {
    lock.writeLock().lock();
    try {
      postings.optimize(deleted);
    } finally {
      lock.writeLock().unlock();
    }
    lock.readLock().lock();
    try {
      int n = baseCount();
      int total = n + docs.size();
      int[] renumber = new int[total];
      List<String> ids = new ArrayList<>(total);
      int[] units = new int[total];
      for (int i = 0; i < total; i++) {
        if (deleted.get(i)) {
          renumber[i] = -1;
        } else {
          renumber[i] = ids.size();
          units[ids.size()] = i < n ? base.units(i) : docs.get(i - n).units;
          ids.add(i < n ? base.id(i) : docs.get(i - n).id);
        }
      }
      long[] bound = new long[256];
      for (int p = 0; p < 256; p++) {
        bound[p] = (base == null ? 0 : base.count(p)) + postings.partition(p).length;
      }
      Snapshot snapshot = base;
      Snapshot.write(
          file,
          new Snapshot.Table(templateText, ids, Arrays.copyOf(units, ids.size())),
          bound,
          (p, out) -> Snapshot.merge(snapshot, postings.partition(p), renumber, p, out));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Opens a snapshot written by {@link #writeSnapshot}: maps its postings (they stay off the heap
   * and are read where a look-up lands) and reads its document table, so it is fast whatever the
   * size. {@code texts} gives the way to load a document's text by id when a check needs it (called
   * then, not now; null gives an error at that check, so remove documents that are gone). Documents
   * can then be added and removed (kept in the on-heap delta).
   *
   * @throws CorruptSnapshotException if the file is truncated, damaged in its header or document
   *     table, or written by another version; damage in the postings is found by {@link
   *     #verifySnapshot()} and when merging, and a look-up that meets it throws
   */
  public static SimilarityIndex openSnapshot(Path file, Function<String, TextLoader> texts)
      throws IOException {
    Snapshot s = Snapshot.open(file);
    SimilarityIndex index = new SimilarityIndex();
    index.applyTemplate(s.template());
    index.base = s;
    index.baseTexts = texts;
    return index;
  }

  /**
   * Reads all of the snapshot's postings and checks their checksums and order (as long as reading
   * the file: seconds for a 5 GB snapshot in the page cache). Nothing to do without a snapshot.
   * Holds no lock (the snapshot is immutable): checks, adds and removes go on meanwhile.
   *
   * <p>Worth running on a background thread right after {@link #openSnapshot}: besides checking the
   * file it maps every page of it into the process, so the first checks after a restart are as fast
   * as later ones instead of paying a page fault for each look-up.
   *
   * @throws CorruptSnapshotException if damaged
   */
  public void verifySnapshot() throws IOException {
    Snapshot s;
    lock.readLock().lock();
    try {
      s = base;
    } finally {
      lock.readLock().unlock();
    }
    if (s != null) {
      s.verify();
    }
  }

  /** The snapshot file this index runs on, or null. */
  public Path snapshotFile() {
    lock.readLock().lock();
    try {
      return base == null ? null : base.file();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Same as {@link #writeSnapshot}. */
  public void save(Path file) throws IOException {
    writeSnapshot(file);
  }

  /**
   * Opens an index written by {@link #save} ({@link #openSnapshot}); a document for which {@code
   * texts} returns null is left out (removed).
   */
  public static SimilarityIndex load(Path file, Function<String, TextLoader> texts)
      throws IOException {
    SimilarityIndex index = openSnapshot(file, texts);
    for (String id : index.ids()) {
      if (texts.apply(id) == null) {
        index.remove(id);
      }
    }
    return index;
  }
}
