package io.hezuo.directory.domain;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * What the module's .xlsx imports share while they read a workbook: sheets found by name, cells as
 * text, the header row, ID documents, and the problems found. A problem breaks the import's rule on
 * its cell ({@code pis!G5}); at most {@link XlsxImport#maxProblems()} are listed, the others are
 * counted in a last one. Each import keeps its sheets, its columns and its rules.
 */
final class WorkbookReader {

  private final XlsxImport xlsx;
  private final LocalDate today;
  private final List<RuleViolation> problems = new ArrayList<>();
  private int omitted;

  /** {@code today} (Asia/Shanghai) bounds the birth dates of resident ID numbers. */
  WorkbookReader(XlsxImport xlsx, LocalDate today) {
    this.xlsx = xlsx;
    this.today = today;
  }

  /** A problem on {@code field}: a cell ({@code platforms!C7}) or a sheet. */
  void problem(String field, String key, Object... args) {
    if (problems.size() < xlsx.maxProblems()) {
      problems.add(RuleViolation.error(xlsx.rule(), field, key, args));
    } else {
      omitted++;
    }
  }

  /** The problems found so far, listed or not: a row is good when it adds none. */
  int problemCount() {
    return problems.size() + omitted;
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /**
   * Throws every problem listed, and how many more there are ({@code moreProblems}), if any.
   *
   * @throws RuleViolationException when a problem was found
   */
  void throwIfProblems() {
    if (omitted > 0) {
      problems.add(RuleViolation.error(xlsx.rule(), null, xlsx.key("moreProblems"), omitted));
    }
    RuleViolationException.throwIfErrors(problems);
  }

  /**
   * The ID document type in the cell (居民身份证… or RESIDENT_ID…); empty, with the problem {@code
   * idType.unknown} on the cell, when it names none.
   */
  Optional<IdDocumentType> idType(Row row, int col) {
    String text = text(row, col);
    Optional<IdDocumentType> type = IdDocumentType.parse(text);
    if (type.isEmpty()) {
      problem(ref(row, col), xlsx.key("idType.unknown"), text);
    }
    return type;
  }

  /**
   * The ID number in the cell, normalised for its {@code type}; null when the type is unknown or
   * the number is bad, with the problem on the cell: {@code idNumber.numeric} when an 18-digit
   * number was stored as an Excel number (it has lost its last digits), or the ID document's own
   * problem ({@code directory.id.…}) with the key that {@code invalidKey} turns it into.
   */
  String idNumber(
      Row row, int col, Optional<IdDocumentType> type, UnaryOperator<String> invalidKey) {
    String cell = ref(row, col);
    Cell raw = row.getCell(col);
    if (raw != null
        && raw.getCellType() == CellType.NUMERIC
        && Math.abs(raw.getNumericCellValue()) >= 1e15) {
      problem(cell, xlsx.key("idNumber.numeric"));
      return null;
    }
    if (type.isEmpty()) {
      return null;
    }
    String number = text(row, col);
    Optional<RuleViolation> bad = type.get().validate(number, cell, today);
    if (bad.isPresent()) {
      problem(cell, invalidKey.apply(bad.get().messageKey()), bad.get().args().toArray());
      return null;
    }
    return type.get().normalise(number);
  }

  /**
   * The sheet called {@code name} (any case) or {@code chinese}, else the sheet at {@code index},
   * else null.
   */
  static Sheet sheet(Workbook wb, String name, String chinese, int index) {
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      String n = wb.getSheetName(i).strip();
      if (n.equalsIgnoreCase(name) || n.equals(chinese)) {
        return wb.getSheetAt(i);
      }
    }
    return wb.getNumberOfSheets() > index ? wb.getSheetAt(index) : null;
  }

  /**
   * The columns whose header in row 1 (without what follows a bracket) starts with neither the
   * Chinese ({@code expected[c][0]}) nor the English name ({@code expected[c][1]}, any case).
   */
  static List<Integer> wrongHeaders(Sheet sheet, String[][] expected) {
    Row header = sheet.getRow(0);
    List<Integer> wrong = new ArrayList<>();
    for (int c = 0; c < expected.length; c++) {
      String text = header == null ? "" : text(header, c);
      String bare = text.replaceAll("[（(].*$", "").strip();
      if (!bare.startsWith(expected[c][0])
          && !bare.toLowerCase(Locale.ROOT).startsWith(expected[c][1])) {
        wrong.add(c);
      }
    }
    return wrong;
  }

  /** The rows after the header whose first {@code columns} cells are not all blank, in order. */
  static List<Row> rows(Sheet sheet, int columns) {
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (!blank(row, columns)) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static boolean blank(Row row, int columns) {
    if (row == null) {
      return true;
    }
    for (int c = 0; c < columns; c++) {
      if (text(row.getCell(c)).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /** {@code platforms!B7} for row index 6, column index 1. */
  static String ref(Sheet sheet, int row, int col) {
    return sheet.getSheetName() + "!" + CellReference.convertNumToColString(col) + (row + 1);
  }

  static String ref(Row row, int col) {
    return ref(row.getSheet(), row.getRowNum(), col);
  }

  /** The cell's trimmed text, "" when blank. */
  static String text(Row row, int col) {
    return text(row.getCell(col)).orElse("");
  }

  /** The cell as trimmed text (numbers without exponent or ".0"), empty when blank. */
  static Optional<String> text(Cell cell) {
    if (cell == null) {
      return Optional.empty();
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    String s;
    switch (type) {
      case STRING:
        s = cell.getRichStringCellValue().getString();
        break;
      case NUMERIC:
        s = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        break;
      case BOOLEAN:
        s = String.valueOf(cell.getBooleanCellValue());
        break;
      default:
        s = "";
    }
    s = s.replace('\u00A0', ' ').strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
