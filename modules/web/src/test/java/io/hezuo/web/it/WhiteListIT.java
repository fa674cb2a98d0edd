package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The white list (G1): the officer imports an .xlsx (a bad file first lists its F-WL problems by
 * cell and saves nothing); the public page lists and searches the platforms without members' ID
 * numbers; an applicant cannot open the import; the REST list is public, the REST import is not.
 */
class WhiteListIT extends BrowserIT {

  /**
   * The demo platforms (if the demo data has them) stay on the list: the import upserts by name and
   * host, so they keep their ids and the other tests' G1 checks still find them.
   */
  static final String DEMO_PLATFORM = "浙江省海洋智能装备重点实验室（演示）";

  static final String DEMO_PLATFORM_2 = "浙江省生命健康国际联合实验室（演示）";

  static final String MARINE = "IT 海洋装备联合实验室";
  static final String AGRI = "IT 智慧农业工程技术中心";

  private final HttpClient http = HttpClient.newHttpClient();

  /** An .xlsx with the two sheets, written to a temp file for the browser's file input. */
  static Path xlsx(String name, List<String[]> platforms, List<String[]> members) throws Exception {
    Path file = Files.createTempDirectory("hezuo-wl").resolve(name);
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      fill(
          wb.createSheet("platforms"),
          new String[] {"平台名称", "级别", "依托单位统一社会信用代码", "领域"},
          platforms);
      fill(wb.createSheet("members"), new String[] {"平台名称", "姓名", "证件类型", "证件号码"}, members);
      wb.write(out);
    }
    return file;
  }

  private static void fill(Sheet sheet, String[] header, List<String[]> rows) {
    Row h = sheet.createRow(0);
    for (int c = 0; c < header.length; c++) {
      h.createCell(c).setCellValue(header[c]);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      for (int c = 0; c < rows.get(r).length; c++) {
        row.createCell(c).setCellValue(rows.get(r)[c]);
      }
    }
  }

  static Path goodFile() throws Exception {
    return xlsx(
        "whitelist.xlsx",
        List.<String[]>of(
            new String[] {DEMO_PLATFORM, "省级", "91330100MA2A00003U", "海洋经济；装备制造；新材料"},
            new String[] {MARINE, "国家级", "91330100MA2A00003U", "海洋经济、装备制造"},
            new String[] {AGRI, "厅级", "12330000MB0000004T", "智慧农业；生命健康"},
            new String[] {DEMO_PLATFORM_2, "厅级", "12330000MB0000004T", "生命健康；医疗器械"}),
        List.<String[]>of(
            new String[] {DEMO_PLATFORM, "张海洋", "居民身份证", "330106198001010013"},
            new String[] {MARINE, "张海洋", "居民身份证", "330106198001010013"},
            new String[] {MARINE, "Anna Berg", "护照", "E12345678"},
            new String[] {AGRI, "钱专家", "RESIDENT_ID", "330106198405050054"},
            new String[] {DEMO_PLATFORM_2, "钱专家", "居民身份证", "330106198405050054"}));
  }

  private void upload(Path file, boolean confirm) {
    browser.open("/app/directory/whitelist-import.xhtml");
    browser.waitFor(By.id("imp:file")).sendKeys(file.toAbsolutePath().toString());
    browser.type("imp:note", "IT 导入");
    if (confirm) {
      browser.driver.findElement(By.id("imp:confirm")).click();
    }
    browser.driver.findElement(By.id("imp:submit")).click();
  }

  @Test
  void officerImportsThenPublicListsAndSearches() throws Exception {
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    upload(goodFile(), true);
    browser.waitForText(By.id("messages"), "导入成功");
    assertTrue(
        browser.driver.findElement(By.id("resultCounts")).getText().contains("4 个平台，5 名成员"),
        browser.bodyText());

    assertEquals(
        List.of("NATIONAL"),
        Db.strings("select level from dir_platform where name = ? and active", MARINE));
    assertEquals(
        List.of("智慧农业；生命健康"),
        Db.strings("select fields from dir_platform where name = ? and active", AGRI));
    assertEquals(
        List.of("2"),
        Db.strings(
            "select count(*) from dir_platform_member m join dir_platform p on p.id = m.platform_id"
                + " where p.name = ?",
            MARINE));
    assertEquals(
        List.of("900003"),
        Db.strings("select host_organisation_id from dir_platform where name = ?", DEMO_PLATFORM));
    assertFalse(
        Db.strings(
                "select reason from krn_audit where entity_type = 'WhiteList' and action = 'import'"
                    + " and actor = 'demo_officer' and to_state like '4 platforms, 5 members%'")
            .isEmpty());
    browser.logout();

    // public, no login: the list with levels in the user's language, never the ID numbers
    browser.open("/directory/whitelist.xhtml");
    browser.waitForText(By.id("wl:platforms"), MARINE);
    String text = browser.bodyText();
    assertTrue(text.contains(AGRI), text);
    assertTrue(text.contains("国家级") && text.contains("厅级"), text);
    assertTrue(text.contains("浙江演示海洋科技有限公司"), text);
    assertTrue(text.contains("海洋经济、装备制造"), text);
    assertFalse(browser.driver.getPageSource().contains("330106198001010013"));
    assertFalse(browser.driver.getPageSource().contains("E12345678"));

    browser.type("wl:q", "智慧农业");
    browser.driver.findElement(By.id("wl:search")).click();
    browser.waitForText(By.id("wl:total"), "共 1 个平台");
    text = browser.driver.findElement(By.id("wl:platforms")).getText();
    assertTrue(text.contains(AGRI), text);
    assertFalse(text.contains(MARINE), text);

    browser.type("wl:q", "浙江演示大学");
    browser.driver.findElement(By.id("wl:search")).click();
    browser.waitForText(By.id("wl:total"), "共 2 个平台");
    text = browser.driver.findElement(By.id("wl:platforms")).getText();
    assertTrue(text.contains(AGRI) && text.contains(DEMO_PLATFORM_2), text);
    assertFalse(text.contains(MARINE), text);

    // the REST list is public and carries the same data, no ID numbers
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    Db.loopback(base)
                        .toURI()
                        .resolve("api/v1/directory/whitelist?q=%E6%B5%B7%E6%B4%8B&max=10"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    JsonObject page = Json.createReader(new StringReader(r.body())).readObject();
    JsonArray items = page.getJsonArray("items");
    assertTrue(
        items.stream()
            .map(v -> v.asJsonObject())
            .anyMatch(
                p ->
                    p.getString("name").equals(MARINE)
                        && p.getString("level").equals("NATIONAL")
                        && p.getInt("memberCount") == 2),
        r.body());
    assertFalse(r.body().contains("330106198001010013"), r.body());
  }

  @Test
  void badFileListsProblemsAndSavesNothing() throws Exception {
    String before = Db.strings("select count(*) from dir_platform").get(0);
    String membersBefore = Db.strings("select count(*) from dir_platform_member").get(0);
    Path bad =
        xlsx(
            "bad.xlsx",
            List.<String[]>of(
                new String[] {"IT 坏平台甲", "省级", "91330100MA2A00003W", "海洋经济"},
                new String[] {"IT 坏平台乙", "市级", "12330000MB0000004T", "海洋经济"},
                new String[] {"IT 坏平台丙", "省级", "91350100M000100Y43", "海洋经济"}),
            List.<String[]>of(new String[] {"IT 坏平台乙", "张海洋", "居民身份证", "330106198001010014"}));
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));

    // without the confirmation nothing happens
    upload(bad, false);
    browser.waitForText(By.id("messages"), "请勾选确认");

    upload(bad, true);
    browser.waitForText(By.id("messages"), "未导入任何数据");
    String problems = browser.driver.findElement(By.id("problems")).getText();
    assertTrue(problems.contains("F-WL"), problems);
    assertTrue(problems.contains("platforms!C2") && problems.contains("校验码"), problems);
    assertTrue(problems.contains("platforms!B3") && problems.contains("市级"), problems);
    assertTrue(problems.contains("platforms!C4") && problems.contains("未在系统中登记"), problems);
    assertTrue(problems.contains("members!D2"), problems);
    assertEquals(List.of(before), Db.strings("select count(*) from dir_platform"));
    assertEquals(List.of(membersBefore), Db.strings("select count(*) from dir_platform_member"));
    assertTrue(Db.strings("select id from dir_platform where name like 'IT 坏平台%'").isEmpty());

    // a text file renamed to .xlsx is refused by its content
    Path renamed = Files.createTempDirectory("hezuo-wl").resolve("list.xlsx");
    Files.writeString(renamed, "平台名称,级别\nA,省级\n", StandardCharsets.UTF_8);
    upload(renamed, true);
    browser.waitForText(By.id("messages"), "不是 Excel 工作簿");
    assertEquals(List.of(before), Db.strings("select count(*) from dir_platform"));
    browser.logout();
  }

  @Test
  void applicantCannotImport() throws Exception {
    browser.login("demo_pi", "Demo@2026");
    browser.waitFor(By.id("home-APPLICANT"));
    browser.open("/app/directory/whitelist-import.xhtml");
    browser.waitFor(By.id("errorTitle"));
    assertTrue(browser.bodyText().contains("无权访问"), browser.bodyText());
    assertTrue(browser.driver.findElements(By.id("imp:file")).isEmpty());
    browser.logout();

    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(Db.loopback(base).toURI().resolve("api/v1/directory/whitelist"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(goodFile())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, post.statusCode(), post.body());
    assertTrue(
        post.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));

    HttpResponse<byte[]> template =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Db.loopback(base)
                            .toURI()
                            .resolve("api/v1/directory/whitelist/template")
                            .toString()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, template.statusCode());
    assertEquals('P', template.body()[0]);
    assertEquals('K', template.body()[1]);
  }
}
