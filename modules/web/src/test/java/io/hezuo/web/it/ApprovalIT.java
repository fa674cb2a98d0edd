package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Approval (立项, issue 14): the officer works from a line's ranking and budget; an approved subsidy
 * above the request, above the line's cap or past the budget is refused with its rule id and
 * nothing is saved; the list is published for its notice period (PDF and Excel read back), cannot
 * be finalised during it (the server's clock moved), is withdrawn with a reason, and once finalised
 * the selected applications are APPROVED with their projects and 70/30 tranche plans, the others
 * NOT_APPROVED, every applicant told; each step audited. Officers only (403), guessed ids 404. In
 * the browser the officer selects and publishes, and the page passes axe.
 */
class ApprovalIT extends BrowserIT {

  static final String LINE = "api/v1/contract/approval/lines/A1";
  static int next = 1;
  static long expert;

  /** A submitted A1 application of a fresh PI, FORMAL_PASSED, scored by one expert. */
  long scored(String total) throws Exception {
    int n = next++;
    String user = "it_ap_pi" + n;
    Db.createApplicant(
        user, "立项测试" + n, "33010619750" + String.format("%02d", n) + "01" + "123", 900003);
    Api pi = Api.as(browser, base, user, "Demo@2026");
    long id = SubmissionIT.submitA1(pi);
    pi.systemClock();
    Db.update("update sub_application set status = 'FORMAL_PASSED' where id = ?", id);
    if (expert == 0) {
      expert = ExpertWorkIT.expert("it_ap_expert", "立项评审");
    }
    long a = ExpertWorkIT.assign(id, expert);
    Db.update(
        "update sc_assignment set status = 'SUBMITTED', total = ?, verdict = 'FUND', submitted_at"
            + " = UTC_TIMESTAMP(6) where id = ?",
        total,
        a);
    return id;
  }

  /** A fresh list for line A1 (a previous test's list, final or not, removed). */
  static void freshList() throws Exception {
    Db.update(
        "delete i from ct_approval_item i join ct_approval_list l on l.id = i.list_id where"
            + " l.line_code = 'A1'");
    Db.update("delete from ct_approval_list where line_code = 'A1'");
  }

  static JsonObject candidate(JsonObject line, long id) {
    return line.getJsonArray("candidates").stream()
        .map(v -> v.asJsonObject())
        .filter(c -> c.getJsonNumber("applicationId").longValue() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + line));
  }

  /** An amount of the JSON (a number in 元) with its two decimals. */
  static String money(JsonObject o, String key) {
    return o.getJsonNumber(key).bigDecimalValue().setScale(2).toPlainString();
  }

  static String select(String approved) {
    return "{\"approved\":\"" + approved + "\"}";
  }

  static int items() throws Exception {
    return Integer.parseInt(
        Db.strings(
                "select count(*) from ct_approval_item i join ct_approval_list l on l.id ="
                    + " i.list_id where l.line_code = 'A1'")
            .get(0));
  }

  @Test
  void theOfficerSelectsPublishesAndFinalisesAfterTheNotice() throws Exception {
    ExpertWorkIT.review(false, "7 day");
    freshList();
    long a = scored("90.00");
    long b = scored("85.00");
    long c = scored("70.00");
    // b asked for less, c (as if the cap had been raised after it applied) for more than A1's cap
    Db.update("update sub_application set subsidy = 1000000.00 where id = ?", b);
    Db.update("update sub_application set subsidy = 1800000.00 where id = ?", c);
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");

    JsonObject line = officer.get(LINE).json();
    assertEquals("SELECTED", line.getString("state"));
    assertTrue(
        candidate(line, a).getInt("place") < candidate(line, b).getInt("place"), line.toString());
    assertEquals("1500000.00", money(line, "cap"));

    // no budget yet: nothing can be selected
    Api.Reply noBudget = officer.json("PUT", LINE + "/selection/" + a, select("1000000.00"));
    assertEquals(422, noBudget.status(), noBudget.body());
    assertTrue(noBudget.body().contains("A-BUDGET"), noBudget.body());
    Api.Reply budget = officer.json("PUT", LINE + "/budget", "{\"budget\":\"2000000.00\"}");
    assertEquals(200, budget.status(), budget.body());
    assertEquals("2000000.00", money(budget.json(), "remaining"));

    // over the request, over the cap, over-precise, over the budget: refused, nothing saved
    Api.Reply overRequested = officer.json("PUT", LINE + "/selection/" + b, select("1200000.00"));
    assertEquals(422, overRequested.status(), overRequested.body());
    assertTrue(
        overRequested.body().contains("A-REQUESTED")
            && overRequested.body().contains("\"approved\"")
            && !overRequested.body().contains("\"G6\""),
        overRequested.body());
    Api.Reply overCap = officer.json("PUT", LINE + "/selection/" + c, select("1600000.00"));
    assertEquals(422, overCap.status(), overCap.body());
    assertTrue(
        overCap.body().contains("G6") && overCap.body().contains("1,500,000.00"), overCap.body());
    Api.Reply precise = officer.json("PUT", LINE + "/selection/" + a, select("1000000.001"));
    assertEquals(422, precise.status(), precise.body());
    assertTrue(precise.body().contains("F-MONEY"), precise.body());
    assertEquals(0, items());
    Api.Reply first = officer.json("PUT", LINE + "/selection/" + a, select("1200000.00"));
    assertEquals(200, first.status(), first.body());
    assertEquals("800000.00", money(first.json(), "remaining"));
    Api.Reply overBudget = officer.json("PUT", LINE + "/selection/" + b, select("900000.00"));
    assertEquals(422, overBudget.status(), overBudget.body());
    assertTrue(
        overBudget.body().contains("A-BUDGET") && overBudget.body().contains("2,100,000.00"),
        overBudget.body());
    assertEquals(1, items());
    Api.Reply second = officer.json("PUT", LINE + "/selection/" + b, select("800000.00"));
    assertEquals(200, second.status(), second.body());
    assertEquals("0.00", money(second.json(), "remaining"));
    assertEquals(2, second.json().getInt("selectedCount"));
    // the budget cannot go below the selection
    Api.Reply lower = officer.json("PUT", LINE + "/budget", "{\"budget\":\"1000000.00\"}");
    assertEquals(422, lower.status(), lower.body());
    assertTrue(lower.body().contains("A-BUDGET"), lower.body());

    // guessed ids and other roles
    assertEquals(404, officer.json("PUT", LINE + "/selection/999999999", select("1.00")).status());
    assertEquals(404, officer.send("DELETE", LINE + "/selection/" + c, null, null).status());
    assertEquals(404, officer.get("api/v1/contract/approval/lines/ZZ9").status());
    Api pi = Api.as(browser, base, "demo_pi", "Demo@2026");
    assertEquals(403, pi.get(LINE).status());
    assertEquals(403, pi.json("PUT", LINE + "/selection/" + a, select("1.00")).status());
    assertEquals(403, pi.json("POST", LINE + "/finalise", "{}").status());
    officer = Api.as(browser, base, "demo_officer", "Demo@2026");

    // publish: 5–15 days
    Api.Reply tooShort = officer.json("POST", LINE + "/publish", "{\"days\":3}");
    assertEquals(422, tooShort.status(), tooShort.body());
    assertTrue(tooShort.body().contains("A-DAYS"), tooShort.body());
    Api.Reply published = officer.json("POST", LINE + "/publish", "{\"days\":7}");
    assertEquals(200, published.status(), published.body());
    assertEquals("PUBLISHED", published.json().getString("state"));
    Api.Reply frozen = officer.json("PUT", LINE + "/selection/" + a, select("1000000.00"));
    assertEquals(422, frozen.status(), frozen.body());
    assertTrue(frozen.body().contains("F-STATE"), frozen.body());

    // withdraw needs a reason, then publish again for the default 5 days
    Api.Reply noReason = officer.json("POST", LINE + "/withdraw", "{}");
    assertEquals(422, noReason.status(), noReason.body());
    assertTrue(noReason.body().contains("\"reason\""), noReason.body());
    Api.Reply withdrawn = officer.json("POST", LINE + "/withdraw", "{\"reason\":\"公示期间收到异议，需复核\"}");
    assertEquals(200, withdrawn.status(), withdrawn.body());
    assertEquals("SELECTED", withdrawn.json().getString("state"));
    Api.Reply again = officer.json("POST", LINE + "/publish", "{}");
    assertEquals(200, again.status(), again.body());
    Instant ends = Instant.parse(again.json().getString("noticeEndsAt"));
    Instant starts = Instant.parse(again.json().getString("noticeStartsAt"));
    assertEquals(Duration.ofDays(5), Duration.between(starts, ends));

    // the list as PDF and as Excel
    String title = Db.strings("select title_zh from sub_application where id = ?", a).get(0);
    String acceptance =
        Db.strings("select acceptance_no from sub_application where id = ?", a).get(0);
    String pdf;
    try (PDDocument doc = Loader.loadPDF(officer.bytes(LINE + "/list.pdf"))) {
      pdf = new PDFTextStripper().getText(doc);
    }
    assertTrue(pdf.contains("拟立项名单"), pdf);
    // a narrow column may wrap the acceptance number
    assertTrue(pdf.replaceAll("\\s", "").contains(acceptance), pdf);
    assertTrue(pdf.contains("1,200,000.00 元（120 万元）"), pdf);
    assertTrue(pdf.contains("2,000,000.00 元（200 万元）"), pdf);
    // a long title wraps in its column: its first characters on the row's first line
    assertTrue(pdf.contains(title.substring(0, 6)), pdf);
    List<String> cells = new ArrayList<>();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(officer.bytes(LINE + "/list.xlsx")))) {
      for (Row r : wb.getSheetAt(0)) {
        for (Cell x : r) {
          cells.add(x.getStringCellValue());
        }
      }
    }
    assertTrue(cells.contains("浙江省科技合作项目拟立项名单"), cells.toString());
    assertTrue(cells.contains(acceptance) && cells.contains(title), cells.toString());
    assertTrue(cells.contains("800,000.00 元（80 万元）"), cells.toString());

    try {
      // during the notice: refused on the server's clock
      officer.clock(Instant.now().plus(Duration.ofDays(2)).toString());
      Api.Reply early = officer.json("POST", LINE + "/finalise", "{}");
      assertEquals(422, early.status(), early.body());
      assertTrue(early.body().contains("A-NOTICE"), early.body());
      assertEquals(
          List.of("FORMAL_PASSED"),
          Db.strings("select status from sub_application where id = ?", a));
      // after it: final, in one go
      officer.clock(ends.plus(Duration.ofMinutes(1)).toString());
      Api.Reply done = officer.json("POST", LINE + "/finalise", "{}");
      assertEquals(200, done.status(), done.body());
      assertEquals("FINAL", done.json().getString("state"));
    } finally {
      officer.systemClock();
    }
    assertEquals(
        List.of("APPROVED", "APPROVED", "NOT_APPROVED"),
        List.of(
            Db.strings("select status from sub_application where id = ?", a).get(0),
            Db.strings("select status from sub_application where id = ?", b).get(0),
            Db.strings("select status from sub_application where id = ?", c).get(0)));
    assertEquals(
        List.of("1200000.00|DRAFT|1|1|A1", "800000.00|DRAFT|1|1|A1"),
        Db.strings(
            "select concat(p.approved, '|', p.contract_state, '|',"
                + " p.period_from = str_to_date(concat(s.start_month, '-01'), '%Y-%m-%d'), '|',"
                + " p.period_to = last_day(str_to_date(concat(s.end_month, '-01'), '%Y-%m-%d')),"
                + " '|', p.line_code) from ct_project p join sub_application s on s.id ="
                + " p.application_id where p.application_id in (?, ?) order by p.approved desc",
            a, b));
    assertEquals(
        List.of("1|70.00|SIGNING", "2|30.00|MIDTERM"),
        Db.strings(
            "select concat(t.number, '|', t.percent, '|', t.trigger_kind) from ct_tranche t join"
                + " ct_project p on p.id = t.project_id where p.application_id = ? order by"
                + " t.number",
            a));
    assertEquals(List.of(), Db.strings("select id from ct_project where application_id = ?", c));
    // the applicants told
    assertEquals(
        List.of(
            "contract.notice.approved|"
                + Db.strings("select pi_username from sub_application where id = ?", a).get(0)),
        Db.strings(
            "select concat(m.body_key, '|', r.username) from krn_message m join"
                + " krn_message_recipient r on r.message_id = m.id where m.entity_type ="
                + " 'Approval' and m.entity_id = ?",
            String.valueOf(a)));
    assertEquals(
        List.of("contract.notice.notApproved"),
        Db.strings(
            "select m.body_key from krn_message m where m.entity_type = 'Approval' and"
                + " m.entity_id = ?",
            String.valueOf(c)));
    // every step audited, the withdrawal with its reason
    List<String> audited =
        Db.strings(
            "select concat(action, '|', actor, '|', coalesce(reason, '')) from krn_audit where"
                + " entity_type = 'ApprovalList' and entity_id like '%/A1' order by id");
    for (String action :
        List.of(
            "approval-budget|demo_officer|",
            "approval-select|demo_officer|",
            "approval-publish|demo_officer|7 days",
            "approval-withdraw|demo_officer|公示期间收到异议，需复核",
            "approval-finalise|demo_officer|approved: ")) {
      assertTrue(audited.stream().anyMatch(x -> x.startsWith(action)), action + " in " + audited);
    }
    // a final list does not change
    Api.Reply after = officer.json("POST", LINE + "/withdraw", "{\"reason\":\"x\"}");
    assertEquals(422, after.status(), after.body());
  }

  @Test
  void theOfficerSelectsAndPublishesOnTheScreen() throws Exception {
    ExpertWorkIT.review(false, "7 day");
    freshList();
    long d = scored("88.00");
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    Api.Reply budget = officer.json("PUT", LINE + "/budget", "{\"budget\":\"3000000.00\"}");
    assertEquals(200, budget.status(), budget.body());
    String acceptance =
        Db.strings("select acceptance_no from sub_application where id = ?", d).get(0);

    browser.open("/app/contract/approval.xhtml?line=A1");
    browser.waitFor(By.id("budgetForm:rows"));
    assertTrue(browser.bodyText().contains("3,000,000.00 元（300 万元）"), browser.page());
    // the row's select button, then the subsidy in 万元
    int row = -1;
    List<org.openqa.selenium.WebElement> rows =
        browser.driver.findElements(By.cssSelector("#budgetForm\\:rows_data > tr"));
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).getText().contains(acceptance)) {
        row = i;
      }
    }
    assertTrue(row >= 0, browser.page());
    browser.clickWhenClickable(By.id("budgetForm:rows:" + row + ":select"));
    browser.waitFor(By.id("budgetForm:approved"));
    // too much first: the error beside the field, nothing saved
    browser.typeSurely("budgetForm:approved", "200");
    browser.clickWhenClickable(By.id("budgetForm:saveAmount"));
    browser.ajaxIdle();
    browser.waitForText(By.id("budgetForm:editor"), "A-REQUESTED");
    assertEquals(0, items());
    browser.typeSurely("budgetForm:approved", "120");
    // what is left, live while typing
    browser.waitForText(By.id("budgetForm:preview"), "1,800,000.00 元（180 万元）");
    browser.clickWhenClickable(By.id("budgetForm:saveAmount"));
    browser.ajaxIdle();
    browser.waitForText(By.id("budgetForm:selectionTotal"), "1,200,000.00 元（120 万元）");
    browser.waitForText(By.id("budgetForm:remaining"), "1,800,000.00 元（180 万元）");
    assertEquals(
        List.of("1200000.00"),
        Db.strings("select approved from ct_approval_item where application_id = ?", d));
    assertTrue(browser.axe().isEmpty(), "axe: " + browser.axe());

    // publish after the confirmation
    browser.clickWhenClickable(By.id("actions:publish"));
    browser.clickWhenClickable(By.id("actions:confirmYes"));
    browser.ajaxIdle();
    browser.waitForText(By.id("stateName"), "公示中");
    assertEquals(
        List.of("PUBLISHED"),
        Db.strings("select state from ct_approval_list where line_code = 'A1'"));
    assertTrue(browser.driver.findElements(By.id("budgetForm:rows:" + row + ":select")).isEmpty());
    assertTrue(browser.axe().isEmpty(), "axe: " + browser.axe());
  }
}
