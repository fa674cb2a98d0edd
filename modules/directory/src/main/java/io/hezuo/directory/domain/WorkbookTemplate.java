package io.hezuo.directory.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The empty template of one of the module's .xlsx imports: its sheets, each with the Chinese
 * headers in bold in a frozen first row and one column formatted as text (the ID numbers, the
 * credit codes), then a sheet of notes.
 */
final class WorkbookTemplate {

  /**
   * One sheet of the template.
   *
   * @param headers the columns' names, Chinese first ({@code {"证件号码", "id number"}})
   * @param textColumn the column formatted as text
   * @param widths each column's width in characters
   */
  record Layout(String name, String[][] headers, int textColumn, int... widths) {}

  private WorkbookTemplate() {}

  /** The .xlsx with the {@code sheets} and a sheet {@code 说明 notes} of one line per note. */
  static byte[] write(List<Layout> sheets, String... notes) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      CellStyle textFormat = wb.createCellStyle();
      textFormat.setDataFormat(wb.createDataFormat().getFormat("@"));
      for (Layout layout : sheets) {
        Sheet sheet = wb.createSheet(layout.name());
        Row row = sheet.createRow(0);
        for (int c = 0; c < layout.headers().length; c++) {
          Cell cell = row.createCell(c);
          cell.setCellValue(layout.headers()[c][0]);
          cell.setCellStyle(head);
          sheet.setColumnWidth(c, layout.widths()[c] * 256);
        }
        sheet.setDefaultColumnStyle(layout.textColumn(), textFormat);
        sheet.createFreezePane(0, 1);
      }
      Sheet sheet = wb.createSheet("说明 notes");
      for (int i = 0; i < notes.length; i++) {
        sheet.createRow(i).createCell(0).setCellValue(notes[i]);
      }
      sheet.setColumnWidth(0, 120 * 256);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
