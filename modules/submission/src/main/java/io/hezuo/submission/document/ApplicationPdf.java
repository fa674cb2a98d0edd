package io.hezuo.submission.document;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a {@link PdfDocumentModel} to an A4 PDF with Chinese text, lines wrapped by measured
 * width (CJK at any character, Latin at spaces), page breaks, and "第 n 页 / 共 m 页" in every page's
 * footer.
 *
 * <p>Every character is written in the first font that has its glyph: Noto Sans SC, then Hanazono
 * Mincho B for the CJK Extensions B to F (the rare characters of names, 𠀀, 𪚥), then Noto Emoji
 * (monochrome). A line is split into runs by font; each font used is embedded as a subset of the
 * glyphs used, and a fallback font that no character needs is not even read. Only a character that
 * no font has prints as '?'.
 *
 * <p>Plain Java and thread-safe: each call has its own document and font objects; only the font
 * files' bytes and which characters each covers are shared, read once on first use.
 */
public final class ApplicationPdf {

  /** The font on the classpath (Noto Sans SC Regular, SIL OFL 1.1, see fonts/OFL.txt). */
  public static final String FONT_RESOURCE = "/fonts/NotoSansSC-Regular.ttf";

  /**
   * The fallback for the CJK Extensions B to F (Hanazono Mincho B, Hanazono Font License or SIL OFL
   * 1.1, see fonts/HanaMinB-COPYRIGHT.txt).
   */
  public static final String EXTENSION_FONT_RESOURCE = "/fonts/HanaMinB.ttf";

  /** The fallback for emoji (Noto Emoji Regular, SIL OFL 1.1, see fonts/OFL-NotoEmoji.txt). */
  public static final String EMOJI_FONT_RESOURCE = "/fonts/NotoEmoji-Regular.ttf";

  /** The fonts in the order they are tried for a character. */
  static final List<FontFile> FONTS =
      List.of(
          new FontFile(FONT_RESOURCE),
          new FontFile(EXTENSION_FONT_RESOURCE),
          new FontFile(EMOJI_FONT_RESOURCE));

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN_X = 56f; // about 2 cm
  private static final float MARGIN_TOP = 60f;
  private static final float MARGIN_BOTTOM = 72f; // leaves room for the footer
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN_X;

  private static final float TITLE_SIZE = 18f;
  private static final float SUBTITLE_SIZE = 9.5f;
  private static final float HEADING_SIZE = 13f;
  private static final float BODY_SIZE = 10.5f;
  private static final float FOOTER_SIZE = 8.5f;
  private static final float LEADING = 1.55f; // line height / font size
  private static final float CELL_PAD = 5f;
  private static final float LABEL_SHARE = 0.28f; // the label column's part of the width
  private static final float BORDER_GREY = 0.6f;
  private static final float LABEL_FILL_GREY = 0.94f;
  private static final float TEXT_GREY = 0.35f;

  /** Closing punctuation that must not start a line: it hangs at the end of the previous one. */
  private static final String NO_LINE_START = "，。、；：？！）》」』】〉〕”’…—,.;:?!)]}%";

  private ApplicationPdf() {}

  /**
   * Renders the model.
   *
   * @return the PDF's bytes
   * @throws IllegalStateException if a font is missing from the classpath
   */
  public static byte[] render(PdfDocumentModel model) {
    try (PDDocument doc = new PDDocument();
        Fonts fonts = new Fonts(doc)) {
      Text text = new Text(fonts);
      Layout layout = new Layout(doc, text, model);
      layout.body();
      layout.finish();

      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(text.clean(model.title()));
      info.setCreator("hezuo");
      doc.getDocumentCatalog().setLanguage("zh-CN");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the PDF", e);
    }
  }

  /**
   * A font file on the classpath: its bytes and the code points it has a glyph for, both read once
   * on first use and never changed after.
   */
  static final class FontFile {
    private final String resource;
    private volatile byte[] bytes;
    private volatile BitSet coverage; // never changed once set: read without a lock

