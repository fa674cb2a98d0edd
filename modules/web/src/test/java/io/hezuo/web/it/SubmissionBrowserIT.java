package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * In Chromium: a PI fills an A1 application, sees the checks, fixes them, attaches the agreement,
 * submits and gets the receipt and the PDF; the unit admin confirms it. The same for B2.
 */
class SubmissionBrowserIT extends BrowserIT {

  @BeforeEach
  void setUp() throws Exception {
    Api.anonymous(base).clock("2025-09-10T02:00:00Z"); // 10:00 Beijing, the window is open
  }

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  private void select(String widgetId, String value) {
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", widgetId, value);
  }

  private void typeCss(String css, String text) {
    WebElement e = browser.driver.findElement(By.cssSelector(css));
    e.clear();
    e.sendKeys(text);
  }

  private List<String> checkRules() {
    // read in one script once the page's requests are done: the checks may be drawn again by a
    // response, and an element found before that would be stale when its attribute is read
    browser.ajaxIdle();
    List<?> rules =
        (List<?>)
            ((JavascriptExecutor) browser.driver)
                .executeScript(
                    "return Array.from(document.querySelectorAll('#checks li.check-error'))"
                        + ".map(li => li.getAttribute('data-rule'));");
    return rules.stream().map(String::valueOf).toList();
  }

  private void save() {
    WebElement checks = browser.driver.findElement(By.id("checksPanel"));
    browser.driver.findElement(By.id("app:save")).click();
    // the checks are drawn again by the save's response
    browser.waitUntilGone(checks);
    browser.waitForText(By.id("messages"), "草稿已保存");
  }

  private long createDraft(String line) {
    browser.open("/app/submission/list.xhtml");
    browser.waitFor(By.id("new:create"));
    select("new:lineCode", line);
    browser.driver.findElement(By.id("new:create")).click();
    browser.waitFor(By.id("app:titleZh"));
    String url = browser.driver.getCurrentUrl();
    return Long.parseLong(url.substring(url.indexOf("id=") + 3).replaceAll("[^0-9].*", ""));
  }

  private void commonFields(String title) {
    browser.type("app:titleZh", title);
    browser.type("app:titleEn", "Demo project");
    // the discipline codes in their sections: E11 is under 工程与材料科学部
    assertTrue(
        browser
            .driver
            .findElement(
                By.xpath(
                    "//*[@id='app:disciplineCode_input']/optgroup[starts-with(@label, 'E ')]"
                        + "/option[@value='E11']"))
            .getText()
            .contains("海洋工程"));
    select("app:disciplineCode", "E11");
    browser.type("app:partnerName", "Partner Organisation");
    browser.type("app:startMonth", "2026-01");
    browser.type("app:endMonth", "2028-12");
    for (String t :
        List.of(
            "textBasis",
            "textContent",
            "textRoute",
            "textCooperation",
            "textOutcomes",
            "textIndicators")) {
      typeCss("textarea.text-" + t, "这是" + t + "的内容。");
    }
  }

  private void attach(long id, String kind) throws Exception {
    Path pdf = Files.createTempFile("hezuo-", ".pdf");
    Files.write(pdf, SubmissionIT.pdf());
    browser.open("/app/submission/attachments.xhtml?id=" + id);
    browser.waitFor(By.id("att:upload"));
    select("att:kind", kind);
    browser.driver.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
    browser.driver.findElement(By.id("att:upload")).click();
    browser.waitForText(By.id("messages"), "已上传");
  }

  private String submit(long id) {
    browser.open("/app/submission/edit.xhtml?id=" + id);
    browser.waitFor(By.id("app:submit"));
    assertEquals(List.of(), checkRules());
    browser.driver.findElement(By.id("app:submit")).click();
    browser.clickWhenClickable(By.id("app:confirmYes"));
    browser.waitFor(By.id("acceptanceNo"));
    String acceptance = browser.driver.findElement(By.id("acceptanceNo")).getText();
    assertEquals(64, browser.driver.findElement(By.id("sha256")).getText().trim().length());
    return acceptance;
  }

