package io.hezuo.directory.domain;

import static io.hezuo.directory.domain.TestWorkbooks.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

class OtherPlansWorkbookTest {

  static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

  static final String[] HEADER = {"年度", "计划类别", "计划名称", "项目名称", "负责人姓名", "证件类型", "证件号码", "单位名称"};

  /** A workbook with the sheet {@code pis} and the given rows (after the header). */
  static byte[] xlsx(List<String[]> rows) throws IOException {
    return TestWorkbooks.xlsx(wb -> fill(wb.createSheet("pis"), HEADER, rows));
  }

  static String[] nsfc(String name, String id) {
    return new String[] {"2026", "省自然科学基金", "", "深海传感器的自供能机理研究", name, "居民身份证", id, "浙江演示大学"};
  }

  static List<String[]> goodRows() {
    return List.<String[]>of(
        nsfc("张海洋", "330106198001010013"),
        new String[] {
          "2026年", "其他省级科技计划", "省重点研发计划", "海洋装备智能运维", "钱专家", "RESIDENT_ID", "330106198405050054", ""
        },
        new String[] {
          "2026", "PROVINCIAL_PLAN", "省软科学研究计划", "区域创新政策评估", "Anna Berg", "护照", "e12345678", ""
        },
        new String[] {
          "2025", "NSFC", "浙江省自然科学基金", "上一年度的项目", "张海洋", "居民身份证", "330106198001010013", ""
        });
  }

  /** The one row with one cell changed. */
  static List<String[]> withCell(int column, String value) {
    String[] row = nsfc("张海洋", "330106198001010013");
    row[column] = value;
    return List.<String[]>of(row);
  }

  private static List<RuleViolation> problems(byte[] file) {
    return assertThrows(RuleViolationException.class, () -> OtherPlansWorkbook.parse(file, TODAY))
        .violations();
  }

  private static void assertProblem(List<RuleViolation> vs, String field, String key) {
    assertTrue(
        vs.stream().anyMatch(v -> field.equals(v.field()) && key.equals(v.messageKey())),
        () -> "expected " + field + " " + key + " in " + vs);
    vs.forEach(v -> assertEquals("F-OPL", v.ruleId()));
  }

  /** The only problem of a file whose one row has a bad cell. */
  private static RuleViolation onlyProblem(int column, String value) throws IOException {
    List<RuleViolation> vs = problems(xlsx(withCell(column, value)));
    assertEquals(1, vs.size(), vs::toString);
    return vs.get(0);
  }

  @Test
  void goodFileIsRead() throws IOException {
    OtherPlansWorkbook.Parsed p = OtherPlansWorkbook.parse(xlsx(goodRows()), TODAY);
    assertEquals(4, p.rows().size());
    OtherPlansWorkbook.PiRow first = p.rows().get(0);
    assertEquals("pis!A2", first.cell());
    assertEquals(2026, first.year());
    assertEquals(OtherPlanKind.NSFC, first.planKind());
    assertEquals(OtherPlansWorkbook.NSFC_PLAN_NAME, first.planName(), "blank plan name of NSFC");
    assertEquals("深海传感器的自供能机理研究", first.projectTitle());
    assertEquals(IdDocumentType.RESIDENT_ID, first.idType());
    assertEquals("浙江演示大学", first.unitName());
    OtherPlansWorkbook.PiRow second = p.rows().get(1);
    assertEquals(2026, second.year(), "2026年 is read as 2026");
    assertEquals(OtherPlanKind.PROVINCIAL_PLAN, second.planKind());
    assertEquals("省重点研发计划", second.planName());
    assertNull(second.unitName(), "the unit is optional");
    assertEquals("E12345678", p.rows().get(2).idNumber(), "stored normalised");
    assertEquals(IdDocumentType.PASSPORT, p.rows().get(2).idType());
    assertEquals(
        Map.of(
            new OtherPlansWorkbook.ListKey(2025, OtherPlanKind.NSFC), 1,
            new OtherPlansWorkbook.ListKey(2026, OtherPlanKind.NSFC), 1,
            new OtherPlansWorkbook.ListKey(2026, OtherPlanKind.PROVINCIAL_PLAN), 2),
        p.lists());
    assertEquals(
        List.of("2025 NSFC", "2026 NSFC", "2026 PROVINCIAL_PLAN"),
        p.lists().keySet().stream().map(Object::toString).toList());
  }

