package io.hezuo.directory.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The files the tests of the .xlsx imports read: workbooks, and files that are none. */
final class TestWorkbooks {

  private TestWorkbooks() {}

  /** The .xlsx of a workbook that {@code build} fills in. */
  static byte[] xlsx(Consumer<XSSFWorkbook> build) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      build.accept(wb);
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** Writes the header in row 1 and the rows after it, every cell as text. */
  static Sheet fill(Sheet sheet, String[] header, List<String[]> rows) {
    List<String[]> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (int r = 0; r < all.size(); r++) {
      Row row = sheet.createRow(r);
      for (int c = 0; c < all.get(r).length; c++) {
        row.createCell(c).setCellValue(all.get(r)[c]);
      }
    }
    return sheet;
  }

  /** The start of an old binary .xls (an OLE2 compound file). */
  static byte[] xls() {
    return new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0, 0};
  }

  /** A ZIP that holds no workbook. */
  static byte[] zipOfText() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("hello.txt"));
      z.write("not a workbook".getBytes(StandardCharsets.UTF_8));
    }
    return zip.toByteArray();
  }

  /** {@code size} bytes that start like a ZIP. */
  static byte[] zipStart(long size) {
    byte[] b = new byte[(int) size];
    b[0] = 'P';
    b[1] = 'K';
    b[2] = 3;
    b[3] = 4;
    return b;
  }
}
