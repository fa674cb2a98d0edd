package io.hezuo.formalreview.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.Tika;

/**
 * The text of a document of the library of earlier projects: the type is detected from the content
 * by Apache Tika (never trusted from the name), then the text is taken out with the library Tika's
 * own parsers use for it (PDFBox for PDF, POI for DOCX), or read as UTF-8 text. A file that is none
 * of these, cannot be read, or holds no text is refused with the reason.
 */
final class LibraryTexts {

  /** The largest file read (the largest text kept is this module's engine's concern). */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  private static final Tika TIKA = new Tika();

  private LibraryTexts() {}

  /** A document's text, or why there is none (a message key of this module's bundle). */
  record Extracted(String text, String problem) {
    static Extracted of(String text) {
      return text == null || text.isBlank()
          ? new Extracted(null, "formalreview.library.empty")
          : new Extracted(text, null);
    }

    static Extracted refused(String problem) {
      return new Extracted(null, problem);
    }
  }

  static Extracted extract(String fileName, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return Extracted.refused("formalreview.library.tooLarge");
    }
    String type = TIKA.detect(bytes, fileName).toLowerCase(Locale.ROOT);
    try {
      if (type.equals("application/pdf")) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
          return Extracted.of(new PDFTextStripper().getText(pdf));
        }
      }
      if (type.contains("wordprocessingml")
          || type.equals("application/x-tika-ooxml")
          || type.equals("application/zip")
              && fileName.toLowerCase(Locale.ROOT).endsWith(".docx")) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
            XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
          return Extracted.of(words.getText());
        }
      }
      if (type.startsWith("text/")) {
        return Extracted.of(utf8(bytes));
      }
    } catch (IOException | RuntimeException e) {
      return Extracted.refused("formalreview.library.unreadable");
    }
    return Extracted.refused("formalreview.library.unsupported");
  }

  /** UTF-8 text (a byte order mark dropped); not UTF-8 or with NUL bytes: refused. */
  private static String utf8(byte[] bytes) throws CharacterCodingException {
    String s =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
    if (s.indexOf('\0') >= 0) {
      throw new CharacterCodingException();
    }
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
