package io.hezuo.kernel.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.pdf.PdfDocument.Row;
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

class PdfRendererTest {

  /** A section of the usual shape: heading, label/value rows, paragraph. */
  record Section(String heading, List<Row> rows, String text) {}

  static PdfDocument model(String title, String subtitle, List<Section> sections, String footer) {
    List<PdfDocument.Block> blocks = new java.util.ArrayList<>();
    for (Section s : sections) {
      blocks.addAll(PdfDocument.section(s.heading(), s.rows(), s.text()));
    }
    return new PdfDocument(title, subtitle, blocks, footer);
  }

  static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  static final String PARAGRAPH =
      "本项目由浙江大学与德国弗劳恩霍夫研究所（Fraunhofer-Gesellschaft）联合开展，"
          + "围绕新型储能材料的界面稳定性、电池管理系统的在线诊断以及 solid-state electrolyte "
          + "interfaces 三个方向开展合作研究。双方已签订合作协议，明确知识产权归属与成果转化方式，"
          + "外方提供中试平台与测试数据，中方负责材料制备、模型构建与应用示范。";

  /** A model with Chinese and English, several sections and a text of {@code repeat} paragraphs. */
  static PdfDocument sample(int repeat) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= repeat; i++) {
      text.append(i).append(". ").append(PARAGRAPH).append('\n');
    }
    return model(
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
    byte[] pdf = PdfRenderer.render(sample(30));
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
    byte[] pdf = PdfRenderer.render(sample(30));
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
    String text = text(PdfRenderer.render(sample(30)));
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
    byte[] pdf = PdfRenderer.render(sample(30));
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
        PdfRenderer.render(model("申报书", null, List.of(new Section("项目负责人", null, "王小明")), null));
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
        PdfRenderer.render(
            model(
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
        PdfRenderer.render(
            model(
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
        PdfRenderer.render(
            model(
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
        PdfRenderer.render(model("申报书", null, List.of(new Section("项目负责人", null, "王小明")), null));
    assertEquals(java.util.Set.of("NotoSansSC-Regular"), fontsUsed(plain));
    byte[] rare =
        PdfRenderer.render(model("申报书", null, List.of(new Section("项目负责人", null, "王𪚥")), null));
    assertEquals(java.util.Set.of("HanaMinB", "NotoSansSC-Regular"), fontsUsed(rare));
    // the 30 MB font adds only the glyphs used
    assertTrue(rare.length < plain.length + 30_000, rare.length + " vs " + plain.length);
    assertTrue(text(rare).contains("王𪚥"));
  }

  @Test
  void runsSplitALineByTheFirstFontWithTheGlyph() {
    assertEquals(
        List.of(
            new PdfRenderer.Run(0, "王"),
            new PdfRenderer.Run(1, "𪚥"),
            new PdfRenderer.Run(0, " "),
            new PdfRenderer.Run(2, "😀"),
            new PdfRenderer.Run(0, " a?")),
        PdfRenderer.Text.runs("王𪚥 😀 a?"));
    assertTrue(PdfRenderer.FONTS.get(1).has(0x20000));
    assertTrue(PdfRenderer.FONTS.get(1).has(0x2A6A5));
    assertFalse(PdfRenderer.FONTS.get(0).has(0x2A6A5));
    assertTrue(PdfRenderer.FONTS.get(2).has(0x1F600));
  }

  /** Each page's text, 1-based (index 0 is empty). */
  static List<String> pages(byte[] pdf) throws IOException {
    List<String> pages = new java.util.ArrayList<>();
    pages.add("");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int n = 1; n <= doc.getNumberOfPages(); n++) {
        stripper.setStartPage(n);
        stripper.setEndPage(n);
        pages.add(stripper.getText(doc));
      }
    }
    return pages;
  }

  /**
   * The contents' entries read back from the pages before the first heading: heading text → the
   * page number printed.
   */
  static java.util.Map<String, Integer> contents(List<String> pages) {
    java.util.Map<String, Integer> entries = new java.util.LinkedHashMap<>();
    java.util.regex.Pattern entry = java.util.regex.Pattern.compile("^(.+?)\\s+(\\d+)$");
    boolean in = false;
    for (int n = 1; n < pages.size(); n++) {
      for (String line : pages.get(n).split("\\R")) {
        String l = line.strip();
        if (l.replace(" ", "").equals("目录")) {
          in = true;
          continue;
        }
        if (l.startsWith("第 ")) {
          continue; // the footer's page number
        }
        java.util.regex.Matcher m = entry.matcher(l);
        if (in && m.matches()) {
          entries.put(m.group(1).strip(), Integer.parseInt(m.group(2)));
        }
      }
      if (in) {
        return entries;
      }
    }
    return entries;
  }

  /** Whether a line of the page is exactly the heading (not the running header or a mention). */
  static boolean hasLine(String page, String heading) {
    for (String line : page.split("\\R")) {
      if (line.strip().equals(heading)) {
        return true;
      }
    }
    return false;
  }

  private static PdfDocument longDocument(int tocAbovePages, int sections, int repeat) {
    List<PdfDocument.Block> blocks = new java.util.ArrayList<>();
    String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    for (int i = 0; i < sections; i++) {
      blocks.add(new PdfDocument.Heading(numbers[i] + "、第" + (i + 1) + "部分"));
      blocks.add(new PdfDocument.Paragraph((PARAGRAPH + "\n").repeat(repeat)));
      if (i == 1) {
        blocks.add(new PdfDocument.Heading("（一）细目", 2));
        blocks.add(new PdfDocument.Paragraph("细目内容。"));
      }
    }
    blocks.add(new PdfDocument.PageBreak());
    blocks.add(new PdfDocument.Heading("单位意见"));
    blocks.add(
        new PdfDocument.Signatures(
            "对申报材料的真实性签署意见", List.of("单位负责人（签字）"), "单位（盖章）", "日期：    年    月    日", 320f));
    return new PdfDocument("长文档", null, blocks, "页脚", tocAbovePages);
  }

  @Test
  void aLongDocumentHasContentsWhosePageNumbersAreWhereTheHeadingsAre() throws IOException {
    byte[] pdf = PdfRenderer.render(longDocument(3, 6, 6));
    List<String> pages = pages(pdf);
    assertTrue(pages.size() - 1 > 3, "pages: " + (pages.size() - 1));
    java.util.Map<String, Integer> toc = contents(pages);
    assertEquals(
        List.of("一、第1部分", "二、第2部分", "（一）细目", "三、第3部分", "四、第4部分", "五、第5部分", "六、第6部分", "单位意见"),
        List.copyOf(toc.keySet()),
        pages.get(1));
    toc.forEach(
        (heading, page) ->
            assertTrue(
                hasLine(pages.get(page), heading),
                () -> heading + " is not on page " + page + ":\n" + pages.get(page)));
    // the contents are on page 1 after the title; the first section starts on a new page
    assertTrue(toc.get("一、第1部分") >= 2);
    // the opinion page has its own page and its text
    String opinion = pages.get(toc.get("单位意见")).replaceAll("\\s+", "");
    assertTrue(opinion.contains("单位负责人（签字）："), opinion);
    assertTrue(opinion.contains("单位（盖章）"), opinion);
    assertTrue(opinion.contains("日期：年月日"), opinion);
    // the headings are bookmarks too, the level-2 one under its section
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var outline = doc.getDocumentCatalog().getDocumentOutline();
      List<String> titles = new java.util.ArrayList<>();
      outline.children().forEach(i -> titles.add(i.getTitle()));
      assertEquals(7, titles.size(), titles::toString);
      assertEquals(
          "（一）细目",
          outline.children().iterator().next().getNextSibling().getFirstChild().getTitle());
    }
    assertTrue(PdfContentCheck.check(pdf, "long.pdf", 1L << 24).accepted());
  }

  @Test
  void aShortDocumentHasNoContents() throws IOException {
    byte[] pdf = PdfRenderer.render(longDocument(3, 2, 1));
    List<String> pages = pages(pdf);
    assertTrue(pages.size() - 1 <= 3);
    assertTrue(contents(pages).isEmpty(), pages.get(1));
    assertFalse(pages.get(1).replace(" ", "").contains("目录"));
  }

  @Test
  void aTableRepeatsItsHeaderAndAlignsAmountsRight() throws IOException {
    List<PdfDocument.TableRow> rows = new java.util.ArrayList<>();
    rows.add(new PdfDocument.TableRow(PdfDocument.RowStyle.GROUP, 0, "一、分组", ""));
    for (int i = 1; i <= 80; i++) {
      rows.add(new PdfDocument.TableRow(PdfDocument.RowStyle.NORMAL, 1, "科目" + i, i + ".00"));
    }
    rows.add(new PdfDocument.TableRow(PdfDocument.RowStyle.TOTAL, 0, "合计", "3,240.00"));
    byte[] pdf =
        PdfRenderer.render(
            new PdfDocument(
                "表格",
                null,
                List.of(
                    new PdfDocument.Table(
                        List.of(
                            new PdfDocument.Column("科目名称", 3, PdfDocument.Align.LEFT),
                            new PdfDocument.Column("金额（元）", 1, PdfDocument.Align.RIGHT)),
                        rows)),
                null));
    List<String> pages = pages(pdf);
    assertTrue(pages.size() - 1 >= 2);
    for (int n = 1; n < pages.size(); n++) {
      assertTrue(pages.get(n).contains("科目名称"), "page " + n + " lacks the header");
    }
    String all = String.join("\n", pages);
    assertTrue(all.contains("科目80 80.00"), all);
    assertTrue(all.contains("合计 3,240.00"), all);
  }

  /** Writes a sample to target/ to look at: pdftoppm -png -r 60 target/application-sample.pdf x */
  @Test
  void writesASampleToLookAt() throws IOException {
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("application-sample.pdf"), PdfRenderer.render(sample(30)));
    }
  }
}
