package io.hezuo.formalreview.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.formalreview.domain.SideBySide.Segment;
import io.hezuo.formalreview.similarity.DocumentSimilarity;
import io.hezuo.formalreview.similarity.SimilarityIndex;
import io.hezuo.formalreview.similarity.SourceSimilarity;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Both texts cut at the matched passages, the same passage numbered alike on both sides. */
class SideBySideTest {

  static final String COPIED = "本项目拟联合挪威科技大学开展深远海养殖装备的关键技术研究与示范应用";

  @Test
  void theEngineSPassagesAreHighlightedInBothTexts() {
    String source = "第一部分：研究背景。" + COPIED + "。其余内容与本申报无关。";
    String doc = "立项依据：" + COPIED + "，并在舟山建设示范基地。";
    SimilarityIndex index = new SimilarityIndex();
    index.add("s", source);
    DocumentSimilarity r = index.checkText(doc);
    SourceSimilarity s = r.sources().get(0);
    SideBySide view = SideBySide.of(doc, source, s.passages());

    assertEquals(doc, join(view.document()), "the document is whole");
    assertEquals(source, join(view.source()), "the source is whole");
    String docMatched = matched(view.document());
    String srcMatched = matched(view.source());
    assertTrue(docMatched.contains(COPIED), docMatched);
    assertTrue(srcMatched.contains(COPIED), srcMatched);
    assertTrue(!docMatched.contains("舟山") && !srcMatched.contains("研究背景"), docMatched);
    assertEquals(1, view.document().stream().filter(Segment::matched).findFirst().get().passage());
  }

  @Test
  void overlappingPassagesMergeAndOffsetsAreClamped() {
    var p1 = new io.hezuo.formalreview.similarity.Passage(2, 6, 0, 4, 0, 0, 13);
    var p2 = new io.hezuo.formalreview.similarity.Passage(4, 9, 10, 99, 0, 0, 13);
    SideBySide v = SideBySide.of("0123456789", "abcdefghijkl", List.of(p1, p2));
    assertEquals(
        List.of(new Segment("01", 0), new Segment("2345678", 1), new Segment("9", 0)),
        v.document());
    assertEquals(
        List.of(new Segment("abcd", 1), new Segment("efghij", 0), new Segment("kl", 2)),
        v.source());
    assertEquals(List.of(new Segment("", 0)), SideBySide.of("", null, List.of()).document());
  }

  static String join(List<Segment> s) {
    return s.stream().map(Segment::text).collect(Collectors.joining());
  }

  static String matched(List<Segment> s) {
    return s.stream().filter(Segment::matched).map(Segment::text).collect(Collectors.joining("|"));
  }
}
