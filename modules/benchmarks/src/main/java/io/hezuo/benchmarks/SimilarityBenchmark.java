package io.hezuo.benchmarks;

import io.hezuo.formalreview.similarity.DocumentSimilarity;
import io.hezuo.formalreview.similarity.SimilarityIndex;
import io.hezuo.formalreview.similarity.corpus.CorpusGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Benchmarks of the similarity engine on generated corpora (texts are generated again from their
 * seed whenever the engine loads them, as it would read them from files or the database).
 *
 * <pre>
 * java -cp ... io.hezuo.benchmarks.SimilarityBenchmark GEN DIR ROUND LIBRARY [UNITS]
 * java -Xmx1g -cp ... io.hezuo.benchmarks.SimilarityBenchmark P1 DIR
 * java -Xmx3g -cp ... io.hezuo.benchmarks.SimilarityBenchmark P2 DIR
 * java -Xmx8g -cp ... io.hezuo.benchmarks.SimilarityBenchmark P3 DIR [QUERIES]
 * java -Xmx2g -cp ... io.hezuo.benchmarks.SimilarityBenchmark P4build DIR SNAPSHOT [BATCH]
 * java -Xmx2g -cp ... io.hezuo.benchmarks.SimilarityBenchmark P4 DIR SNAPSHOT [QUERIES]
 * </pre>
 */
public final class SimilarityBenchmark {

