package io.hezuo.formalreview.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.formalreview.similarity.corpus.CorpusGenerator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The memory-mapped snapshot with its on-heap delta gives exactly the in-heap index's figures. */
class SnapshotTest {

  @TempDir Path dir;

  private final Map<String, String> texts = new HashMap<>();

  private SimilarityIndex.TextLoader text(String id) {
    return texts.containsKey(id) ? () -> texts.get(id) : null;
  }

  private static List<SimilarityIndex.Document> documents(List<CorpusGenerator.Document> docs) {
    return docs.stream().map(d -> SimilarityIndex.Document.of(d.id(), d.text())).toList();
  }

  private SimilarityIndex inHeap(String template, List<CorpusGenerator.Document> docs) {
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(template);
    index.addAll(documents(docs), 2, SimilarityIndex.Progress.NONE);
    return index;
  }

  /** Every check and a free text give the same result in both indexes. */
  private static void assertSameIndex(SimilarityIndex expected, SimilarityIndex actual) {
    assertEquals(expected.ids(), actual.ids());
    assertEquals(expected.size(), actual.size());
    assertEquals(expected.template(), actual.template());
    for (String id : expected.ids()) {
      assertEquals(expected.check(id), actual.check(id), id);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void roundTripGivesTheSameFigures(long seed) throws IOException {
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.Spec.small(seed));
    gen.all().forEach(d -> texts.put(d.id(), d.text()));
    SimilarityIndex heap = inHeap(gen.template(), gen.all());
    Path file = dir.resolve("s.snap");
    heap.writeSnapshot(file);
    AtomicInteger loads = new AtomicInteger();
    SimilarityIndex mapped =
        SimilarityIndex.openSnapshot(
            file,
            id -> {
              loads.incrementAndGet();
              return text(id);
            });
    assertEquals(0, loads.get(), "opening loads no text");
    assertEquals(file, mapped.snapshotFile());
    assertEquals(heap.fingerprintCount(), mapped.fingerprintCount());
    assertSameIndex(heap, mapped);
    String probe = gen.all().get(0).text() + gen.all().get(1).text();
    assertEquals(heap.checkText(probe), mapped.checkText(probe));
    mapped.verifySnapshot();
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void deltaAfterOpenEqualsTheInHeapIndex(long seed) throws IOException {
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.Spec.small(seed));
    List<CorpusGenerator.Document> all = gen.all();
    all.forEach(d -> texts.put(d.id(), d.text()));
    int half = all.size() / 2;
    Path file = dir.resolve("s.snap");
    inHeap(gen.template(), all.subList(0, half)).writeSnapshot(file);

    SimilarityIndex mapped = SimilarityIndex.openSnapshot(file, this::text);
    mapped.addAll(documents(all.subList(half, all.size())), 2, SimilarityIndex.Progress.NONE);
    SimilarityIndex heap = inHeap(gen.template(), all);
    assertSameIndex(heap, mapped);

    // remove a snapshot document and a delta document, replace one of each
    String fromSnapshot = all.get(1).id();
    String fromDelta = all.get(half + 1).id();
    String replacedInSnapshot = all.get(2).id();
    String replacedInDelta = all.get(half + 2).id();
    String newText = all.get(3).text() + all.get(half + 3).text();
    for (SimilarityIndex index : List.of(heap, mapped)) {
      assertTrue(index.remove(fromSnapshot));
      assertTrue(index.remove(fromDelta));
      assertFalse(index.remove(fromDelta));
      index.add(replacedInSnapshot, newText);
      index.add(replacedInDelta, all.get(0).text());
      assertFalse(index.contains(fromSnapshot));
      assertTrue(index.contains(replacedInSnapshot));
    }
    texts.put(replacedInSnapshot, newText);
    texts.put(replacedInDelta, all.get(0).text());
    assertSameIndex(heap, mapped);
    assertThrows(IllegalArgumentException.class, () -> mapped.check(fromSnapshot));

    // merge snapshot + delta into a new file (here: over the file in use), open it again
    mapped.writeSnapshot(file);
    assertSameIndex(heap, mapped);
    SimilarityIndex reopened = SimilarityIndex.openSnapshot(file, this::text);
    assertSameIndex(heap, reopened);
    assertEquals(heap.size(), reopened.size());

    // a removed document comes back through the delta of the new snapshot
    heap.add(fromSnapshot, all.get(1).text());
    reopened.add(fromSnapshot, all.get(1).text());
    assertSameIndex(heap, reopened);
    reopened.verifySnapshot();
  }

  @Test
  void snapshotsBuiltInBatchesEqualOneBuild() throws IOException {
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.Spec.small(11));
    List<CorpusGenerator.Document> all = gen.all();
    all.forEach(d -> texts.put(d.id(), d.text()));
    Path file = dir.resolve("batches.snap");
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(gen.template());
    for (int from = 0; from < all.size(); from += 7) {
      index.addAll(
          documents(all.subList(from, Math.min(all.size(), from + 7))),
          1,
          SimilarityIndex.Progress.NONE);
      index.writeSnapshot(file);
      index = SimilarityIndex.openSnapshot(file, this::text);
    }
    SimilarityIndex heap = inHeap(gen.template(), all);
    assertSameIndex(heap, index);
    assertEquals(heap.fingerprintCount(), index.fingerprintCount());
  }

