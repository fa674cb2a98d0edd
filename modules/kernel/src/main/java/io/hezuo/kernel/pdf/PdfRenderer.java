package io.hezuo.kernel.pdf;

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
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Renders a {@link PdfDocument} to an A4 PDF with Chinese text: lines wrapped by measured width
 * (CJK at any character, Latin at spaces), label/value tables, tables with a repeated header row
 * and shaded subtotals, page breaks, a box for a handwritten opinion with signature lines, a stamp
 * box and a date line, the title as running header, "第 n 页 / 共 m 页" in every page's footer, a table
 * of contents (目录) with the headings' page numbers when the document is long, and the headings as
 * the PDF's bookmarks. The shared basics of every PDF the system writes (applications,
 * recommendation letters, contracts).
 *
 * <p>Every character is written in the first font that has its glyph: Noto Sans SC, then Hanazono
 * Mincho B for the CJK Extensions B to F (the rare characters of names, 𠀀, 𪚥), then Noto Emoji
 * (monochrome). A line is split into runs by font; each font used is embedded as a subset of the
 * glyphs used, and a fallback font that no character needs is not even read. Only a character that
 * no font has prints as '?'. Bold (the title, headings, totals) is the regular font drawn with a
 * thin outline, so no second font is embedded.
 *
 * <p>Plain Java and thread-safe: each call has its own document and font objects; only the font
 * files' bytes and which characters each covers are shared, read once on first use.
 */
public final class PdfRenderer {

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

  private PdfRenderer() {}

  /**
   * Renders the document. With a table of contents, the pages are laid out again until the page
   * numbers it prints are the pages its headings are on (twice more at most: the contents' own
   * length does not depend on the numbers).
   *
   * @return the PDF's bytes
   * @throws IllegalStateException if a font is missing from the classpath
   */
  public static byte[] render(PdfDocument model) {
    Pass pass = layOut(model, null);
    if (model.tocAbovePages() > 0 && pass.pages() > model.tocAbovePages()) {
      List<Integer> printed = pass.headingPages();
      for (int i = 0; i < 3; i++) {
        pass = layOut(model, printed);
        if (pass.headingPages().equals(printed)) {
          break;
        }
        printed = pass.headingPages();
      }
    }
    return pass.bytes();
  }

  /** One layout: the bytes, the page count and the page of each contents heading, in order. */
  private record Pass(byte[] bytes, int pages, List<Integer> headingPages) {}

