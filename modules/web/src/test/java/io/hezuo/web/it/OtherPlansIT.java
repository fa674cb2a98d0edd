package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    return xlsx(HEADER, rows);
  }

  static byte[] xlsx(String[] header, List<String[]> rows) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("pis");
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
      wb.write(out);
      return out.toByteArray();
    }
  }

  /**
   * Uploads a file (202: an import job) and waits for the job to end: the job with its problems
   * ({@code job.items}) and, when DONE, what it replaced ({@code outcome}). Each reading while it
   * runs is added to {@code seen} (when given).
   */
  static JsonObject imported(Api officer, String query, byte[] xlsx, List<JsonObject> seen)
      throws Exception {
    Api.Reply started = officer.send("POST", "api/v1/directory/other-plans?" + query, XLSX, xlsx);
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonObject("job").getJsonNumber("id").longValue();
    java.util.concurrent.atomic.AtomicReference<JsonObject> end =
        new java.util.concurrent.atomic.AtomicReference<>();
    org.awaitility.Awaitility.await("the import ends")
        .atMost(java.time.Duration.ofMinutes(2))
        .pollInterval(java.time.Duration.ofMillis(100))
        .until(
            () -> {
              Api.Reply r = officer.get("api/v1/directory/other-plans/imports/" + id);
              assertEquals(200, r.status(), r.body());
              JsonObject job = r.json().getJsonObject("job");
              if (!"RUNNING".equals(job.getString("status"))) {
                end.set(r.json());
                return true;
              }
              if (seen != null) {
                seen.add(job);
              }
              return false;
            });
    return end.get();
  }

  /** The problems of a refused import, as rule:cell. */
  static List<String> problems(JsonObject imported) {
    assertEquals("REFUSED", imported.getJsonObject("job").getString("status"), imported.toString());
    return imported.getJsonObject("job").getJsonArray("items").stream()
        .map(v -> v.asJsonObject())
        .map(v -> v.getString("ruleId") + ":" + v.getString("name"))
        .toList();
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
    JsonObject refused = imported(officer, "fileName=bad.xlsx", bad, null);
    List<String> cells = problems(refused);
    assertEquals(
        List.of(
            "F-OPL:pis!A3",
            "F-OPL:pis!B3",
            "F-OPL:pis!G3",
            "F-OPL:pis!C4",
            "F-OPL:pis!D4",
            "F-OPL:pis!F4"),
        cells);
    JsonObject checkDigit = refused.getJsonObject("job").getJsonArray("items").getJsonObject(2);
    assertTrue(checkDigit.getString("messageZh").contains("证件号码"), checkDigit.toString());
    assertTrue(checkDigit.getString("messageEn").contains("ID number"), checkDigit.toString());
    assertTrue(!refused.containsKey("outcome") || refused.isNull("outcome"), refused.toString());
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
    JsonObject imported =
        imported(officer, "fileName=lists.xlsx&note=IT%20%E5%AF%BC%E5%85%A5", good, null);
    assertEquals("DONE", imported.getJsonObject("job").getString("status"), imported.toString());
    assertEquals(100, imported.getJsonObject("job").getInt("percent"), imported.toString());
    assertEquals(3, imported.getJsonObject("outcome").getInt("rows"), imported.toString());
    assertEquals(
        3, imported.getJsonObject("outcome").getJsonArray("lists").size(), imported.toString());
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

  /**
   * Wrong columns, bad ID numbers and duplicate rows: the import job refuses the file with a
   * problem per cell and imports nothing; a good file is staged chunk by chunk, its progress
   * moving, and replaces its list only at the end.
   */
  @Test
  void badFilesImportNothingAndAGoodOneMovesTheProgressBar() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    String a = residentId("33010619940606064");
    String b = residentId("33010619950707075");
    long before = rows();

    String[] swapped = HEADER.clone();
    swapped[5] = HEADER[6];
    swapped[6] = HEADER[5];
    List<String> columns =
        problems(
            imported(
                officer,
                "fileName=columns.xlsx",
                xlsx(
                    swapped,
                    List.<String[]>of(
                        new String[] {"2028", "NSFC", "", "IT 列", "甲", a, "居民身份证", ""})),
                null));
    assertEquals(List.of("F-OPL:pis!F1", "F-OPL:pis!G1"), columns);

    String badDigit = a.substring(0, 17) + (a.charAt(17) == '1' ? "2" : "1");
    List<String> ids =
        problems(
            imported(
                officer,
                "fileName=ids.xlsx",
                xlsx(
                    List.<String[]>of(
                        new String[] {"2028", "NSFC", "", "IT 号码一", "甲", "居民身份证", badDigit, ""},
                        new String[] {"2028", "NSFC", "", "IT 号码二", "乙", "居民身份证", "12345", ""},
                        new String[] {"2028", "NSFC", "", "IT 号码三", "丙", "居民身份证", b, ""})),
                null));
    assertEquals(List.of("F-OPL:pis!G2", "F-OPL:pis!G3"), ids);

    List<String> duplicates =
        problems(
            imported(
                officer,
                "fileName=duplicates.xlsx",
                xlsx(
                    List.<String[]>of(
                        new String[] {"2028", "NSFC", "", "IT 重复", "甲", "居民身份证", a, ""},
                        new String[] {"2028", "NSFC", "", "IT 其他", "乙", "居民身份证", b, ""},
                        new String[] {"2028", "NSFC", "", "IT 重复", "甲", "居民身份证", a, ""})),
                null));
    assertEquals(List.of("F-OPL:pis!G4"), duplicates);
    assertEquals(before, rows());
    assertEquals(
        List.of("3"),
        Db.strings(
            "select count(*) from krn_audit where entity_type = 'OtherPlans'"
                + " and action = 'import-refused' and reason in"
                + " ('columns.xlsx', 'ids.xlsx', 'duplicates.xlsx')"));

    // a good file, one row a chunk with a pause: the progress moves, then the list is replaced
    List<String[]> good = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      good.add(new String[] {"2029", "NSFC", "", "IT 进度 " + i, "进度" + i, "护照", "E1234567" + i, ""});
    }
    List<JsonObject> seen = new ArrayList<>();
    JsonObject done =
        imported(officer, "fileName=progress.xlsx&chunk=1&pauseMillis=400", xlsx(good), seen);
    assertEquals("DONE", done.getJsonObject("job").getString("status"), done.toString());
    assertEquals(5, done.getJsonObject("job").getInt("total"));
    assertEquals(100, done.getJsonObject("job").getInt("percent"));
    assertTrue(
        seen.stream().anyMatch(j -> j.getInt("done") > 0 && j.getInt("done") < 5), seen.toString());
    assertEquals(
        List.of("5"),
        Db.strings(
            "select count(*) from dir_other_plan_pi where year = 2029 and plan_kind = 'NSFC'"));
    assertEquals(
        List.of("0"),
        Db.strings(
            "select count(*) from dir_other_plan_staging where job_id = ?",
            done.getJsonObject("job").getJsonNumber("id").longValue()));
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
    // read once the search's answer has replaced the table
    String table =
        browser
            .patiently()
            .until(
                d -> {
                  String t = d.findElement(By.id("list:pis")).getText();
                  return t.contains("IT 界面导入的项目") ? t : null;
                });
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
