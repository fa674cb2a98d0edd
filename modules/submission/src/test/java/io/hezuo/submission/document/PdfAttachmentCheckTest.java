package io.hezuo.submission.document;

import static io.hezuo.submission.document.PdfAttachmentCheck.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.pdf.PdfContentCheck;
import io.hezuo.submission.document.PdfAttachmentCheck.Result;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The attachments' limit and the refusals as this module's message keys; the content check itself
 * is tested in kernel ({@code PdfContentCheckTest}).
 */
class PdfAttachmentCheckTest {

  /** A Windows executable's first bytes (MZ, a PE header), renamed .pdf by its uploader. */
  static byte[] peExecutable() {
    byte[] b = new byte[512];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80;
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, b, 0x4e, stub.length);
    b[0x80] = 'P';
    b[0x81] = 'E';
    b[0x84] = 0x4c;
    b[0x85] = 0x01;
    return b;
  }

  /** The application PDF of this module, a valid PDF to accept. */
  static byte[] valid() {
    return ApplicationPdfTest.render(ApplicationPdfTest.a1());
  }

  @Test
  void theLimitIsTwentyMegabytes() {
    assertEquals(20L * 1024 * 1024, PdfAttachmentCheck.MAX_BYTES);
    assertEquals(20, PdfAttachmentCheck.MAX_MEGABYTES);
    assertEquals("20", PdfContentCheck.megabytes(PdfAttachmentCheck.MAX_BYTES));
  }

  @Test
  void theApplicationPdfItselfIsAnAcceptableAttachment() {
    byte[] pdf = valid();
    Result result = check(pdf, "申报书.pdf");
    assertTrue(result.accepted(), result::toString);
    assertNull(result.problemKey());
    assertTrue(result.pages() >= 2, result::toString);
    assertEquals(PdfContentCheck.sha256Hex(pdf), result.sha256Hex());
  }

  @Test
  void aRefusalIsAKeyOfThisModule() {
    Result exe = check(peExecutable(), "申报书.pdf");
    assertFalse(exe.accepted());
    assertEquals(PdfAttachmentCheck.NOT_PDF_WINDOWS_EXECUTABLE, exe.problemKey());
    assertEquals("submission.attachment.notPdf.windowsExecutable", exe.problemKey());
    assertEquals(PdfAttachmentCheck.EMPTY, check(new byte[0], "a.pdf").problemKey());
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
    assertEquals(PdfContentCheck.Problem.values().length, keys.size(), keys::toString);
    for (PdfContentCheck.Problem p : PdfContentCheck.Problem.values()) {
      assertTrue(keys.contains(PdfAttachmentCheck.KEY_PREFIX + p.suffix()), p.name());
    }
    for (String key : keys) {
      assertTrue(zh.containsKey(key), "zh lacks " + key);
      assertTrue(en.containsKey(key), "en lacks " + key);
    }
    assertEquals(keys.size(), zh.size(), "zh has keys the code does not use");
    assertEquals(keys.size(), en.size(), "en has keys the code does not use");

    Result exe = check(peExecutable(), "申报书.pdf");
    assertEquals(
        "附件“申报书.pdf”须为 PDF 文件；该文件实际为 Windows 可执行程序（已拒收）。",
        new MessageFormat(zh.getProperty(exe.problemKey()), Locale.CHINA)
            .format(exe.args().toArray()));
    Result big = check(valid(), "big.pdf", 10);
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
