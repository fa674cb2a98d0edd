package io.hezuo.formalreview.similarity;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The command-line report:
 *
 * <pre>
 * report --corpus DIR [--library DIR] [--template FILE] --out FILE.csv [--threads N]
 * </pre>
 *
 * <p>Every {@code *.txt} of the corpus is a document named by its file name without {@code .txt};
 * each is compared with every other document of the corpus and of the library. The CSV has one row
 * per (document, source) with a similarity of at least 1 % and one row per document with source
 * {@code *} for the total. Files that are empty, larger than 5 MB, not UTF-8 or binary are skipped
 * with the reason; they never stop the run nor change the other figures.
 */
public final class SimilarityReport {

  /** Files larger than this are skipped. */
  public static final long MAX_BYTES = 5L * 1024 * 1024;

  static final String HEADER = "document,source,similarity_percent,copied_units,document_units";

  private SimilarityReport() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** A bad input file, with the reason it is skipped. */
  static final class BadInput extends IOException {
    BadInput(String reason) {
      super(reason);
    }
  }

  /** Reads a document file: UTF-8, not empty, not too large, not binary; a BOM is dropped. */
  static String readDocument(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw new BadInput("empty file");
    }
    if (size > MAX_BYTES) {
      throw new BadInput(
          String.format(Locale.ROOT, "too large (%.1f MB > 5 MB)", size / (1024.0 * 1024.0)));
    }
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      CharBuffer cb = decoder.decode(ByteBuffer.wrap(bytes));
      text = cb.toString();
    } catch (CharacterCodingException e) {
      throw new BadInput("not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new BadInput("binary content (NUL bytes)");
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    if (control > 8 && control * 100L > text.length()) {
      throw new BadInput("binary content (control characters)");
    }
    return text;
  }

  private record Input(String id, String name, Path file, boolean corpus) {}

  private record Result(String id, DocumentSimilarity similarity, String error) {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path corpus = null;
    Path library = null;
    Path templateFile = null;
    Path csv = null;
    int threads = Runtime.getRuntime().availableProcessors();
    int a = 0;
    if (args.length > 0 && args[0].equals("report")) {
      a = 1;
    }
    try {
      for (; a < args.length; a++) {
        switch (args[a]) {
          case "--corpus" -> corpus = Path.of(args[++a]);
          case "--library" -> library = Path.of(args[++a]);
          case "--template" -> templateFile = Path.of(args[++a]);
          case "--out" -> csv = Path.of(args[++a]);
          case "--threads" -> threads = Integer.parseInt(args[++a]);
          default -> throw new IllegalArgumentException("unknown argument " + args[a]);
        }
      }
      if (corpus == null || csv == null) {
        throw new IllegalArgumentException("--corpus and --out are required");
      }
    } catch (RuntimeException e) {
      err.println("similarity: " + e.getMessage());
      err.println(
          "usage: similarity.sh report --corpus DIR [--library DIR] [--template FILE]"
              + " --out FILE.csv [--threads N]");
      return 2;
    }
    try {
      return report(corpus, library, templateFile, csv, threads, out, err);
    } catch (IOException | UncheckedIOException e) {
      err.println("similarity: " + e.getMessage());
      return 1;
    }
  }

  private static List<Path> textFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a directory");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".txt"))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  private static String nameOf(Path p) {
    String f = p.getFileName().toString();
    return f.substring(0, f.length() - ".txt".length());
  }

  static int report(
      Path corpusDir,
      Path libraryDir,
      Path templateFile,
      Path csv,
      int threads,
      PrintStream out,
      PrintStream err)
      throws IOException {
    long t0 = System.nanoTime();
    List<Input> inputs = new ArrayList<>();
    Set<String> corpusNames = new HashSet<>();
    for (Path p : textFiles(corpusDir)) {
      inputs.add(new Input(nameOf(p), nameOf(p), p, true));
      corpusNames.add(nameOf(p));
    }
    if (libraryDir != null) {
      for (Path p : textFiles(libraryDir)) {
        String name = nameOf(p);
        String id = corpusNames.contains(name) ? "library:" + name : name;
        inputs.add(new Input(id, name, p, false));
      }
    }
    SimilarityIndex index = new SimilarityIndex();
    if (templateFile != null) {
      try {
        index.setTemplate(readDocument(templateFile));
      } catch (BadInput e) {
        throw new IOException("template " + templateFile + ": " + e.getMessage());
      }
    }
    List<SimilarityIndex.Document> docs = new ArrayList<>();
    for (Input in : inputs) {
      docs.add(new SimilarityIndex.Document(in.id(), () -> readDocument(in.file())));
    }
    Ticker tick = new Ticker(err, "indexed");
    List<SimilarityIndex.Failure> failures = index.addAll(docs, threads, tick::update);
    tick.done(inputs.size());
    List<String> skipped = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    for (SimilarityIndex.Failure f : failures) {
      failed.add(f.id());
    }
    for (Input in : inputs) {
      if (failed.contains(in.id())) {
        String reason =
            failures.stream().filter(f -> f.id().equals(in.id())).findFirst().get().reason();
        skipped.add(
            (in.corpus() ? "corpus/" : "library/") + in.file().getFileName() + ": " + reason);
      }
    }
    List<Input> toCheck =
        inputs.stream().filter(Input::corpus).filter(i -> !failed.contains(i.id())).toList();
    Result[] results = new Result[toCheck.size()];
    Ticker checkTick = new Ticker(err, "checked");
    AtomicInteger done = new AtomicInteger();
    Runnable work =
        () ->
            IntStream.range(0, toCheck.size())
                .parallel()
                .forEach(
                    i -> {
                      String id = toCheck.get(i).id();
                      try {
                        results[i] = new Result(id, index.check(id), null);
                      } catch (RuntimeException e) {
                        results[i] = new Result(id, null, e.getMessage());
                      }
                      checkTick.update(done.incrementAndGet(), toCheck.size());
                    });
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      pool.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdown();
    }
    checkTick.done(toCheck.size());

    int pairs = 0;
    int failing = 0;
    List<String> errors = new ArrayList<>();
    Path parent = csv.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (Result r : results) {
        if (r.error() != null) {
          errors.add("corpus/" + r.id() + ".txt: not checked: " + r.error());
          continue;
        }
        DocumentSimilarity s = r.similarity();
        row(w, r.id(), "*", s.percent().toPlainString(), s.copiedUnits(), s.documentUnits());
        if (s.failsG3()) {
          failing++;
        }
        for (SourceSimilarity src : s.sources()) {
          if (Percent.atLeast(src.copiedUnits(), src.documentUnits(), 1)) {
            row(
                w,
                r.id(),
                src.sourceId(),
                src.percent().toPlainString(),
                src.copiedUnits(),
                src.documentUnits());
            pairs++;
          }
        }
      }
    }
    for (String s : skipped) {
      out.println("skipped " + s);
    }
    for (String e : errors) {
      out.println("error " + e);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    out.printf(
        Locale.ROOT,
        "similarity report: %d documents checked against %d, %d pairs >= 1%%, %d documents >= 30%%,"
            + " %d files skipped, %d errors, %.1f s -> %s%n",
        toCheck.size() - errors.size(),
        index.size(),
        pairs,
        failing,
        skipped.size(),
        errors.size(),
        secs,
        csv);
    return errors.isEmpty() ? 0 : 1;
  }

  private static void row(
      BufferedWriter w, String doc, String source, String percent, int copied, int units)
      throws IOException {
    w.write(csvField(doc));
    w.write(',');
    w.write(csvField(source));
    w.write(',');
    w.write(percent);
    w.write(',');
    w.write(Integer.toString(copied));
    w.write(',');
    w.write(Integer.toString(units));
    w.write('\n');
  }

  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** Prints progress at most every 5 seconds. */
  private static final class Ticker {
    private final PrintStream err;
    private final String what;
    private final long start = System.nanoTime();
    private volatile long last = System.nanoTime();

    Ticker(PrintStream err, String what) {
      this.err = err;
      this.what = what;
    }

    void update(int done, int total) {
      long now = System.nanoTime();
      if (now - last > 5_000_000_000L) {
        synchronized (this) {
          if (now - last > 5_000_000_000L) {
            last = now;
            err.printf(
                Locale.ROOT,
                "%s %d/%d documents (%.0f s)%n",
                what,
                done,
                total,
                (now - start) / 1e9);
          }
        }
      }
    }

    void done(int total) {
      if (System.nanoTime() - start > 5_000_000_000L) {
        err.printf(
            Locale.ROOT,
            "%s %d documents in %.1f s%n",
            what,
            total,
            (System.nanoTime() - start) / 1e9);
      }
    }
  }
}