  @Test
  void aTemplateChangeAfterOpenFingerprintsAgain() throws IOException {
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.Spec.small(12));
    gen.all().forEach(d -> texts.put(d.id(), d.text()));
    Path file = dir.resolve("t.snap");
    inHeap("", gen.all()).writeSnapshot(file);
    SimilarityIndex mapped = SimilarityIndex.openSnapshot(file, this::text);
    mapped.setTemplate(gen.template());
    assertNull(mapped.snapshotFile());
    assertSameIndex(inHeap(gen.template(), gen.all()), mapped);
  }

  @Test
  void emptyIndexRoundTrip() throws IOException {
    Path file = dir.resolve("empty.snap");
    new SimilarityIndex().writeSnapshot(file);
    SimilarityIndex mapped = SimilarityIndex.openSnapshot(file, this::text);
    assertEquals(0, mapped.size());
    assertEquals(0, mapped.checkText("浙江省科学技术厅国际科技合作项目申报书研究内容").copiedUnits());
    mapped.add("a", "浙江省科学技术厅国际科技合作项目申报书研究内容");
    assertEquals(100, mapped.checkText("浙江省科学技术厅国际科技合作项目申报书研究内容").percent().intValue());
  }

  @Test
  void aDocumentWhoseTextIsGoneGivesAnErrorNotAFigure() throws IOException {
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.Spec.small(13));
    gen.all().forEach(d -> texts.put(d.id(), d.text()));
    Path file = dir.resolve("gone.snap");
    inHeap(gen.template(), gen.all()).writeSnapshot(file);
    SimilarityIndex mapped = SimilarityIndex.openSnapshot(file, this::text);
    // a round document that copies from a library document whose text is gone
    CorpusGenerator.Document copier =
        gen.all().stream().filter(d -> !d.labels().isEmpty()).findFirst().orElseThrow();
    texts.remove(copier.labels().get(0).sourceId());
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> mapped.check(copier.id()));
    assertTrue(e.getMessage().contains(copier.labels().get(0).sourceId()), e.getMessage());
    // load() leaves such documents out
    SimilarityIndex loaded = SimilarityIndex.load(file, this::text);
    assertFalse(loaded.contains(copier.labels().get(0).sourceId()));
    loaded.check(copier.id());
  }

  // ---- damaged files are refused ----

  private Path written() throws IOException {
    CorpusGenerator gen =
        new CorpusGenerator(
            new CorpusGenerator.Spec(
                12,
                6,
                800,
                0.6,
                new double[] {0.2, 0.5},
                EnumSet.noneOf(CorpusGenerator.Attack.class),
                true,
                true,
                21));
    gen.all().forEach(d -> texts.put(d.id(), d.text()));
    Path file = dir.resolve("damaged.snap");
    inHeap(gen.template(), gen.all()).writeSnapshot(file);
    return file;
  }

  private SimilarityIndex.CorruptSnapshotException refused(Path file) {
    return assertThrows(
        SimilarityIndex.CorruptSnapshotException.class,
        () -> SimilarityIndex.openSnapshot(file, this::text));
  }

  private static void flip(Path file, long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x10);
    }
  }

  @Test
  void aTruncatedSnapshotIsRefused() throws IOException {
    Path file = written();
    long size = Files.size(file);
    for (long keep : new long[] {size - 1, size / 2, 70, 10, 0}) {
      Path cut = dir.resolve("cut" + keep);
      try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r");
          RandomAccessFile out = new RandomAccessFile(cut.toFile(), "rw")) {
        byte[] b = new byte[(int) keep];
        in.readFully(b);
        out.write(b);
      }
      String m = refused(cut).getMessage();
      assertTrue(m.contains("truncated") && m.contains("rebuild"), m);
    }
  }

  @Test
  void aDamagedHeaderOrDocumentTableIsRefused() throws IOException {
    Path file = written();
    long size = Files.size(file);
    Path copy = dir.resolve("copy.snap");
    for (long at : new long[] {0, 5, 21, 30, 50, size - 1, size - 5000, size - 2000}) {
      Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      flip(copy, at);
      String m = refused(copy).getMessage();
      assertTrue(m.contains("unusable"), m);
    }
    Path text = dir.resolve("text.snap");
    Files.writeString(text, "浙江省科学技术厅国际科技合作项目申报书研究内容包括新型材料的制备与表征");
    assertTrue(refused(text).getMessage().contains("not a similarity snapshot"));
    // nothing was used: the good file still opens
    SimilarityIndex.openSnapshot(file, this::text).verifySnapshot();
  }

  @Test
  void damagedPostingsAreFoundByVerifyAndNeverMerged() throws IOException {
    Path file = written();
    flip(file, 64 + 8 * 100 + 3); // inside the first partitions' entries
    SimilarityIndex mapped = SimilarityIndex.openSnapshot(file, this::text);
    String m =
        assertThrows(SimilarityIndex.CorruptSnapshotException.class, mapped::verifySnapshot)
            .getMessage();
    assertTrue(m.contains("partition"), m);
    Path merged = dir.resolve("merged.snap");
    assertThrows(
        SimilarityIndex.CorruptSnapshotException.class, () -> mapped.writeSnapshot(merged));
    assertFalse(Files.exists(merged));
    assertFalse(Files.exists(dir.resolve("merged.snap.tmp")));
  }

  @Test
  void snapshotsOfManyDocumentsKeepIdsApart() throws IOException {
    SimilarityIndex heap = new SimilarityIndex();
    List<SimilarityIndex.Document> docs = new ArrayList<>();
    String body = "浙江省科学技术厅国际科技合作项目申报书研究内容包括新型材料的制备与表征";
    for (int i = 0; i < 3000; i++) {
      String id = (i % 3 == 0 ? "库" : "R") + Integer.toString(i, 7);
      texts.put(id, body + i);
      docs.add(SimilarityIndex.Document.of(id, body + i));
    }
    heap.addAll(docs, 2, SimilarityIndex.Progress.NONE);
    Path file = dir.resolve("many.snap");
    heap.writeSnapshot(file);
    SimilarityIndex mapped = SimilarityIndex.openSnapshot(file, this::text);
    assertEquals(heap.ids(), mapped.ids());
    for (String id : List.of("库0", "R1", "R2", "库3", "库6")) {
      assertTrue(mapped.contains(id), id);
    }
    assertFalse(mapped.contains("R0"));
    assertEquals(heap.check("R1"), mapped.check("R1"));
    assertEquals(2999, mapped.check("R1").sources().size());
  }

  @Test
  void everyEntryIsFoundThroughTheDirectoriesInHeapAndMapped() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    long[][] fps = new long[3][400_000];
    Postings postings = new Postings();
    for (int d = 0; d < 3; d++) {
      for (int i = 0; i < fps[d].length; i++) {
        fps[d][i] = random.nextLong();
      }
      postings.add(d, fps[d]);
    }
    postings.optimize(new java.util.BitSet());
    Path file = dir.resolve("random.snap");
    long[] bound = new long[256];
    for (int p = 0; p < 256; p++) {
      bound[p] = postings.partition(p).length;
    }
    Snapshot.write(
        file,
        new Snapshot.Table("", List.of("a", "b", "c"), new int[3]),
        bound,
        (p, out) -> Snapshot.merge(null, postings.partition(p), new int[] {0, 1, 2}, p, out));
    Snapshot snapshot = Snapshot.open(file);
    snapshot.verify();
    assertEquals(1_200_000, snapshot.entries());
    for (int d = 0; d < 3; d++) {
      for (long f : fps[d]) {
        int doc = d;
        boolean[] found = {false, false};
        postings.lookup(f, x -> found[0] |= x == doc);
        snapshot.lookup(f, x -> found[1] |= x == doc);
        assertTrue(found[0] && found[1], Long.toHexString(f));
      }
    }
    int[] stray = {0};
    for (int i = 0; i < 200_000; i++) {
      snapshot.lookup(random.nextLong(), x -> stray[0]++);
    }
    assertTrue(stray[0] <= 1, "48 bits of the hash tell entries apart: " + stray[0]);
  }
}
