package io.hezuo.submission.document;

import static io.hezuo.submission.document.PdfAttachmentCheck.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.submission.document.PdfAttachmentCheck.Result;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PdfAttachmentCheckTest {

  private static void refused(Result result, String key) {
    assertFalse(result.accepted(), () -> "accepted: " + result);
    assertEquals(key, result.problemKey(), () -> result.detail());
    assertEquals(0, result.pages());
  }

  @Test
  void acceptsAValidPdfWithItsPagesAndSha256() throws Exception {
    byte[] pdf = TestPdfs.valid(3);
    Result result = check(pdf, "协议.pdf");
    assertTrue(result.accepted(), result::toString);
    assertNull(result.problemKey());
    assertEquals(List.of(), result.args());
    assertEquals(3, result.pages());
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    assertEquals(expected, result.sha256Hex());
    assertEquals(64, result.sha256Hex().length());
    assertEquals(result.sha256Hex().toLowerCase(Locale.ROOT), result.sha256Hex());
  }

  @Test
  void aPdfNamedTxtIsAPdf() {
    Result result = check(TestPdfs.valid(1), "agreement.txt");
    assertTrue(result.accepted(), result::toString);
    assertEquals(1, result.pages());
  }

  @Test
  void emptyAndNull() {
    refused(check(new byte[0], "a.pdf"), PdfAttachmentCheck.EMPTY);
    refused(check(null, null), PdfAttachmentCheck.EMPTY);
    assertEquals(List.of("a.pdf"), check(new byte[0], "a.pdf").args());
  }

  @Test
  void tooLargeAgainstAGivenLimit() {
    byte[] pdf = TestPdfs.valid(1);
    Result result = check(pdf, "big.pdf", pdf.length - 1L);
    refused(result, PdfAttachmentCheck.TOO_LARGE);
    assertEquals("big.pdf", result.args().get(0));
    assertEquals(3, result.args().size());
    assertTrue(check(pdf, "big.pdf", pdf.length).accepted(), "exactly at the limit is fine");
  }

  @Test
  void theLimitIsTwentyMegabytes() {
    assertEquals(20L * 1024 * 1024, PdfAttachmentCheck.MAX_BYTES);
    assertEquals(20, PdfAttachmentCheck.MAX_MEGABYTES);
    assertEquals("20", PdfAttachmentCheck.megabytes(PdfAttachmentCheck.MAX_BYTES));
    assertEquals("23.5", PdfAttachmentCheck.megabytes(23L * 1024 * 1024 + 512 * 1024));
  }

  @Test
  void aWindowsExecutableRenamedPdf() {
    Result result = check(TestPdfs.peExecutable(), "申报书.pdf");
    refused(result, PdfAttachmentCheck.NOT_PDF_WINDOWS_EXECUTABLE);
    assertEquals("申报书.pdf", result.args().get(0));
    assertTrue(result.args().get(1).toString().startsWith("application/x-msdownload"));
  }

  @Test
  void anElfExecutableRenamedPdf() {
    refused(check(TestPdfs.elfExecutable(), "a.pdf"), PdfAttachmentCheck.NOT_PDF_EXECUTABLE);
  }

  @Test
  void aZip() {
    refused(check(TestPdfs.zip(), "a.pdf"), PdfAttachmentCheck.NOT_PDF_ARCHIVE);
  }

  @Test
  void aPng() {
    Result result = check(TestPdfs.png(), "scan.pdf");
    refused(result, PdfAttachmentCheck.NOT_PDF_IMAGE);
    assertEquals("image/png", result.args().get(1));
  }

  @Test
  void plainTextNamedPdfIsText() {
    byte[] text = "这不是 PDF 文件，只是文字。".getBytes(StandardCharsets.UTF_8);
    refused(check(text, "a.pdf"), PdfAttachmentCheck.NOT_PDF_TEXT);
  }

  @Test
  void truncated() {
    refused(check(TestPdfs.truncated(TestPdfs.valid(2)), "a.pdf"), PdfAttachmentCheck.BROKEN);
  }

  @Test
  void aHeaderAndGarbage() {
    byte[] junk =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    refused(check(junk, "a.pdf"), PdfAttachmentCheck.BROKEN);
  }

  @Test
  void encryptedWithAUserPassword() {
    refused(check(TestPdfs.encrypted("owner", "user"), "a.pdf"), PdfAttachmentCheck.ENCRYPTED);
  }

  @Test
  void encryptedWithAnOwnerPasswordOnly() {
    refused(check(TestPdfs.encrypted("owner", ""), "a.pdf"), PdfAttachmentCheck.ENCRYPTED);
  }

  @Test
  void openActionJavaScript() {
    Result result = check(TestPdfs.openActionJavaScript(), "a.pdf");
    refused(result, PdfAttachmentCheck.JAVASCRIPT);
    assertTrue(result.detail().contains("OpenAction"), result.detail());
  }

  @Test
  void linkAnnotationJavaScript() {
    Result result = check(TestPdfs.linkWithJavaScript(), "a.pdf");
    refused(result, PdfAttachmentCheck.JAVASCRIPT);
    assertTrue(result.detail().contains("page 2 Link annotation"), result.detail());
  }

  @Test
  void namesJavaScript() {
    Result result = check(TestPdfs.namesJavaScript(), "a.pdf");
    refused(result, PdfAttachmentCheck.JAVASCRIPT);
    assertTrue(result.detail().contains("Names/JavaScript"), result.detail());
  }

  @Test
  void pageAdditionalActionJavaScript() {
    Result result = check(TestPdfs.pageOpenJavaScript(), "a.pdf");
    refused(result, PdfAttachmentCheck.JAVASCRIPT);
    assertTrue(result.detail().contains("page 1 AA"), result.detail());
  }

  @Test
  void javaScriptInTheNextOfAGoTo() {
    refused(check(TestPdfs.goToThenJavaScript(), "a.pdf"), PdfAttachmentCheck.JAVASCRIPT);
  }

  @Test
  void formFieldJavaScript() {
    Result result = check(TestPdfs.formFieldJavaScript(), "a.pdf");
    refused(result, PdfAttachmentCheck.JAVASCRIPT);
    assertTrue(result.detail().contains("form field budget"), result.detail());
  }

  @Test
  void javaScriptHiddenInTheObjectGraph() {
    Result result = check(TestPdfs.hiddenJavaScript(), "a.pdf");
    refused(result, PdfAttachmentCheck.JAVASCRIPT);
    assertTrue(result.detail().contains("object graph"), result.detail());
  }

  @Test
  void launchAction() {
    refused(check(TestPdfs.launch(), "a.pdf"), PdfAttachmentCheck.LAUNCH);
  }

  @Test
  void embeddedFile() {
    refused(check(TestPdfs.embeddedFile(), "a.pdf"), PdfAttachmentCheck.EMBEDDED_FILE);
  }

  @Test
  @Timeout(10)
  void aCycleInTheObjectGraphEnds() throws IOException {
    byte[] pdf = TestPdfs.cyclic();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var loop = org.apache.pdfbox.cos.COSName.getPDFName("Loop");
      var other = org.apache.pdfbox.cos.COSName.getPDFName("Other");
      var a =
          (org.apache.pdfbox.cos.COSDictionary)
              doc.getPage(0).getCOSObject().getDictionaryObject(loop);
      var b = (org.apache.pdfbox.cos.COSDictionary) a.getDictionaryObject(other);
      assertTrue(b.getDictionaryObject(other) == a, "the test PDF has a cycle");
    }
    Result result = check(pdf, "a.pdf");
    assertTrue(result.accepted(), result::toString);
  }

  @Test
  void theApplicationPdfItselfIsAnAcceptableAttachment() {
    byte[] pdf = ApplicationPdf.render(ApplicationPdfTest.sample(3));
    Result result = check(pdf, "申报书.pdf");
    assertTrue(result.accepted(), result::toString);
  }

  /** Every key has a Chinese and an English text that formats with the arguments given. */
  @Test
  void everyKeyHasMessagesInBothLanguages() throws Exception {
    Properties zh = load("/document/attachment-messages.properties");
    Properties en = load("/document/attachment-messages_en.properties");
    List<String> keys = new ArrayList<>();
    for (Field f : PdfAttachmentCheck.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers())
          && f.getType() == String.class
          && f.get(null) instanceof String s
          && s.startsWith(PdfAttachmentCheck.KEY_PREFIX)
          && !s.equals(PdfAttachmentCheck.KEY_PREFIX)) {
        keys.add(s);
      }
    }
    assertEquals(15, keys.size(), keys::toString);
    for (String key : keys) {
      assertTrue(zh.containsKey(key), "zh lacks " + key);
      assertTrue(en.containsKey(key), "en lacks " + key);
    }
    assertEquals(keys.size(), zh.size(), "zh has keys the code does not use");
    assertEquals(keys.size(), en.size(), "en has keys the code does not use");

    Result exe = check(TestPdfs.peExecutable(), "申报书.pdf");
    assertEquals(
        "附件“申报书.pdf”须为 PDF 文件；该文件实际为 Windows 可执行程序（已拒收）。",
        new MessageFormat(zh.getProperty(exe.problemKey()), Locale.CHINA)
            .format(exe.args().toArray()));
    Result big = check(TestPdfs.valid(1), "big.pdf", 10);
    String text =
        new MessageFormat(en.getProperty(big.problemKey()), Locale.ENGLISH)
            .format(big.args().toArray());
    assertTrue(text.contains("big.pdf") && text.contains("MB"), text);
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = PdfAttachmentCheckTest.class.getResourceAsStream(resource)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
