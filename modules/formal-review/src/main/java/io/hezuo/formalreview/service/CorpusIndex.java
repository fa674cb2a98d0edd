package io.hezuo.formalreview.service;

import io.hezuo.formalreview.similarity.SimilarityIndex;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one similarity index of this server: the library of earlier projects (kept as a memory-mapped
 * snapshot file, so a restart opens it in seconds with little heap) plus the applications of the
 * round, added and replaced in the index's on-heap delta as they change. One index, so G3's total
 * counts a unit once whether it was copied from the round or from the library.
 *
 * <p>At first use it opens the snapshot (or builds it from the database when there is none or it
 * cannot be read) and adds what the library gained since, and removes what it lost; a document
 * imported later is added to the delta without rebuilding. When the delta holds {@link
 * #MERGE_AFTER} or more library documents, the snapshot is written again. Texts are loaded from the
 * database when a check verifies a candidate. The file lives in {@code HEZUO_INDEX_DIR} (default:
 * the temporary directory).
 */
@ApplicationScoped
public class CorpusIndex {

  static final int MERGE_AFTER = 5_000;

  /** Library documents read from the database and fingerprinted at once. */
  static final int PAGE = 500;

  private static final Logger LOG = Logger.getLogger(CorpusIndex.class.getName());

  @Inject Library library;

  /**
   * The database, for the library's texts a check verifies as candidates: the batch run checks a
   * chunk's applications on several of the container's threads, which must not share a
   * container-managed EntityManager (its clean-up at the end of one task closes it for the others).
   */
  @Resource(lookup = "java:app/jdbc/hezuo")
  DataSource database;

  private SimilarityIndex index;

  /** What is being prepared now (the library's documents indexed, the round's texts). */
  private final Preparation preparation = new Preparation();

  /** The library documents in the index (by key), with their titles. */
  private final Map<String, String> libraryTitles = new HashMap<>();

  private String libraryStamp;
  private int unmerged;

  /** Set by the background verification when the snapshot the index runs on is damaged. */
  private volatile SimilarityIndex damaged;

  /** Where the snapshot is kept (a field so that a test can put it elsewhere). */
  Path snapshotFile = file();

  /**
   * The index, with the library as the database has it now. An index whose snapshot the background
   * verification found damaged is dropped here: the file is set aside and the library indexed anew
   * from the database (and written to a new snapshot).
   */
  synchronized SimilarityIndex index() {
    if (index != null && index == damaged) {
      rebuild();
    }
    if (index == null) {
      index = open();
      libraryStamp = null;
    }
    String stamp = library.stamp();
    if (!stamp.equals(libraryStamp)) {
      syncLibrary();
      libraryStamp = stamp;
    }
    return index;
  }

  /**
   * What this server is preparing now (read through this method: the container's proxy of this bean
   * does not share its fields).
   */
  Preparation preparation() {
    return preparation;
  }

  /** A library document's title (null: not a library document of the index). */
  synchronized String libraryTitle(String key) {
    return libraryTitles.get(key);
  }

  /** The library document's id in a source key of the index ({@code lib:ID:…}), or null. */
  static Long libraryId(String key) {
    if (key == null || !key.startsWith("lib:")) {
      return null;
    }
    int end = key.indexOf(':', 4);
    return Long.parseLong(end < 0 ? key.substring(4) : key.substring(4, end));
  }

  /** A library document's text from the database (null: no such document). */
  String libraryTextOrNull(long id) {
    try {
      return libraryText(id);
    } catch (IOException e) {
      return null;
    }
  }

  /** A library document's title as the index knows it (null: not in the index). */
  synchronized String libraryTitleOf(long id) {
    for (Map.Entry<String, String> e : libraryTitles.entrySet()) {
      if (Long.valueOf(id).equals(libraryId(e.getKey()))) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Drops a damaged index; the next look-up builds it anew from the database. */
  private void rebuild() {
    Path file = snapshotFile;
    LOG.warning("similarity snapshot " + file + " is damaged: rebuilding it from the database");
    try {
      Files.move(
          file,
          file.resolveSibling(file.getFileName() + ".damaged"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "damaged similarity snapshot " + file + " not set aside", e);
    }
    index = new SimilarityIndex();
    libraryTitles.clear();
    libraryStamp = null;
    unmerged = 0;
    damaged = null;
  }

  /** Whether the index in use was found damaged and waits to be rebuilt (for tests). */
  boolean damaged() {
    return damaged != null;
  }

  private SimilarityIndex open() {
    Path file = snapshotFile;
    if (Files.isRegularFile(file)) {
      try {
        SimilarityIndex opened = SimilarityIndex.openSnapshot(file, loader());
        // applications written into the snapshot with the library: the round adds its own again
        for (String id : opened.ids()) {
          if (id.startsWith("app:")) {
            opened.remove(id);
          }
        }
        LOG.info("similarity index opened from " + file + " (" + opened.size() + " documents)");
        // read every page once in the background: checks the file's postings and makes the first
        // checks after a restart as fast as the later ones (see the similarity README)
        Thread verify =
            new Thread(
                () -> {
                  try {
                    opened.verifySnapshot();
                  } catch (IOException | RuntimeException e) {
                    LOG.log(
                        Level.SEVERE,
                        "similarity snapshot " + file + " is damaged; it is rebuilt at next use",
                        e);
                    damaged = opened;
                  }
                },
                "verify-similarity-snapshot");
        verify.setDaemon(true);
        verify.start();
        return opened;
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "similarity snapshot " + file + " not usable; building anew", e);
      }
    }
    return new SimilarityIndex();
  }

  /**
   * Adds the library documents the index lacks and removes those the library no longer has. The
   * missing ones are read {@link #PAGE} at a time (one query per page) and fingerprinted on every
   * core; whenever the delta holds {@link #MERGE_AFTER} library documents the snapshot is written
   * and opened again, so the heap holds one batch at most (20,000 documents on the heap would not
   * fit the server's heap).
   */
  private void syncLibrary() {
    List<Library.Title> titles = library.titles();
    Set<String> wanted = new HashSet<>();
    for (Library.Title t : titles) {
      wanted.add(t.key());
    }
    Set<String> present = new HashSet<>();
    for (String id : index.ids()) {
      if (id.startsWith("lib:")) {
        present.add(id);
      }
    }
    List<Library.Title> missing = new ArrayList<>();
    for (Library.Title t : titles) {
      libraryTitles.put(t.key(), t.title());
      if (!present.contains(t.key())) {
        missing.add(t);
      }
    }
    for (String key : present) {
      if (!wanted.contains(key)) {
        index.remove(key);
        libraryTitles.remove(key);
      }
    }
    int added = 0;
    long t0 = System.nanoTime();
    int threads = Runtime.getRuntime().availableProcessors();
    if (!missing.isEmpty()) {
      preparation.start(Preparation.LIBRARY, missing.size());
    }
    for (int from = 0; from < missing.size(); from += PAGE) {
      List<Library.Title> page = missing.subList(from, Math.min(missing.size(), from + PAGE));
      Map<Long, String> texts = library.texts(page.stream().map(Library.Title::id).toList());
      List<SimilarityIndex.Document> docs = new ArrayList<>(page.size());
      for (Library.Title t : page) {
        docs.add(new SimilarityIndex.Document(t.key(), new Prefetched(texts.get(t.id()), t.id())));
      }
      List<SimilarityIndex.Failure> failures =
          index.addAll(docs, threads, SimilarityIndex.Progress.NONE);
      for (SimilarityIndex.Failure f : failures) {
        LOG.warning("library document " + f.id() + " not indexed: " + f.reason());
      }
      added += page.size() - failures.size();
      unmerged += page.size() - failures.size();
      if (unmerged >= MERGE_AFTER) {
        merge();
      }
      preparation.advance(from + page.size());
    }
    preparation.end();
    if (added > 0) {
      LOG.info(
          String.format(
              java.util.Locale.ROOT,
              "similarity index: %d library documents added in %.1f s",
              added,
              (System.nanoTime() - t0) / 1e9));
    }
    if (added > 0 && index.snapshotFile() == null) {
      merge();
    }
  }

  /**
   * Writes the snapshot (the snapshot so far and the delta merged) and runs on it from then on: the
   * delta leaves the heap. The round's applications in the snapshot are removed again, as when the
   * snapshot is opened at start-up ({@link RoundSimilarity} adds them to the new index).
   */
  private void merge() {
    try {
      Path file = snapshotFile;
      Files.createDirectories(file.getParent());
      index.writeSnapshot(file);
      unmerged = 0;
      SimilarityIndex reopened = SimilarityIndex.openSnapshot(file, loader());
      for (String id : reopened.ids()) {
        if (id.startsWith("app:")) {
          reopened.remove(id);
        }
      }
      index = reopened;
      LOG.info("similarity snapshot written to " + file + " (" + index.size() + " documents)");
    } catch (IOException e) {
      LOG.log(Level.WARNING, "similarity snapshot not written; the index stays in memory", e);
    }
  }

  /**
   * A library document's text read with its page for fingerprinting, handed out once; later (a
   * check verifying the document as a candidate) it is read from the database again, so the index
   * does not keep the library's texts on the heap.
   */
  private final class Prefetched implements SimilarityIndex.TextLoader {
    private volatile String text;
    private final long id;

    Prefetched(String text, long id) {
      this.text = text;
      this.id = id;
    }

    @Override
    public String load() throws IOException {
      String t = text;
      if (t != null) {
        text = null;
        return t;
      }
      return libraryText(id);
    }
  }

  /**
   * A library document's text, read by JDBC (on whichever thread a check runs); outside the
   * container (no data source: the unit tests) through {@link Library}.
   */
  String libraryText(long id) throws IOException {
    if (database == null) {
      return library.text(id);
    }
    try (Connection c = database.getConnection();
        PreparedStatement p =
            c.prepareStatement("select body from fr_library_document where id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          throw new IOException("library document " + id + " is gone");
        }
        return r.getString(1);
      }
    } catch (SQLException e) {
      throw new IOException("library document " + id + " not read: " + e.getMessage(), e);
    }
  }

  private Function<String, SimilarityIndex.TextLoader> loader() {
    return key -> {
      if (key.startsWith("lib:")) {
        long id = libraryId(key);
        return () -> libraryText(id);
      }
      return null; // an application left in an old snapshot: its text is gone, it is removed
    };
  }

  static Path file() {
    String dir = System.getenv("HEZUO_INDEX_DIR");
    Path base =
        dir == null || dir.isBlank()
            ? Path.of(System.getProperty("java.io.tmpdir"), "hezuo-index")
            : Path.of(dir);
    return base.resolve("library.snap");
  }
}
