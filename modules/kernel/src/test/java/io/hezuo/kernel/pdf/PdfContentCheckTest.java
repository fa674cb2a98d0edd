package io.hezuo.kernel.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.pdf.PdfContentCheck.Problem;
import io.hezuo.kernel.pdf.PdfContentCheck.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PdfContentCheckTest {

  static final long LIMIT = 20L * 1024 * 1024;

  private static Result check(byte[] content, String name) {
    return PdfContentCheck.check(content, name, LIMIT);
  }

  private static Result check(byte[] content, String name, long limit) {
    return PdfContentCheck.check(content, name, limit);
  }

  private static void refused(Result result, Problem problem) {
    assertFalse(result.accepted(), () -> "accepted: " + result);
    assertEquals(problem, result.problem(), () -> result.detail());
    assertEquals(0, result.pages());
  }

  @Test
  void acceptsAValidPdfWithItsPagesAndSha256() throws Exception {
    byte[] pdf = TestPdfs.valid(3);
    Result result = check(pdf, "协议.pdf");
    assertTrue(result.accepted(), result::toString);
    assertNull(result.problem());
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
    refused(check(new byte[0], "a.pdf"), Problem.EMPTY);
    refused(check(null, null), Problem.EMPTY);
    assertEquals(List.of("a.pdf"), check(new byte[0], "a.pdf").args());
  }

  @Test
  void tooLargeAgainstAGivenLimit() {
    byte[] pdf = TestPdfs.valid(1);
    Result result = check(pdf, "big.pdf", pdf.length - 1L);
    refused(result, Problem.TOO_LARGE);
    assertEquals("big.pdf", result.args().get(0));
    assertEquals(3, result.args().size());
    assertTrue(check(pdf, "big.pdf", pdf.length).accepted(), "exactly at the limit is fine");
  }

  @Test
  void megabytesForMessages() {
    assertEquals("20", PdfContentCheck.megabytes(LIMIT));
    assertEquals("23.5", PdfContentCheck.megabytes(23L * 1024 * 1024 + 512 * 1024));
  }

  @Test
  void aWindowsExecutableRenamedPdf() {
    Result result = check(TestPdfs.peExecutable(), "申报书.pdf");
    refused(result, Problem.NOT_PDF_WINDOWS_EXECUTABLE);
    assertEquals("申报书.pdf", result.args().get(0));
    assertTrue(result.args().get(1).toString().startsWith("application/x-msdownload"));
  }

  @Test
  void anElfExecutableRenamedPdf() {
    refused(check(TestPdfs.elfExecutable(), "a.pdf"), Problem.NOT_PDF_EXECUTABLE);
  }

  @Test
  void aZip() {
    refused(check(TestPdfs.zip(), "a.pdf"), Problem.NOT_PDF_ARCHIVE);
  }

  @Test
  void aPng() {
    Result result = check(TestPdfs.png(), "scan.pdf");
    refused(result, Problem.NOT_PDF_IMAGE);
    assertEquals("image/png", result.args().get(1));
  }

  @Test
  void plainTextNamedPdfIsText() {
    byte[] text = "这不是 PDF 文件，只是文字。".getBytes(StandardCharsets.UTF_8);
    refused(check(text, "a.pdf"), Problem.NOT_PDF_TEXT);
  }

  @Test
  void truncated() {
    refused(check(TestPdfs.truncated(TestPdfs.valid(2)), "a.pdf"), Problem.BROKEN);
  }

  @Test
  void aHeaderAndGarbage() {
    byte[] junk =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    refused(check(junk, "a.pdf"), Problem.BROKEN);
  }

  @Test
  void encryptedWithAUserPassword() {
    refused(check(TestPdfs.encrypted("owner", "user"), "a.pdf"), Problem.ENCRYPTED);
  }

  @Test
  void encryptedWithAnOwnerPasswordOnly() {
    refused(check(TestPdfs.encrypted("owner", ""), "a.pdf"), Problem.ENCRYPTED);
  }

  @Test
  void openActionJavaScript() {
    Result result = check(TestPdfs.openActionJavaScript(), "a.pdf");
    refused(result, Problem.JAVASCRIPT);
    assertTrue(result.detail().contains("OpenAction"), result.detail());
  }

  @Test
  void linkAnnotationJavaScript() {
    Result result = check(TestPdfs.linkWithJavaScript(), "a.pdf");
    refused(result, Problem.JAVASCRIPT);
    assertTrue(result.detail().contains("page 2 Link annotation"), result.detail());
  }

  @Test
  void namesJavaScript() {
    Result result = check(TestPdfs.namesJavaScript(), "a.pdf");
    refused(result, Problem.JAVASCRIPT);
    assertTrue(result.detail().contains("Names/JavaScript"), result.detail());
  }

  @Test
  void pageAdditionalActionJavaScript() {
    Result result = check(TestPdfs.pageOpenJavaScript(), "a.pdf");
    refused(result, Problem.JAVASCRIPT);
    assertTrue(result.detail().contains("page 1 AA"), result.detail());
  }

  @Test
  void javaScriptInTheNextOfAGoTo() {
    refused(check(TestPdfs.goToThenJavaScript(), "a.pdf"), Problem.JAVASCRIPT);
  }

  @Test
  void formFieldJavaScript() {
    Result result = check(TestPdfs.formFieldJavaScript(), "a.pdf");
    refused(result, Problem.JAVASCRIPT);
    assertTrue(result.detail().contains("form field budget"), result.detail());
  }

  @Test
  void javaScriptHiddenInTheObjectGraph() {
    Result result = check(TestPdfs.hiddenJavaScript(), "a.pdf");
    refused(result, Problem.JAVASCRIPT);
    assertTrue(result.detail().contains("object graph"), result.detail());
  }

  @Test
  void launchAction() {
    refused(check(TestPdfs.launch(), "a.pdf"), Problem.LAUNCH);
  }

  @Test
  void embeddedFile() {
    refused(check(TestPdfs.embeddedFile(), "a.pdf"), Problem.EMBEDDED_FILE);
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
  void aRenderedPdfIsAnAcceptableAttachment() {
    byte[] pdf = PdfRenderer.render(PdfRendererTest.sample(3));
    Result result = check(pdf, "申报书.pdf");
    assertTrue(result.accepted(), result::toString);
  }
}
