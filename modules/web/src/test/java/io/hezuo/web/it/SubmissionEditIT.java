package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium, the PI's form as issue 10 asked for it: each check beside its field and the field
 * marked, the top list's links to every field, the checks again as the PI leaves a changed field
 * (nothing saved), the submit button counting the errors, a refused submit that keeps the
 * application's address, the G2 refusal with the other application's status, a link and advice,
 * amounts in 元 or 万元 with a running total, and 我的申报 searched, filtered and paged.
 */
class SubmissionEditIT extends BrowserIT {

  static final String OPEN = "2025-09-10T02:00:00Z"; // 10:00 Beijing, the window is open

  /** Long after the window and any unit's extension (another test extends a unit's deadline). */
  static final String LONG_CLOSED = "2025-12-01T02:00:00Z";

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  private static long draft(Api pi, String line) throws Exception {
    Api.Reply created =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"" + line + "\"}");
    assertEquals(201, created.status(), created.body());
    return created.json().getJsonNumber("id").longValue();
  }

  /** A complete A1 draft with its agreement: nothing keeps it from being submitted. */
  private static long completeA1(Api pi) throws Exception {
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    long version = created.json().getJsonNumber("version").longValue();
    Api.Reply saved =
        pi.json(
            "PUT",
            "api/v1/submission/applications/" + id,
            SubmissionIT.form(version, "1500000.00"));
    assertEquals(200, saved.status(), saved.body());
    Api.Reply attached = pi.attach(id, "COOPERATION_AGREEMENT", SubmissionIT.pdf());
    assertEquals(200, attached.status(), attached.body());
    return id;
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser.driver).executeScript(script, args);
  }

  private WebElement byId(String id) {
    return browser.driver.findElement(By.id(id));
  }

  private List<String> errorTargets() {
    return browser.driver.findElements(By.cssSelector("#checks li.check-error")).stream()
        .map(li -> String.valueOf(li.getAttribute("data-target")))
        .toList();
  }

  private long errorCount() {
    return browser.driver.findElements(By.cssSelector("#checks li.check-error")).size();
  }

  private void assertMarked(String target, String rule) {
    browser.waitFor(By.id(target + "_check"));
    WebElement msg = byId(target + "_check");
    assertTrue(msg.getText().contains("[" + rule + "]"), target + ": " + msg.getText());
    WebElement field = byId(target);
    assertTrue(field.getAttribute("class").contains("ui-state-error"), target);
    assertEquals("true", field.getAttribute("aria-invalid"), target);
    assertTrue(
        String.valueOf(field.getAttribute("aria-describedby")).contains(target + "_check"), target);
  }

  /** Waits for the text, or fails with the address, the application's status and the page. */
  private void waitText(By by, String text, long id) throws Exception {
    try {
      browser.waitForText(by, text);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          by
              + " never showed "
              + text
              + " at "
              + browser.driver.getCurrentUrl()
              + " (status "
              + Db.strings("select status from sub_application where id = ?", id)
              + "): "
              + browser.page(),
          e);
    }
  }

  private void leave(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
    field.sendKeys(Keys.TAB);
  }

  @Test
  void checksBesideTheirFieldsLinkedAndRunAgainWithoutSaving() throws Exception {
    Db.createApplicant("it_edit_f", "冯字段", "33010619910909101", 900003);
    Api pi = Api.as(browser, base, "it_edit_f", "Demo@2026");
    Api.anonymous(base).clock(OPEN);
    long id = draft(pi, "A1");
    browser.open("/app/submission/edit.xhtml?id=" + id);
    browser.waitFor(By.id("app:titleZh"));

    // every link of the list leads to an element of the page
    List<WebElement> links = browser.driver.findElements(By.cssSelector("#checks a[data-target]"));
    assertTrue(links.size() >= 8, links.size() + " links");
    for (WebElement link : links) {
      String target = link.getAttribute("data-target");
      assertEquals("#" + target, link.getAttribute("href").replaceAll("^[^#]*", ""));
      assertNotNull(js("return document.getElementById(arguments[0]);", target), target);
    }
    // the six text sections: each message beside its field, the field marked
    for (int i = 0; i < 6; i++) {
      assertMarked("app:texts:" + i + ":text", "F-REQ");
    }
    assertMarked("app:titleZh", "F-REQ");
    // the discipline code of every line, beside its menu
    browser.waitFor(By.id("app:disciplineCode_check"));
    assertTrue(
        byId("app:disciplineCode_check").getText().contains("[F-REQ]"),
        byId("app:disciplineCode_check").getText());
    // the submit button says how many errors block it and cannot be pressed
    long errors = errorCount();
    WebElement submit = byId("app:submit");
    assertFalse(submit.isEnabled());
    assertTrue(submit.getText().contains("（" + errors + " 项错误待修正）"), submit.getText());

    // a link of the list scrolls to its field and focuses it
    browser.driver.findElement(By.cssSelector("#checks a[data-target='app:texts:2:text']")).click();
    browser
        .patiently()
        .until(d -> "app:texts:2:text".equals(js("return document.activeElement.id;")));

    // leaving the field after typing checks again, without saving
    leave(byId("app:texts:2:text"), "技术路线：先试验，后推广。");
    browser.patiently().until(d -> !errorTargets().contains("app:texts:2:text"));
    assertFalse(byId("app:texts:2:text").getAttribute("class").contains("ui-state-error"));
    assertTrue(
        browser.driver.findElements(By.id("app:texts:2:text_check")).isEmpty(), "no message");
    browser
        .patiently()
        .until(d -> byId("app:submit").getText().contains("（" + (errors - 1) + " 项错误待修正）"));
    assertEquals(
        java.util.Collections.singletonList(null),
        Db.strings("select text_route from sub_application where id = ?", id));

    // a budget row that is not an amount: its message beside it, with the rule id
    leave(browser.driver.findElement(By.cssSelector("input.budget-EQUIPMENT")), "12abc");
    assertMarked("app:budgets:0:budget", "F-MONEY");
    assertTrue(byId("app:budgets:0:budget_check").getText().contains("元"));

    // a team member's row
    byId("app:addMember").click();
    WebElement idNumber = browser.waitFor(By.cssSelector("input.member-id"));
    leave(idNumber, "123");
    assertMarked("app:team:0:memberName", "F-REQ");
    assertMarked("app:team:0:memberIdNumber", "F-ID");
  }

  @Test
  void aRefusedSubmitKeepsTheApplicationAndTheChecksRunBeforeTheConfirmation() throws Exception {
    // a unit of its own: the demo unit has an extension (granted on the real date), which keeps
    // its PIs' window open on any test date before it ends
    Db.createOrganisation(910002, "浙江测试重载科技有限公司", "91330100IT0EDIT02X", "ENTERPRISE");
    Db.createApplicant("it_edit_p", "蒋重载", "33010619910909112", 910002);
    Api pi = Api.as(browser, base, "it_edit_p", "Demo@2026");
    Api.anonymous(base).clock(OPEN);
    long id = completeA1(pi);
    browser.open("/app/submission/edit.xhtml?id=" + id);
    WebElement submit = browser.waitFor(By.id("app:submit"));
    assertEquals(0, errorCount());
    assertTrue(submit.isEnabled());

    // the page drawn while the window was open, the submit pressed after it closed: the checks
    // run first, so no confirmation but the error, and the address keeps the id
    Api.anonymous(base).clock(LONG_CLOSED);
    submit.click();
    waitText(By.id("checksPanel"), "[D1]", id);
    assertFalse(byId("app:confirmYes").isDisplayed(), "no confirmation with errors");
    assertTrue(
        browser.driver.getCurrentUrl().contains("edit.xhtml?id=" + id),
        browser.driver.getCurrentUrl());
    assertEquals(
        List.of("DRAFT"), Db.strings("select status from sub_application where id = ?", id));

    // a reload shows the application with its errors
    browser.driver.navigate().refresh();
    browser.waitFor(By.id("app:titleZh"));
    assertFalse(browser.bodyText().contains("页面不存在"), browser.page());
    assertEquals("中挪海洋装备联合研发", byId("app:titleZh").getAttribute("value"));
    assertTrue(
        browser.driver.findElements(By.cssSelector("#checks li.check-error")).stream()
            .anyMatch(li -> "D1".equals(li.getAttribute("data-rule"))));
    assertFalse(byId("app:submit").isEnabled());
    assertTrue(byId("app:submit").getText().contains("（1 项错误待修正）"), byId("app:submit").getText());
  }

  @Test
  void theSecondApplicationOfAPiNamesTheFirstsStatusLinksToItAndAdvises() throws Exception {
    Db.createApplicant("it_edit_g2", "韩重复", "33010619910909123", 900003);
    Api pi = Api.as(browser, base, "it_edit_g2", "Demo@2026");
    long first = SubmissionIT.submitA1(pi); // leaves the clock in the open window
    String acceptance =
        Db.strings("select acceptance_no from sub_application where id = ?", first).get(0);
    long second = completeA1(pi);
    browser.open("/app/submission/edit.xhtml?id=" + second);
    browser.waitFor(By.id("app:titleZh"));
    WebElement g2 =
        browser.driver.findElement(By.cssSelector("#checks li.check-error[data-rule='G2']"));
    String text = g2.getText();
    assertTrue(text.contains(acceptance + "（已提交（待单位确认））"), text);
    assertTrue(text.contains("撤回该申报后再提交"), text);
    WebElement link = g2.findElement(By.cssSelector("a.check-other"));
    assertTrue(
        link.getAttribute("href").contains("view.xhtml?id=" + first), link.getAttribute("href"));
    WebElement submit = byId("app:submit");
    assertFalse(submit.isEnabled());
    assertTrue(submit.getText().contains("（1 项错误待修正）"), submit.getText());
    link.click();
    browser.waitFor(By.id("acceptanceNo"));
    assertEquals(acceptance, byId("acceptanceNo").getText().trim());
  }

  @Test
  void amountsInWanYuanWithARunningTotalAndTheTransferLimitInMoney() throws Exception {
    Db.createApplicant("it_edit_m", "钱万元", "33010619910909134", 900003);
    Api pi = Api.as(browser, base, "it_edit_m", "Demo@2026");
    Api.anonymous(base).clock(OPEN);
    long id = draft(pi, "B2");
    browser.open("/app/submission/edit.xhtml?id=" + id);
    browser.waitFor(By.id("app:subsidy"));
    assertTrue(byId("app:budgetCard").getText().contains("600,000.00 元（60 万元）"), "the cap");

    WebElement unitMenu = byId("app:moneyUnit");
    new Select(unitMenu).selectByValue("WAN");
    browser.waitUntilGone(unitMenu);
    browser.waitForText(By.id("app:budgetCard"), "万元");
    leave(byId("app:subsidy"), "60");
    leave(byId("app:selfFunds"), "0");
    leave(browser.driver.findElement(By.cssSelector("input.budget-MATERIALS")), "50");
    browser.waitForText(By.id("app:budgetTotal"), "500,000.00 元（50 万元）");
    leave(browser.driver.findElement(By.cssSelector("input.budget-TESTING")), "10");
    browser.waitForText(By.id("app:budgetTotal"), "600,000.00 元（60 万元）");
    browser.waitForText(By.id("app:budgetTotal"), "相符");

    // one fen over half the subsidy: the refusal names the limit in money
    leave(byId("app:transferAmount"), "30.000001");
    browser.waitFor(By.id("app:transferAmount_check"));
    browser.waitForText(By.id("app:transferAmount_check"), "即 300,000.00 元（30 万元）");
    // a transfer with no partner funds in the budget: a warning beside that line
    browser.waitForText(By.id("app:budgets:6:budget_check"), "合作方经费");

    // finer than a fen in 万元: refused beside the field, with its rule
    leave(byId("app:selfFunds"), "1.2345678");
    assertMarked("app:selfFunds", "F-MONEY");
    assertTrue(byId("app:selfFunds_check").getText().contains("万元"));
    leave(byId("app:selfFunds"), "0");
    browser.patiently().until(d -> d.findElements(By.id("app:selfFunds_check")).isEmpty());

    WebElement checks = byId("checksPanel");
    byId("app:save").click();
    browser.waitUntilGone(checks);
    browser.waitForText(By.id("messages"), "草稿已保存");
    assertEquals(
        List.of("600000.00|0.00|300000.01"),
        Db.strings(
            "select concat(subsidy, '|', self_funds, '|', transfer_amount) from sub_application"
                + " where id = ?",
            id));
    assertEquals(
        List.of("MATERIALS 500000.00", "TESTING 100000.00"),
        Db.strings(
            "select concat(category, ' ', amount) from sub_budget_item where application_id = ?"
                + " order by category",
            id));

    // back to 元: what was typed is shown exactly in 元
    WebElement menu = byId("app:moneyUnit");
    new Select(menu).selectByValue("YUAN");
    browser.waitUntilGone(menu);
    browser.patiently().until(d -> "600000.00".equals(byId("app:subsidy").getAttribute("value")));
    assertEquals("300000.01", byId("app:transferAmount").getAttribute("value"));
  }

  @Test
  void myApplicationsSearchedFilteredAndPagedLastChangedFirst() throws Exception {
    Db.createApplicant("it_edit_l", "李列表", "33010619910909145", 900003);
    Api pi = Api.as(browser, base, "it_edit_l", "Demo@2026");
    Api.anonymous(base).clock(OPEN);
    List<Long> drafts = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      drafts.add(draft(pi, "A3"));
    }
    long b2 = draft(pi, "B2");
    Db.update("update sub_application set title_zh = ? where id = ?", "甜樱桃检索专用", b2);
    long submitted = SubmissionIT.submitA1(pi); // the last changed
    String acceptance =
        Db.strings("select acceptance_no from sub_application where id = ?", submitted).get(0);

    browser.open("/app/submission/list.xhtml");
    browser.waitFor(By.id("mine:apps"));
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#mine\\:apps tbody tr"));
    assertEquals(20, rows.size());
    assertTrue(rows.get(0).getText().contains(acceptance), rows.get(0).getText());
    assertTrue(rows.get(0).getText().contains("1,500,000.00 元（150 万元）"), rows.get(0).getText());
    assertTrue(browser.bodyText().contains("23 · 1/2"), "the page report");

    // the second page holds the rest
    WebElement table = byId("mine:apps");
    browser.driver.findElement(By.cssSelector("#mine\\:apps .ui-paginator-next")).click();
    browser
        .patiently()
        .until(d -> d.findElements(By.cssSelector("#mine\\:apps tbody tr")).size() == 3);

    // search by title
    WebElement q = byId("mine:q");
    q.clear();
    q.sendKeys("甜樱桃检索");
    byId("mine:find").click();
    browser
        .patiently()
        .until(
            d -> {
              List<WebElement> r = d.findElements(By.cssSelector("#mine\\:apps tbody tr"));
              return r.size() == 1 && r.get(0).getText().contains("甜樱桃检索专用");
            });
    // by acceptance number
    q = byId("mine:q");
    q.clear();
    q.sendKeys(acceptance.substring(acceptance.length() - 6));
    byId("mine:find").click();
    browser
        .patiently()
        .until(
            d -> {
              List<WebElement> r = d.findElements(By.cssSelector("#mine\\:apps tbody tr"));
              return r.size() == 1 && r.get(0).getText().contains(acceptance);
            });
    q = byId("mine:q");
    q.clear();
    byId("mine:find").click();
    browser
        .patiently()
        .until(d -> d.findElements(By.cssSelector("#mine\\:apps tbody tr")).size() == 20);

    // by line, then by status
    new Select(byId("mine:fLine")).selectByValue("B2");
    browser
        .patiently()
        .until(
            d -> {
              List<WebElement> r = d.findElements(By.cssSelector("#mine\\:apps tbody tr"));
              return r.size() == 1 && r.get(0).getText().contains("甜樱桃检索专用");
            });
    new Select(byId("mine:fLine")).selectByIndex(0);
    new Select(byId("mine:fStatus")).selectByValue("SUBMITTED");
    browser
        .patiently()
        .until(
            d -> {
              List<WebElement> r = d.findElements(By.cssSelector("#mine\\:apps tbody tr"));
              return r.size() == 1 && r.get(0).getText().contains(acceptance);
            });
    assertTrue(table != null);
  }
}
