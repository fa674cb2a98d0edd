package io.hezuo.submission.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.submission.document.PdfDocumentModel.Row;
import io.hezuo.submission.document.PdfDocumentModel.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ApplicationPdfTest {

  static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  static final String PARAGRAPH =
      "本项目由浙江大学与德国弗劳恩霍夫研究所（Fraunhofer-Gesellschaft）联合开展，"
          + "围绕新型储能材料的界面稳定性、电池管理系统的在线诊断以及 solid-state electrolyte "
          + "interfaces 三个方向开展合作研究。双方已签订合作协议，明确知识产权归属与成果转化方式，"
          + "外方提供中试平台与测试数据，中方负责材料制备、模型构建与应用示范。";

  /** A model with Chinese and English, several sections and a text of {@code repeat} paragraphs. */
  static PdfDocumentModel sample(int repeat) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= repeat; i++) {
      text.append(i).append(". ").append(PARAGRAPH).append('\n');
    }
    return new PdfDocumentModel(
        "国际（含港澳台）科技合作项目申报书",
        "受理编号：ZJ-2026-A1-000123\nSHA-256：" + SHA,
        List.of(
            new Section(
                "一、基本信息",
                List.of(
                    new Row("项目名称", "新型固态电池界面稳定性联合研究 (Joint research on interfaces)"),
                    new Row("项目负责人", "王小明"),
                    new Row("申报单位", "浙江大学"),
                    new Row(
                        "合作方",
                        "Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V."),
                    new Row("申请经费", "150.00 万元")),
                null),
            new Section("二、合作内容", List.of(), text.toString()),
            new Section("三、附件", List.of(new Row("合作协议", "合作协议.pdf\tSHA-256 " + SHA)), "以上内容真实有效。")),
        "浙江省科技合作项目管理系统 · 本申报书由系统生成");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void theChineseTextComesBackExactly() throws IOException {
    byte[] pdf = ApplicationPdf.render(sample(30));
    String text = text(pdf);
    for (String expected :
        List.of(
            "国际（含港澳台）科技合作项目申报书",
            "受理编号：ZJ-2026-A1-000123",
            "项目负责人",
            "王小明",
            "新型固态电池界面稳定性联合研究",
            "150.00 万元",
            "一、基本信息",
            "以上内容真实有效。",
            "本项目由浙江大学与德国弗劳恩霍夫研究所",
            "浙江省科技合作项目管理系统 · 本申报书由系统生成")) {
      assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
    }
    // 项目 is U+9879 U+76EE, not the Kangxi radical look-alike ⽬ (U+2F6C) of PDFBox 3.0.5–3.0.7
    assertTrue(text.contains("\u9879\u76EE"));
    assertFalse(text.contains("\u2F6C"), "the text layer has a Kangxi radical");
  }

  @Test
  void aLongTextBreaksPagesAndEveryPageIsNumbered() throws IOException {
    byte[] pdf = ApplicationPdf.render(sample(30));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      assertTrue(pages >= 2, "pages: " + pages);
      PDFTextStripper stripper = new PDFTextStripper();
      for (int n = 1; n <= pages; n++) {
        stripper.setStartPage(n);
        stripper.setEndPage(n);
        String page = stripper.getText(doc);
        String number = "第 " + n + " 页 / 共 " + pages + " 页";
        assertTrue(page.contains(number), () -> "page lacks " + number + ":\n" + page);
      }
      for (PDPage page : doc.getPages()) {
        assertEquals(595.27f, page.getMediaBox().getWidth(), 0.1f);
        assertEquals(841.89f, page.getMediaBox().getHeight(), 0.1f);
      }
    }
  }

  @Test
  void theWholeParagraphSurvivesWrapping() throws IOException {
    String text = text(ApplicationPdf.render(sample(30)));
    // every CJK character of the 30 paragraphs is there (lines break anywhere between them)
    assertEquals(30, text.chars().filter(c -> c == '弗').count());
    assertEquals(30, text.chars().filter(c -> c == '储').count());
    // the first paragraph is on the first page, with no page break inside: it joins up again
    assertTrue(text.replaceAll("\\R", "").contains(PARAGRAPH), "wrapped lines join up again");
    // Latin words wrap at spaces only
    assertTrue(text.contains("Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung"));
  }

  @Test
  void theFontIsAnEmbeddedSubset() throws IOException {
    byte[] pdf = ApplicationPdf.render(sample(30));
    assertTrue(pdf.length < 1_000_000, "size " + pdf.length);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      boolean found = false;
      for (COSName name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertTrue(font instanceof PDType0Font, font.getClass().getName());
        PDFontDescriptor descriptor = ((PDType0Font) font).getDescendantFont().getFontDescriptor();
        assertNotNull(descriptor.getFontFile2(), "the TrueType font is embedded");
        // a subset's name has a six-letter tag: ABCDEF+NotoSansSC-Regular
        assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC.*"), font.getName());
        found = true;
      }
      assertTrue(found);
    }
  }

  @Test
  void aSmallDocumentIsSmall() throws IOException {
    byte[] pdf =
        ApplicationPdf.render(
            new PdfDocumentModel("申报书", null, List.of(new Section("项目负责人", null, "王小明")), null));
    assertTrue(pdf.length < 60_000, "size " + pdf.length);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(1, doc.getNumberOfPages());
      assertTrue(new PDFTextStripper().getText(doc).contains("第 1 页 / 共 1 页"));
    }
  }

  @Test
  void missingGlyphsControlCharactersAndNullsDoNotFail() throws IOException {
    String odd = "表情\uD83D\uDE00符号\u0007响铃\u200B零宽\tTab 和 \r\n换行 \uE000私用区";
    byte[] pdf =
        ApplicationPdf.render(
            new PdfDocumentModel(
                odd,
                null,
                List.of(
                    new Section(null, List.of(new Row(null, null), new Row(odd, odd)), odd),
                    new Section("", null, null)),
                odd));
    String text = text(pdf);
    assertTrue(text.contains("响铃"), text);
    assertTrue(text.contains("换行"), text);
    assertTrue(text.contains("?"), "a character without a glyph becomes '?'");
  }

  @Test
  void aRowTallerThanAPageContinuesOnTheNextOne() throws IOException {
    String longValue = ("很长的内容。".repeat(30) + "\n").repeat(25);
    byte[] pdf =
        ApplicationPdf.render(
            new PdfDocumentModel(
                "申报书",
                null,
                List.of(new Section("说明", List.of(new Row("备注", longValue)), null)),
                null));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertTrue(doc.getNumberOfPages() >= 2);
    }
    // no line lost at the page breaks (headers and footers come between, so count a character)
    assertEquals(750, text(pdf).chars().filter(c -> c == '很').count());
  }

  /** The fonts the pages use, by their base names without the subset tag. */
  private static java.util.Set<String> fontsUsed(byte[] pdf) throws IOException {
    java.util.Set<String> names = new java.util.TreeSet<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "a subset: " + font.getName());
          assertNotNull(
              ((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2(),
              "embedded: " + font.getName());
          names.add(font.getName().substring(7));
        }
      }
    }
    return names;
  }

  /**
   * Names with rare characters (CJK Extension B: 𠀀 U+20000, 𪚥 U+2A6A5, 𡈼 U+2123C; Extension C 𪜀
   * U+2A700) and emoji print exactly: the text read back from the PDF is the text written, with no
   * '?', wherever it stands (title, label, value, paragraph, footer, a wrapped line).
   */
  @Test
  void rareCharactersOfNamesAndEmojiPrintExactly() throws IOException {
    List<String> names = List.of("𠀀明", "王𪚥", "陈𡈼华", "李𪜀", "张三😀", "Anna 👍 Berg");
    String all = String.join("、", names);
    byte[] pdf =
        ApplicationPdf.render(
            new PdfDocumentModel(
                "项目组成员 𪚥",
                null,
                List.of(
                    new Section(
                        "一、成员",
                        names.stream().map(n -> new Row(n, "负责人 " + n + " 🎉")).toList(),
                        ("成员：" + all + "。").repeat(8))),
                "页脚 𠀀"));
    String text = text(pdf);
    for (String n : names) {
      assertTrue(text.contains(n), n + " in " + text);
      assertTrue(text.contains("负责人 " + n + " 🎉"), n + " in " + text);
    }
    assertTrue(text.contains("项目组成员 𪚥"), text);
    assertTrue(text.contains("页脚 𠀀"), text);
    assertTrue(text.replaceAll("\\s+", "").contains(("成员：" + all + "。").replace(" ", "")), text);
    assertFalse(text.contains("?"), text);
    assertEquals(
        java.util.Set.of("HanaMinB", "NotoEmoji-Regular", "NotoSansSC-Regular"), fontsUsed(pdf));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals("项目组成员 𪚥", doc.getDocumentInformation().getTitle());
    }
  }

  @Test
  void aFallbackFontIsEmbeddedOnlyWhenNeededAndAsASmallSubset() throws IOException {
    byte[] plain =
        ApplicationPdf.render(
            new PdfDocumentModel("申报书", null, List.of(new Section("项目负责人", null, "王小明")), null));
    assertEquals(java.util.Set.of("NotoSansSC-Regular"), fontsUsed(plain));
    byte[] rare =
        ApplicationPdf.render(
            new PdfDocumentModel("申报书", null, List.of(new Section("项目负责人", null, "王𪚥")), null));
    assertEquals(java.util.Set.of("HanaMinB", "NotoSansSC-Regular"), fontsUsed(rare));
    // the 30 MB font adds only the glyphs used
    assertTrue(rare.length < plain.length + 30_000, rare.length + " vs " + plain.length);
    assertTrue(text(rare).contains("王𪚥"));
  }

  @Test
  void runsSplitALineByTheFirstFontWithTheGlyph() {
    assertEquals(
        List.of(
            new ApplicationPdf.Run(0, "王"),
            new ApplicationPdf.Run(1, "𪚥"),
            new ApplicationPdf.Run(0, " "),
            new ApplicationPdf.Run(2, "😀"),
            new ApplicationPdf.Run(0, " a?")),
        ApplicationPdf.Text.runs("王𪚥 😀 a?"));
    assertTrue(ApplicationPdf.FONTS.get(1).has(0x20000));
    assertTrue(ApplicationPdf.FONTS.get(1).has(0x2A6A5));
    assertFalse(ApplicationPdf.FONTS.get(0).has(0x2A6A5));
    assertTrue(ApplicationPdf.FONTS.get(2).has(0x1F600));
  }

  /** Writes a sample to target/ to look at: pdftoppm -png -r 60 target/application-sample.pdf x */
  @Test
  void writesASampleToLookAt() throws IOException {
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("application-sample.pdf"), ApplicationPdf.render(sample(30)));
    }
  }
}
