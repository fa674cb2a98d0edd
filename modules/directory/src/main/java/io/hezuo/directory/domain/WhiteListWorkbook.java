package io.hezuo.directory.domain;

import static io.hezuo.directory.domain.WorkbookReader.ref;
import static io.hezuo.directory.domain.WorkbookReader.rows;
import static io.hezuo.directory.domain.WorkbookReader.text;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

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

  /** The import: rule {@code F-WL}, message keys {@code directory.whitelist.…}, its limits. */
  public static final XlsxImport IMPORT =
      new XlsxImport(RULE, "directory.whitelist", MAX_BYTES, MAX_PROBLEMS);

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
  private final WorkbookReader reader;

  private WhiteListWorkbook(Map<String, Long> hostsByCreditCode, LocalDate today) {
    this.hostsByCreditCode = hostsByCreditCode;
    this.reader = new WorkbookReader(IMPORT, today);
  }

  /**
   * Reads and checks the file. {@code hostsByCreditCode} maps the known organisations' credit codes
   * to their ids; {@code today} (Asia/Shanghai) bounds the birth dates of resident ID numbers.
   *
   * @throws RuleViolationException listing every problem (rule {@code F-WL}) when any row is bad or
   *     the file is not an .xlsx workbook
   */
  public static Parsed parse(byte[] content, Map<String, Long> hostsByCreditCode, LocalDate today) {
    return IMPORT.read(content, wb -> new WhiteListWorkbook(hostsByCreditCode, today).read(wb));
  }

  private Parsed read(Workbook wb) {
    Sheet platforms = WorkbookReader.sheet(wb, PLATFORMS, "平台", 0);
    Sheet members = WorkbookReader.sheet(wb, MEMBERS, "成员", 1);
    List<PlatformRow> goodPlatforms = new ArrayList<>();
    Set<String> platformNames = new LinkedHashSet<>();
    if (platforms == null) {
      reader.problem(PLATFORMS, "directory.whitelist.sheet.missing", PLATFORMS);
    } else if (headersOk(platforms, PLATFORM_HEADERS)) {
      readPlatforms(platforms, goodPlatforms, platformNames);
    }
    List<MemberRow> goodMembers = new ArrayList<>();
    if (members == null) {
      reader.problem(MEMBERS, "directory.whitelist.sheet.missing", MEMBERS);
    } else if (headersOk(members, MEMBER_HEADERS)) {
      readMembers(members, platformNames, goodMembers);
    }
    if (platforms != null && platformNames.isEmpty() && !reader.hasProblems()) {
      reader.problem(ref(platforms, 1, 0), "directory.whitelist.empty");
    }
    reader.throwIfProblems();
    return new Parsed(List.copyOf(goodPlatforms), List.copyOf(goodMembers));
  }

  private boolean headersOk(Sheet sheet, String[][] expected) {
    List<Integer> wrong = WorkbookReader.wrongHeaders(sheet, expected);
    for (int c : wrong) {
      reader.problem(ref(sheet, 0, c), "directory.whitelist.header", expected[c][0]);
    }
    return wrong.isEmpty();
  }

  private void readPlatforms(Sheet sheet, List<PlatformRow> good, Set<String> names) {
    Map<String, String> firstCell = new HashMap<>();
    for (Row row : rows(sheet, PLATFORM_HEADERS.length)) {
      int r = row.getRowNum();
      int before = reader.problemCount();
      String name = text(row, 0);
      if (name.isEmpty()) {
        reader.problem(ref(sheet, r, 0), "directory.whitelist.platform.nameRequired");
      } else if (name.length() > 200) {
        reader.problem(ref(sheet, r, 0), "directory.tooLong", 200);
      } else if (firstCell.containsKey(name)) {
        reader.problem(
            ref(sheet, r, 0), "directory.whitelist.platform.duplicate", name, firstCell.get(name));
      } else {
        firstCell.put(name, ref(sheet, r, 0));
        names.add(name);
      }
      String levelText = text(row, 1);
      Optional<PlatformLevel> level = PlatformLevel.parse(levelText);
      if (level.isEmpty()) {
        reader.problem(ref(sheet, r, 1), "directory.whitelist.level.unknown", levelText);
      }
      String code = CreditCode.normalise(text(row, 2));
      Long host = null;
      Optional<CreditCode.Problem> codeProblem = CreditCode.check(code);
      if (codeProblem.isPresent()) {
        reader.problem(
            ref(sheet, r, 2),
            codeProblem.get() == CreditCode.Problem.FORMAT
                ? "directory.whitelist.creditCode.format"
                : "directory.whitelist.creditCode.checkCharacter",
            code);
      } else {
        host = hostsByCreditCode.get(code);
        if (host == null) {
          reader.problem(ref(sheet, r, 2), "directory.whitelist.host.unknown", code);
        }
      }
      List<String> fields = splitFields(text(row, 3));
      if (fields.isEmpty()) {
        reader.problem(ref(sheet, r, 3), "directory.whitelist.fields.required");
      } else if (String.join(Platform.FIELD_SEPARATOR, fields).length() > 1000) {
        reader.problem(ref(sheet, r, 3), "directory.tooLong", 1000);
      }
      if (reader.problemCount() == before) {
        good.add(
            new PlatformRow(ref(sheet, r, 0), name, level.get(), code, host, List.copyOf(fields)));
      }
    }
  }

  private void readMembers(Sheet sheet, Set<String> platformNames, List<MemberRow> good) {
    Map<String, String> firstCell = new HashMap<>();
    for (Row row : rows(sheet, MEMBER_HEADERS.length)) {
      int r = row.getRowNum();
      int before = reader.problemCount();
      String platform = text(row, 0);
      if (platform.isEmpty()) {
        reader.problem(ref(sheet, r, 0), "directory.whitelist.member.platformRequired");
      } else if (!platformNames.contains(platform)) {
        reader.problem(ref(sheet, r, 0), "directory.whitelist.member.unknownPlatform", platform);
      }
      String name = text(row, 1);
      if (name.isEmpty()) {
        reader.problem(ref(sheet, r, 1), "directory.whitelist.member.nameRequired");
      } else if (name.length() > 100) {
        reader.problem(ref(sheet, r, 1), "directory.tooLong", 100);
      }
      Optional<IdDocumentType> type = reader.idType(row, 2);
      // a bad number is said with the ID document's own message (directory.id.…)
      String number = reader.idNumber(row, 3, type, UnaryOperator.identity());
      if (number != null) {
        String numberCell = ref(sheet, r, 3);
        String key = platform + "\u0000" + type.get() + "\u0000" + number;
        if (firstCell.containsKey(key)) {
          reader.problem(numberCell, "directory.whitelist.member.duplicate", firstCell.get(key));
        } else {
          firstCell.put(key, numberCell);
        }
      }
      if (reader.problemCount() == before) {
        good.add(new MemberRow(ref(sheet, r, 0), platform, name, type.get(), number));
      }
    }
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

  /**
   * The empty template: the two sheets with their headers (ID and code columns as text) and notes.
   */
  public static byte[] template() {
    return WorkbookTemplate.write(
        List.of(
            new WorkbookTemplate.Layout(PLATFORMS, PLATFORM_HEADERS, 2, 40, 28, 28, 28),
            new WorkbookTemplate.Layout(MEMBERS, MEMBER_HEADERS, 3, 40, 28, 28, 28)),
        "级别 level: 国家级 / 部级 / 省级 / 厅级 (NATIONAL / MINISTERIAL / PROVINCIAL / DEPARTMENT)",
        "依托单位 host unit: 统一社会信用代码 (GB 32100), 须为系统中已登记的单位 / a unit registered in the" + " system",
        "领域 fields: 多个领域以 、 ； ; 或 , 分隔 / several fields separated by 、 ； ; or ,",
        "证件类型 ID type: 居民身份证 / 护照 / 港澳居民来往内地通行证 / 台湾居民来往大陆通行证"
            + " (RESIDENT_ID / PASSPORT / HK_MACAO_PERMIT / TAIWAN_PERMIT)",
        "证件号码 ID number: 请以文本格式填写 / enter as text (18-digit numbers lose digits as numbers)",
        "成员表的平台名称须与平台表一致 / the members' platform names must match the platforms sheet",
        "导入将替换现行白名单 / an import replaces the current white list");
  }
}
