package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a project owes besides money (issue 14): on B lines the PI records the days on site in the
 * aided region with their evidence (overlaps, future days and days outside the period refused); the
 * count per calendar year, and a warning on the PI's and the officer's screens while a year is
 * ending below 15 days (judged on the server's clock, moved by the test); the performance targets'
 * yearly progress reported by the PI and accepted or returned by the officer.
 */
class ObligationsIT extends BrowserIT {

  static String stay(String from, String to, String evidence) {
    return "{\"from\":\""
        + from
        + "\",\"to\":\""
        + to
        + "\",\"evidence\":"
        + (evidence == null ? "null" : "\"" + evidence + "\"")
        + "}";
  }

  @Test
  void daysOnSiteAreCountedPerYearAndAYearEndingShortIsWarned() throws Exception {
    long p = LedgerIT.project("B2", "600000.00", new BigDecimal("50.00"));
    String path = "api/v1/contract/projects/" + p + "/onsite";
    Api clock = Api.anonymous(base);
    clock.clock("2026-12-05T04:00:00Z");
    try {
      Api pi = Api.as(browser, base, "it_led_pi", "Demo@2026");
      Api.Reply ten = pi.json("POST", path, stay("2026-05-06", "2026-05-15", "合作社出具的工作证明"));
      assertEquals(201, ten.status(), ten.body());
      assertEquals(10, ten.json().getInt("days"));

      // bad stays: each refused naming its field and rule, nothing saved
      assertEquals(
          List.of("B-OVERLAP:onsiteFrom"),
          LedgerIT.rules(pi.json("POST", path, stay("2026-05-10", "2026-05-12", "重复"))));
      assertEquals(
          List.of("B-DATES:onsiteTo"),
          LedgerIT.rules(pi.json("POST", path, stay("2026-12-01", "2026-12-20", "未来"))));
      assertEquals(
          List.of("C-PERIOD:onsiteFrom"),
          LedgerIT.rules(pi.json("POST", path, stay("2025-12-30", "2026-01-02", "期外"))));
      assertEquals(
          List.of("F-REQ:onsiteEvidence"),
          LedgerIT.rules(pi.json("POST", path, stay("2026-07-01", "2026-07-02", null))));
      assertEquals(
          List.of("F-DATE:onsiteFrom"),
          LedgerIT.rules(pi.json("POST", path, stay("2026-7-1", "2026-07-02", "格式"))));
      assertEquals(
          List.of("1"), Db.strings("select count(*) from ct_onsite_stay where project_id = ?", p));

      // December: 2026 is ending with 10 of 15 days, the PI and the officer are warned
      JsonObject view = pi.get(path).json();
      JsonObject y2026 = view.getJsonArray("years").getJsonObject(0);
      assertEquals(2026, y2026.getInt("year"));
      assertEquals(10, y2026.getInt("days"));
      assertEquals(5, y2026.getInt("missing"));
      String warning = view.getJsonArray("warningsZh").getString(0);
      assertTrue(warning.contains("[G5]") && warning.contains("还差 5 天"), warning);
      browser.driver.manage().deleteAllCookies();
      browser.login("it_led_pi", "Demo@2026");
      String home = browser.waitFor(org.openqa.selenium.By.id("onsiteWarnings")).getText();
      assertTrue(home.contains("IT-LED-" + p) && home.contains("还差 5 天"), home);

      // others: the unit's finance reads, does not record; another PI does not even see it
      Api fin = Api.as(browser, base, "it_led_fin", "Demo@2026");
      assertEquals(200, fin.get(path).status());
      assertEquals(403, fin.json("POST", path, stay("2026-07-01", "2026-07-05", "x")).status());
      Api pi2 = Api.as(browser, base, "it_led_pi2", "Demo@2026");
      assertEquals(404, pi2.get(path).status());
      assertEquals(404, pi2.json("POST", path, stay("2026-07-01", "2026-07-05", "x")).status());

      // in the browser the PI records five more days: the year is met, the warning gone
      browser.driver.manage().deleteAllCookies();
      browser.login("it_led_pi", "Demo@2026");
      browser.open("/app/contract/obligations.xhtml?id=" + p);
      browser.waitFor(org.openqa.selenium.By.id("stay:onsiteFrom"));
      assertTrue(browser.bodyText().contains("还差 5 天"), browser.bodyText());
      assertTrue(browser.axe().isEmpty(), browser.axe().toString());
      browser.typeSurely("stay:onsiteFrom", "2026-06-01");
      browser.typeSurely("stay:onsiteTo", "2026-06-05");
      browser.typeSurely("stay:onsiteEvidence", "差旅凭证 CL-2026-0601");
      browser.clickWhenClickable(org.openqa.selenium.By.id("stay:record"));
      browser.clickWhenClickable(org.openqa.selenium.By.id("confirmForm:confirmYes"));
      browser.ajaxIdle();
      browser.waitForText(org.openqa.selenium.By.id("stays"), "差旅凭证 CL-2026-0601");
      assertTrue(
          browser.driver.findElements(org.openqa.selenium.By.cssSelector("#warnings li")).isEmpty(),
          "no warning once 15 days are reached");
      assertFalse(pi.get(path).body().contains("还差"));

      // a stay across New Year counts in both years
      clock.clock("2027-01-10T04:00:00Z");
      Api.Reply across = pi.json("POST", path, stay("2026-12-30", "2027-01-02", "跨年驻点"));
      assertEquals(201, across.status(), across.body());
      JsonObject after = pi.get(path).json();
      assertEquals(17, after.getJsonArray("years").getJsonObject(0).getInt("days"));
      assertEquals(2, after.getJsonArray("years").getJsonObject(1).getInt("days"));
      assertEquals(
          List.of("onsite-stay", "onsite-stay", "onsite-stay"),
          Db.strings(
              "select action from krn_audit where entity_type = 'ContractObligation' and"
                  + " entity_id = ? order by id",
              "project/" + p));
    } finally {
      clock.systemClock();
    }
  }

  @Test
  void targetsAreReportedYearlyAndReviewedByTheOfficer() throws Exception {
    long p = LedgerIT.project("A1", "800000.00", null);
    String path = "api/v1/contract/projects/" + p + "/targets";
    Api clock = Api.anonymous(base);
    clock.clock("2026-11-20T04:00:00Z");
    try {
      Api pi = Api.as(browser, base, "it_led_pi", "Demo@2026");
      JsonObject t = pi.get(path).json();
      assertEquals("INDICATORS", t.getJsonArray("targets").getJsonObject(0).getString("code"));
      assertEquals(
          List.of(2026),
          t.getJsonArray("years").getValuesAs(jakarta.json.JsonNumber.class).stream()
              .map(jakarta.json.JsonNumber::intValue)
              .toList());
      assertEquals(true, t.getBoolean("mayReport"));

      String report = path + "/reports";
      assertEquals(
          List.of("F-REQ:reportNote"),
          LedgerIT.rules(pi.json("POST", report, "{\"year\":2026,\"targetCode\":\"INDICATORS\"}")));
      assertEquals(
          List.of("C-PERIOD:reportYear"),
          LedgerIT.rules(
              pi.json(
                  "POST",
                  report,
                  "{\"year\":2027,\"targetCode\":\"INDICATORS\",\"note\":\"明年\"}")));
      Api.Reply ok =
          pi.json(
              "POST",
              report,
              "{\"year\":2026,\"targetCode\":\"INDICATORS\",\"note\":\"完成样机 1 台\"}");
      assertEquals(200, ok.status(), ok.body());
      JsonObject r =
          ok.json()
              .getJsonArray("targets")
              .getJsonObject(0)
              .getJsonArray("reports")
              .getJsonObject(0);
      assertEquals("REPORTED", r.getString("state"));

      Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
      // the officer's home page counts the reports waiting for review
      String home = browser.waitFor(org.openqa.selenium.By.id("officerContractsText")).getText();
      assertTrue(home.contains("绩效指标完成情况待审核"), home);
      String review = report + "/" + r.getJsonNumber("id").longValue() + "/review";
      assertEquals(
          403, pi.json("POST", review, "{\"accept\":true}").status(), "the PI does not review");
      assertEquals(
          List.of("F-REQ:reviewRemark"),
          LedgerIT.rules(officer.json("POST", review, "{\"accept\":false,\"remark\":\" \"}")));
      Api.Reply back = officer.json("POST", review, "{\"accept\":false,\"remark\":\"请补充样机测试数据\"}");
      assertEquals(200, back.status(), back.body());
      assertTrue(back.body().contains("RETURNED") && back.body().contains("请补充样机测试数据"));
      pi.json(
          "POST",
          report,
          "{\"year\":2026,\"targetCode\":\"INDICATORS\",\"note\":\"完成样机 1 台，测试报告见附件\"}");
      Api.Reply accepted = officer.json("POST", review, "{\"accept\":true}");
      assertEquals(200, accepted.status(), accepted.body());
      assertTrue(accepted.body().contains("ACCEPTED"), accepted.body());
      assertEquals(
          List.of("F-STATE:reportAchieved"),
          LedgerIT.rules(
              pi.json(
                  "POST", report, "{\"year\":2026,\"targetCode\":\"INDICATORS\",\"note\":\"改\"}")));
      assertEquals(
          List.of("target-report", "target-review", "target-report", "target-review"),
          Db.strings(
              "select action from krn_audit where entity_type = 'ContractObligation' and"
                  + " entity_id = ? order by id",
              "project/" + p));
      // on an A line nothing is asked on site
      assertEquals(
          false, pi.get("api/v1/contract/projects/" + p + "/onsite").json().getBoolean("required"));
    } finally {
      clock.systemClock();
    }
  }
}