  private SimilarityBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: SimilarityBenchmark GEN DIR ROUND LIBRARY [UNITS] | P1 DIR | P2 DIR | P3 DIR"
              + " [QUERIES] | P1gen [N] [UNITS] | P4build DIR SNAPSHOT [BATCH]"
              + " | P4 DIR SNAPSHOT [QUERIES]");
      System.exit(2);
    }
    int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
    switch (args[0]) {
      case "GEN" ->
          gen(
              Path.of(args[1]),
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              intArg(args, 4, 10_000),
              threads);
      case "P1" -> p1(Path.of(args[1]), threads);
      case "P2" -> p2(Path.of(args[1]), threads);
      case "P3" -> p3(Path.of(args[1]), intArg(args, 2, 200), threads);
      case "P4build" -> p4build(Path.of(args[1]), Path.of(args[2]), intArg(args, 3, 0), threads);
      case "P4" -> p4(Path.of(args[1]), Path.of(args[2]), intArg(args, 3, 200));
      case "P1gen" -> p1gen(intArg(args, 1, 20_000), intArg(args, 2, 10_000), threads);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** Writes a generated corpus: DIR/round/*.txt, DIR/library/*.txt, DIR/template.txt. */
  static void gen(Path dir, int round, int library, int units, int threads) throws Exception {
    CorpusGenerator gen = generator(round, library, units, 0.3);
    Path r = Files.createDirectories(dir.resolve("round"));
    Path l = Files.createDirectories(dir.resolve("library"));
    Files.writeString(dir.resolve("template.txt"), gen.template(), StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    ForkJoinPool pool = new ForkJoinPool(threads);
    pool.submit(
            () ->
                IntStream.range(0, round + library)
                    .parallel()
                    .forEach(
                        i -> {
                          CorpusGenerator.Document d =
                              i < round ? gen.round(i) : gen.library(i - round);
                          Path f = (i < round ? r : l).resolve(d.id() + ".txt");
                          try {
                            Files.writeString(f, d.text(), StandardCharsets.UTF_8);
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                        }))
        .get();
    pool.shutdown();
    System.out.printf(
        Locale.ROOT,
        "GEN %d round + %d library documents of ~%d units in %s (%.1f s)%n",
        round,
        library,
        units,
        dir,
        (System.nanoTime() - t0) / 1e9);
  }

  static List<SimilarityIndex.Document> files(Path dir) throws IOException {
    List<SimilarityIndex.Document> docs = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
        String name = p.getFileName().toString();
        docs.add(
            new SimilarityIndex.Document(
                name.substring(0, name.length() - 4),
                () -> Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    return docs;
  }

  private static int intArg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }

  static CorpusGenerator generator(int round, int library, int units, double copierShare) {
    return new CorpusGenerator(
        new CorpusGenerator.Spec(
            round,
            library,
            units,
            copierShare,
            new double[] {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.9},
            EnumSet.allOf(CorpusGenerator.Attack.class),
            true,
            true,
            20250915L));
  }

  static List<SimilarityIndex.Document> roundDocs(CorpusGenerator gen, int n) {
    List<SimilarityIndex.Document> docs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = i;
      docs.add(new SimilarityIndex.Document(gen.roundId(k), () -> gen.round(k).text()));
    }
    return docs;
  }

  static List<SimilarityIndex.Document> libraryDocs(CorpusGenerator gen, int n) {
    List<SimilarityIndex.Document> docs = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      int k = j;
      docs.add(new SimilarityIndex.Document(gen.libraryId(k), () -> gen.library(k).text()));
    }
    return docs;
  }

  static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
  }

  static SimilarityIndex.Progress progress(String what) {
    long start = System.nanoTime();
    AtomicLong last = new AtomicLong(start);
    return (done, total) -> {
      long now = System.nanoTime();
      long l = last.get();
      if (now - l > 10_000_000_000L && last.compareAndSet(l, now)) {
        System.err.printf(
            Locale.ROOT, "  %s %d/%d (%.0f s)%n", what, done, total, (now - start) / 1e9);
      }
    };
  }

  /** P1: build the index of the round (texts read from DIR/round). */
  static void p1(Path dir, int threads) throws IOException {
    List<SimilarityIndex.Document> docs = files(dir.resolve("round"));
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(Files.readString(dir.resolve("template.txt")));
    long t0 = System.nanoTime();
    index.addAll(docs, threads, progress("indexed"));
    double secs = (System.nanoTime() - t0) / 1e9;
    long heap = usedHeapAfterGc();
    System.out.printf(
        Locale.ROOT,
        "P1 build: %d documents read from %s on %d threads: %.1f s; %d fingerprints (%s);"
            + " heap used after GC %s; max heap %s%n",
        docs.size(),
        dir.resolve("round"),
        threads,
        secs,
        index.fingerprintCount(),
        mb(index.fingerprintCount() * 8),
        mb(heap),
        mb(Runtime.getRuntime().maxMemory()));
  }

  /** P1 with the texts generated in the process instead of read from files. */
  static void p1gen(int n, int units, int threads) {
    CorpusGenerator gen = generator(n, 0, units, 0.3);
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(gen.template());
    long t0 = System.nanoTime();
    index.addAll(roundDocs(gen, n), threads, progress("indexed"));
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "P1gen build: %d generated documents x ~%d units on %d threads: %.1f s (generation"
            + " included); heap used after GC %s%n",
        n,
        units,
        threads,
        secs,
        mb(usedHeapAfterGc()));
  }

  /** P2: the full round report: every round document against the round and the library. */
  static void p2(Path dir, int threads) throws Exception {
    List<SimilarityIndex.Document> round = files(dir.resolve("round"));
    List<SimilarityIndex.Document> all = new ArrayList<>(round);
    all.addAll(files(dir.resolve("library")));
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(Files.readString(dir.resolve("template.txt")));
    long t0 = System.nanoTime();
    index.addAll(all, threads, progress("indexed"));
    double build = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failing = new AtomicInteger();
    AtomicLong sources = new AtomicLong();
    SimilarityIndex.Progress p = progress("checked");
    int n = round.size();
    ForkJoinPool pool = new ForkJoinPool(threads);
    pool.submit(
            () ->
                IntStream.range(0, n)
                    .parallel()
                    .forEach(
                        i -> {
                          DocumentSimilarity r = index.check(round.get(i).id());
                          if (r.failsG3()) {
                            failing.incrementAndGet();
                          }
                          sources.addAndGet(r.sources().size());
                          p.update(done.incrementAndGet(), n);
                        }))
        .get();
    pool.shutdown();
    double check = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "P2 round report: %d documents against %d (round + library), %d threads: index %.1f s +"
            + " checks %.1f s = %.1f s; %d (document, source) pairs with copying, %d documents"
            + " >= 30%%; heap used after GC %s%n",
        n,
        all.size(),
        threads,
        build,
        check,
        build + check,
        sources.get(),
        failing.get(),
        mb(usedHeapAfterGc()));
  }

  /** P3: one application against a large library (DIR/library): latency of a check. */
  static void p3(Path dir, int queries, int threads) throws IOException {
    List<SimilarityIndex.Document> library = files(dir.resolve("library"));
    List<SimilarityIndex.Document> round = files(dir.resolve("round"));
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(Files.readString(dir.resolve("template.txt")));
    long t0 = System.nanoTime();
    index.addAll(library, threads, progress("indexed"));
    index.optimize();
    double build = (System.nanoTime() - t0) / 1e9;
    long heap = usedHeapAfterGc();
    int q = Math.min(queries, round.size());
    String[] texts = new String[q];
    for (int i = 0; i < q; i++) {
      texts[i] = round.get(i).text().load();
    }
    for (int i = 0; i < Math.min(20, q); i++) {
      index.checkText(texts[i]);
    }
    double[] ms = new double[q];
    int copying = 0;
    for (int i = 0; i < q; i++) {
      long a = System.nanoTime();
      DocumentSimilarity r = index.checkText(texts[i]);
      ms[i] = (System.nanoTime() - a) / 1e6;
      if (!r.sources().isEmpty()) {
        copying++;
      }
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "P3 one application against %d library documents: index built in %.1f s, %d fingerprints"
            + " (%s), heap used after GC %s; check latency over %d applications (%d with"
            + " sources), one thread: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        library.size(),
        build,
        index.fingerprintCount(),
        mb(index.fingerprintCount() * 8),
        mb(heap),
        q,
        copying,
        ms[q / 2],
        ms[(int) Math.ceil(q * 0.95) - 1],
        ms[q - 1]);
  }

  /** The texts of DIR/library by id, read from their files when the engine needs them. */
  static java.util.function.Function<String, SimilarityIndex.TextLoader> libraryTexts(Path dir) {
    Path lib = dir.resolve("library");
    return id -> {
      Path f = lib.resolve(id + ".txt");
      return () -> Files.readString(f, StandardCharsets.UTF_8);
    };
  }

  /**
   * P4build: the snapshot of DIR/library written to SNAPSHOT, in batches of BATCH documents (0: all
   * at once): each batch is added to the delta, merged with the snapshot so far into a new
   * snapshot, which is opened again (so the heap holds one batch at most).
   */
  static void p4build(Path dir, Path snapshot, int batch, int threads) throws IOException {
    List<SimilarityIndex.Document> library = files(dir.resolve("library"));
    int step = batch <= 0 ? library.size() : batch;
    long t0 = System.nanoTime();
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(Files.readString(dir.resolve("template.txt")));
    double fingerprinting = 0;
    double writing = 0;
    for (int from = 0; from < library.size(); from += step) {
      long a = System.nanoTime();
      List<SimilarityIndex.Failure> failures =
          index.addAll(
              library.subList(from, Math.min(library.size(), from + step)),
              threads,
              progress("indexed"));
      if (!failures.isEmpty()) {
        throw new IllegalStateException(failures.get(0).toString());
      }
      long b = System.nanoTime();
      index.writeSnapshot(snapshot);
      index = null; // the delta goes with the old index
      index = SimilarityIndex.openSnapshot(snapshot, libraryTexts(dir));
      long c = System.nanoTime();
      fingerprinting += (b - a) / 1e9;
      writing += (c - b) / 1e9;
      System.err.printf(
          Locale.ROOT, "  %d documents in the snapshot (%.0f s)%n", index.size(), (c - t0) / 1e9);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "P4build snapshot of %d library documents in batches of %d on %d threads: %.1f s"
            + " (fingerprinting %.1f s, writing snapshots %.1f s); %d fingerprints; file %s;"
            + " max heap %s; %s%n",
        index.size(),
        step,
        threads,
        secs,
        fingerprinting,
        writing,
        index.fingerprintCount(),
        mb(Files.size(snapshot)),
        mb(Runtime.getRuntime().maxMemory()),
        loadAverage());
  }

  /**
   * P4: in a fresh JVM, the time to open SNAPSHOT until the first check has run, then the latency
   * of checking one application (DIR/round) against it, a document added to the delta, the heap
   * after GC and the resident memory; last the time to verify the whole snapshot.
   */
  static void p4(Path dir, Path snapshot, int queries) throws IOException {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    List<SimilarityIndex.Document> round = files(dir.resolve("round"));
    int q = Math.min(queries, round.size());
    String[] texts = new String[q];
    for (int i = 0; i < q; i++) {
      texts[i] = round.get(i).text().load();
    }
    long t0 = System.nanoTime();
    SimilarityIndex index = SimilarityIndex.openSnapshot(snapshot, libraryTexts(dir));
    long t1 = System.nanoTime();
    DocumentSimilarity first = index.checkText(texts[0]);
    long t2 = System.nanoTime();
    long sinceStart = System.currentTimeMillis() - jvmStart;
    System.out.printf(
        Locale.ROOT,
        "P4 open %s (%s, %d documents, %d fingerprints): open %.0f ms, first check %.0f ms (%d"
            + " sources); %.1f s from JVM start to the first result; %s%n",
        snapshot,
        mb(Files.size(snapshot)),
        index.size(),
        index.fingerprintCount(),
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        first.sources().size(),
        sinceStart / 1e3,
        loadAverage());
    if (Boolean.getBoolean("verifyFirst")) {
      long v0 = System.nanoTime();
      index.verifySnapshot();
      System.out.printf(
          Locale.ROOT,
          "P4 -DverifyFirst: verifySnapshot right after the first check (maps every page): %.1f"
              + " s; %s%n",
          (System.nanoTime() - v0) / 1e9,
          rss());
    }
    // the first half warms up (JIT, page tables); the second half are applications not checked
    // before in this JVM (their look-ups land on pages of their own); then all of them again
    int half = q / 2;
    double[] warm = new double[half];
    double[] fresh = new double[q - half];
    int copying = 0;
    for (int i = 0; i < q; i++) {
      long a = System.nanoTime();
      DocumentSimilarity r = index.checkText(texts[i]);
      double t = (System.nanoTime() - a) / 1e6;
      if (i < half) {
        warm[i] = t;
      } else {
        fresh[i - half] = t;
      }
      if (!r.sources().isEmpty()) {
        copying++;
      }
    }
    double[] ms = new double[q];
    for (int i = 0; i < q; i++) {
      long a = System.nanoTime();
      index.checkText(texts[i]);
      ms[i] = (System.nanoTime() - a) / 1e6;
    }
    System.out.printf(
        Locale.ROOT,
        "P4 check latency, one application against %d library documents (%d of %d with"
            + " sources), one thread: the first %d after opening %s; the next %d (not checked"
            + " before) %s; all %d again %s; %s%n",
        index.size(),
        copying,
        q,
        half,
        percentiles(warm),
        q - half,
        percentiles(fresh),
        q,
        percentiles(ms),
        loadAverage());
    // a new document goes to the delta without a rebuild
    long a = System.nanoTime();
    index.add("NEW-" + round.get(0).id(), texts[0]);
    long b = System.nanoTime();
    DocumentSimilarity added = index.check("NEW-" + round.get(0).id());
    long c = System.nanoTime();
    DocumentSimilarity again = index.checkText(texts[0]);
    System.out.printf(
        Locale.ROOT,
        "P4 delta: add one document %.0f ms, check it %.0f ms (%d sources); the same text now"
            + " has %d sources%n",
        (b - a) / 1e6,
        (c - b) / 1e6,
        added.sources().size(),
        again.sources().size());
    long heap = usedHeapAfterGc();
    System.out.printf(
        Locale.ROOT,
        "P4 memory: heap used after GC %s, max heap %s; %s%n",
        mb(heap),
        mb(Runtime.getRuntime().maxMemory()),
        rss());
    long v = System.nanoTime();
    index.verifySnapshot();
    System.out.printf(
        Locale.ROOT,
        "P4 verifySnapshot (reads every partition, checks CRC-32C and order): %.1f s; after it %s;"
            + " %s%n",
        (System.nanoTime() - v) / 1e9,
        rss(),
        loadAverage());
    for (int i = 0; i < q; i++) {
      long a2 = System.nanoTime();
      index.checkText(texts[i]);
      ms[i] = (System.nanoTime() - a2) / 1e6;
    }
    System.out.printf(
        Locale.ROOT,
        "P4 check latency after verifySnapshot (every page mapped), all %d: %s; %s%n",
        q,
        percentiles(ms),
        loadAverage());
  }

  static String percentiles(double[] ms) {
    Arrays.sort(ms);
    int q = ms.length;
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms, p95 %.1f ms, max %.1f ms",
        ms[q / 2],
        ms[(int) Math.ceil(q * 0.95) - 1],
        ms[q - 1]);
  }

  /** Resident memory from /proc/self/status: total, anonymous (heap etc.) and file-backed. */
  static String rss() {
    try {
      StringBuilder sb = new StringBuilder();
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS") || line.startsWith("RssAnon") || line.startsWith("RssFile")) {
          String[] f = line.split("\\s+");
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(f[0].replace(":", "")).append(' ').append(mb(Long.parseLong(f[1]) * 1024));
        }
      }
      return sb.toString();
    } catch (IOException | RuntimeException e) {
      return "RSS unknown (" + e + ")";
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return "load average " + f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "load average unknown";
    }
  }
}