    FontFile(String resource) {
      this.resource = resource;
    }

    String resource() {
      return resource;
    }

    byte[] bytes() {
      byte[] b = bytes;
      return b == null ? readBytes() : b;
    }

    private synchronized byte[] readBytes() {
      if (bytes == null) {
        try (InputStream in = ApplicationPdf.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException(
                "font "
                    + resource
                    + " is not on the classpath (it belongs in"
                    + " modules/submission/src/main/resources/fonts/)");
          }
          bytes = in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException("could not read " + resource, e);
        }
      }
      return bytes;
    }

    /** Whether the font has a glyph for the code point. */
    boolean has(int cp) {
      BitSet c = coverage;
      return (c == null ? coverage() : c).get(cp);
    }

    private synchronized BitSet coverage() {
      if (coverage == null) {
        BitSet set = new BitSet(Character.MAX_CODE_POINT + 1);
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes()))) {
          CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
          for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cmap.getGlyphId(cp) > 0) {
              set.set(cp);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("could not read " + resource, e);
        }
        coverage = set;
      }
      return coverage;
    }
  }

  /**
   * The fonts of one document, each parsed and added (as a subset to embed) when a character first
   * needs it; closed after the document is saved.
   */
  static final class Fonts implements Closeable {
    private final PDDocument doc;
    private final PDType0Font[] loaded = new PDType0Font[FONTS.size()];
    private final List<TrueTypeFont> open = new ArrayList<>();

    Fonts(PDDocument doc) {
      this.doc = doc;
    }

    /** The index in {@link #FONTS} of the first font with the glyph, or -1 when none has it. */
    static int indexOf(int cp) {
      for (int i = 0; i < FONTS.size(); i++) {
        if (FONTS.get(i).has(cp)) {
          return i;
        }
      }
      return -1;
    }

    PDType0Font font(int index) throws IOException {
      if (loaded[index] == null) {
        TrueTypeFont ttf =
            new TTFParser().parse(new RandomAccessReadBuffer(FONTS.get(index).bytes()));
        open.add(ttf);
        loaded[index] = PDType0Font.load(doc, ttf, true);
      }
      return loaded[index];
    }

    @Override
    public void close() throws IOException {
      for (TrueTypeFont ttf : open) {
        ttf.close();
      }
    }
  }

  /** A piece of a line written in one font. */
  record Run(int font, String text) {}

  // ---------------------------------------------------------------- text: cleaning, measuring

  /** Cleans, measures and wraps text written in the fonts of one document. */
  static final class Text {
    private final Fonts fonts;

    Text(Fonts fonts) {
      this.fonts = fonts;
    }

    Fonts fonts() {
      return fonts;
    }

    /** A cleaned line split into runs, each in the first font that has the glyphs of its text. */
    static List<Run> runs(String s) {
      List<Run> runs = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      int font = -1;
      int i = 0;
      while (i < s.length()) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        int f = Fonts.indexOf(cp);
        if (f < 0) {
          f = 0; // only '?' and spaces reach here after clean(); the main font has both
        }
        if (f != font && current.length() > 0) {
          runs.add(new Run(font, current.toString()));
          current.setLength(0);
        }
        font = f;
        current.appendCodePoint(cp);
      }
      if (current.length() > 0) {
        runs.add(new Run(font, current.toString()));
      }
      return runs;
    }

    /**
     * One logical line fit for showText: tabs become spaces, other control characters go,
     * characters that no font has become '?'. Line breaks must have been split off before.
     */
    String clean(String s) {
      if (s == null) {
        return "";
      }
      StringBuilder b = new StringBuilder(s.length());
      s.codePoints()
          .forEach(
              cp -> {
                if (cp == '\t') {
                  b.append("  ");
                } else if (cp == '\u00A0' || cp == '\u3000' && !hasGlyph(cp)) {
                  b.append(' ');
                } else if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                  // zero-width and control characters: dropped
                } else if (hasGlyph(cp)) {
                  b.appendCodePoint(cp);
                } else {
                  b.append('?');
                }
              });
      return b.toString();
    }

    private boolean hasGlyph(int cp) {
      return cp == ' ' || Fonts.indexOf(cp) >= 0;
    }

    /** Splits at every kind of line break; each piece is cleaned. */
    List<String> lines(String s) {
      List<String> out = new ArrayList<>();
      if (s == null) {
        return out;
      }
      for (String line : s.split("\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]", -1)) {
        out.add(clean(line));
      }
      return out;
    }

    float width(String s, float size) {
      try {
        float width = 0f;
        for (Run run : runs(s)) {
          width += fonts.font(run.font()).getStringWidth(run.text()) / 1000f * size;
        }
        return width;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Wraps text (with its own line breaks) to lines no wider than maxWidth. */
    List<String> wrap(String s, float size, float maxWidth) {
      List<String> out = new ArrayList<>();
      for (String line : lines(s)) {
        wrapLine(line, size, maxWidth, out);
      }
      return out;
    }

    private void wrapLine(String line, float size, float maxWidth, List<String> out) {
      if (line.isBlank()) {
        out.add("");
        return;
      }
      StringBuilder current = new StringBuilder();
      String pendingSpace = "";
      for (String token : tokens(line)) {
        if (token.isBlank()) {
          pendingSpace = current.length() == 0 ? "" : " ";
          continue;
        }
        String candidate = current + pendingSpace + token;
        if (width(candidate, size) <= maxWidth) {
          current.setLength(0);
          current.append(candidate);
        } else if (current.length() > 0 && isNoLineStart(token)) {
          // closing punctuation hangs into the margin rather than starting a line
          current.append(pendingSpace).append(token);
        } else {
          if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
          }
          if (width(token, size) <= maxWidth) {
            current.append(token);
          } else {
            // a word longer than the line (a hash, a URL): break it at any character
            token
                .codePoints()
                .forEach(
                    cp -> {
                      String ch = new String(Character.toChars(cp));
                      if (current.length() > 0 && width(current + ch, size) > maxWidth) {
                        out.add(current.toString());
                        current.setLength(0);
                      }
                      current.append(ch);
                    });
          }
        }
        pendingSpace = "";
      }
      if (current.length() > 0) {
        out.add(current.toString());
      }
    }

    private static boolean isNoLineStart(String token) {
      return token.codePointCount(0, token.length()) == 1 && NO_LINE_START.contains(token);
    }

    /** Spaces, Latin words (runs of other characters) and single CJK characters. */
    static List<String> tokens(String line) {
      List<String> tokens = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      int i = 0;
      while (i < line.length()) {
        int cp = line.codePointAt(i);
        i += Character.charCount(cp);
        if (cp == ' ') {
          flush(word, tokens);
          tokens.add(" ");
        } else if (breaksAnywhere(cp)) {
          flush(word, tokens);
          tokens.add(new String(Character.toChars(cp)));
        } else {
          word.appendCodePoint(cp);
        }
      }
      flush(word, tokens);
      return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
      if (word.length() > 0) {
        tokens.add(word.toString());
        word.setLength(0);
      }
    }

    /**
     * CJK ideographs, kana, hangul and CJK/full-width punctuation: a line may break on either side.
     */
    static boolean breaksAnywhere(int cp) {
      if (Character.isIdeographic(cp)) {
        return true;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN
          || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA
          || script == Character.UnicodeScript.HANGUL
          || script == Character.UnicodeScript.BOPOMOFO) {
        return true;
      }
      Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
      return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
          || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
          || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
          || block == Character.UnicodeBlock.VERTICAL_FORMS
          || cp == '“'
          || cp == '”'
          || cp == '‘'
          || cp == '’'
          || cp == '…'
          || cp == '—';
    }
  }

  // ---------------------------------------------------------------- layout

  /** Flows the model down the pages. */
  private static final class Layout {
    private final PDDocument doc;
    private final Text text;
    private final PdfDocumentModel model;
    private PDPageContentStream out;
    private float y;

    Layout(PDDocument doc, Text text, PdfDocumentModel model) {
      this.doc = doc;
      this.text = text;
      this.model = model;
    }

    void body() throws IOException {
      newPage();
      // header: title, subtitle, a rule
      for (String line : text.wrap(model.title(), TITLE_SIZE, WIDTH)) {
        centred(line, TITLE_SIZE, 0f);
      }
      if (model.subtitle() != null && !model.subtitle().isBlank()) {
        y -= 2f;
        for (String line : text.wrap(model.subtitle(), SUBTITLE_SIZE, WIDTH)) {
          centred(line, SUBTITLE_SIZE, TEXT_GREY);
        }
      }
      y -= 6f;
      rule(y, 0.8f);
      y -= 14f;

      for (PdfDocumentModel.Section section : model.sections()) {
        section(section);
      }
    }

    private void section(PdfDocumentModel.Section section) throws IOException {
      float headingLine = HEADING_SIZE * LEADING;
      if (section.heading() != null && !section.heading().isBlank()) {
        List<String> lines = text.wrap(section.heading(), HEADING_SIZE, WIDTH);
        // keep the heading with at least two lines of what follows
        ensure(lines.size() * headingLine + 2 * BODY_SIZE * LEADING + 2 * CELL_PAD);
        for (String line : lines) {
          y -= headingLine;
          show(line, MARGIN_X, y + (headingLine - HEADING_SIZE) / 2f, HEADING_SIZE, 0f);
        }
        y -= 4f;
      }
      float labelWidth = WIDTH * LABEL_SHARE;
      for (PdfDocumentModel.Row row : section.rows()) {
        row(
            text.wrap(row.label(), BODY_SIZE, labelWidth - 2 * CELL_PAD),
            text.wrap(row.value(), BODY_SIZE, WIDTH - labelWidth - 2 * CELL_PAD),
            labelWidth);
      }
      if (section.text() != null && !section.text().isBlank()) {
        y -= section.rows().isEmpty() ? 0f : 8f;
        paragraph(section.text());
      }
      y -= 14f;
    }

    /** A table row; a row taller than what is left of the page continues on the next one. */
    private void row(List<String> label, List<String> value, float labelWidth) throws IOException {
      float line = BODY_SIZE * LEADING;
      int n = Math.max(1, Math.max(label.size(), value.size()));
      int done = 0;
      float whole = n * line + 2 * CELL_PAD;
      if (y - MARGIN_BOTTOM < whole
          && whole <= PAGE.getHeight() - MARGIN_TOP - 6f - MARGIN_BOTTOM) {
        newPage(); // a row that fits on a page is not split
      }
      while (done < n) {
        if (y - MARGIN_BOTTOM < line + 2 * CELL_PAD) {
          newPage();
        }
        int fit = (int) Math.floor((y - MARGIN_BOTTOM - 2 * CELL_PAD) / line);
        int take = Math.min(fit, n - done);
        float height = take * line + 2 * CELL_PAD;
        float bottom = y - height;

        out.setNonStrokingColor(LABEL_FILL_GREY);
        out.addRect(MARGIN_X, bottom, labelWidth, height);
        out.fill();
        out.setStrokingColor(BORDER_GREY);
        out.setLineWidth(0.5f);
        out.addRect(MARGIN_X, bottom, WIDTH, height);
        out.moveTo(MARGIN_X + labelWidth, bottom);
        out.lineTo(MARGIN_X + labelWidth, y);
        out.stroke();

        for (int i = 0; i < take; i++) {
          float baseline = y - CELL_PAD - (i + 1) * line + (line - BODY_SIZE) / 2f + 1.5f;
          int k = done + i;
          if (k < label.size()) {
            show(label.get(k), MARGIN_X + CELL_PAD, baseline, BODY_SIZE, 0f);
          }
          if (k < value.size()) {
            show(value.get(k), MARGIN_X + labelWidth + CELL_PAD, baseline, BODY_SIZE, 0f);
          }
        }
        y = bottom;
        done += take;
      }
    }

    private void paragraph(String s) throws IOException {
      float line = BODY_SIZE * LEADING;
      for (String l : text.wrap(s, BODY_SIZE, WIDTH)) {
        ensure(line);
        y -= line;
        show(l, MARGIN_X, y + (line - BODY_SIZE) / 2f, BODY_SIZE, 0f);
      }
    }

    private void centred(String line, float size, float grey) throws IOException {
      float lineHeight = size * LEADING;
      ensure(lineHeight);
      y -= lineHeight;
      float x = MARGIN_X + (WIDTH - text.width(line, size)) / 2f;
      show(line, x, y + (lineHeight - size) / 2f, size, grey);
    }

    private void ensure(float height) throws IOException {
      if (y - height < MARGIN_BOTTOM) {
        newPage();
      }
    }

    private void newPage() throws IOException {
      if (out != null) {
        out.close();
      }
      PDPage page = new PDPage(PAGE);
      doc.addPage(page);
      out = new PDPageContentStream(doc, page);
      y = PAGE.getHeight() - MARGIN_TOP;
      if (doc.getNumberOfPages() > 1) {
        // running header: the title, small, with a rule
        String head = text.clean(firstLine(model.title()));
        show(fit(head, FOOTER_SIZE, WIDTH), MARGIN_X, y + 14f, FOOTER_SIZE, TEXT_GREY);
        rule(y + 8f, 0.4f);
        y -= 6f;
      }
    }

    private void rule(float at, float width) throws IOException {
      out.setStrokingColor(BORDER_GREY);
      out.setLineWidth(width);
      out.moveTo(MARGIN_X, at);
      out.lineTo(MARGIN_X + WIDTH, at);
      out.stroke();
    }

    private void show(String s, float x, float baseline, float size, float grey)
        throws IOException {
      if (s.isEmpty()) {
        return;
      }
      out.beginText();
      out.setNonStrokingColor(grey);
      out.newLineAtOffset(x, baseline);
      for (Run run : Text.runs(s)) {
        // each showText moves the position by the run's width: the next run follows on
        out.setFont(text.fonts().font(run.font()), size);
        out.showText(run.text());
      }
      out.endText();
    }

    /** Closes the last page and writes every page's footer, now that the count is known. */
    void finish() throws IOException {
      out.close();
      int total = doc.getNumberOfPages();
      String footer = text.clean(firstLine(model.footer()));
      int n = 0;
      for (PDPage page : doc.getPages()) {
        n++;
        try (PDPageContentStream s = new PDPageContentStream(doc, page, AppendMode.APPEND, true)) {
          out = s;
          rule(MARGIN_BOTTOM - 22f, 0.4f);
          if (!footer.isEmpty()) {
            String f = fit(footer, FOOTER_SIZE, WIDTH);
            show(
                f,
                MARGIN_X + (WIDTH - text.width(f, FOOTER_SIZE)) / 2f,
                MARGIN_BOTTOM - 36f,
                FOOTER_SIZE,
                TEXT_GREY);
          }
          String number = "第 " + n + " 页 / 共 " + total + " 页";
          show(
              number,
              MARGIN_X + (WIDTH - text.width(number, FOOTER_SIZE)) / 2f,
              MARGIN_BOTTOM - 50f,
              FOOTER_SIZE,
              TEXT_GREY);
        }
      }
      out = null;
    }

    /** Shortens a line with "…" to fit the width. */
    private String fit(String s, float size, float width) {
      if (text.width(s, size) <= width) {
        return s;
      }
      String t = s;
      while (!t.isEmpty() && text.width(t + "…", size) > width) {
        t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
      }
      return t + "…";
    }

    private static String firstLine(String s) {
      if (s == null) {
        return "";
      }
      return s.split("\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]", 2)[0];
    }
  }
}