  @Test
  void yearAsANumberCellAndBlankRows() throws IOException {
    byte[] file =
        TestWorkbooks.xlsx(
            wb -> {
              Sheet s =
                  fill(
                      wb.createSheet("名单"),
                      HEADER,
                      List.<String[]>of(nsfc("张海洋", "330106198001010013")));
              s.getRow(1).getCell(0).setCellValue(2026d);
              s.createRow(2).createCell(3).setCellValue("  ");
            });
    OtherPlansWorkbook.Parsed p = OtherPlansWorkbook.parse(file, TODAY);
    assertEquals(1, p.rows().size());
    assertEquals(2026, p.rows().get(0).year());
  }

  @Test
  void badYear() throws IOException {
    RuleViolation v = onlyProblem(OtherPlansWorkbook.YEAR, "26");
    assertProblem(List.of(v), "pis!A2", "directory.otherplans.year.invalid");
    assertEquals(List.of("26", "2028"), v.args());
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.YEAR, "2029")),
        "pis!A2",
        "directory.otherplans.year.invalid");
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.YEAR, "1999")),
        "pis!A2",
        "directory.otherplans.year.invalid");
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.YEAR, "")),
        "pis!A2",
        "directory.otherplans.year.invalid");
  }

  @Test
  void badKind() throws IOException {
    RuleViolation v = onlyProblem(OtherPlansWorkbook.KIND, "国家自然科学基金");
    assertProblem(List.of(v), "pis!B2", "directory.otherplans.kind.unknown");
    assertEquals(List.of("国家自然科学基金"), v.args());
  }

  @Test
  void planNameRequiredForOtherProvincialPlansAndBounded() throws IOException {
    String[] row = nsfc("张海洋", "330106198001010013");
    row[OtherPlansWorkbook.KIND] = "其他省级科技计划";
    List<RuleViolation> vs = problems(xlsx(List.<String[]>of(row)));
    assertEquals(1, vs.size(), vs::toString);
    assertProblem(vs, "pis!C2", "directory.otherplans.planName.required");
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.PLAN, "计".repeat(101))),
        "pis!C2",
        "directory.otherplans.planName.tooLong");
  }

  @Test
  void titleAndNameRequiredAndBounded() throws IOException {
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.TITLE, " ")),
        "pis!D2",
        "directory.otherplans.title.required");
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.TITLE, "题".repeat(301))),
        "pis!D2",
        "directory.otherplans.title.tooLong");
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.NAME, "")),
        "pis!E2",
        "directory.otherplans.name.required");
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.NAME, "名".repeat(101))),
        "pis!E2",
        "directory.otherplans.name.tooLong");
  }

  @Test
  void badIdType() throws IOException {
    RuleViolation v = onlyProblem(OtherPlansWorkbook.ID_TYPE, "军官证");
    assertProblem(List.of(v), "pis!F2", "directory.otherplans.idType.unknown");
  }

  @Test
  void badIdNumbersNameTheColumn() throws IOException {
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.ID_NUMBER, "330106198001010014")),
        "pis!G2",
        "directory.otherplans.idNumber.resident.check_digit");
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.ID_NUMBER, "33010619800101001")),
        "pis!G2",
        "directory.otherplans.idNumber.resident.format");
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.ID_NUMBER, "")),
        "pis!G2",
        "directory.otherplans.idNumber.required");
    String[] passport = nsfc("Anna Berg", "E1-2345");
    passport[OtherPlansWorkbook.ID_TYPE] = "护照";
    List<RuleViolation> vs = problems(xlsx(List.<String[]>of(passport)));
    assertProblem(vs, "pis!G2", "directory.otherplans.idNumber.passport");

    RuleViolation v = onlyProblem(OtherPlansWorkbook.ID_NUMBER, "330106198001010014");
    String zh = Messages.describe(Messages.CHINESE, v);
    String en = Messages.describe(Messages.ENGLISH, v);
    assertTrue(zh.startsWith("[F-OPL] pis!G2: 证件号码："), zh);
    assertTrue(zh.contains("校验码"), zh);
    assertTrue(en.startsWith("[F-OPL] pis!G2: ID number: "), en);
    assertTrue(en.contains("check digit"), en);
  }

  @Test
  void idNumberStoredAsNumberIsRefused() throws IOException {
    String[] taiwan = nsfc("林台胞", "");
    taiwan[OtherPlansWorkbook.ID_TYPE] = "台湾居民来往大陆通行证";
    byte[] file =
        TestWorkbooks.xlsx(
            wb -> {
              Sheet s = fill(wb.createSheet("pis"), HEADER, List.of(nsfc("张海洋", ""), taiwan));
              s.getRow(1).getCell(OtherPlansWorkbook.ID_NUMBER).setCellValue(330106198001010013d);
              // 8 digits survive as a number
              s.getRow(2).getCell(OtherPlansWorkbook.ID_NUMBER).setCellValue(12345678d);
            });
    List<RuleViolation> vs = problems(file);
    assertEquals(1, vs.size(), vs::toString);
    assertProblem(vs, "pis!G2", "directory.otherplans.idNumber.numeric");
  }

  @Test
  void unitIsOptionalButBounded() throws IOException {
    assertProblem(
        List.of(onlyProblem(OtherPlansWorkbook.UNIT, "单".repeat(201))),
        "pis!H2",
        "directory.otherplans.unit.tooLong");
  }

  @Test
  void duplicateRowIsNamedWithTheFirst() throws IOException {
    List<String[]> rows = new ArrayList<>(goodRows());
    rows.add(nsfc("张海洋", " 330106198001010013 "));
    List<RuleViolation> vs = problems(xlsx(rows));
    assertEquals(1, vs.size(), vs::toString);
    assertProblem(vs, "pis!G6", "directory.otherplans.idNumber.duplicate");
    assertEquals(List.of("pis!G2"), vs.get(0).args());
    // the same person on another project of the same list is no duplicate
    List<String[]> other = new ArrayList<>(goodRows());
    String[] second = nsfc("张海洋", "330106198001010013");
    second[OtherPlansWorkbook.TITLE] = "另一个项目";
    other.add(second);
    assertEquals(5, OtherPlansWorkbook.parse(xlsx(other), TODAY).rows().size());
  }

  @Test
  void everyBadCellOfAFileIsListed() throws IOException {
    List<RuleViolation> vs =
        problems(
            xlsx(
                List.<String[]>of(
                    nsfc("张海洋", "330106198001010013"),
                    new String[] {"二〇二六", "国家基金", "", "", "", "军官证", "123", ""},
                    nsfc("钱专家", "330106198405050055"))));
    assertEquals(
        List.of("pis!A3", "pis!B3", "pis!D3", "pis!E3", "pis!F3", "pis!G4"),
        vs.stream().map(RuleViolation::field).toList());
  }

  @Test
  void renamedNonXlsxFilesAreRefusedByContent() throws IOException {
    byte[] text = "年度,计划类别\n".getBytes(StandardCharsets.UTF_8);
    assertProblem(problems(text), "file", "directory.otherplans.file.notXlsx");
    assertProblem(problems(TestWorkbooks.xls()), "file", "directory.otherplans.file.xls");
    assertProblem(problems(TestWorkbooks.zipOfText()), "file", "directory.otherplans.file.notXlsx");
    assertProblem(problems(new byte[0]), "file", "directory.otherplans.file.empty");
    byte[] big = TestWorkbooks.zipStart(OtherPlansWorkbook.MAX_BYTES + 1);
    assertProblem(problems(big), "file", "directory.otherplans.file.tooLarge");
  }

  @Test
  void wrongHeadersAndMissingSheet() throws IOException {
    String[] header = HEADER.clone();
    header[1] = "类别";
    header[6] = "身份证号";
    List<RuleViolation> vs =
        problems(
            TestWorkbooks.xlsx(
                wb ->
                    fill(
                        wb.createSheet("pis"),
                        header,
                        List.<String[]>of(nsfc("张海洋", "330106198001010013")))));
    assertEquals(2, vs.size(), vs::toString);
    assertProblem(vs, "pis!B1", "directory.otherplans.header");
    assertProblem(vs, "pis!G1", "directory.otherplans.header");
    assertEquals(List.of("证件号码", "G"), vs.get(1).args());
    assertProblem(
        problems(TestWorkbooks.xlsx(wb -> {})), "pis", "directory.otherplans.sheet.missing");
  }

  @Test
  void emptyListIsRefused() throws IOException {
    assertProblem(problems(xlsx(List.of())), "pis!A2", "directory.otherplans.noRows");
  }

  @Test
  void atMost200ProblemsAreListed() throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(withCell(OtherPlansWorkbook.KIND, "市级计划").get(0));
    }
    List<RuleViolation> vs = problems(xlsx(rows));
    assertEquals(201, vs.size());
    RuleViolation last = vs.get(200);
    assertEquals("directory.otherplans.moreProblems", last.messageKey());
    assertEquals(List.of(100), last.args());
  }

  @Test
  void templateIsReadableAndEmpty() {
    List<RuleViolation> vs = problems(OtherPlansWorkbook.template());
    assertEquals(1, vs.size(), vs::toString);
    assertProblem(vs, "pis!A2", "directory.otherplans.noRows");
  }

  @Test
  void kindsAndMasks() {
    assertEquals(OtherPlanKind.NSFC, OtherPlanKind.parse(" 浙江省自然科学基金 ").orElseThrow());
    assertEquals(OtherPlanKind.NSFC, OtherPlanKind.parse("nsfc").orElseThrow());
    assertEquals(OtherPlanKind.PROVINCIAL_PLAN, OtherPlanKind.parse("其他省级科技计划").orElseThrow());
    assertEquals(
        OtherPlanKind.PROVINCIAL_PLAN, OtherPlanKind.parse("provincial_plan").orElseThrow());
    assertTrue(OtherPlanKind.parse("国家自然科学基金").isEmpty());
    assertTrue(OtherPlanKind.parse(null).isEmpty());
    assertEquals("330106********0013", OtherPlanPi.mask("330106198001010013"));
    assertEquals("E1*****78", OtherPlanPi.mask("E12345678"));
    assertEquals("****5", OtherPlanPi.mask("12345"));
    assertEquals("", OtherPlanPi.mask(null));
  }

  @Test
  void everyMessageKeyExistsInBothLanguagesAndFormats() throws IOException {
    Set<String> zh = keys("messages.properties");
    Set<String> en = keys("messages_en.properties");
    assertTrue(zh.size() > 40, zh::toString);
    assertEquals(zh, en);
    for (String key : zh) {
      for (java.util.Locale l : List.of(Messages.CHINESE, Messages.ENGLISH)) {
        String text = Messages.get(l, key, "x", "y", "z", "w");
        assertTrue(!text.startsWith("???") && !text.contains("{"), key + ": " + text);
      }
    }
  }

  private static Set<String> keys(String file) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        OtherPlansWorkbookTest.class.getResourceAsStream("/io/hezuo/directory/" + file)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p.stringPropertyNames().stream()
        .filter(k -> k.startsWith("directory.otherplans."))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