  private void pdfAndConfirm(long id, String acceptance, String user) throws Exception {
    Api pi = Api.as(browser, base, user, "Demo@2026");
    Api.Reply pdf = pi.get("api/v1/submission/applications/" + id + "/pdf");
    assertEquals(200, pdf.status(), pdf.body());
    assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
    assertTrue(pdf.body().startsWith("%PDF-"));
    // the 申报书 names the unit, the line's choice, the team and the budget by their labels
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument doc =
        org.apache.pdfbox.Loader.loadPDF(
            pi.bytes("api/v1/submission/applications/" + id + "/pdf"))) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
    }
    List<String> expectedTexts =
        new java.util.ArrayList<>(
            List.of(acceptance, "浙江演示海洋科技有限公司", "预算：", "立项依据", "学科代码", "E11 海洋工程"));
    if (user.equals("it_b2")) {
      expectedTexts.addAll(List.of("项目组成员", "陈成员", "研究方向", "材料费"));
    } else {
      expectedTexts.addAll(List.of("合作国家（地区）", "设备费"));
    }
    for (String expected : expectedTexts) {
      assertTrue(text.contains(expected), expected + " in " + text);
    }
    assertFalse(text.contains("EQUIPMENT") || text.contains("MATERIALS"), text);

    browser.driver.manage().deleteAllCookies();
    browser.login("demo_unit", "Demo@2026");
    browser.waitFor(By.id("home-UNIT_ADMIN"));
    browser.open("/app/submission/unit.xhtml");
    browser.waitForText(By.id("unit:apps"), acceptance);
    WebElement row =
        browser.driver.findElements(By.cssSelector("#unit\\:apps tbody tr")).stream()
            .filter(r -> r.getText().contains(acceptance))
            .findFirst()
            .orElseThrow();
    row.findElement(By.cssSelector("button[id$=':confirm']")).click();
    browser.clickWhenClickable(By.id("unit:confirmYes"));
    browser.waitForText(By.id("messages"), "已确认 " + acceptance);
    assertEquals(
        List.of("CONFIRMED"), Db.strings("select status from sub_application where id = ?", id));
    browser.logout();
  }

  @Test
  void a1FromDraftToConfirmation() throws Exception {
    Db.createApplicant("it_a1", "周国际", "33010619850505011", 900003);
    browser.login("it_a1", "Demo@2026");
    browser.waitFor(By.id("home-APPLICANT"));
    long id = createDraft("A1");
    assertTrue(checkRules().containsAll(List.of("F-REQ", "G6", "G4")), checkRules().toString());

    // a title that tries to run a script is stored and shown as text (checked on the receipt)
    commonFields("中挪智能海洋装备联合研发<script>alert(1)</script>");
    select("app:partnerCode", "NO");
    browser.type("app:foreignReference", "IN-2025-0042");
    browser.type("app:foreignDate", "2025-09-05");
    browser.type("app:subsidy", "1500000.01");
    browser.type("app:selfFunds", "500000.00");
    typeCss("input.budget-EQUIPMENT", "1000000.00");
    typeCss("input.budget-LABOUR", "1000000.01");
    save();
    assertTrue(checkRules().contains("G6"), checkRules().toString());
    assertTrue(browser.bodyText().contains("1,500,000.00 元（150 万元）"), "the cap is named");

    browser.type("app:subsidy", "1500000.00");
    typeCss("input.budget-LABOUR", "1000000.00");
    save();
    assertEquals(List.of("G4"), checkRules());

    attach(id, "COOPERATION_AGREEMENT");
    String acceptance = submit(id);
    assertTrue(acceptance.startsWith("HZ2026-A1-"), acceptance);
    assertTrue(browser.bodyText().contains("联合研发<script>alert(1)</script>"), "shown as text");
    assertTrue(
        browser.driver.findElements(By.xpath("//script[contains(., 'alert(1)')]")).isEmpty(),
        "no script element from the title");
    browser.logout();
    pdfAndConfirm(id, acceptance, "it_a1");
  }

  @Test
  void b2FromDraftToConfirmation() throws Exception {
    Db.createApplicant("it_b2", "郑对口", "33010619860606022", 900003);
    browser.login("it_b2", "Demo@2026");
    browser.waitFor(By.id("home-APPLICANT"));
    long id = createDraft("B2");
    commonFields("甜樱桃高效栽培技术推广");
    browser.driver.findElement(By.id("app:addMember")).click();
    browser.waitFor(By.cssSelector("input.member-name"));
    typeCss("input.member-name", "陈成员");
    typeCss("input.member-id", "330106199003070022");
    typeCss("input.member-unit", "浙江演示大学");
    typeCss("input.member-months", "12");
    select(
        "app:regionCode",
        browser
            .driver
            .findElement(By.id("app:regionCode_input"))
            .findElements(By.tagName("option"))
            .get(1)
            .getAttribute("value"));
    browser.chooseByClick(
        "app:topicCode", "B2-AGRI"); // a real click: the choice redraws the targets
    browser.waitFor(By.cssSelector("input[class*='target-']"));
    assertTrue(browser.bodyText().contains("≥ 30"), "the topic's minimum targets are shown");
    List<WebElement> targets =
        browser.driver.findElements(By.cssSelector("input[class*='target-']"));
    for (WebElement t : targets) {
      t.clear();
      t.sendKeys("1");
    }
    browser.type("app:subsidy", "600000.00");
    browser.type("app:selfFunds", "0.00");
    typeCss("input.budget-MATERIALS", "600000.00");
    browser.type("app:transferAmount", "300000.01");
    browser.type("app:onsiteDays", "14");
    save();
    List<String> rules = checkRules();
    assertTrue(rules.contains("G5") && rules.contains("G7"), rules.toString());
    assertTrue(browser.bodyText().contains("不少于 15 天"), "the on-site rule");

    browser.type("app:transferAmount", "300000.00");
    browser.type("app:onsiteDays", "15");
    for (WebElement t : browser.driver.findElements(By.cssSelector("input[class*='target-']"))) {
      t.clear();
      t.sendKeys("30");
    }
    save();
    assertEquals(List.of("G5", "G5"), checkRules());

    assertEquals(
        List.of("陈成员"),
        Db.strings("select name from sub_team_member where application_id = ?", id));
    attach(id, "AID_HQ_LETTER");
    attach(id, "LOCAL_PARTNER_AGREEMENT");
    String acceptance = submit(id);
    assertTrue(acceptance.startsWith("HZ2026-B2-"), acceptance);
    browser.logout();
    pdfAndConfirm(id, acceptance, "it_b2");
  }

  @Test
  void officerExtendsTheDeadlineForOneUnitWithAReason() throws Exception {
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    browser.open("/app/submission/extensions.xhtml");
    browser.waitFor(By.id("ext:grant"));
    select("ext:unit", "900004");
    browser.type("ext:until", "2025-09-16 17:30");
    browser.driver.findElement(By.id("ext:grant")).click();
    browser.clickWhenClickable(By.id("ext:confirmYes"));
    browser.waitForText(By.id("messages"), "[D1]");
    assertTrue(Db.strings("select id from sub_extension where organisation_id = 900004").isEmpty());
    browser.waitUntilHidden(By.id("ext:confirmYes"));
    browser.typeSurely("ext:reason", "系统故障，经处室同意补交");
    browser.driver.findElement(By.id("ext:grant")).click();
    browser.clickWhenClickable(By.id("ext:confirmYes"));
    browser.waitForText(By.id("messages"), "2025-09-16 17:30:00");
    assertEquals(
        List.of("系统故障，经处室同意补交"),
        Db.strings("select reason from sub_extension where organisation_id = 900004"));
    browser.waitForText(By.id("extensions"), "系统故障，经处室同意补交");
    browser.logout();
  }

  @Test
  void typedTextSurvivesASessionThatEndedBeforeTheAutosave() throws Exception {
    Db.createApplicant("it_backup", "孙备份", "33010619870707033", 900003);
    Api pi = Api.as(browser, base, "it_backup", "Demo@2026");
    long id =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    browser.open("/app/submission/edit.xhtml?id=" + id);
    browser.waitFor(By.cssSelector("textarea.text-textBasis"));
    String typed = "断线前输入的立项依据：不会丢失。";
    typeCss("textarea.text-textBasis", typed);
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver, java.time.Duration.ofSeconds(10))
        .until(
            d ->
                String.valueOf(
                        js.executeScript(
                            "return localStorage.getItem(arguments[0]);", "hezuo.draft." + id))
                    .contains(typed));

    // the session ends before the autosave reaches the server
    browser.driver.manage().deleteAllCookies();
    browser.login("it_backup", "Demo@2026");
    browser.open("/app/submission/edit.xhtml?id=" + id);
    browser.waitForText(By.id("draftBackupText"), "1 处");
    assertEquals(
        "",
        browser
            .driver
            .findElement(By.cssSelector("textarea.text-textBasis"))
            .getAttribute("value"));
    browser.clickWhenClickable(By.id("draftRestore"));
    assertEquals(
        typed,
        browser
            .driver
            .findElement(By.cssSelector("textarea.text-textBasis"))
            .getAttribute("value"));
    save();
    assertEquals(
        List.of(typed), Db.strings("select text_basis from sub_application where id = ?", id));

    // the server has it now: the next visit offers nothing and the copy is gone
    browser.open("/app/submission/edit.xhtml?id=" + id);
    browser.waitFor(By.cssSelector("textarea.text-textBasis"));
    assertFalse(browser.driver.findElement(By.id("draftBackup")).isDisplayed());
    assertEquals(
        null, js.executeScript("return localStorage.getItem(arguments[0]);", "hezuo.draft." + id));

    // a copy the PI discards is gone too
    typeCss("textarea.text-textContent", "另一段未保存的内容");
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver, java.time.Duration.ofSeconds(10))
        .until(
            d ->
                String.valueOf(
                        js.executeScript(
                            "return localStorage.getItem(arguments[0]);", "hezuo.draft." + id))
                    .contains("另一段"));
    browser.driver.manage().deleteAllCookies();
    browser.login("it_backup", "Demo@2026");
    browser.open("/app/submission/edit.xhtml?id=" + id);
    browser.clickWhenClickable(By.id("draftDiscard"));
    assertEquals(
        null, js.executeScript("return localStorage.getItem(arguments[0]);", "hezuo.draft." + id));
    assertEquals(
        "",
        browser
            .driver
            .findElement(By.cssSelector("textarea.text-textContent"))
            .getAttribute("value"));
  }
}
