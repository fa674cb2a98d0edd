package io.hezuo.formalreview.similarity;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.stream.IntStream;

/**
 * The similarity index of a round and a library: documents are added as (id, text) or (id, a way to
 * load the text); the index keeps only their fingerprints (about a third of a long per unit) and
 * loads texts again when it verifies a match.
 *
 * <p>{@link #check(String)} gives, for one document, every source it copies from with the exact
 * figures and the passages as char offsets in both original texts. Exact means: equal to the
 * definition (a unit is copied when it lies in a 13-unit run of the document that also occurs in
 * the source and not in the template), with no sampling and no hash-only decision; see {@link
 * Fingerprints} for why no source can be missed.
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

  private static final int MAGIC = 0x485A534D; // "HZSM"
  private static final int FORMAT = 1;

  private final UnitNormalizer normalizer = new UnitNormalizer();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<Doc> docs = new ArrayList<>();
  private final Map<String, Integer> byId = new HashMap<>();
  private final BitSet deleted = new BitSet();
  private Postings postings = new Postings();
  private String templateText = "";
  private PairMatcher.WindowTable template;
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
    List<Document> again = new ArrayList<>();
    lock.writeLock().lock();
    try {
      templateText = text == null ? "" : text;
      Units u = normalizer.units(templateText, false);
      template = u.length() >= Fingerprints.K ? new PairMatcher.WindowTable(u) : null;
      templateGrams = Fingerprints.templateGrams(u, normalizer);
      if (!byId.isEmpty()) {
        for (int i = 0; i < docs.size(); i++) {
          if (!deleted.get(i)) {
            again.add(new Document(docs.get(i).id, docs.get(i).text));
          }
        }
        docs.clear();
        byId.clear();
        deleted.clear();
        postings = new Postings();
      }
    } finally {
      lock.writeLock().unlock();
    }
    if (!again.isEmpty()) {
      throwFailures(addAll(again, Runtime.getRuntime().availableProcessors(), Progress.NONE));
    }
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
        Integer old = byId.get(d.id());
        if (old != null) {
          deleted.set(old);
        }
        int internal = docs.size();
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
      Integer internal = byId.remove(id);
      if (internal == null) {
        return false;
      }
      deleted.set(internal);
      docs.set(internal, new Doc(id, null, 0));
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Merges the postings into one level and drops those of removed documents. */
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
      return byId.containsKey(id);
    } finally {
      lock.readLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return byId.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  public Set<String> ids() {
    lock.readLock().lock();
    try {
      return new TreeSet<>(byId.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Number of fingerprint entries held (8 bytes each). */
  public long fingerprintCount() {
    lock.readLock().lock();
    try {
      return postings.size();
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
      Integer internal = byId.get(id);
      if (internal == null) {
        throw new IllegalArgumentException("no document " + id);
      }
      return checkUnits(id, normalizer.units(load(docs.get(internal))), internal);
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
        candidates(Fingerprints.of(q, normalizer, templateGrams, query.template), self);
    if (candidates.length == 0) {
      return new DocumentSimilarity(id, n, 0, List.of());
    }
    BitSet copied = new BitSet(n);
    List<SourceSimilarity> sources = new ArrayList<>();
    for (int c : candidates) {
      Doc d = docs.get(c);
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
    for (long f : fingerprints) {
      postings.lookup(
          f,
          d -> {
            if (d != self && !deleted.get(d)) {
              if (size[0] == buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], size[0] * 2);
              }
              buf[0][size[0]++] = d;
            }
          });
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

  /** Writes the index (ids, template, fingerprints; not the texts) to a file. */
  public synchronized void save(Path file) throws IOException {
    lock.writeLock().lock();
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(UnitNormalizer.VERSION);
        out.writeInt(Fingerprints.K);
        out.writeInt(Fingerprints.M);
        writeString(out, templateText);
        out.writeInt(docs.size());
        for (int i = 0; i < docs.size(); i++) {
          Doc d = docs.get(i);
          writeString(out, d.id);
          out.writeInt(d.units);
          out.writeBoolean(deleted.get(i));
        }
        postings.write(out, deleted);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Reads an index written by {@link #save}. {@code texts} gives the way to load each document's
   * text by id; a document for which it returns null is left out.
   */
  public static SimilarityIndex load(Path file, Function<String, TextLoader> texts)
      throws IOException {
    SimilarityIndex index = new SimilarityIndex();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
        throw new IOException(file + " is not a similarity index of this version");
      }
      if (in.readInt() != UnitNormalizer.VERSION
          || in.readInt() != Fingerprints.K
          || in.readInt() != Fingerprints.M) {
        throw new IOException(file + " was built with other parameters: rebuild it");
      }
      index.setTemplate(readString(in));
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String id = readString(in);
        int units = in.readInt();
        boolean gone = in.readBoolean();
        TextLoader loader = gone ? null : texts.apply(id);
        index.docs.add(new Doc(id, loader, units));
        if (gone || loader == null) {
          index.deleted.set(i);
        } else {
          index.byId.put(id, i);
        }
      }
      index.postings.read(in);
    }
    return index;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
