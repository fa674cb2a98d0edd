package io.hezuo.formalreview.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.formalreview.similarity.SimilarityIndex;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's index over the library: built from the library and written to a snapshot at first
 * use; after a restart opened from that snapshot; and when the background verification finds the
 * snapshot damaged, the damaged file set aside and the index built anew from the library at the
 * next use, so G3 goes on answering.
 */
class CorpusIndexTest {

  @TempDir Path dir;

  /** The library's documents as the database has them (id → text). */
  final Map<Long, String> documents = new LinkedHashMap<>();

  /** The library over {@link #documents}, read as {@link Library} reads the database. */
  final Library library =
      new Library() {
        @Override
        List<Title> titles() {
          List<Title> out = new ArrayList<>();
          documents.forEach((id, text) -> out.add(new Title(id, "往年项目" + id, sha(text))));
          return out;
        }

        @Override
        String text(long id) throws IOException {
          String t = documents.get(id);
          if (t == null) {
            throw new IOException("gone");
          }
          return t;
        }

        @Override
        Map<Long, String> texts(java.util.Collection<Long> ids) {
          if (watched != null) {
            seen.add(watched.preparation().current());
          }
          Map<Long, String> out = new java.util.HashMap<>();
          ids.forEach(id -> out.put(id, documents.get(id)));
          return out;
        }

        @Override
        String stamp() {
          return documents.size() + "/" + documents.keySet().stream().reduce(0L, Long::max);
        }
      };

  /** The server whose preparation each page read records in {@link #seen}. */
  CorpusIndex watched;

  final List<Preparation.State> seen = new ArrayList<>();

  @Test
  void theLibrarysIndexingIsReportedPageByPageAndEndsWithNothingPrepared() {
    Random r = new Random(11);
    for (long id = 1; id <= 2 * CorpusIndex.PAGE + 100; id++) {
      documents.put(id, han(r, 200));
    }
    watched = server();
    assertEquals(null, watched.preparation().current());
    watched.index();
    int n = documents.size();
    assertEquals(
        List.of(
            new Preparation.State(Preparation.LIBRARY, 0, n),
            new Preparation.State(Preparation.LIBRARY, CorpusIndex.PAGE, n),
            new Preparation.State(Preparation.LIBRARY, 2 * CorpusIndex.PAGE, n)),
        seen);
    assertEquals(null, watched.preparation().current(), "prepared: nothing shown any more");
  }

  CorpusIndex server() {
    CorpusIndex c = new CorpusIndex();
    c.library = library;
    c.snapshotFile = dir.resolve("library.snap");
    return c;
  }

  @Test
  void aDamagedSnapshotIsSetAsideAndRebuiltFromTheLibrary() throws Exception {
    Random r = new Random(7);
    for (long id = 1; id <= 30; id++) {
      documents.put(id, han(r, 2000));
    }
    CorpusIndex first = server();
    SimilarityIndex built = first.index();
    assertEquals(30, built.size());
    assertTrue(Files.isRegularFile(dir.resolve("library.snap")));

    // the file is damaged in its postings; a restart opens it (the header and table are sound)
    flip(dir.resolve("library.snap"), 100);
    CorpusIndex restarted = server();
    SimilarityIndex opened = restarted.index();
    assertEquals(30, opened.size());
    // the background verification finds the damage
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(restarted::damaged);

    // the next use builds the index anew and writes a sound snapshot
    SimilarityIndex rebuilt = restarted.index();
    assertFalse(rebuilt == opened);
    assertFalse(restarted.damaged());
    assertEquals(30, rebuilt.size());
    assertTrue(Files.isRegularFile(dir.resolve("library.snap.damaged")));
    SimilarityIndex.openSnapshot(dir.resolve("library.snap"), k -> null).verifySnapshot();

    // and a document copied from the library is found in it
    String copied = documents.get(17L).substring(0, 1500);
    assertEquals(17L, CorpusIndex.libraryId(rebuilt.checkText(copied).sources().get(0).sourceId()));
  }

  @Test
  void libraryIdsOfSourceKeys() {
    assertEquals(42L, CorpusIndex.libraryId("lib:42:0123456789abcdef"));
    assertEquals(null, CorpusIndex.libraryId("app:42"));
  }

  private static String han(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) (0x4E00 + r.nextInt(0x51A5)));
    }
    return b.toString();
  }

  private static String sha(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void flip(Path file, long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x10);
    }
  }
}
