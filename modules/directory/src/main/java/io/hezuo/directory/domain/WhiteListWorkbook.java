package io.hezuo.directory.domain;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * The white list's Excel workbook (.xlsx): reads and checks an import, writes the empty template.
 *
 * <p>Sheet {@code platforms} (or the first sheet): 平台名称, 级别 (国家级/部级/省级/厅级 or NATIONAL…),
 * 依托单位统一社会信用代码, 领域 (several, separated by 、；; or ,). Sheet {@code members} (or the second): 平台名称,
 * 姓名, 证件类型 (居民身份证/护照/港澳居民来往内地通行证/台湾居民来往大陆通行证 or RESIDENT_ID…), 证件号码. Row 1 holds the headers. Every
 * bad row is a {@link RuleViolation} of rule {@code F-WL} whose field is the cell ({@code
 * platforms!B7}); all of them are collected (at most {@link #MAX_PROBLEMS}), and a file with any of
 * them is refused whole.
 */
public final class WhiteListWorkbook {

  public static final String RULE = "F-WL";
  public static final long MAX_BYTES = 10L * 1024 * 1024;
  public static final int MAX_PROBLEMS = 200;
  public static final String PLATFORMS = "platforms";
  public static final String MEMBERS = "members";
  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final String[][] PLATFORM_HEADERS = {
    {"平台名称", "platform name"},
    {"级别", "level"},
    {"依托单位统一社会信用代码", "host credit code"},
    {"领域", "fields"}
  };
  private static final String[][] MEMBER_HEADERS = {
    {"平台名称", "platform name"}, {"姓名", "name"}, {"证件类型", "id type"}, {"证件号码", "id number"}
  };
  private static final Pattern FIELD_SEPARATORS = Pattern.compile("[、；;，,\\n]");
  private static final Map<String, IdDocumentType> ID_TYPES =
      Map.of(
          "居民身份证", IdDocumentType.RESIDENT_ID,
          "身份证", IdDocumentType.RESIDENT_ID,
          "护照", IdDocumentType.PASSPORT,
          "港澳居民来往内地通行证", IdDocumentType.HK_MACAO_PERMIT,
          "港澳通行证", IdDocumentType.HK_MACAO_PERMIT,
          "台湾居民来往大陆通行证", IdDocumentType.TAIWAN_PERMIT,
          "台胞证", IdDocumentType.TAIWAN_PERMIT);

  /** A good platform row; {@code cell} is where it starts ({@code platforms!A2}). */
  public record PlatformRow(
      String cell,
      String name,
      PlatformLevel level,
      String creditCode,
      long hostOrganisationId,
      List<String> fields) {}

  /** A good member row. */
  public record MemberRow(
      String cell, String platformName, String name, IdDocumentType idType, String idNumber) {}

  /** A file whose every row is good. */
  public record Parsed(List<PlatformRow> platforms, List<MemberRow> members) {}

  private final Map<String, Long> hostsByCreditCode;
  private final LocalDate today;
  private final List<RuleViolation> problems = new ArrayList<>();
  private int omitted;

  private WhiteListWorkbook(Map<String, Long> hostsByCreditCode, LocalDate today) {
    this.hostsByCreditCode = hostsByCreditCode;
    this.today = today;
  }

  /**
   * Reads and checks the file. {@code hostsByCreditCode} maps the known organisations' credit codes
   * to their ids; {@code today} (Asia/Shanghai) bounds the birth dates of resident ID numbers.
   *
   * @throws RuleViolationException listing every problem (rule {@code F-WL}) when any row is bad or
   *     the file is not an .xlsx workbook
   */
  public static Parsed parse(byte[] content, Map<String, Long> hostsByCreditCode, LocalDate today) {
    checkContent(content);
    Workbook wb;
    try {
      wb = new XSSFWorkbook(new ByteArrayInputStream(content));
    } catch (IOException | RuntimeException e) {
      throw fileProblem("directory.whitelist.file.notXlsx");
    }
    try (wb) {
      return new WhiteListWorkbook(hostsByCreditCode, today).read(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks the file by its content, not its name: not empty, at most {@link #MAX_BYTES}, a ZIP
   * (OOXML) and not an old binary .xls.
   */
  public static void checkContent(byte[] content) {
    if (content == null || content.length == 0) {
      throw fileProblem("directory.whitelist.file.empty");
    }
    if (content.length > MAX_BYTES) {
      throw fileProblem("directory.whitelist.file.tooLarge", MAX_BYTES / (1024 * 1024));
    }
    if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw fileProblem("directory.whitelist.file.xls");
    }
    if (!startsWith(content, 'P', 'K', 3, 4)) {
      throw fileProblem("directory.whitelist.file.notXlsx");
    }
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

  private static RuleViolationException fileProblem(String key, Object... args) {
    return new RuleViolationException(RuleViolation.error(RULE, "file", key, args));
  }

  private Parsed read(Workbook wb) {
    Sheet platforms = sheet(wb, PLATFORMS, "平台", 0);
    Sheet members = sheet(wb, MEMBERS, "成员", 1);
    List<PlatformRow> goodPlatforms = new ArrayList<>();
    Set<String> platformNames = new LinkedHashSet<>();
    if (platforms == null) {
      problem(PLATFORMS, "directory.whitelist.sheet.missing", PLATFORMS);
    } else if (headersOk(platforms, PLATFORM_HEADERS)) {
      readPlatforms(platforms, goodPlatforms, platformNames);
    }
    List<MemberRow> goodMembers = new ArrayList<>();
    if (members == null) {
      problem(MEMBERS, "directory.whitelist.sheet.missing", MEMBERS);
    } else if (headersOk(members, MEMBER_HEADERS)) {
      readMembers(members, platformNames, goodMembers);
    }
    if (platforms != null && platformNames.isEmpty() && problems.isEmpty()) {
      problem(ref(platforms, 1, 0), "directory.whitelist.empty");
    }
    if (omitted > 0) {
      problems.add(RuleViolation.error(RULE, null, "directory.whitelist.moreProblems", omitted));
    }
    RuleViolationException.throwIfErrors(problems);
    return new Parsed(List.copyOf(goodPlatforms), List.copyOf(goodMembers));
  }

  private static Sheet sheet(Workbook wb, String name, String chinese, int index) {
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      String n = wb.getSheetName(i).strip();
      if (n.equalsIgnoreCase(name) || n.equals(chinese)) {
        return wb.getSheetAt(i);
      }
    }
    return wb.getNumberOfSheets() > index ? wb.getSheetAt(index) : null;
  }

  private boolean headersOk(Sheet sheet, String[][] expected) {
    Row header = sheet.getRow(0);
    boolean ok = true;
    for (int c = 0; c < expected.length; c++) {
      String text = header == null ? "" : text(header.getCell(c)).orElse("");
      String bare = text.replaceAll("[（(].*$", "").strip();
      if (!bare.startsWith(expected[c][0])
          && !bare.toLowerCase(Locale.ROOT).startsWith(expected[c][1])) {
        problem(ref(sheet, 0, c), "directory.whitelist.header", expected[c][0]);
        ok = false;
      }
    }
    return ok;
  }

  private void readPlatforms(Sheet sheet, List<PlatformRow> good, Set<String> names) {
    Map<String, String> firstCell = new HashMap<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (blank(row, 4)) {
        continue;
      }
      int before = problems.size() + omitted;
      String name = text(row.getCell(0)).orElse("");
      if (name.isEmpty()) {
        problem(ref(sheet, r, 0), "directory.whitelist.platform.nameRequired");
      } else if (name.length() > 200) {
        problem(ref(sheet, r, 0), "directory.tooLong", 200);
      } else if (firstCell.containsKey(name)) {
        problem(
            ref(sheet, r, 0), "directory.whitelist.platform.duplicate", name, firstCell.get(name));
      } else {
        firstCell.put(name, ref(sheet, r, 0));
        names.add(name);
      }
      String levelText = text(row.getCell(1)).orElse("");
      Optional<PlatformLevel> level = PlatformLevel.parse(levelText);
      if (level.isEmpty()) {
        problem(ref(sheet, r, 1), "directory.whitelist.level.unknown", levelText);
      }
      String code = CreditCode.normalise(text(row.getCell(2)).orElse(""));
      Long host = null;
      Optional<CreditCode.Problem> codeProblem = CreditCode.check(code);
      if (codeProblem.isPresent()) {
        problem(
            ref(sheet, r, 2),
            codeProblem.get() == CreditCode.Problem.FORMAT
                ? "directory.whitelist.creditCode.format"
                : "directory.whitelist.creditCode.checkCharacter",
            code);
      } else {
        host = hostsByCreditCode.get(code);
        if (host == null) {
          problem(ref(sheet, r, 2), "directory.whitelist.host.unknown", code);
        }
      }
      List<String> fields = splitFields(text(row.getCell(3)).orElse(""));
      if (fields.isEmpty()) {
        problem(ref(sheet, r, 3), "directory.whitelist.fields.required");
      } else if (String.join(Platform.FIELD_SEPARATOR, fields).length() > 1000) {
        problem(ref(sheet, r, 3), "directory.tooLong", 1000);
      }
      if (problems.size() + omitted == before) {
        good.add(
            new PlatformRow(ref(sheet, r, 0), name, level.get(), code, host, List.copyOf(fields)));
      }
    }
  }

  private void readMembers(Sheet sheet, Set<String> platformNames, List<MemberRow> good) {
    Map<String, String> firstCell = new HashMap<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (blank(row, 4)) {
        continue;
      }
      int before = problems.size() + omitted;
      String platform = text(row.getCell(0)).orElse("");
      if (platform.isEmpty()) {
        problem(ref(sheet, r, 0), "directory.whitelist.member.platformRequired");
      } else if (!platformNames.contains(platform)) {
        problem(ref(sheet, r, 0), "directory.whitelist.member.unknownPlatform", platform);
      }
      String name = text(row.getCell(1)).orElse("");
      if (name.isEmpty()) {
        problem(ref(sheet, r, 1), "directory.whitelist.member.nameRequired");
      } else if (name.length() > 100) {
        problem(ref(sheet, r, 1), "directory.tooLong", 100);
      }
      String typeText = text(row.getCell(2)).orElse("");
      Optional<IdDocumentType> type = parseIdType(typeText);
      if (type.isEmpty()) {
        problem(ref(sheet, r, 2), "directory.whitelist.idType.unknown", typeText);
      }
      String numberCell = ref(sheet, r, 3);
      Cell numberRaw = row.getCell(3);
      String number = null;
      if (numberRaw != null
          && numberRaw.getCellType() == CellType.NUMERIC
          && Math.abs(numberRaw.getNumericCellValue()) >= 1e15) {
        problem(numberCell, "directory.whitelist.idNumber.numeric");
      } else if (type.isPresent()) {
        String raw = text(numberRaw).orElse("");
        Optional<RuleViolation> bad = type.get().validate(raw, numberCell, today);
        if (bad.isPresent()) {
          problem(numberCell, bad.get().messageKey(), bad.get().args().toArray());
        } else {
          number = type.get().normalise(raw);
          String key = platform + "\u0000" + type.get() + "\u0000" + number;
          if (firstCell.containsKey(key)) {
            problem(numberCell, "directory.whitelist.member.duplicate", firstCell.get(key));
          } else {
            firstCell.put(key, numberCell);
          }
        }
      }
      if (problems.size() + omitted == before) {
        good.add(new MemberRow(ref(sheet, r, 0), platform, name, type.get(), number));
      }
    }
  }

  private void problem(String field, String key, Object... args) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(RuleViolation.error(RULE, field, key, args));
    } else {
      omitted++;
    }
  }

  /** {@code platforms!B7} for row index 6, column index 1. */
  static String ref(Sheet sheet, int row, int col) {
    return sheet.getSheetName() + "!" + CellReference.convertNumToColString(col) + (row + 1);
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

  /**
   * The fields of a cell: separated by 、；; or , (full or half width), blanks and repeats dropped.
   */
  public static List<String> splitFields(String raw) {
    Set<String> out = new LinkedHashSet<>();
    for (String f : FIELD_SEPARATORS.split(raw == null ? "" : raw)) {
      String s = f.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /** The document type written in Chinese (居民身份证…) or as its code (RESIDENT_ID…). */
  public static Optional<IdDocumentType> parseIdType(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (ID_TYPES.containsKey(s)) {
      return Optional.of(ID_TYPES.get(s));
    }
    try {
      return Optional.of(IdDocumentType.valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The empty template: the two sheets with their headers (ID and code columns as text) and notes.
   */
  public static byte[] template() {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      CellStyle textFormat = wb.createCellStyle();
      textFormat.setDataFormat(wb.createDataFormat().getFormat("@"));
      header(wb.createSheet(PLATFORMS), PLATFORM_HEADERS, head, textFormat, 2);
      header(wb.createSheet(MEMBERS), MEMBER_HEADERS, head, textFormat, 3);
      Sheet notes = wb.createSheet("说明 notes");
      String[] lines = {
        "级别 level: 国家级 / 部级 / 省级 / 厅级 (NATIONAL / MINISTERIAL / PROVINCIAL / DEPARTMENT)",
        "依托单位 host unit: 统一社会信用代码 (GB 32100), 须为系统中已登记的单位 / a unit registered in the" + " system",
        "领域 fields: 多个领域以 、 ； ; 或 , 分隔 / several fields separated by 、 ； ; or ,",
        "证件类型 ID type: 居民身份证 / 护照 / 港澳居民来往内地通行证 / 台湾居民来往大陆通行证"
            + " (RESIDENT_ID / PASSPORT / HK_MACAO_PERMIT / TAIWAN_PERMIT)",
        "证件号码 ID number: 请以文本格式填写 / enter as text (18-digit numbers lose digits as numbers)",
        "成员表的平台名称须与平台表一致 / the members' platform names must match the platforms sheet",
        "导入将替换现行白名单 / an import replaces the current white list"
      };
      for (int i = 0; i < lines.length; i++) {
        notes.createRow(i).createCell(0).setCellValue(lines[i]);
      }
      notes.setColumnWidth(0, 120 * 256);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(
      Sheet sheet, String[][] headers, CellStyle head, CellStyle text, int textColumn) {
    Row row = sheet.createRow(0);
    for (int c = 0; c < headers.length; c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(headers[c][0]);
      cell.setCellStyle(head);
      sheet.setColumnWidth(c, (c == 0 ? 40 : 28) * 256);
    }
    sheet.setDefaultColumnStyle(textColumn, text);
    sheet.createFreezePane(0, 1);
  }
}
