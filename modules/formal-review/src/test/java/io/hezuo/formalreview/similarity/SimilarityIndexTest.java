package io.hezuo.formalreview.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.formalreview.similarity.corpus.CorpusGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityIndexTest {

  private static final String A = "浙江省科学技术厅国际科技合作项目申报书研究内容包括新型材料的制备与表征";
  private static final String B = "长三角一体化背景下的对口支援合作机制与成效评价体系构建研究";
  private static final String C = "基于深度学习的遥感影像地物分类方法及其在农业监测中的应用";

  @Test
  void identicalDocumentsAreFullyCopiedAndSelfIsNotASource() {
    SimilarityIndex index = new SimilarityIndex();
    index.add("a", A);
    DocumentSimilarity alone = index.check("a");
    assertEquals(0, alone.copiedUnits());
    index.add("b", "《" + A + "》");
    DocumentSimilarity r = index.check("a");
    assertEquals(new BigDecimal("100.00"), r.percent());
    assertEquals(1, r.sources().size());
    assertEquals("b", r.sources().get(0).sourceId());
    Passage p = r.sources().get(0).passages().get(0);
    assertEquals(0, p.docStart());
    assertEquals(A.length(), p.docEnd());
    assertEquals(1, p.sourceStart());
    assertEquals(A.length() + 1, p.sourceEnd());
    assertTrue(r.failsG3());
  }

  @Test
  void totalCountsUnitsCopiedFromAnySourceOnce() {
    SimilarityIndex index = new SimilarityIndex();
    index.add("q", A + B + C);
    index.add("s1", A + B);
    index.add("s2", B + C);
    DocumentSimilarity r = index.check("q");
    int all = r.documentUnits();
    assertEquals(all, r.copiedUnits());
    assertEquals(2, r.sources().size());
    int ab = new UnitNormalizer().units(A + B).length();
    assertEquals(
        ab,
        r.sources().stream()
            .filter(s -> s.sourceId().equals("s1"))
            .findFirst()
            .get()
            .copiedUnits());
  }

  @Test
  void runsShorterThan13UnitsDoNotCount() {
    SimilarityIndex index = new SimilarityIndex();
    String twelve = "一二三四五六七八九十百千";
    index.add("q", "甲乙丙" + twelve + "丁戊己庚辛壬癸子丑寅卯");
    index.add("s", "天地玄黄" + twelve + "宇宙洪荒日月盈昃");
    assertEquals(0, index.check("q").copiedUnits());
    index.add("s", "天地玄黄" + twelve + "丁宇宙洪荒日月盈昃");
    assertEquals(13, index.check("q").copiedUnits());
  }

  @Test
  void shortDocumentsHaveZero() {
    SimilarityIndex index = new SimilarityIndex();
    index.add("q", "短文本");
    index.add("s", "短文本");
    DocumentSimilarity r = index.check("q");
    assertEquals(3, r.documentUnits());
    assertEquals(0, r.copiedUnits());
    assertEquals(new BigDecimal("0.00"), r.percent());
  }

  @Test
  void templateTextNeverCounts() {
    SimilarityIndex index = new SimilarityIndex();
    index.add("q", A + "\n" + B);
    index.add("s", A + "\n" + C);
    assertEquals(new UnitNormalizer().units(A).length(), index.check("q").copiedUnits());
    index.setTemplate("表头\n" + A + "\n（填写说明）");
    assertEquals(0, index.check("q").copiedUnits());
    assertEquals(2, index.size());
  }

  @Test
  void referencesSectionIsNeitherCopiedNorSource() {
    SimilarityIndex index = new SimilarityIndex();
    index.add("q", B + "\n参考文献\n" + A);
    index.add("s", A + C);
    DocumentSimilarity r = index.check("q");
    assertEquals(new UnitNormalizer().units(B).length(), r.documentUnits());
    assertEquals(0, r.copiedUnits());
    index.add("t", C + "\n参考文献\n" + B);
    assertEquals(0, index.check("q").copiedUnits());
  }

  @Test
  void addReplaceRemove() {
    SimilarityIndex index = new SimilarityIndex();
    index.add("q", A);
    index.add("s", A);
    assertEquals(100, index.check("q").percent().intValue());
    index.add("s", C);
    assertEquals(0, index.check("q").copiedUnits());
    index.add("s", A);
    assertTrue(index.remove("s"));
    assertFalse(index.remove("s"));
    assertEquals(0, index.check("q").copiedUnits());
    index.optimize();
    assertEquals(0, index.check("q").copiedUnits());
    assertEquals(1, index.size());
    assertThrows(IllegalArgumentException.class, () -> index.check("s"));
    assertEquals(100, index.checkText(A).percent().intValue());
  }

  @Test
  void aSourceThatCannotBeLoadedGivesNoFigure() {
    SimilarityIndex index = new SimilarityIndex();
    index.add("q", A);
    boolean[] gone = {false};
    index.add(
        "s",
        () -> {
          if (gone[0]) {
            throw new IOException("file removed");
          }
          return A;
        });
    gone[0] = true;
    assertThrows(UncheckedIOException.class, () -> index.check("q"));
  }

  @Test
  void savedIndexGivesTheSameFigures(@TempDir Path dir) throws IOException {
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.Spec.small(42));
    Map<String, String> texts = new HashMap<>();
    SimilarityIndex index = new SimilarityIndex();
    index.setTemplate(gen.template());
    for (CorpusGenerator.Document d : gen.all()) {
      texts.put(d.id(), d.text());
    }
    index.addAll(
        gen.all().stream().map(d -> SimilarityIndex.Document.of(d.id(), d.text())).toList(),
        2,
        SimilarityIndex.Progress.NONE);
    index.remove("R00003");
    Path file = dir.resolve("index.bin");
    index.save(file);
    SimilarityIndex loaded = SimilarityIndex.load(file, id -> () -> texts.get(id));
    assertEquals(index.ids(), loaded.ids());
    assertEquals(index.template(), loaded.template());
    for (String id : List.copyOf(index.ids())) {
      assertEquals(index.check(id), loaded.check(id), id);
    }
  }
}
