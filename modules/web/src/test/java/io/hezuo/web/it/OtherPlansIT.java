package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * G2 across plans: the officer imports the applicant lists of other provincial plans and of the
 * provincial Natural Science Foundation (a bad file first: F-OPL problems by cell, nothing saved);
 * an applicant on the NSFC list of the call's year sees the G2 warning on the checks, one who is
 * only on last year's list does not; only officers import, only officers and formal reviewers read
 * the list (ID numbers masked); the officer's screen uploads and lists.
 */
class OtherPlansIT extends BrowserIT {

  static final String[] HEADER = {"年度", "计划类别", "计划名称", "项目名称", "负责人姓名", "证件类型", "证件号码", "单位名称"};

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Resident ID with its GB 11643 check digit. */
  static String residentId(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  static final String ON_LIST = residentId("33010619910303031");
  static final String LAST_YEAR_ONLY = residentId("33010619920404042");

  static byte[] xlsx(List<String[]> rows) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("pis");
      Row h = sheet.createRow(0);
      for (int c = 0; c < HEADER.length; c++) {
        h.createCell(c).setCellValue(HEADER[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).length; c++) {
          row.createCell(c).setCellValue(rows.get(r)[c]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  static long rows() throws Exception {
    return Long.parseLong(Db.strings("select count(*) from dir_other_plan_pi").get(0));
  }

  @Test
  void importThenTheCheckWarnsThePiOnTheList() throws Exception {
    Db.createApplicant("it_opl_on", "冯基金", ON_LIST.substring(0, 17), 900003);
    Db.createApplicant("it_opl_off", "陈去年", LAST_YEAR_ONLY.substring(0, 17), 900003);
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    long before = rows();

    // a bad file: every bad cell named, nothing saved
    byte[] bad =
        xlsx(
            List.<String[]>of(
                new String[] {"2026", "省自然科学基金", "", "IT 好项目", "冯基金", "居民身份证", ON_LIST, ""},
                new String[] {
                  "26", "国家自然科学基金", "", "IT 坏项目", "张三", "居民身份证", "330106198001010014", ""
                },
                new String[] {"2026", "其他省级科技计划", "", "", "李四", "军官证", "123", ""}));
    Api.Reply refused =
        officer.send("POST", "api/v1/directory/other-plans?fileName=bad.xlsx", XLSX, bad);
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
    JsonArray vs = refused.json().getJsonArray("violations");
    List<String> cells =
        vs.stream()
            .map(v -> v.asJsonObject())
            .map(v -> v.getString("ruleId") + ":" + v.getString("field"))
            .toList();
    assertEquals(
        List.of(
            "F-OPL:pis!A3",
            "F-OPL:pis!B3",
            "F-OPL:pis!G3",
            "F-OPL:pis!C4",
            "F-OPL:pis!D4",
            "F-OPL:pis!F4"),
        cells);
    JsonObject checkDigit = vs.getJsonObject(2);
    assertTrue(checkDigit.getString("message_zh").contains("证件号码"), checkDigit.toString());
    assertTrue(checkDigit.getString("message_en").contains("ID number"), checkDigit.toString());
    assertEquals(before, rows());

    // a good file: this year's NSFC and other plans, and last year's NSFC
    byte[] good =
        xlsx(
            List.<String[]>of(
                new String[] {
                  "2026", "省自然科学基金", "", "IT 深海传感器自供能机理", "冯基金", "居民身份证", ON_LIST, "浙江演示海洋科技有限公司"
                },
                new String[] {
                  "2026", "其他省级科技计划", "省重点研发计划", "IT 海洋装备运维", "Anna Berg", "护照", "E98765432", ""
                },
                new String[] {
                  "2025", "NSFC", "", "IT 去年的基金项目", "陈去年", "RESIDENT_ID", LAST_YEAR_ONLY, ""
                }));
    Api.Reply imported =
        officer.send(
            "POST",
            "api/v1/directory/other-plans?fileName=lists.xlsx&note=IT%20%E5%AF%BC%E5%85%A5",
            XLSX,
            good);
    assertEquals(200, imported.status(), imported.body());
    assertEquals(3, imported.json().getInt("rows"), imported.body());
    assertEquals(3, imported.json().getJsonArray("lists").size(), imported.body());
    assertEquals(
        List.of("省自然科学基金"),
        Db.strings(
            "select plan_name from dir_other_plan_pi where year = 2026 and plan_kind = 'NSFC'"
                + " and id_type = 'RESIDENT_ID' and id_number = ?",
            ON_LIST));
    assertFalse(
        Db.strings(
                "select reason from krn_audit where entity_type = 'OtherPlans' and action ="
                    + " 'import' and actor = 'demo_officer' and reason = 'lists.xlsx: IT 导入'")
            .isEmpty());

    // the list: officers and formal reviewers, ID numbers masked
    Api.Reply list = officer.get("api/v1/directory/other-plans?year=2026&kind=NSFC");
    assertEquals(200, list.status(), list.body());
    assertEquals(1, list.json().getInt("total"), list.body());
    JsonObject item = list.json().getJsonArray("items").getJsonObject(0);
    assertEquals("IT 深海传感器自供能机理", item.getString("projectTitle"));
    assertEquals(
        ON_LIST.substring(0, 6) + "********" + ON_LIST.substring(14),
        item.getString("idNumberMasked"));
    assertFalse(list.body().contains(ON_LIST), list.body());
    Api.Reply byNumber = officer.get("api/v1/directory/other-plans?q=" + ON_LIST);
    assertEquals(1, byNumber.json().getInt("total"), byNumber.body());
    Api reviewer = Api.as(browser, base, "demo_review", "Demo@2026");
    assertEquals(200, reviewer.get("api/v1/directory/other-plans?year=2026").status());
    assertEquals(401, Api.anonymous(base).get("api/v1/directory/other-plans").status());

    // the PI on this year's NSFC list: a G2 warning naming the plan, the year and the project
    Api on = Api.as(browser, base, "it_opl_on", "Demo@2026");
    assertEquals(403, on.get("api/v1/directory/other-plans").status());
    long id = draft(on);
    List<JsonObject> g2 = g2(on, id);
    assertEquals(1, g2.size(), g2.toString());
    assertEquals("WARNING", g2.get(0).getString("severity"));
    assertTrue(
        g2.get(0).getString("message_zh").contains("省自然科学基金 2026《IT 深海传感器自供能机理》"), g2.toString());
    assertTrue(
        g2.get(0).getString("message_en").contains("Natural Science Foundation"), g2.toString());

    // an applicant may not import: 403, nothing changed
    long now = rows();
    Api.Reply forbidden =
        on.send("POST", "api/v1/directory/other-plans?fileName=x.xlsx", XLSX, good);
    assertEquals(403, forbidden.status(), forbidden.body());
    assertTrue(forbidden.contentType().startsWith("application/problem+json"));
    assertEquals(now, rows());

    // the PI on last year's list only: no G2 at all
    Api off = Api.as(browser, base, "it_opl_off", "Demo@2026");
    assertTrue(g2(off, draft(off)).isEmpty());
  }

  private static long draft(Api pi) throws Exception {
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}");
    assertEquals(201, created.status(), created.body());
    return created.json().getJsonNumber("id").longValue();
  }

  private static List<JsonObject> g2(Api pi, long id) throws Exception {
    Api.Reply checks = pi.get("api/v1/submission/applications/" + id + "/checks");
    assertEquals(200, checks.status(), checks.body());
    return checks.json().getJsonArray("violations").stream()
        .map(v -> v.asJsonObject())
        .filter(v -> v.getString("ruleId").equals("G2"))
        .toList();
  }

  @Test
  void officerScreenUploadsAndLists() throws Exception {
    String number = residentId("33010619930505053");
    Path file = Files.createTempDirectory("hezuo-opl").resolve("provincial-2027.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(
          xlsx(
              List.<String[]>of(
                  new String[] {
                    "2027", "其他省级科技计划", "省领雁计划", "IT 界面导入的项目", "蒋界面", "居民身份证", number, "浙江演示大学"
                  })));
    }
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    assertFalse(
        browser.driver.findElements(By.cssSelector("#menu a[data-menu=otherPlans]")).isEmpty());
    browser.open("/app/directory/other-plans.xhtml");
    browser
        .waitFor(By.cssSelector("#imp input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());
    browser.type("imp:note", "IT 界面");
    browser.driver.findElement(By.id("imp:confirm")).click();
    browser.driver.findElement(By.id("imp:submit")).click();
    browser.waitForText(By.id("messages"), "导入成功");
    String result = browser.driver.findElement(By.id("resultLists")).getText();
    assertTrue(result.contains("2027 年 其他省级科技计划") && result.contains("导入后 1 人次"), result);
    browser.waitForText(By.id("summary"), "2027");

    browser.type("list:q", "界面导入");
    browser.driver.findElement(By.id("list:search")).click();
    browser.waitForText(By.id("list:total"), "共 1 条");
    String table = browser.driver.findElement(By.id("list:pis")).getText();
    assertTrue(table.contains("IT 界面导入的项目") && table.contains("省领雁计划"), table);
    assertTrue(table.contains(number.substring(0, 6) + "********" + number.substring(14)), table);
    assertFalse(browser.driver.getPageSource().contains(number));
    browser.logout();

    // an applicant cannot open the screen
    browser.login("demo_pi", "Demo@2026");
    browser.waitFor(By.id("home-APPLICANT"));
    browser.open("/app/directory/other-plans.xhtml");
    browser.waitFor(By.id("errorTitle"));
    assertTrue(browser.driver.findElements(By.cssSelector("#imp input[type=file]")).isEmpty());
    browser.logout();
  }
}
