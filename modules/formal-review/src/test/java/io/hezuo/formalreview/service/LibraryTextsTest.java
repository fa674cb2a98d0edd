package io.hezuo.formalreview.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** A library document's text by its content's type, whatever its name says. */
class LibraryTextsTest {

  @Test
  void utf8TextWithOrWithoutByteOrderMark() {
    assertEquals(
        "往年项目", LibraryTexts.extract("a.txt", "往年项目".getBytes(StandardCharsets.UTF_8)).text());
    byte[] bom = ("\uFEFF往年项目").getBytes(StandardCharsets.UTF_8);
    assertEquals("往年项目", LibraryTexts.extract("a.txt", bom).text());
  }

  @Test
  void textNotInUtf8IsRefused() {
    LibraryTexts.Extracted x =
        LibraryTexts.extract("a.txt", "往年项目的文本".getBytes(Charset.forName("GB18030")));
    assertNull(x.text());
    assertTrue(x.problem().startsWith("formalreview.library."), x.problem());
  }

  @Test
  void pdfAndDocxByContentEvenUnderAnotherName() throws Exception {
    byte[] pdf;
    try (PDDocument d = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      d.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(d, page)) {
        c.beginText();
        c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        c.newLineAtOffset(50, 700);
        c.showText("offshore aquaculture");
        c.endText();
      }
      d.save(out);
      pdf = out.toByteArray();
    }
    assertTrue(LibraryTexts.extract("named.txt", pdf).text().contains("offshore aquaculture"));

    byte[] docx;
    try (XWPFDocument d = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText("海上风电运维");
      d.write(out);
      docx = out.toByteArray();
    }
    assertTrue(LibraryTexts.extract("report.docx", docx).text().contains("海上风电运维"));
  }

  @Test
  void damagedEmptyAndForeignFilesAreRefused() {
    assertEquals(
        "formalreview.library.unreadable",
        LibraryTexts.extract("a.pdf", "%PDF-1.4 not really".getBytes()).problem());
    assertEquals(
        "formalreview.library.empty", LibraryTexts.extract("a.txt", "  \n ".getBytes()).problem());
    assertEquals(
        "formalreview.library.unsupported",
        LibraryTexts.extract("a.pdf", new byte[] {'M', 'Z', 0, 0, 1, 2, 3, 4}).problem());
  }
}
