package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 10, items 2 (history), 6, 8 and 9: who may read an application and open its attachments;
 * the officers' and formal reviewers' list of the call (filters, paging, Excel); the detail page
 * with team, budget, targets and transfer, the unit's confirm and return on it; the history as
 * labels; the unit's list at 1440 px; each role's home page with its work.
 */
class ApplicationViewsIT extends BrowserIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @AfterEach
  void freeClock() throws Exception {
    browser.driver.manage().window().setSize(new Dimension(1280, 1600));
    Api.anonymous(base).systemClock();
  }

  private long submitted(String user, String name, String first17) throws Exception {
    Db.createApplicant(user, name, first17, 900003);
    return SubmissionIT.submitA1(as(user, "Demo@2026"));
  }

  /** A REST client with a session of its own (the browser's previous session stays valid). */
  private Api as(String user, String password) throws Exception {
    browser.driver.manage().deleteAllCookies();
    return Api.as(browser, base, user, password);
  }

  private HttpResponse<byte[]> raw(Api who, String path) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(Db.loopback(base).toString()).resolve(path));
    if (who != null && who.cookie() != null) {
      b.header("Cookie", who.cookie());
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void officersAndFormalReviewersReadAnyApplicationAndItsAttachmentsOthersAreRefused()
      throws Exception {
    long id = submitted("it_views_pi1", "周读取", "33010619860606061");
    Api pi = as("it_views_pi1", "Demo@2026");
    JsonObject app = pi.get("api/v1/submission/applications/" + id).json();
    long att = app.getJsonArray("attachments").getJsonObject(0).getJsonNumber("id").longValue();
    String acceptance = app.getString("acceptanceNo");
    String path = "api/v1/submission/applications/" + id + "/attachments/" + att;

    for (String reader : List.of("demo_officer", "demo_review", "demo_unit", "it_views_pi1")) {
      Api r = as(reader, "Demo@2026");
      assertEquals(200, r.get("api/v1/submission/applications/" + id).status(), reader);
      HttpResponse<byte[]> inline = raw(r, path);
      assertEquals(200, inline.statusCode(), reader);
      assertTrue(
          inline.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
      assertTrue(
          inline.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"),
          inline.headers().toString());
      assertArrayEquals(SubmissionIT.pdf(), inline.body(), "the exact bytes uploaded");
      HttpResponse<byte[]> saved = raw(r, path + "?download=true");
      assertTrue(
          saved.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"),
          saved.headers().toString());
    }
    // another PI, and roles that do not read applications: 403
    Db.createApplicant("it_views_other", "吴旁人", "33010619860606072", 900003);
    for (String other : List.of("it_views_other", "demo_expert", "demo_rec", "demo_finance")) {
      assertEquals(403, raw(as(other, "Demo@2026"), path).statusCode(), other);
    }
    assertEquals(401, raw(null, path).statusCode());
    // a draft stays the PI's own
    pi.clock(SubmissionIT.LAST_SECOND);
    long draft =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A3\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    Api officer = as("demo_officer", "Demo@2026");
    assertEquals(404, officer.get("api/v1/submission/applications/" + draft).status());

    // search by criteria, counted in the database, with the unit and its recommending unit
    JsonObject found = officer.get("api/v1/submission/search?q=" + acceptance).json();
    assertEquals(1, found.getJsonNumber("total").longValue(), found.toString());
    JsonObject row = found.getJsonArray("rows").getJsonObject(0);
    assertEquals("浙江演示海洋科技有限公司", row.getString("applyingUnitName"));
    assertEquals("杭州市科学技术局（演示）", row.getString("recommendingUnitName"));
    assertEquals(
        0,
        officer
            .get("api/v1/submission/search?q=" + acceptance + "&recommender=900005")
            .json()
            .getJsonNumber("total")
            .longValue());
    assertEquals(
        1,
        officer
            .get("api/v1/submission/search?q=" + acceptance + "&recommender=900002&line=A1")
            .json()
            .getJsonNumber("total")
            .longValue());
    assertEquals(403, as("it_views_other", "Demo@2026").get("api/v1/submission/search").status());
  }

  @Test
  void theOfficersListFiltersPagesOpensAndExports() throws Exception {
    long id = submitted("it_views_pi2", "钱列表", "33010619870707073");
    String acceptance =
        as("it_views_pi2", "Demo@2026")
            .get("api/v1/submission/applications/" + id)
            .json()
            .getString("acceptanceNo");
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    assertFalse(browser.bodyText().contains("推荐限额"), "the officer's home promises no quotas");
    browser.waitFor(By.id("counts-OFFICER"));
    assertFalse(browser.driver.findElements(By.cssSelector("a[id$='allLink']")).isEmpty());

    browser.open("/app/submission/all.xhtml");
    browser.waitFor(By.id("all:apps"));
    assertFalse(browser.driver.findElements(By.cssSelector("label[for^='all:line']")).isEmpty());
    browser.type("all:text", acceptance);
    WebElement before = browser.driver.findElement(By.cssSelector("#all\\:apps_data"));
    browser.driver.findElement(By.id("all:filter")).click();
    browser.waitUntilGone(before);
    browser.waitForText(By.id("all:apps"), acceptance);
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#all\\:apps_data > tr"));
    assertEquals(1, rows.size(), browser.page());
    String text = rows.get(0).getText();
    assertTrue(text.contains("杭州市科学技术局（演示）"), text);
    assertTrue(text.contains("1,500,000.00 元（150 万元）"), text);
    assertTrue(text.contains("已提交"), text);

    List<List<String>> exported = ExcelExportsIT.compare("all", "all:apps", "all:apps:export", 9);
    assertEquals(acceptance, exported.get(0).get(0));

    // a link from the home page's table carries the line and the status
    browser.open("/app/submission/all.xhtml?line=A1&status=SUBMITTED");
    browser.waitForText(By.id("all:apps"), "A1");
    for (WebElement tr : browser.driver.findElements(By.cssSelector("#all\\:apps_data > tr"))) {
      assertTrue(tr.getText().contains("已提交"), tr.getText());
    }

    // opened in full, attachments linked
    browser.open("/app/submission/view.xhtml?id=" + id);
    browser.waitForText(By.id("acceptanceNo"), acceptance);
    assertFalse(
        browser.driver.findElements(By.cssSelector("a.attachment-open")).isEmpty(), browser.page());
    assertTrue(browser.driver.findElements(By.id("unitCheck")).isEmpty(), "officers only read");
    assertTrue(browser.driver.findElements(By.id("msg")).isEmpty(), "the PI–unit thread");

    browser.driver.manage().deleteAllCookies();
    browser.login("demo_review", "Demo@2026");
    browser.waitFor(By.id("counts-FORMAL_REVIEWER"));
    browser.open("/app/submission/view.xhtml?id=" + id);
    browser.waitForText(By.id("acceptanceNo"), acceptance);
  }

  @Test
  void theUnitChecksTheWholeApplicationAndConfirmsOrReturnsOnItsPage() throws Exception {
    long first = submitted("it_views_pi3", "孙审核", "33010619880808084");
    Api pi = as("it_views_pi3", "Demo@2026");
    // a second PI's application, returned on the detail page
    Db.createApplicant("it_views_pi4", "李退回", "33010619890909095", 900003);
    Api pi4 = as("it_views_pi4", "Demo@2026");
    long second = SubmissionIT.submitA1(pi4);
    pi.clock(SubmissionIT.LAST_SECOND);
    browser.driver.manage().deleteAllCookies();

    browser.login("demo_unit", "Demo@2026");
    browser.waitFor(By.id("home-UNIT_ADMIN"));
    assertTrue(Pattern.compile("待确认的申报书：[1-9]").matcher(browser.bodyText()).find(), browser.page());

    // the list at 1440 × 900: nothing overflows, the line filter is labelled
    browser.driver.manage().window().setSize(new Dimension(1440, 900));
    browser.open("/app/submission/unit.xhtml");
    browser.waitFor(By.id("unit:apps"));
    assertFalse(
        browser.driver.findElements(By.cssSelector("label[for^='unit:line']")).isEmpty(),
        "the line filter has a label");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    Object fits =
        js.executeScript(
            "var t = document.querySelector('#unit\\\\:apps table');"
                + "var w = document.documentElement.clientWidth;"
                + "var last = t.querySelector('tbody tr td:last-child');"
                + "return [t.scrollWidth, t.parentElement.clientWidth,"
                + " Math.ceil(t.getBoundingClientRect().right), w,"
                + " last ? Math.ceil(last.getBoundingClientRect().right) : 0,"
                + " document.documentElement.scrollWidth];");
    List<?> m = (List<?>) fits;
    long tableW = ((Number) m.get(0)).longValue();
    long boxW = ((Number) m.get(1)).longValue();
    long right = ((Number) m.get(2)).longValue();
    long viewport = ((Number) m.get(3)).longValue();
    long lastRight = ((Number) m.get(4)).longValue();
    long pageW = ((Number) m.get(5)).longValue();
    assertTrue(tableW <= boxW, "table " + tableW + " px in a box of " + boxW + " px");
    assertTrue(right <= viewport && lastRight <= viewport, m.toString());
    assertTrue(pageW <= viewport, "no horizontal scrolling: " + m);

    // the detail page: team, budget with its total, amounts as money
    browser.open("/app/submission/view.xhtml?id=" + first);
    browser.waitFor(By.id("unitCheck"));
    String page = browser.bodyText();
    assertTrue(page.contains("李成员"), "the team: " + page);
    assertFalse(page.contains("330106198102020026"), "ID numbers are masked");
    assertTrue(
        browser
            .driver
            .findElement(By.id("budgetTotal"))
            .getText()
            .contains("2,000,000.00 元（200 万元）"),
        browser.page());
    assertTrue(browser.driver.findElement(By.id("subsidy")).getText().contains("1,500,000.00 元"));
    assertFalse(browser.driver.findElements(By.cssSelector("a.attachment-open")).isEmpty());

    // confirm on the page, through the confirmation dialog
    browser.driver.findElement(By.id("unitCheck:confirm")).click();
    browser.clickWhenClickable(By.id("unitCheck:confirmYes"));
    browser.waitForText(By.id("status"), "单位已确认");
    assertEquals(
        "CONFIRMED", pi.get("api/v1/submission/applications/" + first).json().getString("status"));

    // the history: labels and people by name and role, never codes or user names
    String history = browser.driver.findElement(By.id("timeline")).getText();
    assertTrue(history.contains("提交"), history);
    assertTrue(history.contains("已提交"), history);
    assertTrue(history.contains("孙审核（申请人）"), history);
    assertTrue(history.contains("李单位（单位管理员）"), history);
    assertTrue(history.contains("上传附件：合作协议"), history);
    assertFalse(
        Pattern.compile("[A-Z_]{5,}|\\bsubmit\\b|\\battach\\b|it_views_pi3|demo_unit")
            .matcher(history)
            .find(),
        history);

    // return: a reason is required, then it goes back to the PI
    browser.open("/app/submission/view.xhtml?id=" + second);
    browser.waitFor(By.id("unitCheck"));
    browser.driver.findElement(By.id("unitCheck:return")).click();
    browser.clickWhenClickable(By.id("unitCheck:confirmYes"));
    browser.waitForText(By.id("unitCheck"), "请填写理由");
    assertEquals(
        "SUBMITTED",
        pi4.get("api/v1/submission/applications/" + second).json().getString("status"));
    browser.type("unitCheck:reason", "预算说明不全，请补充");
    browser.driver.findElement(By.id("unitCheck:return")).click();
    browser.clickWhenClickable(By.id("unitCheck:confirmYes"));
    browser.waitForText(By.id("status"), "已退回修改");
    browser.waitForText(By.id("timeline"), "预算说明不全，请补充");
  }

  @Test
  void aB2DraftShowsTargetsByLabelAndTheTransferAndThePiHomeShowsTheWork() throws Exception {
    Db.createApplicant("it_views_b2", "郑帮扶", "33010619900101016", 900004);
    Api pi = as("it_views_b2", "Demo@2026");
    pi.clock(SubmissionIT.LAST_SECOND);
    JsonObject created =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"B2\"}").json();
    long id = created.getJsonNumber("id").longValue();
    String form =
        ApplicationForms.empty(created.getJsonNumber("version").longValue())
            .titleZh("川渝特色种养示范")
            .counterpart("CQ-WANZHOU", "B2-AGRI")
            .subsidy("600000.00")
            .selfFunds("100000.00")
            .transferAmount("300000.00")
            .onsiteDays(20)
            .budget("MATERIALS", "200000.00")
            .budget("COOPERATION", "300000.00")
            .budget("TRAVEL", "100000.50")
            .target("VARIETY", 2)
            .target("CONTROL_SYSTEM", 1)
            .target("DEMO_BASE", 1)
            .target("PROCESSING", 1)
            .target("TRAINED", 40)
            .json();
    Api.Reply saved = pi.json("PUT", "api/v1/submission/applications/" + id, form);
    assertEquals(200, saved.status(), saved.body());

    browser.driver.manage().deleteAllCookies();
    browser.login("it_views_b2", "Demo@2026");
    browser.waitFor(By.id("home-APPLICANT"));
    String window = browser.driver.findElement(By.id("window")).getText();
    assertTrue(window.contains("开放中") && window.contains("2025-09-15 17:30"), window);
    assertTrue(browser.driver.findElement(By.id("piCounts")).getText().contains("待填写或待修改 1 份"));
    assertFalse(browser.driver.findElements(By.cssSelector("a.draft-edit")).isEmpty());

    browser.open("/app/submission/view.xhtml?id=" + id);
    browser.waitFor(By.id("targets"));
    String targets = browser.driver.findElement(By.id("targets")).getText();
    assertTrue(targets.contains("培育产业技术人才"), targets);
    assertTrue(targets.contains("≥ 30 名"), targets);
    assertFalse(targets.contains("TRAINED") || targets.contains("CONTROL_SYSTEM"), targets);
    String transfer = browser.driver.findElement(By.id("transfer")).getText();
    assertTrue(transfer.contains("300,000.00 元（30 万元）") && transfer.contains("50"), transfer);
    assertTrue(
        browser.driver.findElement(By.id("budgetTotal")).getText().contains("600,000.50 元"),
        browser.page());
    assertTrue(browser.driver.findElement(By.id("region")).getText().contains("万州"));

    // after the deadline the window says closed
    pi.clock(SubmissionIT.CLOSED);
    browser.open("/app/home.xhtml");
    String after = browser.waitFor(By.id("window")).getText();
    assertTrue(after.contains("已截止") || after.contains("已获延期"), after);
  }
}
