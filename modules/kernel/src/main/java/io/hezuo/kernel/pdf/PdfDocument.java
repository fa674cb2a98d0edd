package io.hezuo.kernel.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What {@link PdfRenderer} renders: a title, a subtitle, blocks flowing down A4 pages, a footer
 * above every page's number, and a table of contents when the document is long. Knows nothing of
 * applications, letters or contracts: the caller turns its data into blocks. Line breaks ({@code
 * \n}) in any text start a new line; nulls are rendered as empty.
 *
 * @param title e.g. "浙江省科技合作项目申报书"; also the running header of pages 2 and after
 * @param subtitle may be null; may hold several lines
 * @param blocks in order
 * @param footer a short line shown on every page above the page number; may be null
 * @param tocAbovePages a table of contents (目录, with page numbers) follows the title when the
 *     document without it has more than this many pages; 0 never has one
 */
public record PdfDocument(
    String title, String subtitle, List<Block> blocks, String footer, int tocAbovePages) {

  public PdfDocument {
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }

  /** A document without a table of contents. */
  public PdfDocument(String title, String subtitle, List<Block> blocks, String footer) {
    this(title, subtitle, blocks, footer, 0);
  }

  /** One piece of the flow. */
  public sealed interface Block permits Heading, Fields, Paragraph, Table, PageBreak, Signatures {}

  /**
   * A heading; level 1 and 2 headings are the table of contents' entries (level 2 indented).
   *
   * @param level 1 (a section) or 2 (a part of one)
   */
  public record Heading(String text, int level) implements Block {
    public Heading(String text) {
      this(text, 1);
    }
  }

  /** A label/value table (grey label column); a long value wraps. */
  public record Fields(List<Row> rows) implements Block {
    public Fields {
      rows = rows == null ? List.of() : List.copyOf(rows);
    }
  }

  /** One line of a {@link Fields} table. */
  public record Row(String label, String value) {}

  /** Text (several paragraphs separated by {@code \n}). */
  public record Paragraph(String text) implements Block {}

  /** The following blocks start on a new page. */
  public record PageBreak() implements Block {}

  /**
   * A table with a header row (repeated on every page the table runs onto).
   *
   * @param columns the columns, left to right
   * @param rows the body
   */
  public record Table(List<Column> columns, List<TableRow> rows) implements Block {
    public Table {
      columns = List.copyOf(columns);
      rows = rows == null ? List.of() : List.copyOf(rows);
    }
  }

  /**
   * A column: its title, its share of the width (relative to the others) and how its cells align.
   */
  public record Column(String title, float weight, Align align) {}

  /** How a cell's text aligns in its column. */
  public enum Align {
    LEFT,
    CENTRE,
    RIGHT
  }

  /**
   * A body row of a {@link Table}.
   *
   * @param cells one text per column (missing ones are empty)
   * @param style how the row stands out
   * @param indent steps the first cell's text is indented by (a line under a group)
   */
  public record TableRow(List<String> cells, RowStyle style, int indent) {
    public TableRow {
      // null cells are allowed (printed empty): not List.copyOf
      cells = cells == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(cells));
      style = style == null ? RowStyle.NORMAL : style;
    }

    public TableRow(RowStyle style, int indent, String... cells) {
      this(Arrays.asList(cells), style, indent);
    }
  }

  /** A group heads its lines, a subtotal and a total sum them up (shaded, in bold). */
  public enum RowStyle {
    NORMAL,
    GROUP,
    SUBTOTAL,
    TOTAL
  }

  /**
   * A box to write an opinion in by hand, with signature lines, a box for the stamp (公章) and a date
   * line, kept on one page: e.g. 申报单位意见, 推荐单位意见.
   *
   * @param prompt what the opinion is about, printed small at the box's top; may be null
   * @param signatures e.g. "单位负责人（签字）"; each gets a line to sign on
   * @param stamp the text inside the stamp box, e.g. "申报单位（盖章）"; null for no stamp box
   * @param date e.g. "日期： 年 月 日"; null for none
   * @param height the box's height in points (at least what its content needs)
   */
  public record Signatures(
      String prompt, List<String> signatures, String stamp, String date, float height)
      implements Block {
    public Signatures {
      signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }
  }

  /**
   * The usual section: a heading, a label/value table, then a paragraph; empty parts are left out.
   */
  /**
   * The same document with every text it prints (title, headings, labels, values, cells,
   * signatures; not the footer's fixed line) passed through {@code f}: e.g. names removed for a
   * blind review. A null text stays null.
   */
  public PdfDocument redacted(java.util.function.UnaryOperator<String> f) {
    java.util.function.UnaryOperator<String> g = t -> t == null ? null : f.apply(t);
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        out.add(new Heading(g.apply(h.text()), h.level()));
      } else if (b instanceof Fields fs) {
        out.add(
            new Fields(
                fs.rows().stream()
                    .map(r -> new Row(g.apply(r.label()), g.apply(r.value())))
                    .toList()));
      } else if (b instanceof Paragraph p) {
        out.add(new Paragraph(g.apply(p.text())));
      } else if (b instanceof Table t) {
        out.add(
            new Table(
                t.columns(),
                t.rows().stream()
                    .map(
                        r ->
                            new TableRow(r.cells().stream().map(g).toList(), r.style(), r.indent()))
                    .toList()));
      } else if (b instanceof Signatures s) {
        out.add(
            new Signatures(
                g.apply(s.prompt()),
                s.signatures().stream().map(g).toList(),
                g.apply(s.stamp()),
                g.apply(s.date()),
                s.height()));
      } else {
        out.add(b);
      }
    }
    return new PdfDocument(g.apply(title), g.apply(subtitle), out, footer, tocAbovePages);
  }

  public static List<Block> section(String heading, List<Row> rows, String text) {
    List<Block> blocks = new ArrayList<>();
    if (heading != null && !heading.isBlank()) {
      blocks.add(new Heading(heading));
    }
    if (rows != null && !rows.isEmpty()) {
      blocks.add(new Fields(rows));
    }
    if (text != null && !text.isBlank()) {
      blocks.add(new Paragraph(text));
    }
    return blocks;
  }
}
