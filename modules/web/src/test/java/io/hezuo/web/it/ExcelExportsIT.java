package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Every Excel export of a table holds what the table shows: the same headers and, row by row, the
 * same texts (labels, formatted times), never the EL source of a cell. Each export is downloaded in
 * the browser (the export button's form posted by the page itself) and read back with Apache POI.
 */
class ExcelExportsIT extends BrowserIT {

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  /** A submitted A1 application of a fresh PI of the demo unit (900003). */
  private void submittedApplication(String username, String first17) throws Exception {
    Db.createApplicant(username, "郑导出", first17, 900003);
    Api pi = Api.as(browser, base, username, "Demo@2026");
    SubmissionIT.submitA1(pi);
    pi.systemClock();
  }

  @Test
  void theUnitsApplicationListAndItsInbox() throws Exception {
    submittedApplication("it_xlsx_pi", "33010619850505057");
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_unit", "Demo@2026");

    browser.open("/app/submission/unit.xhtml");
    List<List<String>> apps = compare("unit", "unit:apps", "unit:apps:export", 6);
    assertTrue(
        apps.stream().anyMatch(r -> r.contains("中挪海洋装备联合研发") && r.get(4).startsWith("已提交")),
        apps.toString());

    browser.open("/app/inbox.xhtml");
    List<List<String>> inbox = compare("inbox", "inbox:list", "inbox:list:export", 3);
    assertTrue(inbox.stream().anyMatch(r -> r.contains("系统通知")), inbox.toString());
  }

  @Test
  void theAdminsAuditLog() throws Exception {
    browser.login("demo_admin", "Demo@2026");
    browser.open("/app/admin/audit.xhtml");
    List<List<String>> log = compare("audit", "audit:log", "audit:log:export", 7);
    // people, roles, actions and entity types are shown and exported as names and labels, never
    // as codes (UNIT_ADMIN, Login, Application 117)
    java.util.regex.Pattern code = java.util.regex.Pattern.compile("[A-Z_]{4,}");
    assertTrue(
        log.stream().flatMap(List::stream).noneMatch(c -> code.matcher(c).find()), log.toString());
    assertTrue(
        log.stream().noneMatch(r -> r.get(2).matches("(Login|Account|Application) .*")),
        log.toString());
  }

  @Test
  void theOfficersPlatformHostsAndOtherPlans() throws Exception {
    browser.login("demo_officer", "Demo@2026");
    browser.open("/app/call/platform-hosts.xhtml");
    List<List<String>> hosts = compare("list", "list:hostList", "list:hostList:export", 5);
    assertFalse(hosts.isEmpty());

    browser.open("/app/directory/other-plans.xhtml");
    List<List<String>> plans = compare("list", "list:pis", "list:pis:export", 9);
    assertFalse(plans.isEmpty());

    browser.open("/app/directory/units.xhtml");
    List<List<String>> units = compare("units", "units:list", "units:list:export", 6);
    assertTrue(units.stream().anyMatch(r -> r.get(0).startsWith("杭州市科学技术局")), units.toString());
  }

  @Test
  void theRecommendersApplications() throws Exception {
    // the demo data gives the Hangzhou bureau (demo_rec) an extension and more than a page of
    // confirmed applications of its units
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_rec", "Demo@2026");
    browser.open("/app/recommendation/list.xhtml");
    List<List<String>> apps = compare("list", "list:apps", "list:apps:export", 8);
    // (compare checks that every page is in the export; the screen shows the first 20)
    assertEquals(20, apps.size(), apps.toString());
    assertTrue(apps.stream().anyMatch(r -> r.get(3).startsWith("浙江演示海洋科技有限公司")), apps.toString());
  }

  @Test
  void thePublicWhiteList() throws Exception {
    browser.open("/directory/whitelist.xhtml");
    List<List<String>> platforms = compare("wl", "wl:platforms", "wl:platforms:export", 5);
    assertFalse(platforms.isEmpty());
  }

  /**
   * Reads the first {@code columns} headers and the rows of the table on screen, downloads its
   * export, and asserts that the workbook's first row holds the same headers and the next rows the
   * same cells (all rows of the table: every page is exported, and the screen's page is the start).
   */
  static List<List<String>> compare(String formId, String tableId, String buttonId, int columns)
      throws Exception {
    browser.waitFor(By.id(tableId));
    String css = "#" + tableId.replace(":", "\\:");
    List<String> headers = new ArrayList<>();
    for (WebElement th : browser.driver.findElements(By.cssSelector(css + " thead th"))) {
      if (headers.size() < columns) {
        headers.add(norm(th.findElement(By.cssSelector(".ui-column-title")).getText()));
      }
    }
    List<List<String>> screen = new ArrayList<>();
    for (WebElement tr : browser.driver.findElements(By.cssSelector(css + "_data > tr"))) {
      if (tr.getAttribute("class").contains("ui-datatable-empty-message")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (WebElement td : tr.findElements(By.xpath("./td"))) {
        if (cells.size() < columns) {
          cells.add(norm(td.getText()));
        }
      }
      screen.add(cells);
    }
    assertFalse(screen.isEmpty(), tableId + " shows no rows: " + browser.page());
    boolean onePage =
        browser
            .driver
            .findElements(By.cssSelector(css + " .ui-paginator-next:not(.ui-state-disabled)"))
            .isEmpty();

    List<List<String>> sheet = read(download(formId, buttonId));
    assertFalse(sheet.isEmpty(), "the export of " + tableId + " is empty");
    assertEquals(headers, sheet.get(0), "headers of " + tableId);
    List<List<String>> rows = sheet.subList(1, sheet.size());
    for (List<String> r : rows) {
      for (String c : r) {
        assertFalse(c.contains("#{"), "EL source in the export of " + tableId + ": " + r);
      }
    }
    if (onePage) {
      assertEquals(screen, rows, "rows of " + tableId);
    } else {
      assertTrue(rows.size() > screen.size(), tableId + ": all pages are exported");
      assertEquals(screen, rows.subList(0, screen.size()), "first page of " + tableId);
    }
    return screen;
  }

  /**
   * Posts the export button's form from the page, as its click would (the same fields, view state
   * and nonce), and returns the answer's bytes; a signed-in user's answer must not be stored.
   */
  static byte[] download(String formId, String buttonId) {
    Object b64 =
        ((JavascriptExecutor) browser.driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "var form = document.getElementById(arguments[0]);"
                    + "var data = new FormData(form);"
                    + "data.append(arguments[1], arguments[1]);"
                    + "fetch(form.action, {method: 'POST', credentials: 'same-origin',"
                    + "  body: new URLSearchParams(data)})"
                    + ".then(function (r) { var cc = r.headers.get('Cache-Control') || '';"
                    + "  return r.arrayBuffer().then(function (buf) {"
                    + "  var bytes = new Uint8Array(buf); var s = '';"
                    + "  for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }"
                    + "  done(cc + '|' + btoa(s)); }); })"
                    + ".catch(function (e) { done('ERROR ' + e); });",
                formId,
                buttonId);
    String s = String.valueOf(b64);
    assertFalse(s.startsWith("ERROR"), s);
    int bar = s.indexOf('|');
    if (browser.driver.manage().getCookieNamed("JSESSIONID") != null) {
      // a signed-in user's export is never stored by the browser or a proxy
      assertTrue(s.substring(0, bar).contains("no-store"), "Cache-Control: " + s.substring(0, bar));
    }
    return Base64.getDecoder().decode(s.substring(bar + 1));
  }

  private static List<List<String>> read(byte[] xlsx) throws Exception {
    assertTrue(
        xlsx.length > 4 && xlsx[0] == 'P' && xlsx[1] == 'K',
        "not an .xlsx: " + new String(xlsx, 0, Math.min(300, xlsx.length), "UTF-8"));
    DataFormatter f = new DataFormatter();
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = wb.getSheetAt(0);
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
          Cell c = row.getCell(i);
          cells.add(c == null ? "" : norm(f.formatCellValue(c)));
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  private static String norm(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
