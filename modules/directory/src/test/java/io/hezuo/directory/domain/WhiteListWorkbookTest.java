package io.hezuo.directory.domain;

import static io.hezuo.directory.domain.TestWorkbooks.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

class WhiteListWorkbookTest {

  static final LocalDate TODAY = LocalDate.of(2025, 9, 1);
  static final Map<String, Long> HOSTS =
      Map.of("91330100MA2A00003U", 900003L, "12330000MB0000004T", 900004L);

  static final String[] PLATFORM_HEADER = {"平台名称", "级别", "依托单位统一社会信用代码", "领域"};
  static final String[] MEMBER_HEADER = {"平台名称", "姓名", "证件类型", "证件号码"};

  /** A workbook with the two sheets and the given rows (after the header). */
  static byte[] xlsx(List<String[]> platforms, List<String[]> members) throws IOException {
    return TestWorkbooks.xlsx(
        wb -> {
          fill(wb.createSheet("platforms"), PLATFORM_HEADER, platforms);
          fill(wb.createSheet("members"), MEMBER_HEADER, members);
        });
  }

  static List<String[]> goodPlatforms() {
    return List.<String[]>of(
        new String[] {"浙江省海洋装备重点实验室", "省级", "91330100MA2A00003U", "海洋经济、装备制造；新材料"},
        new String[] {"国家海洋工程技术研究中心", "NATIONAL", "12330000MB0000004T", "海洋经济"});
  }

  static List<String[]> goodMembers() {
    return List.<String[]>of(
        new String[] {"浙江省海洋装备重点实验室", "张海洋", "居民身份证", "330106198001010013"},
        new String[] {"浙江省海洋装备重点实验室", "Anna Berg", "护照", "E12345678"},
        new String[] {"国家海洋工程技术研究中心", "张海洋", "RESIDENT_ID", "330106198001010013"});
  }

  private static List<RuleViolation> problems(byte[] file) {
    return assertThrows(
            RuleViolationException.class, () -> WhiteListWorkbook.parse(file, HOSTS, TODAY))
        .violations();
  }

  private static void assertProblem(List<RuleViolation> vs, String field, String key) {
    assertTrue(
        vs.stream().anyMatch(v -> field.equals(v.field()) && key.equals(v.messageKey())),
        () -> "expected " + field + " " + key + " in " + vs);
    vs.forEach(v -> assertEquals("F-WL", v.ruleId()));
  }

  @Test
  void goodFileIsRead() throws IOException {
    WhiteListWorkbook.Parsed p =
        WhiteListWorkbook.parse(xlsx(goodPlatforms(), goodMembers()), HOSTS, TODAY);
    assertEquals(2, p.platforms().size());
    WhiteListWorkbook.PlatformRow first = p.platforms().get(0);
    assertEquals("浙江省海洋装备重点实验室", first.name());
    assertEquals(PlatformLevel.PROVINCIAL, first.level());
    assertEquals(900003L, first.hostOrganisationId());
    assertEquals(List.of("海洋经济", "装备制造", "新材料"), first.fields());
    assertEquals(PlatformLevel.NATIONAL, p.platforms().get(1).level());
    assertEquals(3, p.members().size());
    assertEquals(IdDocumentType.PASSPORT, p.members().get(1).idType());
    assertEquals("330106198001010013", p.members().get(2).idNumber());
  }

  @Test
  void blankRowsAreSkipped() throws IOException {
    List<String[]> platforms = new ArrayList<>(goodPlatforms());
    platforms.add(new String[] {"", " ", "", ""});
    assertEquals(
        2,
        WhiteListWorkbook.parse(xlsx(platforms, goodMembers()), HOSTS, TODAY).platforms().size());
  }

  @Test
  void badCreditCodeNamesTheCell() throws IOException {
    List<String[]> platforms =
        List.<String[]>of(
            new String[] {"A 实验室", "省级", "91330100MA2A00003W", "海洋经济"},
            new String[] {"B 实验室", "省级", "9133", "海洋经济"});
    List<RuleViolation> vs = problems(xlsx(platforms, List.of()));
    assertProblem(vs, "platforms!C2", "directory.whitelist.creditCode.checkCharacter");
    assertProblem(vs, "platforms!C3", "directory.whitelist.creditCode.format");
    String text = Messages.describeBilingual(vs.get(0));
    assertTrue(text.startsWith("[F-WL] platforms!C2: "), text);
    assertTrue(text.contains("校验码") && text.contains("check character"), text);
  }