  private static Pass layOut(PdfDocument model, List<Integer> tocPages) {
    try (PDDocument doc = new PDDocument();
        Fonts fonts = new Fonts(doc)) {
      Text text = new Text(fonts);
      Layout layout = new Layout(doc, text, model, tocPages);
      layout.body();
      layout.finish();

      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(text.clean(model.title()));
      info.setCreator("hezuo");
      doc.getDocumentCatalog().setLanguage("zh-CN");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return new Pass(out.toByteArray(), doc.getNumberOfPages(), layout.headingPages());
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
        try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException(
                "font "
                    + resource
                    + " is not on the classpath (it belongs in"
                    + " modules/kernel/src/main/resources/fonts/)");
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

  private static final float HEADER_FILL_GREY = 0.88f;
  private static final float GROUP_FILL_GREY = 0.96f;
  private static final float SUBTOTAL_FILL_GREY = 0.93f;
  private static final float TOTAL_FILL_GREY = 0.86f;
  private static final float STAMP_SIZE = 112f;
  private static final float BOX_PAD = 22f;
  private static final String CONTENTS = "目  录";

  /** One cell of a row: its wrapped lines, where it stands and how it looks. */
  private record Cell(
      List<String> lines,
      float x,
      float width,
      PdfDocument.Align align,
      float fill,
      boolean bold,
      float indent) {}

  /** A contents heading as laid out: for the bookmarks and the contents' links. */
  private record Mark(String title, int level, int page, float top) {}

  /** A contents entry's clickable area on its page (0-based), to the entry's heading. */
  private record Link(int page, PDRectangle area, int entry) {}

  /** Flows the blocks down the pages. */
  private static final class Layout {
    private final PDDocument doc;
    private final Text text;
    private final PdfDocument model;
    private final List<Integer> tocPages; // the page numbers to print in the contents; null: none
    private final List<Mark> marks = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private PDPageContentStream out;
    private float y;
    private float pageTop;
    private List<Cell> tableHeader; // repeated at the top of a page a table runs onto

    Layout(PDDocument doc, Text text, PdfDocument model, List<Integer> tocPages) {
      this.doc = doc;
      this.text = text;
      this.model = model;
      this.tocPages = tocPages;
    }

    List<Integer> headingPages() {
      return marks.stream().map(Mark::page).toList();
    }

    void body() throws IOException {
      newPage();
      // header: title, subtitle, a rule
      for (String line : text.wrap(model.title(), TITLE_SIZE, WIDTH)) {
        centred(line, TITLE_SIZE, 0f, true);
      }
      if (model.subtitle() != null && !model.subtitle().isBlank()) {
        y -= 2f;
        for (String line : text.wrap(model.subtitle(), SUBTITLE_SIZE, WIDTH)) {
          centred(line, SUBTITLE_SIZE, TEXT_GREY, false);
        }
      }
      y -= 6f;
      rule(y, 0.8f);
      y -= 14f;

      if (tocPages != null) {
        contents();
        newPage();
      }
      for (PdfDocument.Block block : model.blocks()) {
        block(block);
      }
    }

    private void block(PdfDocument.Block block) throws IOException {
      if (block instanceof PdfDocument.Heading h) {
        heading(h);
      } else if (block instanceof PdfDocument.Fields f) {
        fields(f);
      } else if (block instanceof PdfDocument.Paragraph p) {
        paragraph(p.text());
        y -= 10f;
      } else if (block instanceof PdfDocument.Table t) {
        table(t);
      } else if (block instanceof PdfDocument.PageBreak) {
        if (y < pageTop) {
          newPage();
        }
      } else if (block instanceof PdfDocument.Signatures s) {
        signatures(s);
      }
    }

    // ------------------------------------------------------------ contents

    private static boolean inContents(PdfDocument.Heading h) {
      return h.level() <= 2 && h.text() != null && !h.text().isBlank();
    }

    private void contents() throws IOException {
      centred(CONTENTS, HEADING_SIZE, 0f, true);
      y -= 8f;
      float line = BODY_SIZE * LEADING * 1.15f;
      int entry = 0;
      for (PdfDocument.Block block : model.blocks()) {
        if (!(block instanceof PdfDocument.Heading h) || !inContents(h)) {
          continue;
        }
        ensure(line);
        y -= line;
        float baseline = y + (line - BODY_SIZE) / 2f;
        float indent = h.level() == 1 ? 0f : 2 * BODY_SIZE;
        String number = entry < tocPages.size() ? String.valueOf(tocPages.get(entry)) : "";
        float numberWidth = text.width(number, BODY_SIZE);
        String title =
            fit(text.clean(firstLine(h.text())), BODY_SIZE, WIDTH - indent - numberWidth - 40f);
        float titleEnd = MARGIN_X + indent + text.width(title, BODY_SIZE);
        show(title, MARGIN_X + indent, baseline, BODY_SIZE, 0f, h.level() == 1);
        show(number, MARGIN_X + WIDTH - numberWidth, baseline, BODY_SIZE, 0f, false);
        // dot leaders, drawn (not text): the text layer reads "一、基本信息 3"
        out.setStrokingColor(TEXT_GREY);
        out.setLineWidth(0.9f);
        out.setLineCapStyle(1);
        out.setLineDashPattern(new float[] {0f, 3.2f}, 0f);
        out.moveTo(titleEnd + 6f, baseline + 1.5f);
        out.lineTo(MARGIN_X + WIDTH - numberWidth - 5f, baseline + 1.5f);
        out.stroke();
        out.setLineDashPattern(new float[] {}, 0f);
        out.setLineCapStyle(0);
        links.add(
            new Link(
                doc.getNumberOfPages() - 1,
                new PDRectangle(MARGIN_X + indent, y, WIDTH - indent, line),
                entry));
        entry++;
      }
    }

    // ------------------------------------------------------------ blocks

    private void heading(PdfDocument.Heading h) throws IOException {
      if (h.text() == null || h.text().isBlank()) {
        return;
      }
      float size = h.level() <= 1 ? HEADING_SIZE : BODY_SIZE + 1f;
      float headingLine = size * LEADING;
      List<String> lines = text.wrap(h.text(), size, WIDTH);
      if (y < pageTop) {
        y -= 4f;
      }
      // keep the heading with at least two lines of what follows
      ensure(lines.size() * headingLine + 2 * BODY_SIZE * LEADING + 2 * CELL_PAD);
      if (inContents(h)) {
        marks.add(
            new Mark(text.clean(firstLine(h.text())), h.level(), doc.getNumberOfPages(), y + size));
      }
      for (String line : lines) {
        y -= headingLine;
        show(line, MARGIN_X, y + (headingLine - size) / 2f, size, 0f, true);
      }
      y -= 4f;
    }

    private void fields(PdfDocument.Fields f) throws IOException {
      float labelWidth = WIDTH * LABEL_SHARE;
      for (PdfDocument.Row row : f.rows()) {
        row(
            List.of(
                new Cell(
                    text.wrap(row.label(), BODY_SIZE, labelWidth - 2 * CELL_PAD),
                    MARGIN_X,
                    labelWidth,
                    PdfDocument.Align.LEFT,
                    LABEL_FILL_GREY,
                    false,
                    0f),
                new Cell(
                    text.wrap(row.value(), BODY_SIZE, WIDTH - labelWidth - 2 * CELL_PAD),
                    MARGIN_X + labelWidth,
                    WIDTH - labelWidth,
                    PdfDocument.Align.LEFT,
                    -1f,
                    false,
                    0f)));
      }
      y -= 10f;
    }

    private void table(PdfDocument.Table t) throws IOException {
      int n = t.columns().size();
      float total = 0f;
      for (PdfDocument.Column c : t.columns()) {
        total += Math.max(0.01f, c.weight());
      }
      float[] xs = new float[n];
      float[] ws = new float[n];
      float x = MARGIN_X;
      for (int i = 0; i < n; i++) {
        xs[i] = x;
        ws[i] = WIDTH * Math.max(0.01f, t.columns().get(i).weight()) / total;
        x += ws[i];
      }
      List<Cell> header = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        header.add(
            new Cell(
                text.wrap(t.columns().get(i).title(), BODY_SIZE, ws[i] - 2 * CELL_PAD),
                xs[i],
                ws[i],
                PdfDocument.Align.CENTRE,
                HEADER_FILL_GREY,
                true,
                0f));
      }
      float line = BODY_SIZE * LEADING;
      ensure(height(header) + line + 2 * CELL_PAD);
      row(header);
      tableHeader = header;
      for (PdfDocument.TableRow r : t.rows()) {
        float fill =
            switch (r.style()) {
              case GROUP -> GROUP_FILL_GREY;
              case SUBTOTAL -> SUBTOTAL_FILL_GREY;
              case TOTAL -> TOTAL_FILL_GREY;
              case NORMAL -> -1f;
            };
        boolean bold =
            r.style() == PdfDocument.RowStyle.SUBTOTAL || r.style() == PdfDocument.RowStyle.TOTAL;
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          float indent = i == 0 ? Math.max(0, r.indent()) * BODY_SIZE : 0f;
          String s = i < r.cells().size() ? r.cells().get(i) : null;
          cells.add(
              new Cell(
                  text.wrap(s, BODY_SIZE, ws[i] - 2 * CELL_PAD - indent),
                  xs[i],
                  ws[i],
                  t.columns().get(i).align(),
                  fill,
                  bold,
                  indent));
        }
        row(cells);
      }
      tableHeader = null;
      y -= 10f;
    }

    private static float height(List<Cell> cells) {
      int n = 1;
      for (Cell c : cells) {
        n = Math.max(n, c.lines().size());
      }
      return n * BODY_SIZE * LEADING + 2 * CELL_PAD;
    }

    /**
     * A row of cells side by side; a row that fits on a page is not split, a row taller than what a
     * page holds continues on the next one.
     */
    private void row(List<Cell> cells) throws IOException {
      float line = BODY_SIZE * LEADING;
      int n = 1;
      for (Cell c : cells) {
        n = Math.max(n, c.lines().size());
      }
      int done = 0;
      float whole = n * line + 2 * CELL_PAD;
      float usable =
          PAGE.getHeight()
              - MARGIN_TOP
              - 6f
              - MARGIN_BOTTOM
              - (tableHeader == null ? 0f : height(tableHeader));
      if (y - MARGIN_BOTTOM < whole && whole <= usable) {
        newPage();
      }
      while (done < n) {
        if (y - MARGIN_BOTTOM < line + 2 * CELL_PAD) {
          newPage();
        }
        int fit = (int) Math.floor((y - MARGIN_BOTTOM - 2 * CELL_PAD) / line);
        int take = Math.min(fit, n - done);
        float height = take * line + 2 * CELL_PAD;
        float bottom = y - height;
        float left = cells.get(0).x();
        Cell last = cells.get(cells.size() - 1);
        float right = last.x() + last.width();

        for (Cell c : cells) {
          if (c.fill() >= 0f) {
            out.setNonStrokingColor(c.fill());
            out.addRect(c.x(), bottom, c.width(), height);
            out.fill();
          }
        }
        out.setStrokingColor(BORDER_GREY);
        out.setLineWidth(0.5f);
        out.addRect(left, bottom, right - left, height);
        for (int i = 1; i < cells.size(); i++) {
          out.moveTo(cells.get(i).x(), bottom);
          out.lineTo(cells.get(i).x(), y);
        }
        out.stroke();

        for (int i = 0; i < take; i++) {
          float baseline = y - CELL_PAD - (i + 1) * line + (line - BODY_SIZE) / 2f + 1.5f;
          int k = done + i;
          for (Cell c : cells) {
            if (k < c.lines().size()) {
              String s = c.lines().get(k);
              float w = text.width(s, BODY_SIZE);
              float at =
                  switch (c.align()) {
                    case LEFT -> c.x() + CELL_PAD + c.indent();
                    case RIGHT -> c.x() + c.width() - CELL_PAD - w;
                    case CENTRE -> c.x() + (c.width() - w) / 2f;
                  };
              show(s, at, baseline, BODY_SIZE, 0f, c.bold());
            }
          }
        }
        y = bottom;
        done += take;
      }
    }

    /** The box for a handwritten opinion: prompt, signature lines, stamp box, date line. */
    private void signatures(PdfDocument.Signatures s) throws IOException {
      float line = BODY_SIZE * LEADING;
      float small = BODY_SIZE - 1f;
      List<String> prompt =
          s.prompt() == null ? List.of() : text.wrap(s.prompt(), small, WIDTH - 2 * BOX_PAD);
      float signatureStep = line * 2.4f;
      float lower =
          Math.max(s.signatures().size() * signatureStep, s.stamp() == null ? 0f : STAMP_SIZE);
      float need = BOX_PAD + prompt.size() * small * LEADING + 60f + lower + line + 2 * BOX_PAD;
      float usable = PAGE.getHeight() - MARGIN_TOP - 6f - MARGIN_BOTTOM;
      float height = Math.min(Math.max(s.height(), need), usable);
      ensure(height);
      float top = y;
      float bottom = y - height;
      out.setStrokingColor(BORDER_GREY);
      out.setLineWidth(0.6f);
      out.addRect(MARGIN_X, bottom, WIDTH, height);
      out.stroke();

      float at = top - BOX_PAD / 2f;
      for (String l : prompt) {
        at -= small * LEADING;
        show(
            l,
            MARGIN_X + BOX_PAD / 2f,
            at + (small * LEADING - small) / 2f,
            small,
            TEXT_GREY,
            false);
      }

      float right = MARGIN_X + WIDTH - BOX_PAD;
      float dateBaseline = bottom + BOX_PAD;
      if (s.date() != null && !s.date().isBlank()) {
        String date = text.clean(s.date());
        show(date, right - text.width(date, BODY_SIZE), dateBaseline, BODY_SIZE, 0f, false);
      }
      float above = dateBaseline + line + 6f;
      if (s.stamp() != null && !s.stamp().isBlank()) {
        float sx = right - STAMP_SIZE;
        out.setStrokingColor(0.5f);
        out.setLineWidth(0.6f);
        out.setLineDashPattern(new float[] {3f, 3f}, 0f);
        out.addRect(sx, above, STAMP_SIZE, STAMP_SIZE);
        out.stroke();
        out.setLineDashPattern(new float[] {}, 0f);
        List<String> stamp = text.wrap(s.stamp(), small, STAMP_SIZE - 2 * CELL_PAD);
        float sy = above + STAMP_SIZE / 2f + (stamp.size() * small * LEADING) / 2f;
        for (String l : stamp) {
          sy -= small * LEADING;
          show(
              l,
              sx + (STAMP_SIZE - text.width(l, small)) / 2f,
              sy + (small * LEADING - small) / 2f,
              small,
              TEXT_GREY,
              false);
        }
      }
      float lineLength = 150f;
      for (int i = 0; i < s.signatures().size(); i++) {
        String label = text.clean(s.signatures().get(i)) + "：";
        float baseline = above + (s.signatures().size() - 1 - i) * signatureStep + 4f;
        float x = MARGIN_X + BOX_PAD;
        show(label, x, baseline, BODY_SIZE, 0f, false);
        float lx = x + text.width(label, BODY_SIZE) + 4f;
        out.setStrokingColor(0f);
        out.setLineWidth(0.5f);
        out.moveTo(lx, baseline - 3f);
        out.lineTo(lx + lineLength, baseline - 3f);
        out.stroke();
      }
      y = bottom - 12f;
    }

    private void paragraph(String s) throws IOException {
      float line = BODY_SIZE * LEADING;
      for (String l : text.wrap(s, BODY_SIZE, WIDTH)) {
        ensure(line);
        y -= line;
        show(l, MARGIN_X, y + (line - BODY_SIZE) / 2f, BODY_SIZE, 0f, false);
      }
    }

    private void centred(String line, float size, float grey, boolean bold) throws IOException {
      float lineHeight = size * LEADING;
      ensure(lineHeight);
      y -= lineHeight;
      float x = MARGIN_X + (WIDTH - text.width(line, size)) / 2f;
      show(line, x, y + (lineHeight - size) / 2f, size, grey, bold);
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
        show(fit(head, FOOTER_SIZE, WIDTH), MARGIN_X, y + 14f, FOOTER_SIZE, TEXT_GREY, false);
        rule(y + 8f, 0.4f);
        y -= 6f;
      }
      pageTop = y;
      if (tableHeader != null) {
        List<Cell> header = tableHeader;
        tableHeader = null; // the header itself never repeats a header
        row(header);
        tableHeader = header;
      }
    }

