package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) over every page view, each as the role that sees it:
 * no critical or serious violation. A new screen belongs in this list. And the language switch
 * keeps the page, query string included.
 */
class AccessibilityIT extends BrowserIT {

  /** Page (as role) → its critical and serious violations. */
  private final Map<String, List<String>> violations = new LinkedHashMap<>();

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  /** Opens the page, waits for the element that shows it is drawn, and runs axe over it. */
  private void check(String who, String path, By drawn) {
    browser.open(path);
    browser.waitFor(drawn);
    browser.waitFor(By.tagName("footer"));
    List<String> found = browser.axe();
    if (!found.isEmpty()) {
      violations.put(who + " " + path, found);
    }
  }

  private void assertClean() {
    StringBuilder report = new StringBuilder();
    violations.forEach(
        (page, list) -> {
          report.append("\n").append(page).append(":");
          list.forEach(v -> report.append("\n  ").append(v));
        });
    assertTrue(violations.isEmpty(), "critical or serious axe violations:" + report);
  }

  private void signIn(String user) {
    browser.driver.manage().deleteAllCookies();
    browser.login(user, "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
  }

  @Test
  void anonymousPages() {
    check("anonymous", "/call/catalogue.xhtml", By.id("deadlines"));
    check("anonymous", "/login.xhtml", By.id("login:username"));
    check("anonymous", "/login.xhtml?loggedOut=true", By.id("loggedOut"));
    check("anonymous", "/directory/register.xhtml", By.id("reg:name"));
    check("anonymous", "/directory/whitelist.xhtml", By.id("wl:q"));
    check("anonymous", "/no-such-page.xhtml", By.id("errorTitle"));
    assertClean();
  }

  @Test
  void applicantPagesAndTheUnitAdminsOfTheSameApplication() throws Exception {
    Db.createApplicant("it_a11y", "吴无障", "33010619790101471", 900003);
    Api pi = Api.as(browser, base, "it_a11y", "Demo@2026");
    long submitted = SubmissionIT.submitA1(pi); // leaves the clock in the open window
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"B2\"}");
    assertEquals(201, created.status(), created.body());
    long draft = created.json().getJsonNumber("id").longValue();

    check("PI", "/app/home.xhtml", By.id("home-APPLICANT"));
    check("PI", "/app/inbox.xhtml", By.id("inbox"));
    check("PI", "/app/account/password.xhtml", By.id("pwd:current"));
    check("PI", "/app/submission/list.xhtml", By.id("new:create"));
    check("PI", "/app/submission/edit.xhtml?id=" + draft, By.id("app:titleZh"));
    // a B2 draft with a topic shows the targets' rows and a team member's row too
    browser.chooseByClick("app:topicCode", "B2-AGRI");
    browser.waitFor(By.cssSelector("input[class*='target-']"));
    browser.driver.findElement(By.id("app:addMember")).click();
    browser.waitFor(By.cssSelector("input.member-name"));
    // the menu's list closed (axe on a panel still fading out names its list without a label)
    browser.waitUntilHidden(By.id("app:topicCode_panel"));
    List<String> found = browser.axe();
    if (!found.isEmpty()) {
      violations.put("PI edit.xhtml (B2 with topic and member)", found);
    }
    check("PI", "/app/submission/edit.xhtml?id=" + submitted, By.tagName("footer"));
    check("PI", "/app/submission/attachments.xhtml?id=" + draft, By.id("att:upload"));
    check("PI", "/app/submission/view.xhtml?id=" + submitted, By.id("acceptanceNo"));
    check("PI", "/app/submission/view.xhtml?id=" + draft, By.id("timeline"));

    signIn("demo_unit");
    check("unit admin", "/app/home.xhtml", By.id("home-UNIT_ADMIN"));
    check("unit admin", "/app/submission/unit.xhtml", By.id("unit:apps"));
    check("unit admin", "/app/submission/view.xhtml?id=" + submitted, By.id("acceptanceNo"));

    check("unit admin", "/app/directory/accounts.xhtml", By.id("accts"));
    check("unit admin", "/app/inbox.xhtml", By.id("inbox"));
    signIn("demo_officer");
    check("officer", "/app/submission/all.xhtml", By.id("all:apps"));
    check("officer", "/app/submission/view.xhtml?id=" + submitted, By.id("acceptanceNo"));
    signIn("demo_review");
    check("formal reviewer", "/app/submission/all.xhtml", By.id("all:apps"));
    check("formal reviewer", "/app/submission/view.xhtml?id=" + submitted, By.id("acceptanceNo"));
    assertClean();
  }

