package io.hezuo.formalreview.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.formalreview.similarity.corpus.CorpusGenerator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** On generated corpora the engine's figures equal the oracle's, pair by pair, over many seeds. */
class OraclePropertyTest {

  static Stream<Arguments> corpora() {
    Stream<Arguments> mixed =
        LongStream.rangeClosed(1, 25)
            .mapToObj(seed -> Arguments.of(CorpusGenerator.Spec.small(seed)));
    Stream<Arguments> single =
        Stream.of(CorpusGenerator.Attack.values())
            .map(
                a ->
                    Arguments.of(
                        new CorpusGenerator.Spec(
                            10,
                            4,
                            600,
                            0.8,
                            new double[] {0.1, 0.3, 0.6},
                            EnumSet.of(a),
                            a.ordinal() % 2 == 0,
                            true,
                            100 + a.ordinal())));
    Stream<Arguments> plain =
        Stream.of(
            Arguments.of(
                new CorpusGenerator.Spec(
                    15,
                    0,
                    300,
                    0.7,
                    new double[] {0.29, 0.3, 0.31},
                    EnumSet.noneOf(CorpusGenerator.Attack.class),
                    false,
                    false,
                    7)));
    return Stream.of(mixed, single, plain).flatMap(s -> s);
  }

  @ParameterizedTest
  @MethodSource("corpora")
  void engineEqualsOracle(CorpusGenerator.Spec spec) {
    CorpusGenerator gen = new CorpusGenerator(spec);
    List<CorpusGenerator.Document> docs = gen.all();
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(gen.template());
    index.addAll(
        docs.stream().map(d -> SimilarityIndex.Document.of(d.id(), d.text())).toList(),
        2,
        SimilarityIndex.Progress.NONE);

    Map<String, List<String>> units = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (CorpusGenerator.Document d : docs) {
      units.put(d.id(), Oracle.units(d.text(), true));
      texts.put(d.id(), d.text());
    }
    Set<String> templateWindows = Oracle.windows(Oracle.units(gen.template(), false));

    int copiedPairs = 0;
    for (CorpusGenerator.Document q : docs) {
      if (q.library()) {
        continue;
      }
      List<String> qu = units.get(q.id());
      boolean[] total = new boolean[qu.size()];
      Map<String, Integer> expected = new HashMap<>();
      for (CorpusGenerator.Document s : docs) {
        if (s == q) {
          continue;
        }
        boolean[] c = Oracle.copied(qu, units.get(s.id()), templateWindows);
        int n = Oracle.count(c);
        if (n > 0) {
          expected.put(s.id(), n);
        }
        for (int i = 0; i < c.length; i++) {
          total[i] |= c[i];
        }
      }
      DocumentSimilarity r = index.check(q.id());
      assertEquals(qu.size(), r.documentUnits(), q.id() + " units");
      Map<String, Integer> actual =
          r.sources().stream()
              .collect(Collectors.toMap(SourceSimilarity::sourceId, SourceSimilarity::copiedUnits));
      assertEquals(expected, actual, q.id() + " per source");
      assertEquals(Oracle.count(total), r.copiedUnits(), q.id() + " total");
      copiedPairs += expected.size();

      // the passages point at equal text in both originals
      UnitNormalizer nz = index.normalizer();
      for (SourceSimilarity s : r.sources()) {
        for (Passage p : s.passages()) {
          Units a = nz.units(q.text().substring(p.docStart(), p.docEnd()), false);
          Units b =
              nz.units(texts.get(s.sourceId()).substring(p.sourceStart(), p.sourceEnd()), false);
          assertEquals(p.unitLength(), a.length());
          assertArrayEquals(
              java.util.Arrays.copyOf(a.ids(), a.length()),
              java.util.Arrays.copyOf(b.ids(), b.length()),
              q.id() + " passage from " + s.sourceId());
          assertTrue(p.unitLength() >= 13);
        }
      }
    }
    if (spec.copierShare() > 0.5) {
      assertTrue(copiedPairs > 0, "the corpus has copies");
    }
  }
}
