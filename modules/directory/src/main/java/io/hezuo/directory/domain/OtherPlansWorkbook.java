package io.hezuo.directory.domain;

import static io.hezuo.directory.domain.WorkbookReader.ref;
import static io.hezuo.directory.domain.WorkbookReader.rows;
import static io.hezuo.directory.domain.WorkbookReader.text;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * The Excel workbook (.xlsx) of the applicant lists of other provincial plans and of the provincial
 * Natural Science Foundation (G2): reads and checks an import, writes the empty template.
 *
 * <p>Sheet {@code pis} (or 名单, or the first sheet), row 1 the headers: 年度, 计划类别 (省自然科学基金 / 其他省级科技计划
 * or NSFC / PROVINCIAL_PLAN), 计划名称 (may be blank for the NSFC), 项目名称, 负责人姓名, 证件类型, 证件号码 (GB 11643
 * check digit for resident IDs; an 18-digit number stored as an Excel number is refused), 单位名称
 * (optional). Every bad cell is a {@link RuleViolation} of rule {@code F-OPL} whose field is the
 * cell ({@code pis!G5}) and whose message names the column; all of them are collected (at most
 * {@link #MAX_PROBLEMS}), and a file with any of them is refused whole.
 */
public final class OtherPlansWorkbook {

  public static final String RULE = "F-OPL";
  public static final long MAX_BYTES = 10L * 1024 * 1024;
  public static final int MAX_PROBLEMS = 200;
  public static final String PIS = "pis";
  public static final int MIN_YEAR = 2000;

  /** The import: rule {@code F-OPL}, message keys {@code directory.otherplans.…}, its limits. */
  public static final XlsxImport IMPORT =
      new XlsxImport(RULE, "directory.otherplans", MAX_BYTES, MAX_PROBLEMS);

  /** The plan name written for an NSFC row whose 计划名称 is blank. */
  public static final String NSFC_PLAN_NAME = "省自然科学基金";

  static final int YEAR = 0;
  static final int KIND = 1;
  static final int PLAN = 2;
  static final int TITLE = 3;
  static final int NAME = 4;
  static final int ID_TYPE = 5;
  static final int ID_NUMBER = 6;
  static final int UNIT = 7;

  private static final String[][] HEADERS = {
    {"年度", "year"},
    {"计划类别", "plan kind"},
    {"计划名称", "plan name"},
    {"项目名称", "project title"},
    {"负责人姓名", "pi name"},
    {"证件类型", "id type"},
    {"证件号码", "id number"},
    {"单位名称", "unit"}
  };
  private static final Pattern YEAR_TEXT = Pattern.compile("(\\d{4})\\s*(年度|年)?");

  /** A good row; {@code cell} is where it starts ({@code pis!A2}). */
  public record PiRow(
      String cell,
      int year,
      OtherPlanKind planKind,
      String planName,
      String projectTitle,
      String name,
      IdDocumentType idType,
      String idNumber,
      String unitName) {}

  /** One list the file holds: a year and a plan kind. */
  public record ListKey(int year, OtherPlanKind planKind) implements Comparable<ListKey> {
    @Override
    public int compareTo(ListKey o) {
      return year != o.year ? Integer.compare(year, o.year) : planKind.compareTo(o.planKind);
    }

    @Override
    public String toString() {
      return year + " " + planKind.name();
    }
  }

  /** A file whose every row is good. */
  public record Parsed(List<PiRow> rows) {

    /** The lists (year, kind) the file holds with their row counts, in order. */
    public Map<ListKey, Integer> lists() {
      Map<ListKey, Integer> out = new TreeMap<>();
      for (PiRow r : rows) {
        out.merge(new ListKey(r.year(), r.planKind()), 1, Integer::sum);
      }
      return out;
    }
  }

  private final LocalDate today;
  private final WorkbookReader reader;

  private OtherPlansWorkbook(LocalDate today) {
    this.today = today;
    this.reader = new WorkbookReader(IMPORT, today);
  }

  /** The latest year a list may be for: three years after {@code today}'s. */
  public static int maxYear(LocalDate today) {
    return today.getYear() + 3;
  }

  /**
   * Reads and checks the file. {@code today} (Asia/Shanghai) bounds the years and the birth dates
   * of resident ID numbers.
   *
   * @throws RuleViolationException listing every problem (rule {@code F-OPL}) when any cell is bad
   *     or the file is not an .xlsx workbook
   */
  public static Parsed parse(byte[] content, LocalDate today) {
    return IMPORT.read(content, wb -> new OtherPlansWorkbook(today).read(wb));
  }

  private Parsed read(Workbook wb) {
    Sheet sheet = WorkbookReader.sheet(wb, PIS, "名单", 0);
    List<PiRow> good = new ArrayList<>();
    if (sheet == null) {
      reader.problem(PIS, "directory.otherplans.sheet.missing");
    } else if (headersOk(sheet)) {
      readRows(sheet, good);
      if (good.isEmpty() && !reader.hasProblems()) {
        reader.problem(ref(sheet, 1, 0), "directory.otherplans.noRows");
      }
    }
    reader.throwIfProblems();
    return new Parsed(List.copyOf(good));
  }

  private boolean headersOk(Sheet sheet) {
    List<Integer> wrong = WorkbookReader.wrongHeaders(sheet, HEADERS);
    for (int c : wrong) {
      reader.problem(
          ref(sheet, 0, c),
          "directory.otherplans.header",
          HEADERS[c][0],
          CellReference.convertNumToColString(c));
    }
    return wrong.isEmpty();
  }

  private void readRows(Sheet sheet, List<PiRow> good) {
    Map<String, String> firstCell = new HashMap<>();
    String maxYear = String.valueOf(maxYear(today));
    for (Row row : rows(sheet, HEADERS.length)) {
      int r = row.getRowNum();
      int before = reader.problemCount();

      String yearText = text(row, YEAR);
      Integer year = null;
      Matcher m = YEAR_TEXT.matcher(yearText);
      if (m.matches()) {
        int y = Integer.parseInt(m.group(1));
        if (y >= MIN_YEAR && y <= maxYear(today)) {
          year = y;
        }
      }
      if (year == null) {
        reader.problem(ref(sheet, r, YEAR), "directory.otherplans.year.invalid", yearText, maxYear);
      }

      String kindText = text(row, KIND);
      Optional<OtherPlanKind> kind = OtherPlanKind.parse(kindText);
      if (kind.isEmpty()) {
        reader.problem(ref(sheet, r, KIND), "directory.otherplans.kind.unknown", kindText);
      }

      String plan = text(row, PLAN);
      if (plan.isEmpty() && kind.isPresent() && kind.get() == OtherPlanKind.NSFC) {
        plan = NSFC_PLAN_NAME;
      }
      if (plan.isEmpty()) {
        if (kind.isPresent()) {
          reader.problem(ref(sheet, r, PLAN), "directory.otherplans.planName.required");
        }
      } else if (plan.length() > 100) {
        reader.problem(ref(sheet, r, PLAN), "directory.otherplans.planName.tooLong", 100);
      }

      String title = text(row, TITLE);
      if (title.isEmpty()) {
        reader.problem(ref(sheet, r, TITLE), "directory.otherplans.title.required");
      } else if (title.length() > 300) {
        reader.problem(ref(sheet, r, TITLE), "directory.otherplans.title.tooLong", 300);
      }

      String name = text(row, NAME);
      if (name.isEmpty()) {
        reader.problem(ref(sheet, r, NAME), "directory.otherplans.name.required");
      } else if (name.length() > 100) {
        reader.problem(ref(sheet, r, NAME), "directory.otherplans.name.tooLong", 100);
      }

      Optional<IdDocumentType> type = reader.idType(row, ID_TYPE);
      String numberCell = ref(sheet, r, ID_NUMBER);
      // directory.id.resident.check_digit → directory.otherplans.idNumber.resident.check_digit
      String number =
          reader.idNumber(
              row,
              ID_NUMBER,
              type,
              key -> "directory.otherplans.idNumber." + key.substring("directory.id.".length()));
      if (type.isEmpty() && text(row, ID_NUMBER).isEmpty()) {
        reader.problem(numberCell, "directory.otherplans.idNumber.required");
      }

      String unit = text(row, UNIT);
      if (unit.length() > 200) {
        reader.problem(ref(sheet, r, UNIT), "directory.otherplans.unit.tooLong", 200);
      }

      if (reader.problemCount() == before) {
        String key =
            String.join(
                "\u0000",
                String.valueOf(year),
                kind.get().name(),
                plan,
                title,
                type.get().name(),
                number);
        if (firstCell.containsKey(key)) {
          reader.problem(numberCell, "directory.otherplans.idNumber.duplicate", firstCell.get(key));
        } else {
          firstCell.put(key, numberCell);
          good.add(
              new PiRow(
                  ref(sheet, r, 0),
                  year,
                  kind.get(),
                  plan,
                  title,
                  name,
                  type.get(),
                  number,
                  unit.isEmpty() ? null : unit));
        }
      }
    }
  }

  /** The empty template: the sheet with its headers (ID number as text) and a sheet of notes. */
  public static byte[] template() {
    return WorkbookTemplate.write(
        List.of(
            new WorkbookTemplate.Layout(PIS, HEADERS, ID_NUMBER, 16, 16, 16, 40, 16, 16, 28, 28)),
        "年度 year: 4 位年份，如 2026 / four digits, e.g. 2026",
        "计划类别 plan kind: 省自然科学基金 / 其他省级科技计划 (NSFC / PROVINCIAL_PLAN)",
        "计划名称 plan name: 如“省重点研发计划”；省自然科学基金可不填 / e.g. 省重点研发计划; may be blank for the" + " NSFC",
        "证件类型 ID type: 居民身份证 / 护照 / 港澳居民来往内地通行证 / 台湾居民来往大陆通行证"
            + " (RESIDENT_ID / PASSPORT / HK_MACAO_PERMIT / TAIWAN_PERMIT)",
        "证件号码 ID number: 请以文本格式填写 / enter as text (18-digit numbers lose digits as numbers)",
        "单位名称 unit: 可不填 / optional",
        "导入将替换文件中每个年度、计划类别的现有名单 / an import replaces, for each year and plan kind in the"
            + " file, the current list of that year and kind");
  }
}
