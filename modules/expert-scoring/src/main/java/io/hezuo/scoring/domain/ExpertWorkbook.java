package io.hezuo.scoring.domain;

import io.hezuo.directory.api.IdDocuments;
import io.hezuo.kernel.mail.MailAddress;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel workbook (.xlsx) of the expert pool: reads and checks an import, writes the template.
 *
 * <p>Sheet {@code experts} (or 专家, or the first sheet), row 1 the headers: 姓名 | 证件类型 | 证件号码 | 工作单位
 * | 统一社会信用代码 (optional) | 职称 | 学科代码 (one or more, separated by 、 , ; or spaces) | 所在城市 | 电子邮箱 |
 * 手机号码 | 最大评审数 (optional, default {@value #DEFAULT_MAX_LOAD}). Every bad cell is a {@link
 * RuleViolation} whose field is the cell ({@code experts!C5}): rule {@code F-ID} for the ID
 * document (the directory's checks: GB 11643 check digit…), {@code F-EMAIL}, {@code F-PHONE}, and
 * {@code F-POOL} for the others (required, length, credit code, discipline codes, load, the same ID
 * document or e-mail twice in the file). All of them are collected (at most {@link #MAX_PROBLEMS}),
 * and a file with any of them is refused whole. Checked by its content: empty, too large, an old
 * .xls or not a workbook at all is a problem of the file (field {@code file}).
 */
public final class ExpertWorkbook {

  public static final String RULE = "F-POOL";
  public static final long MAX_BYTES = 5L * 1024 * 1024;
  public static final int MAX_PROBLEMS = 300;
  public static final int MAX_ROWS = 5000;
  public static final int DEFAULT_MAX_LOAD = 20;
  public static final int MAX_LOAD = 200;
  public static final int MAX_FIELDS = 10;
  public static final String SHEET = "experts";
  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The columns, in order: key (as {@code scoring.pool.column.<key>}), Chinese and English. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("name", "姓名", "name"),
          new Column("idType", "证件类型", "id type"),
          new Column("idNumber", "证件号码", "id number"),
          new Column("unitName", "工作单位", "unit"),
          new Column("unitCreditCode", "统一社会信用代码", "credit code"),
          new Column("title", "职称", "title"),
          new Column("fields", "学科代码", "discipline codes"),
          new Column("city", "所在城市", "city"),
          new Column("email", "电子邮箱", "e-mail"),
          new Column("phone", "手机号码", "mobile"),
          new Column("maxLoad", "最大评审数", "max"));

  static final int NAME = 0;
  static final int ID_TYPE = 1;
  static final int ID_NUMBER = 2;
  static final int UNIT = 3;
  static final int CREDIT = 4;
  static final int TITLE = 5;
  static final int FIELDS = 6;
  static final int CITY = 7;

  /** The column of the e-mail address. */
  public static final int EMAIL = 8;

  static final int PHONE = 9;
  static final int LOAD = 10;

  /** An NSFC-style discipline code: a section letter and two, four or six digits (F0102). */
  static final Pattern DISCIPLINE = Pattern.compile("[A-HJT]\\d{2}(\\d{2}){0,2}");

  private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\s]+");
  private static final Set<String> ZHEJIANG_CITIES =
      Set.of("杭州", "宁波", "温州", "绍兴", "嘉兴", "湖州", "金华", "衢州", "舟山", "台州", "丽水");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final Pattern CELL = Pattern.compile("(?:.*!)?([A-Z]+)(\\d+)");

  /** A column of the file. */
  public record Column(String key, String zh, String en) implements Serializable {}

  /** A good row: {@code row} is its number in the sheet (the header is row 1). */
  public record ExpertRow(
      int row,
      String name,
      String idType,
      String idNumber,
      String unitName,
      String unitCreditCode,
      String title,
      List<String> fields,
      String city,
      String email,
      String phone,
      int maxLoad)
      implements Serializable {
    public ExpertRow {
      fields = List.copyOf(fields);
    }
  }

  /** Where a problem is: its row (0 for the file) and column key (null for the row or file). */
  public record Place(int row, String column) implements Serializable {}

  private final LocalDate today;
  private final Set<String> knownFields;
  private final List<RuleViolation> problems = new ArrayList<>();
  private int omitted;

  private ExpertWorkbook(LocalDate today, Set<String> knownFields) {
    this.today = today;
    this.knownFields = knownFields;
  }

  /**
   * Reads and checks the file. {@code today} (Asia/Shanghai) bounds the birth dates of resident ID
   * numbers; {@code knownFields} are the call's field codes (AI, CLIMATE…), taken beside the
   * discipline codes (F0102).
   *
   * @throws RuleViolationException listing every problem when any cell is bad or the file is not an
   *     .xlsx workbook
   */
  public static List<ExpertRow> parse(byte[] content, LocalDate today, Set<String> knownFields) {
    checkContent(content);
    Workbook wb;
    try {
      wb = new XSSFWorkbook(new ByteArrayInputStream(content));
    } catch (IOException | RuntimeException e) {
      throw new RuleViolationException(fileProblem("notXlsx"));
    }
    try (wb) {
      return new ExpertWorkbook(today, knownFields == null ? Set.of() : knownFields).read(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks the file by its content: not empty, not too large, a ZIP (OOXML), not an old .xls. */
  static void checkContent(byte[] content) {
    if (content == null || content.length == 0) {
      throw new RuleViolationException(fileProblem("empty"));
    }
    if (content.length > MAX_BYTES) {
      throw new RuleViolationException(fileProblem("tooLarge", MAX_BYTES / (1024 * 1024)));
    }
    if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw new RuleViolationException(fileProblem("xls"));
    }
    if (!startsWith(content, 'P', 'K', 3, 4)) {
      throw new RuleViolationException(fileProblem("notXlsx"));
    }
  }

  private static RuleViolation fileProblem(String what, Object... args) {
    return RuleViolation.error(RULE, "file", "scoring.pool.file." + what, args);
  }

  /** Where a problem's field ({@code experts!C5}, {@code file}) is. */
  public static Place place(String field) {
    if (field == null) {
      return new Place(0, null);
    }
    var m = CELL.matcher(field);
    if (!m.matches()) {
      return new Place(0, null);
    }
    int col = CellReference.convertColStringToIndex(m.group(1));
    return new Place(
        Integer.parseInt(m.group(2)),
        col >= 0 && col < COLUMNS.size() ? COLUMNS.get(col).key() : null);
  }

  /** The column of a key, if any. */
  public static Optional<Column> column(String key) {
    return COLUMNS.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  private List<ExpertRow> read(Workbook wb) {
    Sheet sheet = sheet(wb);
    List<ExpertRow> good = new ArrayList<>();
    if (sheet == null) {
      problem(RULE, SHEET, "scoring.pool.sheet.missing");
    } else if (headersOk(sheet)) {
      readRows(sheet, good);
      if (good.isEmpty() && problems.isEmpty() && omitted == 0) {
        problem(RULE, ref(sheet, 1, 0), "scoring.pool.noRows");
      }
    }
    if (omitted > 0) {
      problems.add(RuleViolation.error(RULE, null, "scoring.pool.moreProblems", omitted));
    }
    RuleViolationException.throwIfErrors(problems);
    return List.copyOf(good);
  }

  private static Sheet sheet(Workbook wb) {
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      String n = wb.getSheetName(i).strip();
      if (n.equalsIgnoreCase(SHEET) || n.equals("专家")) {
        return wb.getSheetAt(i);
      }
    }
    return wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0) : null;
  }

  private boolean headersOk(Sheet sheet) {
    Row header = sheet.getRow(0);
    boolean ok = true;
    for (int c = 0; c < COLUMNS.size(); c++) {
      Column col = COLUMNS.get(c);
      String text = header == null ? "" : text(header, c);
      String bare = text.replaceAll("[（(].*$", "").strip();
      if (!bare.startsWith(col.zh()) && !bare.toLowerCase(Locale.ROOT).startsWith(col.en())) {
        problem(RULE, ref(sheet, 0, c), "scoring.pool.header", col.zh());
        ok = false;
      }
    }
    return ok;
  }

  private void readRows(Sheet sheet, List<ExpertRow> good) {
    Map<String, Integer> firstByDocument = new HashMap<>();
    Map<String, Integer> firstByEmail = new HashMap<>();
    int count = 0;
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (blank(row)) {
        continue;
      }
      if (++count > MAX_ROWS) {
        problem(RULE, ref(sheet, r, 0), "scoring.pool.tooManyRows", MAX_ROWS);
        return;
      }
      int before = problemCount();
      int number = r + 1;

      String name = required(row, NAME, 100);
      String typeText = text(row, ID_TYPE);
      Optional<String> type = IdDocuments.parseType(typeText);
      if (typeText.isEmpty()) {
        problem(RULE, ref(row, ID_TYPE), "scoring.pool.required");
      } else if (type.isEmpty()) {
        problem("F-ID", ref(row, ID_TYPE), "scoring.pool.idType.unknown", typeText);
      }
      String idNumber = idNumber(row, type);
      String unit = required(row, UNIT, 200);
      String credit = creditCode(row);
      String title = required(row, TITLE, 60);
      List<String> fields = fields(row);
      String city = city(required(row, CITY, 40));
      String email = email(row);
      String phone = phone(row);
      int load = maxLoad(row);

      if (problemCount() != before) {
        continue;
      }
      String document = type.get() + "\u0000" + idNumber;
      Integer first = firstByDocument.putIfAbsent(document, number);
      if (first != null) {
        problem(RULE, ref(row, ID_NUMBER), "scoring.pool.duplicate", first);
        continue;
      }
      String mail = email.toLowerCase(Locale.ROOT);
      Integer firstMail = firstByEmail.putIfAbsent(mail, number);
      if (firstMail != null) {
        problem(RULE, ref(row, EMAIL), "scoring.pool.email.duplicate", firstMail);
        continue;
      }
      good.add(
          new ExpertRow(
              number,
              name,
              type.get(),
              idNumber,
              unit,
              credit,
              title,
              fields,
              city,
              email,
              phone,
              load));
    }
  }

  private String required(Row row, int col, int max) {
    String s = text(row, col);
    if (s.isEmpty()) {
      problem(RULE, ref(row, col), "scoring.pool.required");
    } else if (s.length() > max) {
      problem(RULE, ref(row, col), "scoring.pool.tooLong", max);
    }
    return s;
  }

  private String idNumber(Row row, Optional<String> type) {
    String cell = ref(row, ID_NUMBER);
    Cell raw = row.getCell(ID_NUMBER);
    if (raw != null
        && raw.getCellType() == CellType.NUMERIC
        && Math.abs(raw.getNumericCellValue()) >= 1e15) {
      problem("F-ID", cell, "scoring.pool.idNumber.numeric");
      return null;
    }
    String number = text(row, ID_NUMBER);
    if (number.isEmpty()) {
      problem("F-ID", cell, "scoring.pool.required");
      return null;
    }
    if (type.isEmpty()) {
      return null;
    }
    Optional<RuleViolation> bad = IdDocuments.validate(type.get(), number, cell, today);
    if (bad.isPresent()) {
      problem("F-ID", cell, bad.get().messageKey(), bad.get().args().toArray());
      return null;
    }
    return IdDocuments.normalise(type.get(), number);
  }

  /**
   * The city as the directory writes it: a city of Zhejiang without its 市 (杭州) gets it (杭州市), so
   * that it matches the applying units' cities; any other is kept as written.
   */
  static String city(String city) {
    return ZHEJIANG_CITIES.contains(city) ? city + "市" : city;
  }

  private String creditCode(Row row) {
    String s = text(row, CREDIT).toUpperCase(Locale.ROOT).replace(" ", "");
    if (s.isEmpty()) {
      return null;
    }
    if (!validCreditCode(s)) {
      problem(RULE, ref(row, CREDIT), "scoring.pool.creditCode.invalid");
    }
    return s;
  }

  /** A unified social credit code of GB 32100-2015: 18 characters, the last its MOD 31 check. */
  public static boolean validCreditCode(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CREDIT_ALPHABET.indexOf(code.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * CREDIT_WEIGHTS[i];
    }
    int c = 31 - sum % 31;
    return code.charAt(17) == CREDIT_ALPHABET.charAt(c == 31 ? 0 : c);
  }

  private List<String> fields(Row row) {
    String s = text(row, FIELDS);
    if (s.isEmpty()) {
      problem(RULE, ref(row, FIELDS), "scoring.pool.required");
      return List.of();
    }
    Set<String> codes = new LinkedHashSet<>();
    List<String> bad = new ArrayList<>();
    for (String part : SEPARATORS.split(s)) {
      if (part.isEmpty()) {
        continue;
      }
      String code = part.toUpperCase(Locale.ROOT);
      if (DISCIPLINE.matcher(code).matches() || knownFields.contains(code)) {
        codes.add(code);
      } else {
        bad.add(part);
      }
    }
    if (!bad.isEmpty()) {
      problem(RULE, ref(row, FIELDS), "scoring.pool.fields.invalid", String.join(", ", bad));
    } else if (codes.isEmpty()) {
      problem(RULE, ref(row, FIELDS), "scoring.pool.required");
    } else if (codes.size() > MAX_FIELDS || String.join(",", codes).length() > 300) {
      problem(RULE, ref(row, FIELDS), "scoring.pool.fields.tooMany", MAX_FIELDS);
    }
    return List.copyOf(codes);
  }

  private String email(Row row) {
    String s = text(row, EMAIL);
    if (s.isEmpty()) {
      problem("F-EMAIL", ref(row, EMAIL), "scoring.pool.required");
    } else if (s.length() > 200 || !MailAddress.isValid(s)) {
      problem("F-EMAIL", ref(row, EMAIL), "scoring.pool.email.invalid");
    }
    return s;
  }

  private String phone(Row row) {
    String s = text(row, PHONE).replace(" ", "").replace("-", "");
    if (s.startsWith("+86")) {
      s = s.substring(3);
    }
    if (s.isEmpty()) {
      problem("F-PHONE", ref(row, PHONE), "scoring.pool.required");
    } else if (!MOBILE.matcher(s).matches()) {
      problem("F-PHONE", ref(row, PHONE), "scoring.pool.phone.invalid");
    }
    return s;
  }

  private int maxLoad(Row row) {
    String s = text(row, LOAD);
    if (s.isEmpty()) {
      return DEFAULT_MAX_LOAD;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= MAX_LOAD) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    problem(RULE, ref(row, LOAD), "scoring.pool.maxLoad.invalid", 1, MAX_LOAD);
    return DEFAULT_MAX_LOAD;
  }

  private void problem(String rule, String field, String key, Object... args) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(RuleViolation.error(rule, field, key, args));
    } else {
      omitted++;
    }
  }

  private int problemCount() {
    return problems.size() + omitted;
  }

  private static boolean blank(Row row) {
    if (row == null) {
      return true;
    }
    for (int c = 0; c < COLUMNS.size(); c++) {
      if (!text(row, c).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static String ref(Sheet sheet, int row, int col) {
    return sheet.getSheetName() + "!" + CellReference.convertNumToColString(col) + (row + 1);
  }

  static String ref(Row row, int col) {
    return ref(row.getSheet(), row.getRowNum(), col);
  }

  /** The cell's trimmed text (numbers without exponent or ".0"), "" when blank. */
  static String text(Row row, int col) {
    Cell cell = row.getCell(col);
    if (cell == null) {
      return "";
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    String s =
        switch (type) {
          case STRING -> cell.getRichStringCellValue().getString();
          case NUMERIC ->
              BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
          case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
          default -> "";
        };
    return s.replace('\u00A0', ' ').strip();
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------- writing

  /**
   * The template: the sheet {@code experts} with the Chinese headers in bold in a frozen first row,
   * the ID numbers, phones and credit codes formatted as text, one example row, then a sheet of
   * notes.
   */
  public static byte[] template() {
    List<List<String>> example =
        List.of(
            List.of(
                "王示例",
                "居民身份证",
                "330106198001010013",
                "浙江示例大学",
                "",
                "教授",
                "F0102、F0103",
                "杭州市",
                "wang.example@example.edu.cn",
                "13800001234",
                "20"));
    return write(
        example,
        "姓名 name、证件类型 ID type（居民身份证 / 护照 / 港澳居民来往内地通行证 / 台湾居民来往大陆通行证 / 外国人永久居留身份证）、"
            + "证件号码 ID number（请以文本格式填写 / as text）、工作单位 unit、职称 title、学科代码 discipline codes、"
            + "所在城市 city、电子邮箱 e-mail、手机号码 mobile：必填 / required",
        "统一社会信用代码 credit code：可不填 / optional（18 位 / 18 characters, GB 32100）",
        "学科代码 discipline codes：如 F0102，多个以 、 , ; 或空格分隔 / e.g. F0102, several separated by 、 , ; or"
            + " spaces",
        "最大评审数 max reviews：1–"
            + MAX_LOAD
            + "，可不填（默认 "
            + DEFAULT_MAX_LOAD
            + "） / optional, default "
            + DEFAULT_MAX_LOAD,
        "同一证件的专家再次导入时更新，不重复创建 / an expert already in the pool (same ID document) is updated",
        "任何一行有错时整个文件不导入 / a file with any problem is not imported at all");
  }

  /** The pool as an .xlsx with the import's columns (the rows as given, each a list of cells). */
  public static byte[] write(List<List<String>> rows, String... notes) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      CellStyle textFormat = wb.createCellStyle();
      textFormat.setDataFormat(wb.createDataFormat().getFormat("@"));
      Sheet sheet = wb.createSheet(SHEET);
      Row header = sheet.createRow(0);
      int[] widths = {12, 14, 22, 30, 22, 12, 20, 10, 30, 16, 10};
      for (int c = 0; c < COLUMNS.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(COLUMNS.get(c).zh());
        cell.setCellStyle(head);
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      for (int c : new int[] {ID_NUMBER, CREDIT, PHONE}) {
        sheet.setDefaultColumnStyle(c, textFormat);
      }
      sheet.createFreezePane(0, 1);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          Cell cell = row.createCell(c);
          cell.setCellValue(cells.get(c) == null ? "" : cells.get(c));
          if (c == ID_NUMBER || c == CREDIT || c == PHONE) {
            cell.setCellStyle(textFormat);
          }
        }
      }
      if (notes.length > 0) {
        Sheet notesSheet = wb.createSheet("说明 notes");
        for (int i = 0; i < notes.length; i++) {
          notesSheet.createRow(i).createCell(0).setCellValue(notes[i]);
        }
        notesSheet.setColumnWidth(0, 120 * 256);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
