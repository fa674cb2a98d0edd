package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Department's side of recommendation: the quota grid (a change saved and audited), the Excel
 * import (errors per row and nothing imported; then a clean import), and the dashboard with its
 * reminder.
 */
class RecommendationOfficerIT extends BrowserIT {

  static final long REC = 910401;
  static final String NAME = "测试名额推荐局";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static boolean created;

  void setUp() throws Exception {
    if (!created) {
      RecommendationIT.recommender(REC, NAME, "11330100IT0000401E");
      created = true;
    }
  }

  @Test
  void theOfficerSetsAQuotaInTheGrid() throws Exception {
    setUp();
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
    browser.open("/app/recommendation/quotas.xhtml");
    var cell = browser.waitFor(By.cssSelector("input[aria-label='" + NAME + " · 国际科技合作项目（A3）']"));
    cell.clear();
    cell.sendKeys("7");
    browser.driver.findElement(By.id("quotas:reason")).sendKeys("按 2026 年分配方案");
    browser.driver.findElement(By.id("quotas:save")).click();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertEquals(
                    List.of("7"),
                    Db.strings(
                        "select places from rec_quota where recommender_id = ? and quota_group = 'A3'",
                        REC)));
    browser.waitFor(By.xpath("//*[contains(text(), '已保存 1 项名额修改')]"));
    assertEquals(
        List.of("quota-set 7 按 2026 年分配方案"),
        Db.strings(
            "select concat(action, ' ', to_state, ' ', reason) from krn_audit"
                + " where entity_type = 'RecommendationQuota' and entity_id = ?",
            REC + ":A3"));
    // a bad number is refused with R1's message naming the unit, and nothing changes
    cell = browser.waitFor(By.cssSelector("input[aria-label='" + NAME + " · 国际科技合作项目（A3）']"));
    cell.clear();
    cell.sendKeys("-3");
    browser.driver.findElement(By.id("quotas:save")).click();
    browser.waitFor(By.xpath("//*[contains(text(), '" + NAME + "') and contains(text(), 'R1')]"));
    // and beside the cell, which is marked
    cell = browser.waitFor(By.cssSelector("input[aria-label='" + NAME + " · 国际科技合作项目（A3）']"));
    assertEquals("true", cell.getAttribute("aria-invalid"));
    String beside =
        cell.findElement(By.xpath("following-sibling::*[contains(@class, 'hz-cell-error')]"))
            .getText();
    assertTrue(beside.contains("R1") && !beside.contains(NAME), beside);
    assertEquals(
        List.of("7"),
        Db.strings(
            "select places from rec_quota where recommender_id = ? and quota_group = 'A3'", REC));
  }

  @Test
  void anImportWithErrorsImportsNothingAndSaysWhichRows() throws Exception {
    setUp();
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    byte[] bad =
        workbook(
            new String[][] {
              {NAME, "B", "4"},
              {"不存在的科技局", "B", "2"},
              {NAME, "A3", "-1"},
              {NAME, "A2", "1"},
              {NAME, "B", "5"}
            });
    Api.Reply r = officer.send("POST", "api/v1/recommendation/quotas/import", XLSX, bad);
    assertEquals(422, r.status(), r.body());
    JsonObject report = r.json();
    assertEquals(false, report.getBoolean("imported"));
    JsonArray errors = report.getJsonArray("errors");
    assertEquals(4, errors.size(), r.body());
    assertEquals(3, errors.getJsonObject(0).getInt("row"));
    assertTrue(errors.getJsonObject(0).getString("message").contains("不存在的科技局"), r.body());
    assertEquals(4, errors.getJsonObject(1).getInt("row"));
    assertEquals("C", errors.getJsonObject(1).getString("column"));
    assertEquals(5, errors.getJsonObject(2).getInt("row"));
    assertEquals(6, errors.getJsonObject(3).getInt("row"));
    assertTrue(errors.getJsonObject(3).getString("message").contains("第 2 行"), r.body());
    assertTrue(
        Db.strings(
                "select places from rec_quota where recommender_id = ? and quota_group = 'B'", REC)
            .isEmpty(),
        "nothing imported");

    Api.Reply ok =
        officer.send(
            "POST",
            "api/v1/recommendation/quotas/import",
            XLSX,
            workbook(new String[][] {{"11330100IT0000401E", "B", "4"}}));
    assertEquals(200, ok.status(), ok.body());
    assertEquals(
        List.of("4"),
        Db.strings(
            "select places from rec_quota where recommender_id = ? and quota_group = 'B'", REC));
    Api.Reply notExcel =
        officer.send(
            "POST", "api/v1/recommendation/quotas/import", XLSX, "not a workbook".getBytes());
    assertEquals(422, notExcel.status(), notExcel.body());
  }

  @Test
  void theDashboardShowsEachRecommenderAndSendsAReminder() throws Exception {
    setUp();
    // the recommender's account, a person with an e-mail address, receives the reminder by e-mail
    String recUser = "it_rec_remind";
    Db.createApplicant(recUser, "冯推荐", "33010619900303577", REC);
    Db.update(
        "update dir_account_role set role = 'RECOMMENDER' where account_id = (select id from"
            + " dir_account where username = ?)",
        recUser);
    Db.update(
        "update dir_person p join dir_account a on a.person_id = p.id set p.email = ? where"
            + " a.username = ?",
        recUser + "@example.com",
        recUser);
    GreenMail smtp = new GreenMail(new ServerSetup(MailIT.port(), "127.0.0.1", "smtp"));
    smtp.start();
    try {
      remind();
      MimeMessage m =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () ->
                      Arrays.stream(smtp.getReceivedMessages())
                          .filter(
                              x -> {
                                try {
                                  return x.getSubject().contains("请按时完成科技合作项目推荐")
                                      && Arrays.stream(x.getAllRecipients())
                                          .anyMatch(
                                              a -> a.toString().equals(recUser + "@example.com"));
                                } catch (jakarta.mail.MessagingException e) {
                                  return false;
                                }
                              })
                          .findFirst()
                          .orElse(null),
                  Objects::nonNull);
      String body = MailIT.text(m);
      assertTrue(body.startsWith("冯推荐，您好："), body);
      assertTrue(body.contains("请尽快提交"), body);
    } finally {
      smtp.stop();
    }
  }

  private void remind() throws Exception {
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
    browser.open("/app/recommendation/dashboard.xhtml");
    browser.waitFor(By.id("chart"));
    var row = browser.waitFor(By.xpath("//tr[.//*[text()='" + NAME + "']]"));
    assertTrue(row.getText().contains("推荐中"), row.getText());
    row.findElement(By.cssSelector("button[id$=':remind']")).click();
    browser.waitFor(By.id("remind:note")).sendKeys("请尽快提交");
    browser.clickWhenClickable(By.id("remind:send"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertEquals(
                    List.of("请尽快提交"),
                    Db.strings("select note from rec_reminder where recommender_id = ?", REC)));
    browser.waitFor(By.xpath("//*[contains(text(), '已提醒')]"));
  }

  static byte[] workbook(String[][] rows) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet("名额");
      Row h = s.createRow(0);
      h.createCell(0).setCellValue("推荐单位");
      h.createCell(1).setCellValue("限额组");
      h.createCell(2).setCellValue("名额");
      for (int i = 0; i < rows.length; i++) {
        Row r = s.createRow(i + 1);
        for (int c = 0; c < rows[i].length; c++) {
          r.createCell(c).setCellValue(rows[i][c]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }
}