    private void rule(float at, float width) throws IOException {
      out.setStrokingColor(BORDER_GREY);
      out.setLineWidth(width);
      out.moveTo(MARGIN_X, at);
      out.lineTo(MARGIN_X + WIDTH, at);
      out.stroke();
    }

    private void show(String s, float x, float baseline, float size, float grey, boolean bold)
        throws IOException {
      if (s.isEmpty()) {
        return;
      }
      out.beginText();
      out.setNonStrokingColor(grey);
      if (bold) {
        // the regular font with a thin outline of its own colour
        out.setStrokingColor(grey);
        out.setLineWidth(size * 0.035f);
        out.setRenderingMode(RenderingMode.FILL_STROKE);
      } else {
        out.setRenderingMode(RenderingMode.FILL);
      }
      out.newLineAtOffset(x, baseline);
      for (Run run : Text.runs(s)) {
        // each showText moves the position by the run's width: the next run follows on
        out.setFont(text.fonts().font(run.font()), size);
        out.showText(run.text());
      }
      out.endText();
    }

    /**
     * Closes the last page, writes every page's footer now that the count is known, the headings as
     * bookmarks and the contents' entries as links to their pages.
     */
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
                TEXT_GREY,
                false);
          }
          String number = "第 " + n + " 页 / 共 " + total + " 页";
          show(
              number,
              MARGIN_X + (WIDTH - text.width(number, FOOTER_SIZE)) / 2f,
              MARGIN_BOTTOM - 50f,
              FOOTER_SIZE,
              TEXT_GREY,
              false);
        }
      }
      out = null;

      if (!marks.isEmpty()) {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem parent = null;
        for (Mark m : marks) {
          PDOutlineItem item = new PDOutlineItem();
          item.setTitle(m.title());
          item.setDestination(destination(m));
          if (m.level() <= 1 || parent == null) {
            outline.addLast(item);
            parent = item;
          } else {
            parent.addLast(item);
          }
        }
        outline.openNode();
        doc.getDocumentCatalog().setDocumentOutline(outline);
      }
      for (Link l : links) {
        if (l.entry() < marks.size()) {
          PDAnnotationLink link = new PDAnnotationLink();
          link.setRectangle(l.area());
          PDBorderStyleDictionary border = new PDBorderStyleDictionary();
          border.setWidth(0f);
          link.setBorderStyle(border);
          link.setDestination(destination(marks.get(l.entry())));
          doc.getPage(l.page()).getAnnotations().add(link);
        }
      }
    }

    private PDPageXYZDestination destination(Mark m) {
      PDPageXYZDestination d = new PDPageXYZDestination();
      d.setPage(doc.getPage(m.page() - 1));
      d.setTop(Math.round(m.top()));
      d.setLeft(0);
      return d;
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
