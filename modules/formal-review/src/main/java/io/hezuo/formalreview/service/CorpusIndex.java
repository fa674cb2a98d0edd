package io.hezuo.formalreview.service;

import io.hezuo.formalreview.similarity.SimilarityIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

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
  private static final Logger LOG = Logger.getLogger(CorpusIndex.class.getName());

  @Inject Library library;

  private SimilarityIndex index;

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
  String libraryText(long id) {
    try {
      return library.text(id);
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

  /** Adds the library documents the index lacks and removes those the library no longer has. */
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
    int added = 0;
    for (Library.Title t : titles) {
      libraryTitles.put(t.key(), t.title());
      if (!present.contains(t.key())) {
        index.add(t.key(), () -> library.text(t.id()));
        added++;
      }
    }
    for (String key : present) {
      if (!wanted.contains(key)) {
        index.remove(key);
        libraryTitles.remove(key);
      }
    }
    unmerged += added;
    if (added > 0 && (unmerged >= MERGE_AFTER || index.snapshotFile() == null)) {
      try {
        Path file = snapshotFile;
        Files.createDirectories(file.getParent());
        index.writeSnapshot(file);
        unmerged = 0;
        LOG.info("similarity snapshot written to " + file + " (" + index.size() + " documents)");
      } catch (IOException e) {
        LOG.log(Level.WARNING, "similarity snapshot not written; the index stays in memory", e);
      }
    }
  }

  private Function<String, SimilarityIndex.TextLoader> loader() {
    return key -> {
      if (key.startsWith("lib:")) {
        long id = libraryId(key);
        return () -> library.text(id);
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
