package io.hezuo.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.scoring.domain.ExpertWorkbook.ExpertRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The pool's Excel import: each rule of a row, its boundaries, the file as a whole. */
class ExpertWorkbookTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  static final Set<String> CALL_FIELDS = Set.of("AI", "CLIMATE");

  /** A good row: 姓名 | 证件类型 | 证件号码 | 工作单位 | 信用代码 | 职称 | 学科代码 | 城市 | 邮箱 | 手机 | 最大评审数. */
  static String[] good() {
    return new String[] {
      "王一",
      "居民身份证",
      "330106198001010013",
      "浙江大学",
      "123300004700000005",
      "教授",
      "F0102、F0103",
      "杭州",
      "wang1@zju.edu.cn",
      "13800001234",
      "15"
    };
  }

  static String[] with(int col, String value) {
    String[] r = good();
    r[col] = value;
    return r;
  }

  /** An .xlsx with the template's headers and the rows. */
  static byte[] file(String[]... rows) {
    return withHeader(
        ExpertWorkbook.COLUMNS.stream().map(ExpertWorkbook.Column::zh).toArray(String[]::new),
        rows);
  }

  static byte[] withHeader(String[] header, String[]... rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet("experts");
      Row h = s.createRow(0);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = s.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] != null) {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<ExpertRow> parse(byte[] content) {
    return ExpertWorkbook.parse(content, TODAY, CALL_FIELDS);
  }

  static List<RuleViolation> problems(byte[] content) {
    return assertThrows(RuleViolationException.class, () -> parse(content)).violations();
  }

  /** The one problem of a file: its cell, rule and message key. */
  static void refused(byte[] content, String cell, String rule, String key) {
    List<RuleViolation> p = problems(content);
    assertEquals(1, p.size(), p.toString());
    assertEquals(cell, p.get(0).field());
    assertEquals(rule, p.get(0).ruleId());
    assertEquals(key, p.get(0).messageKey());
  }

  @Test
  void aGoodRowIsReadWithItsFieldsAndLoad() {
    List<ExpertRow> rows = parse(file(good()));
    assertEquals(1, rows.size());
    ExpertRow r = rows.get(0);
    assertEquals(2, r.row());
    assertEquals("王一", r.name());
    assertEquals("RESIDENT_ID", r.idType());
    assertEquals("330106198001010013", r.idNumber());
    assertEquals("123300004700000005", r.unitCreditCode());
    assertEquals(List.of("F0102", "F0103"), r.fields());
    assertEquals("13800001234", r.phone());
    assertEquals(15, r.maxLoad());
    // a city of Zhejiang as the directory writes it
    assertEquals("杭州市", r.city());
    assertEquals("宁波市", parse(file(with(7, "宁波市"))).get(0).city());
    assertEquals("上海", parse(file(with(7, "上海"))).get(0).city());
  }

  @Test
  void theTemplateReadsBackAsItsExampleRow() {
    List<ExpertRow> rows = parse(ExpertWorkbook.template());
    assertEquals(1, rows.size());
    assertEquals("王示例", rows.get(0).name());
    assertEquals(List.of("F0102", "F0103"), rows.get(0).fields());
    assertNull(rows.get(0).unitCreditCode());
  }

  @Test
  void requiredCellsNameTheirCell() {
    String[] cells = {"A", "B", "C", "D", null, "F", "G", "H", "I", "J"};
    for (int c = 0; c < cells.length; c++) {
      if (cells[c] == null) {
        continue;
      }
      List<RuleViolation> p = problems(file(with(c, "")));
      assertEquals(1, p.size(), c + ": " + p);
      assertEquals("experts!" + cells[c] + "2", p.get(0).field());
      assertEquals("scoring.pool.required", p.get(0).messageKey());
    }
  }

  @Test
  void optionalCellsMayBeBlank() {
    String[] r = with(4, "");
    r[10] = "";
    ExpertRow row = parse(file(r)).get(0);
    assertNull(row.unitCreditCode());
    assertEquals(ExpertWorkbook.DEFAULT_MAX_LOAD, row.maxLoad());
  }

  @Test
  void lengthsAreBoundedAtTheLimit() {
    assertEquals(1, parse(file(with(0, "名".repeat(100)))).size());
    refused(file(with(0, "名".repeat(101))), "experts!A2", "F-POOL", "scoring.pool.tooLong");
    refused(file(with(3, "单".repeat(201))), "experts!D2", "F-POOL", "scoring.pool.tooLong");
    refused(file(with(5, "职".repeat(61))), "experts!F2", "F-POOL", "scoring.pool.tooLong");
    refused(file(with(7, "城".repeat(41))), "experts!H2", "F-POOL", "scoring.pool.tooLong");
  }

  @Test
  void idDocumentsAreCheckedAsTheDirectoryChecksThem() {
    refused(file(with(1, "驾驶证")), "experts!B2", "F-ID", "scoring.pool.idType.unknown");
    refused(
        file(with(2, "330106198001010014")),
        "experts!C2",
        "F-ID",
        "directory.id.resident.check_digit");
    refused(
        file(with(2, "33010619800101001")), "experts!C2", "F-ID", "directory.id.resident.format");
    // the type as its code, a passport, a lower-case x
    String[] code = with(1, "PASSPORT");
    code[2] = "E12345678";
    assertEquals("PASSPORT", parse(file(code)).get(0).idType());
    String[] passport = with(1, "护照");
    passport[2] = "e1234567";
    assertEquals("E1234567", parse(file(passport)).get(0).idNumber());
  }

  @Test
  void anIdNumberStoredAsANumberIsRefused() throws IOException {
    byte[] content;
    try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(file(good())));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.getSheetAt(0).getRow(1).getCell(2).setCellValue(330106198001010013.0);
      wb.write(out);
      content = out.toByteArray();
    }
    refused(content, "experts!C2", "F-ID", "scoring.pool.idNumber.numeric");
  }

  @Test
  void theCreditCodeNeedsItsCheckCharacter() {
    assertTrue(ExpertWorkbook.validCreditCode("91330100MA2B000018"));
    assertFalse(ExpertWorkbook.validCreditCode("91330100MA2B000019"));
    assertFalse(ExpertWorkbook.validCreditCode("91330100MA2B00001"));
    refused(
        file(with(4, "123300004700000006")),
        "experts!E2",
        "F-POOL",
        "scoring.pool.creditCode.invalid");
    assertEquals(
        "91330100MA2B000018", parse(file(with(4, "91330100ma2b000018"))).get(0).unitCreditCode());
  }

  @Test
  void disciplineCodesAreSplitOnEverySeparatorAndChecked() {
    assertEquals(
        List.of("F01", "F0102", "F010203", "AI", "H1601", "CLIMATE"),
        parse(file(with(6, "F01、F0102,F010203；ai;H1601  climate，F01"))).get(0).fields());
    List<RuleViolation> p = problems(file(with(6, "F0102 XYZ F1 I0101")));
    assertEquals(1, p.size());
    assertEquals("scoring.pool.fields.invalid", p.get(0).messageKey());
    assertEquals(List.of("XYZ, F1, I0101"), p.get(0).args());
    String ten =
        String.join(",", "F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F10");
    assertEquals(10, parse(file(with(6, ten))).get(0).fields().size());
    refused(file(with(6, ten + ",F11")), "experts!G2", "F-POOL", "scoring.pool.fields.tooMany");
  }

  @Test
  void eMailAndMobileAreChecked() {
    refused(file(with(8, "wang@")), "experts!I2", "F-EMAIL", "scoring.pool.email.invalid");
    refused(
        file(with(8, "wang zju.edu.cn")), "experts!I2", "F-EMAIL", "scoring.pool.email.invalid");
    refused(file(with(9, "1380000123")), "experts!J2", "F-PHONE", "scoring.pool.phone.invalid");
    refused(file(with(9, "12800001234")), "experts!J2", "F-PHONE", "scoring.pool.phone.invalid");
    refused(file(with(9, "0571-88888888")), "experts!J2", "F-PHONE", "scoring.pool.phone.invalid");
    assertEquals("13800001234", parse(file(with(9, "+86 138-0000-1234"))).get(0).phone());
  }

  @Test
  void theMaximumLoadIsAWholeNumberFromOneTo200() {
    assertEquals(1, parse(file(with(10, "1"))).get(0).maxLoad());
    assertEquals(200, parse(file(with(10, "200"))).get(0).maxLoad());
    for (String bad : new String[] {"0", "201", "-3", "2.5", "二十"}) {
      refused(file(with(10, bad)), "experts!K2", "F-POOL", "scoring.pool.maxLoad.invalid");
    }
  }

  @Test
  void theSameDocumentOrEMailTwiceNamesTheFirstRow() {
    String[] second = with(0, "王一（重复）");
    second[8] = "other@zju.edu.cn";
    List<RuleViolation> p = problems(file(good(), second));
    assertEquals(1, p.size());
    assertEquals("experts!C3", p.get(0).field());
    assertEquals("scoring.pool.duplicate", p.get(0).messageKey());
    assertEquals(List.of(2), p.get(0).args());

    String[] sameMail = with(2, "330203197503150026");
    List<RuleViolation> m = problems(file(good(), sameMail));
    assertEquals("experts!I3", m.get(0).field());
    assertEquals("scoring.pool.email.duplicate", m.get(0).messageKey());
    // by ID document, never by name: two people of one name are two experts
    String[] namesake = with(2, "330203197503150026");
    namesake[8] = "wang2@zju.edu.cn";
    assertEquals(2, parse(file(good(), namesake)).size());
  }

  @Test
  void everyProblemOfEveryRowIsListedAndBlankRowsAreSkipped() {
    String[] bad = with(1, "驾驶证");
    bad[8] = "x";
    bad[9] = "1";
    String[] blank = new String[11];
    Arrays.fill(blank, "");
    List<RuleViolation> p = problems(file(good(), blank, bad, with(6, "??")));
    List<String> cells = new ArrayList<>();
    p.forEach(v -> cells.add(v.field()));
    assertEquals(List.of("experts!B4", "experts!I4", "experts!J4", "experts!G5"), cells);
  }

  @Test
  void theFileAsAWhole() {
    refused(new byte[0], "file", "F-POOL", "scoring.pool.file.empty");
    refused("name,id\n".getBytes(), "file", "F-POOL", "scoring.pool.file.notXlsx");
    refused(
        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0},
        "file",
        "F-POOL",
        "scoring.pool.file.xls");
    byte[] big = new byte[(int) ExpertWorkbook.MAX_BYTES + 1];
    big[0] = 'P';
    big[1] = 'K';
    big[2] = 3;
    big[3] = 4;
    refused(big, "file", "F-POOL", "scoring.pool.file.tooLarge");
    refused(file(), "experts!A2", "F-POOL", "scoring.pool.noRows");
    String[] header =
        ExpertWorkbook.COLUMNS.stream().map(ExpertWorkbook.Column::zh).toArray(String[]::new);
    header[3] = "单位";
    refused(withHeader(header, good()), "experts!D1", "F-POOL", "scoring.pool.header");
    // English headers, and notes in brackets, are taken
    String[] english =
        ExpertWorkbook.COLUMNS.stream().map(c -> c.en() + "（说明）").toArray(String[]::new);
    assertEquals(1, parse(withHeader(english, good())).size());
  }

  @Test
  void aProblemsCellNamesItsRowAndColumn() {
    assertEquals(new ExpertWorkbook.Place(5, "idNumber"), ExpertWorkbook.place("experts!C5"));
    assertEquals(new ExpertWorkbook.Place(12, "maxLoad"), ExpertWorkbook.place("专家!K12"));
    assertEquals(new ExpertWorkbook.Place(0, null), ExpertWorkbook.place("file"));
    assertEquals(new ExpertWorkbook.Place(3, null), ExpertWorkbook.place("experts!Z3"));
  }
}
