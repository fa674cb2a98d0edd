package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The administrator's audit log (issue 10 item 2): actions, roles and entity types as labels in the
 * user's language only, people by name and role, an application by what a person recognises; the
 * filters by who, action and date range. No raw code on the page.
 */
class AuditLogIT extends BrowserIT {

  /** Upper-case words the page may show that are not codes. */
  private static final Set<String> KNOWN_WORDS = Set.of("WCAG", "HTTP", "UTC");

  private static final Pattern CODE = Pattern.compile("[A-Z_]{4,}");

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  @Test
  void showsLabelsAndNamesAndFilters() throws Exception {
    Db.createApplicant("it_audit_pi", "冯审计", "33010619921212121", 900003);
    Api pi = Api.as(browser, base, "it_audit_pi", "Demo@2026");
    pi.clock(SubmissionIT.LAST_SECOND);
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
    String title = "中挪海洋装备联合研发";
    pi.systemClock();

    browser.driver.manage().deleteAllCookies();
    browser.login("demo_admin", "Demo@2026");
    browser.open("/app/admin/audit.xhtml");
    browser.waitFor(By.id("audit:log"));
    assertEquals(List.of(), codes(browser.bodyText()), browser.page());

    // who: by the person's name; the actor shows as name (role), the draft by its title
    browser.type("audit:who", "冯审计");
    browser.clickWhenClickable(By.id("audit:search"));
    // the first page (newest first) may already show the PI's rows: wait for the filtered table
    browser
        .patiently()
        .until(
            d -> {
              List<List<String>> shown = rows();
              return !shown.isEmpty() && shown.stream().allMatch(r -> r.get(1).startsWith("冯审计"));
            });
    List<List<String>> rows = rows();
    assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("冯审计（项目负责人（申报人））")), rows.toString());
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get(3).equals("创建草稿")
                        && r.get(2).equals("申报书：草稿《" + title + "》")
                        && r.get(0).startsWith("2025-09-15")),
        rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.get(3).equals("登录")), rows.toString());
    assertEquals(List.of(), codes(browser.bodyText()), browser.page());

    // action and date range: the draft was created on 2025-09-15 (Beijing time), by the test clock
    browser.chooseByClick("audit:action", "create");
    date("audit:from_input", "2025-09-15");
    date("audit:until_input", "2025-09-15");
    search();
    browser.patiently().until(d -> rows().size() == 1 && rows().get(0).get(3).equals("创建草稿"));

    date("audit:from_input", "2025-09-16");
    date("audit:until_input", "2025-09-16");
    search();
    browser.patiently().until(d -> rows().isEmpty());
  }

  /**
   * Puts a date into a date picker's text field as a person's typing leaves it (the picker's own
   * key handling appends to a value that clear() did not remove), then checks it is there.
   */
  private void date(String id, String text) {
    WebElement e = browser.waitFor(By.id(id));
    ((JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].value = arguments[1]", e, text);
    assertEquals(text, browser.driver.findElement(By.id(id)).getAttribute("value"));
  }

  /** Closes the date picker's panel (it covers the button) and searches. */
  private void search() {
    browser.driver.findElement(By.id("audit:until_input")).sendKeys(Keys.ESCAPE);
    WebElement button = browser.driver.findElement(By.id("audit:search"));
    ((JavascriptExecutor) browser.driver).executeScript("arguments[0].click()", button);
  }

  /** The rows the table shows (none when it shows its empty message). */
  private List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    for (WebElement tr : browser.driver.findElements(By.cssSelector("#audit\\:log_data > tr"))) {
      if (tr.getAttribute("class").contains("ui-datatable-empty-message")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (WebElement td : tr.findElements(By.xpath("./td"))) {
        cells.add(td.getText().strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<String> codes(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      if (!KNOWN_WORDS.contains(m.group())) {
        found.add(m.group());
      }
    }
    return found;
  }
}