  @Test
  void badIdCheckDigit() throws IOException {
    List<String[]> members =
        List.<String[]>of(new String[] {"浙江省海洋装备重点实验室", "张海洋", "居民身份证", "330106198001010014"});
    List<RuleViolation> vs = problems(xlsx(goodPlatforms(), members));
    assertEquals(1, vs.size(), vs::toString);
    assertProblem(vs, "members!D2", "directory.id.resident.check_digit");
  }

  @Test
  void unknownLevelAndIdType() throws IOException {
    List<String[]> platforms =
        List.<String[]>of(new String[] {"A 实验室", "市级", "91330100MA2A00003U", "海洋经济"});
    List<String[]> members = List.<String[]>of(new String[] {"A 实验室", "张海洋", "军官证", "123"});
    List<RuleViolation> vs = problems(xlsx(platforms, members));
    assertProblem(vs, "platforms!B2", "directory.whitelist.level.unknown");
    assertProblem(vs, "members!C2", "directory.whitelist.idType.unknown");
    assertEquals(List.of("市级"), vs.get(0).args());
  }

  @Test
  void unknownHostUnit() throws IOException {
    // a valid code (GB 32100's own example) of a unit the system does not know
    List<String[]> platforms =
        List.<String[]>of(new String[] {"A 实验室", "厅级", "91350100M000100Y43", "海洋经济"});
    List<RuleViolation> vs = problems(xlsx(platforms, List.of()));
    assertEquals(1, vs.size(), vs::toString);
    assertProblem(vs, "platforms!C2", "directory.whitelist.host.unknown");
  }

  @Test
  void duplicatesAndUnknownPlatform() throws IOException {
    List<String[]> platforms = new ArrayList<>(goodPlatforms());
    platforms.add(new String[] {"浙江省海洋装备重点实验室", "省级", "12330000MB0000004T", "海洋经济"});
    List<String[]> members = new ArrayList<>(goodMembers());
    members.add(new String[] {"浙江省海洋装备重点实验室", "张海洋", "身份证", "330106198001010013"});
    members.add(new String[] {"不存在的平台", "李四", "护照", "E7654321"});
    List<RuleViolation> vs = problems(xlsx(platforms, members));
    assertProblem(vs, "platforms!A4", "directory.whitelist.platform.duplicate");
    assertProblem(vs, "members!D5", "directory.whitelist.member.duplicate");
    assertEquals(List.of("members!D2"), vs.get(1).args());
    assertProblem(vs, "members!A6", "directory.whitelist.member.unknownPlatform");
    assertEquals(3, vs.size(), vs::toString);
  }

  @Test
  void idNumberStoredAsNumberIsRefused() throws IOException {
    byte[] file =
        TestWorkbooks.xlsx(
            wb -> {
              fill(wb.createSheet("platforms"), PLATFORM_HEADER, goodPlatforms());
              Sheet m =
                  fill(
                      wb.createSheet("members"),
                      MEMBER_HEADER,
                      List.<String[]>of(
                          new String[] {"浙江省海洋装备重点实验室", "张海洋", "居民身份证", ""},
                          new String[] {"浙江省海洋装备重点实验室", "林台胞", "台湾居民来往大陆通行证", ""}));
              m.getRow(1).getCell(3).setCellValue(330106198001010013d);
              m.getRow(2).getCell(3).setCellValue(12345678d); // 8 digits survive as a number
            });
    List<RuleViolation> vs = problems(file);
    assertEquals(1, vs.size(), vs::toString);
    assertProblem(vs, "members!D2", "directory.whitelist.idNumber.numeric");
  }

