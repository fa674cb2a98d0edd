package io.hezuo.submission.document;

import java.util.List;

/**
 * What {@link ApplicationPdf} renders: a title, a subtitle (e.g. the acceptance number and the
 * SHA-256 of the submitted content), sections and a footer. Knows nothing of programme lines: the
 * caller turns an application into labels and values. Line breaks ({@code \n}) in any text start a
 * new line; nulls are rendered as empty.
 *
 * @param title e.g. "国际（含港澳台）科技合作项目申报书"
 * @param subtitle may be null; may hold several lines
 * @param sections in order
 * @param footer a short line shown on every page above the page number; may be null
 */
public record PdfDocumentModel(
    String title, String subtitle, List<Section> sections, String footer) {

  public PdfDocumentModel {
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /**
   * A section: a heading, then a label/value table, then a paragraph text.
   *
   * @param heading e.g. "一、基本信息"
   * @param rows the label/value table; may be empty or null
   * @param text a long paragraph (or several, separated by {@code \n}); may be null
   */
  public record Section(String heading, List<Row> rows, String text) {
    public Section {
      rows = rows == null ? List.of() : List.copyOf(rows);
    }
  }

  /** One line of a section's table; the value may be long and wraps. */
  public record Row(String label, String value) {}
}