  @Test
  void unitAdminsPendingRegistrations() throws Exception {
    Api anonymous = Api.anonymous(base);
    long unit = Db.organisationId("91330100MA2A00003U");
    Api.Reply created =
        anonymous.json(
            "POST",
            "api/v1/directory/registrations",
            "{\"organisationId\":"
                + unit
                + ",\"name\":\"Lena Holm\",\"idType\":\"PASSPORT\",\"idNumber\":\"E51234567\","
                + "\"phone\":\"13912345670\",\"email\":\"lena.holm@example.se\","
                + "\"username\":\"it_a11y_reg\",\"password\":\"Passp#2026x\","
                + "\"passwordRepeat\":\"Passp#2026x\"}");
    assertEquals(201, created.status(), created.body());
    long accountId = created.json().getJsonNumber("accountId").longValue();
    signIn("demo_unit");
    check("unit admin", "/app/directory/registrations.xhtml", By.id("regs:pending"));
    browser.waitForText(By.id("regs:pending"), "it_a11y_reg");
    // no pending registration left behind for the other tests
    Api unitAdmin = Api.as(browser, base, "demo_unit", "Demo@2026");
    assertEquals(
        204,
        unitAdmin
            .json(
                "POST",
                "api/v1/directory/registrations/" + accountId + "/decision",
                "{\"approve\":false,\"reason\":\"无障碍测试\"}")
            .status());
    assertClean();
  }

  @Test
  void officerAdminAndOtherRolesPages() {
    signIn("demo_officer");
    check("officer", "/app/home.xhtml", By.id("home-OFFICER"));
    check("officer", "/app/call/edit.xhtml", By.id("callEditForm"));
    check("officer", "/app/call/platform-hosts.xhtml", By.id("hostsTitle"));
    check("officer", "/app/directory/whitelist-import.xhtml", By.id("intro"));
    check("officer", "/app/directory/other-plans.xhtml", By.id("intro"));
    check("officer", "/app/directory/units.xhtml", By.id("intro"));
    check("officer", "/app/formal-review/queue.xhtml", By.id("intro"));
    check("officer", "/app/formal-review/integrity.xhtml", By.id("intro"));
    check("officer", "/app/scoring/sheets.xhtml", By.id("intro"));
    check("officer", "/app/scoring/experts.xhtml", By.id("list:experts"));
    check("officer", "/app/scoring/assignments.xhtml", By.id("intro"));
    check("officer", "/app/contract/approval.xhtml", By.id("chooser:line"));
    check("officer", "/app/formal-review/library.xhtml", By.id("intro"));
    check("officer", "/app/directory/registrations.xhtml", By.id("regs"));
    check("officer", "/app/submission/extensions.xhtml", By.id("ext:grant"));
    check("officer", "/app/recommendation/quotas.xhtml", By.id("quotas:save"));
    check("officer", "/app/recommendation/dashboard.xhtml", By.id("chart"));
    check("officer", "/app/inbox.xhtml", By.id("inbox"));

    signIn("demo_admin");
    check("admin", "/app/home.xhtml", By.id("home-ADMIN"));
    check("admin", "/app/admin/audit.xhtml", By.id("audit"));
    check("admin", "/app/directory/accounts.xhtml", By.id("accts"));
    check("admin", "/app/submission/list.xhtml", By.id("errorTitle")); // 403, as a page

    for (String[] role :
        List.of(
            new String[] {"demo_rec", "RECOMMENDER"},
            new String[] {"demo_review", "FORMAL_REVIEWER"},
            new String[] {"demo_expert", "EXPERT"},
            new String[] {"demo_finance", "FINANCE"})) {
      signIn(role[0]);
      check(role[0], "/app/home.xhtml", By.cssSelector("section[id^=home-]"));
    }
    // the finance screens on the demo projects: the Department's finance, the unit's, the PI
    signIn("demo_finance");
    check("finance", "/app/contract/finance.xhtml", By.id("fin:projects"));
    check("finance", "/app/contract/ledger.xhtml?id=900402", By.id("disburse:record"));
    check("finance", "/app/contract/contracts.xhtml", By.tagName("h1"));
    signIn("demo_unitfin");
    check("unit finance", "/app/contract/ledger.xhtml?id=900402", By.id("transfer:record"));
    signIn("demo_proj2");
    check("PI", "/app/contract/obligations.xhtml?id=900402", By.id("stay:record"));
    signIn("demo_officer");
    check("officer", "/app/contract/obligations.xhtml?id=900401", By.id("targets"));
    check("officer", "/app/contract/contract.xhtml?id=900402", By.tagName("h1"));
    check("officer", "/app/contract/ledger.xhtml?id=900405", By.id("planForm:savePlan"));
    check("officer", "/app/contract/ledger.xhtml?id=900402", By.id("reachedForm:reachedOn"));
    signIn("demo_unit");
    check("unit", "/app/contract/contract.xhtml?id=900405", By.tagName("h1"));
    assertClean();
  }