  @Test
  void renamedNonXlsxFilesAreRefusedByContent() throws IOException {
    byte[] text = "平台名称,级别\n".getBytes(StandardCharsets.UTF_8);
    assertProblem(problems(text), "file", "directory.whitelist.file.notXlsx");
    assertProblem(problems(TestWorkbooks.xls()), "file", "directory.whitelist.file.xls");
    assertProblem(problems(TestWorkbooks.zipOfText()), "file", "directory.whitelist.file.notXlsx");
    assertProblem(problems(new byte[0]), "file", "directory.whitelist.file.empty");
    byte[] big = TestWorkbooks.zipStart(WhiteListWorkbook.MAX_BYTES + 1);
    assertProblem(problems(big), "file", "directory.whitelist.file.tooLarge");
  }

  @Test
  void wrongHeadersAndMissingSheet() throws IOException {
    byte[] file =
        TestWorkbooks.xlsx(
            wb ->
                fill(
                    wb.createSheet("platforms"), new String[] {"名称", "级别", "代码", "领域"}, List.of()));
    List<RuleViolation> vs = problems(file);
    assertProblem(vs, "platforms!A1", "directory.whitelist.header");
    assertProblem(vs, "platforms!C1", "directory.whitelist.header");
    assertProblem(vs, "members", "directory.whitelist.sheet.missing");
  }

  @Test
  void emptyListIsRefused() throws IOException {
    assertProblem(
        problems(xlsx(List.of(), List.of())), "platforms!A2", "directory.whitelist.empty");
  }

  @Test
  void atMost200ProblemsAreListed() throws IOException {
    List<String[]> platforms = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      platforms.add(new String[] {"P" + i, "市级", "91330100MA2A00003U", "海洋经济"});
    }
    List<RuleViolation> vs = problems(xlsx(platforms, List.of()));
    assertEquals(201, vs.size());
    RuleViolation last = vs.get(200);
    assertEquals("directory.whitelist.moreProblems", last.messageKey());
    assertEquals(List.of(100), last.args());
  }

  @Test
  void templateIsReadableAndEmpty() {
    byte[] t = WhiteListWorkbook.template();
    // the template has the right headers: the only problem is that it lists no platform
    List<RuleViolation> vs = problems(t);
    assertEquals(1, vs.size(), vs::toString);
    assertProblem(vs, "platforms!A2", "directory.whitelist.empty");
  }

  @Test
  void levelsAndFields() {
    assertEquals(PlatformLevel.MINISTERIAL, PlatformLevel.parse(" 部级 ").orElseThrow());
    assertEquals(PlatformLevel.DEPARTMENT, PlatformLevel.parse("department").orElseThrow());
    assertEquals(PlatformLevel.PROVINCIAL, PlatformLevel.parse("省").orElseThrow());
    assertTrue(PlatformLevel.parse("省部级").isEmpty());
    assertEquals(List.of("a", "b", "c", "d", "e"), WhiteListWorkbook.splitFields("a、b；c;d,e，a"));
  }

  @Test
  void everyMessageKeyExistsInBothLanguages() {
    for (String key :
        List.of(
            "directory.whitelist.file.notXlsx",
            "directory.whitelist.file.xls",
            "directory.whitelist.file.tooLarge",
            "directory.whitelist.file.empty",
            "directory.whitelist.sheet.missing",
            "directory.whitelist.header",
            "directory.whitelist.empty",
            "directory.whitelist.moreProblems",
            "directory.whitelist.platform.nameRequired",
            "directory.whitelist.platform.duplicate",
            "directory.whitelist.level.unknown",
            "directory.whitelist.creditCode.format",
            "directory.whitelist.creditCode.checkCharacter",
            "directory.whitelist.host.unknown",
            "directory.whitelist.fields.required",
            "directory.whitelist.member.platformRequired",
            "directory.whitelist.member.unknownPlatform",
            "directory.whitelist.member.nameRequired",
            "directory.whitelist.member.duplicate",
            "directory.whitelist.idType.unknown",
            "directory.whitelist.idNumber.numeric")) {
      assertTrue(!Messages.get(Messages.CHINESE, key, "x", "y").startsWith("???"), key);
      assertTrue(!Messages.get(Messages.ENGLISH, key, "x", "y").startsWith("???"), key);
    }
  }
}
