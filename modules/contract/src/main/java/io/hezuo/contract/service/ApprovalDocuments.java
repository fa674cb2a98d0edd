package io.hezuo.contract.service;

import io.hezuo.contract.domain.ApprovalListState;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.pdf.PdfDocument;
import io.hezuo.kernel.pdf.PdfRenderer;
import io.hezuo.kernel.time.Zones;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A line's approval list (立项名单) as PDF (Chinese text through the kernel's fonts) and as Excel: the
 * line, the state and the notice period, then the selected applications in ranking order with the
 * approved subsidies and their total. Plain Java: the caller reads the list (officers).
 */
public final class ApprovalDocuments {

  private ApprovalDocuments() {}

  /**
   * The list as PDF: the approved subsidy in full ({@code 1,200,000.00 元（120 万元）}); the subsidy
   * asked for is left out so that each amount fits on one line of an A4 page (the Excel has it).
   */
  public static byte[] pdf(Approvals.LineApproval a, Locale locale) {
    String[] cols = withoutRequested(headers(locale));
    float[] weights = {0.6f, 0.6f, 3.4f, 2.4f, 1.9f, 1.3f, 5.4f};
    List<PdfDocument.Column> columns = new ArrayList<>();
    for (int i = 0; i < cols.length; i++) {
      columns.add(
          new PdfDocument.Column(
              cols[i],
              weights[i],
              i == cols.length - 1 ? PdfDocument.Align.RIGHT : PdfDocument.Align.LEFT));
    }
    List<PdfDocument.TableRow> rows = new ArrayList<>();
    int n = 1;
    for (Approvals.Candidate c : a.selection()) {
      rows.add(
          new PdfDocument.TableRow(List.of(withoutRequested(values(c, n++, locale))), null, 0));
    }
    List<String> total = new ArrayList<>();
    for (int i = 0; i < cols.length; i++) {
      total.add("");
    }
    total.set(2, msg(locale, "contract.approval.doc.total"));
    total.set(cols.length - 1, a.selectedTotal().display(locale));
    rows.add(new PdfDocument.TableRow(total, PdfDocument.RowStyle.TOTAL, 0));
    List<PdfDocument.Block> blocks = new ArrayList<>();
    blocks.add(new PdfDocument.Fields(fields(a, locale)));
    blocks.add(new PdfDocument.Table(columns, rows));
    blocks.add(new PdfDocument.Paragraph(msg(locale, "contract.approval.doc.objection")));
    return PdfRenderer.render(
        new PdfDocument(
            msg(locale, "contract.approval.doc.title"),
            a.lineCode() + " " + name(a, locale),
            blocks,
            msg(locale, "contract.approval.doc.footer")));
  }

  /** The list as Excel: one sheet, the title and the facts, the rows, the total. */
  public static byte[] xlsx(Approvals.LineApproval a, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet(msg(locale, "contract.approval.doc.sheet"));
      CellStyle bold = wb.createCellStyle();
      var font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      int r = 0;
      cell(sheet.createRow(r++), 0, msg(locale, "contract.approval.doc.title"), bold);
      for (PdfDocument.Row f : fields(a, locale)) {
        Row row = sheet.createRow(r++);
        cell(row, 0, f.label(), bold);
        cell(row, 1, f.value(), null);
      }
      r++;
      Row head = sheet.createRow(r++);
      String[] cols = headers(locale);
      for (int i = 0; i < cols.length; i++) {
        cell(head, i, cols[i], bold);
      }
      int n = 1;
      for (Approvals.Candidate c : a.selection()) {
        Row row = sheet.createRow(r++);
        String[] v = values(c, n++, locale);
        for (int i = 0; i < v.length; i++) {
          cell(row, i, v[i], null);
        }
      }
      Row total = sheet.createRow(r);
      cell(total, 0, msg(locale, "contract.approval.doc.total"), bold);
      cell(total, cols.length - 1, a.selectedTotal().display(locale), bold);
      for (int i = 0; i < cols.length; i++) {
        sheet.setColumnWidth(i, i == 3 ? 40 * 256 : i >= 6 ? 30 * 256 : 16 * 256);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<PdfDocument.Row> fields(Approvals.LineApproval a, Locale locale) {
    List<PdfDocument.Row> f = new ArrayList<>();
    f.add(row(locale, "contract.approval.doc.line", a.lineCode() + " " + name(a, locale)));
    f.add(
        row(
            locale,
            "contract.approval.doc.state",
            msg(locale, stateKey(ApprovalListState.valueOf(a.state())))));
    f.add(
        row(
            locale,
            "contract.approval.doc.budget",
            a.budget() == null ? "" : a.budget().display(locale)));
    f.add(row(locale, "contract.approval.doc.count", String.valueOf(a.selectedCount())));
    if (a.noticeStartsAt() != null) {
      f.add(
          row(
              locale,
              "contract.approval.doc.notice",
              Zones.format(a.noticeStartsAt()) + " — " + Zones.format(a.noticeEndsAt())));
    }
    return f;
  }

  /** The state's name key ({@code contract.approvalListState.<STATE>}). */
  public static String stateKey(ApprovalListState state) {
    return String.join(".", "contract", "approvalListState", state.name());
  }

  private static PdfDocument.Row row(Locale locale, String key, String value) {
    return new PdfDocument.Row(msg(locale, key), value);
  }

  private static String name(Approvals.LineApproval a, Locale locale) {
    return "en".equals(locale.getLanguage()) ? a.lineNameEn() : a.lineNameZh();
  }

  private static String[] headers(Locale locale) {
    return new String[] {
      msg(locale, "contract.approval.doc.col.no"),
      msg(locale, "contract.approval.doc.col.place"),
      msg(locale, "contract.approval.doc.col.acceptanceNo"),
      msg(locale, "contract.approval.doc.col.title"),
      msg(locale, "contract.approval.doc.col.unit"),
      msg(locale, "contract.approval.doc.col.pi"),
      msg(locale, "contract.approval.doc.col.requested"),
      msg(locale, "contract.approval.doc.col.approved")
    };
  }

  /** The columns but the subsidy asked for (index 6). */
  private static String[] withoutRequested(String[] all) {
    String[] out = new String[all.length - 1];
    System.arraycopy(all, 0, out, 0, 6);
    System.arraycopy(all, 7, out, 6, all.length - 7);
    return out;
  }

  private static String[] values(Approvals.Candidate c, int n, Locale locale) {
    return new String[] {
      String.valueOf(n),
      c.place() == null ? "" : String.valueOf(c.place()),
      c.acceptanceNo() == null ? "" : c.acceptanceNo(),
      c.titleZh() == null ? "" : c.titleZh(),
      c.applyingUnit() == null ? "" : c.applyingUnit(),
      c.piName() == null ? "" : c.piName(),
      show(c.requested(), locale),
      show(c.approved(), locale)
    };
  }

  private static String show(Money m, Locale locale) {
    return m == null ? "" : m.display(locale);
  }

  private static void cell(Row row, int col, String value, CellStyle style) {
    Cell c = row.createCell(col);
    c.setCellValue(value == null ? "" : value);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  private static String msg(Locale locale, String key, Object... args) {
    return Messages.get(locale, key, args);
  }
}