  /**
   * The recommending unit's screens (issue 11), as a recommender of its own with one application.
   */
  @Test
  void recommenderPages() throws Exception {
    RecommendationIT.recommender(910302, "无障碍推荐局", "11330100IT0000302G");
    RecommendationIT.unit(910312, "无障碍申报单位", "91330100IT0000312H", 910302);
    Db.createAccount("it_a11y_rec", "RECOMMENDER", 910302);
    Db.createApplicant("it_a11y_rec_pi", "吴推荐", "33010619790101493", 910312);
    Api pi = Api.as(browser, base, "it_a11y_rec_pi", "Demo@2026");
    RecommendationIT.template = SubmissionIT.submitA1(pi);
    pi.clock(RecommendationIT.BEFORE_DEADLINE);
    long id = RecommendationIT.confirmed(910312, "A1", null);
    signIn("it_a11y_rec");
    check("recommender", "/app/recommendation/list.xhtml", By.id("list:apps"));
    check("recommender", "/app/recommendation/view.xhtml?id=" + id, By.id("acceptanceNo"));
    check("recommender", "/app/recommendation/ranking.xhtml", By.id("rankingHint"));
    check("recommender", "/app/recommendation/documents.xhtml", By.id("submitForm:submit"));
    check("recommender", "/app/recommendation/view.xhtml?id=999999999", By.id("errorTitle"));
    assertClean();
  }

  /** The header's switch on a page with a query string stays on that page, in the new language. */
  @Test
  void languageSwitchKeepsTheQueryString() throws Exception {
    Db.createApplicant("it_a11y_lang", "吴语言", "33010619790101482", 900003);
    Api pi = Api.as(browser, base, "it_a11y_lang", "Demo@2026");
    pi.clock("2025-09-10T02:00:00Z");
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();

    browser.open("/app/submission/edit.xhtml?id=" + id);
    WebElement title = browser.waitFor(By.id("app:titleZh"));
    browser.driver.findElement(By.id("hdr:langEn")).click();
    browser.waitUntilGone(title);
    browser.waitFor(By.id("app:titleZh"));
    assertTrue(
        browser.driver.getCurrentUrl().contains("edit.xhtml?id=" + id),
        browser.driver.getCurrentUrl());
    assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertFalse(browser.bodyText().contains("Page not found"), browser.page());

    // after a save (a postback: the address no longer shows the query string) it still holds
    browser.driver.findElement(By.id("app:save")).click();
    browser.waitForText(By.id("messages"), "Draft saved");
    WebElement en = browser.driver.findElement(By.id("app:titleZh"));
    browser.driver.findElement(By.id("hdr:langZh")).click();
    browser.waitUntilGone(en);
    browser.waitFor(By.id("app:titleZh"));
    assertEquals("zh-CN", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(
        browser.driver.getCurrentUrl().contains("edit.xhtml?id=" + id),
        browser.driver.getCurrentUrl());
  }
}
