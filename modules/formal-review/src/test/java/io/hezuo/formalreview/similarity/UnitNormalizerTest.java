package io.hezuo.formalreview.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitNormalizerTest {

  private final UnitNormalizer nz = new UnitNormalizer();

  private List<String> texts(Units u) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < u.length(); i++) {
      out.add(nz.unitText(u.ids()[i]));
    }
    return out;
  }

  @Test
  void hanCharactersAreUnitsAndPunctuationIsDropped() {
    assertEquals(List.of("研", "究", "内", "容"), texts(nz.units("研究，内容。\n")));
  }

  @Test
  void asciiRunsAreOneUnitAfterNfkcAndLowerCase() {
    assertEquals(
        List.of("采", "用", "5g", "和", "iot", "pm2", "5"), texts(nz.units("采用５Ｇ和 IoT，PM2.5")));
    assertEquals(List.of("1", "abc"), texts(nz.units("① ＡＢＣ")));
  }

  @Test
  void traditionalBecomesSimplified() {
    assertEquals(texts(nz.units("我们发展了头发干燥的研究")), texts(nz.units("我們發展了頭髮乾燥的研究")));
  }

  @Test
  void convertingGeneratedProseToTraditionalChangesNoUnit() {
    io.hezuo.formalreview.similarity.corpus.CorpusGenerator gen =
        new io.hezuo.formalreview.similarity.corpus.CorpusGenerator(
            io.hezuo.formalreview.similarity.corpus.CorpusGenerator.Spec.small(5));
    for (int i = 0; i < 5; i++) {
      String text = gen.library(i).text();
      String traditional = com.github.houbb.opencc4j.util.ZhConverterUtil.toTraditional(text);
      assertEquals(texts(nz.units(text)), texts(nz.units(traditional)));
    }
  }

  @Test
  void otherLettersAreUnitsAndCombiningMarksCompose() {
    assertEquals(
        List.of("café", "β"), List.of(String.join("", texts(nz.units("cafe\u0301"))), "β"));
    assertEquals(List.of("caf", "é", "β"), texts(nz.units("cafe\u0301 Β")));
  }

  @Test
  void unitsKeepOriginalOffsets() {
    String text = "ＡＢ，中 \n國x1";
    Units u = nz.units(text);
    assertEquals(List.of("ab", "中", "国", "x1"), texts(u));
    assertEquals(0, u.starts()[0]);
    assertEquals(2, u.ends()[0]);
    assertEquals("中", text.substring(u.starts()[1], u.ends()[1]));
    assertEquals("國", text.substring(u.starts()[2], u.ends()[2]));
    assertEquals("x1", text.substring(u.starts()[3], u.ends()[3]));
  }

  @Test
  void supplementaryHanCharacterIsOneUnit() {
    Units u = nz.units("𠀀a");
    assertEquals(2, u.length());
    assertEquals(0x20000, u.ids()[0]);
    assertEquals(2, u.ends()[0]);
  }

  @Test
  void referencesSectionIsCutOff() {
    String body = "正文内容在这里\n";
    for (String heading : List.of("参考文献", "五、参考文献：", "主要参考文献", " 參考文獻 ", "3. 参考文献")) {
      String text = body + heading + "\n[1] 张三. 研究[J]. 2020.\n";
      Units u = nz.units(text);
      assertEquals(7, u.length(), heading);
      assertEquals(body.length(), u.referencesStart(), heading);
    }
    // not a heading: words around it
    assertEquals(16, nz.units("正文内容在这里\n本文的参考文献如下\n").length());
    // the template keeps it
    assertEquals(11, nz.units("正文内容在这里\n参考文献", false).length());
  }

  @Test
  void emptyAndSymbolOnlyTextsHaveNoUnits() {
    assertEquals(0, nz.units("").length());
    assertEquals(0, nz.units("，。、 ！？\n\t——…").length());
  }
}
