package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The lines' score sheets (issue 13): the standard sheet until the officer sets one; weights not
 * adding up to 100, a bad scale and a missing reason refused with the field and rule named and
 * nothing stored; a sound sheet stored, versioned (a stale version refused) and audited; experts
 * read it, others may not; the screen shows each problem beside its field.
 */
class ScoringSheetsIT extends BrowserIT {

  static final String TWO =
      "{\"criteria\":[{\"code\":\"INNOVATION\",\"nameZh\":\"创新性\",\"nameEn\":\"Innovation\","
          + "\"weight\":%d,\"min\":0,\"max\":%d,\"descriptors\":[{\"from\":0,\"to\":4,\"zh\":\"弱\","
          + "\"en\":\"weak\"},{\"from\":5,\"to\":10,\"zh\":\"强\",\"en\":\"strong\"}]},"
          + "{\"code\":\"TEAM\",\"nameZh\":\"团队\",\"nameEn\":\"Team\",\"weight\":40,\"min\":0,"
          + "\"max\":10,\"descriptors\":[]}],\"commentRequired\":true,\"minComment\":30}";

  static String change(long version, String reason, int weight, int max) {
    return "{\"version\":"
        + version
        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
        + ",\"sheet\":"
        + String.format(TWO, weight, max)
        + "}";
  }

  @Test
  void theOfficerSetsALinesSheetOverRest() throws Exception {
    Db.update("delete from sc_sheet where line_code = 'A3'");
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    JsonObject before = officer.get("api/v1/scoring/sheets/A3").json();
    assertFalse(before.getBoolean("configured"), before.toString());
    assertEquals(5, before.getJsonObject("sheet").getJsonArray("criteria").size());

    // 50 + 40 = 90, a scale 0–0 and no reason: each named, nothing stored
    Api.Reply bad = officer.json("PUT", "api/v1/scoring/sheets/A3", change(0, null, 50, 0));
    assertEquals(422, bad.status(), bad.body());
    for (String expected :
        List.of("weights", "criteria[0].scale", "reason", "F-SHEET", "F-REQ", "90")) {
      assertTrue(bad.body().contains(expected), expected + " in " + bad.body());
    }
    assertEquals(List.of("0"), Db.strings("select count(*) from sc_sheet where line_code = 'A3'"));

    Api.Reply ok = officer.json("PUT", "api/v1/scoring/sheets/A3", change(0, "按合作处意见调整权重", 60, 10));
    assertEquals(200, ok.status(), ok.body());
    JsonObject saved = ok.json();
    assertTrue(saved.getBoolean("configured"));
    assertEquals(1, saved.getJsonNumber("version").longValue());
    assertEquals(
        60,
        saved.getJsonObject("sheet").getJsonArray("criteria").getJsonObject(0).getInt("weight"));
    assertEquals(
        List.of("sheet-change|demo_officer|按合作处意见调整权重"),
        Db.strings(
            "select concat(action, '|', actor, '|', reason) from krn_audit"
                + " where entity_type = 'ScoreSheet' and entity_id like '%/A3'"));
    // a second officer's change from the old version is refused
    Api.Reply stale = officer.json("PUT", "api/v1/scoring/sheets/A3", change(0, "另一处修改", 60, 10));
    assertEquals(422, stale.status(), stale.body());
    assertTrue(stale.body().contains("F-STALE"), stale.body());

    // experts read a line's sheet; applicants and experts may not change it
    assertEquals(
        60,
        Api.as(browser, base, "demo_expert", "Demo@2026")
            .get("api/v1/scoring/sheets/A3")
            .json()
            .getJsonObject("sheet")
            .getJsonArray("criteria")
            .getJsonObject(0)
            .getInt("weight"));
    for (String user : List.of("demo_expert", "demo_pi")) {
      assertEquals(
          403,
          Api.as(browser, base, user, "Demo@2026")
              .json("PUT", "api/v1/scoring/sheets/A3", change(1, "试图修改", 60, 10))
              .status(),
          user);
    }
    assertEquals(404, officer.get("api/v1/scoring/sheets/ZZ").status());
  }

  @Test
  void theScreenShowsEachProblemBesideItsField() throws Exception {
    Db.update("delete from sc_sheet where line_code = 'A1'");
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
    browser.open("/app/scoring/sheets.xhtml");
    browser.waitFor(By.id("sheet:criteria:0:weight"));
    assertTrue(browser.driver.findElement(By.id("state")).getText().contains("标准评分表"));
    // the first weight 25 → 35: the sum follows, 110
    browser.typeSurely("sheet:criteria:0:weight", "35");
    browser.driver.findElement(By.id("sheet:criteria:0:code")).click();
    browser.ajaxIdle();
    browser.waitFor(By.xpath("//*[@id='sheet:weightSum' and contains(., '110')]"));
    // a band written wrongly and no reason
    browser.typeSurely("sheet:criteria:1:bands", "0-5 弱");
    browser.clickWhenClickable(By.id("sheet:save"));
    browser.clickWhenClickable(By.id("sheet:confirmYes"));
    browser.ajaxIdle();
    String band =
        browser
            .waitFor(
                By.xpath(
                    "//td[.//textarea[@id='sheet:criteria:1:bands']]"
                        + "//*[contains(@class,'ui-message-error') and contains(., 'F-SHEET')]"))
            .getText();
    assertTrue(band.contains("0-5 弱"), band);
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
    assertEquals(List.of("0"), Db.strings("select count(*) from sc_sheet where line_code = 'A1'"));

    // fixed: the bands loaded again from the standard sheet, the weights back to 100, a reason
    browser.clickWhenClickable(By.id("sheet:standard"));
    browser.ajaxIdle();
    browser.typeSurely("sheet:criteria:0:weight", "30");
    browser.typeSurely("sheet:criteria:4:weight", "10");
    browser.driver.findElement(By.id("sheet:criteria:0:code")).click();
    browser.ajaxIdle();
    browser.waitFor(By.xpath("//*[@id='sheet:weightSum' and contains(., '100')]"));
    browser.typeSurely("sheet:reason", "创新性权重提高");
    browser.clickWhenClickable(By.id("sheet:save"));
    browser.clickWhenClickable(By.id("sheet:confirmYes"));
    browser.waitFor(By.xpath("//*[contains(text(), '评分表已保存')]"));
    assertEquals(
        List.of("1"),
        Db.strings(
            "select version from sc_sheet where line_code = 'A1' and definition like"
                + " '%\"weight\":30%'"));
    assertTrue(browser.driver.findElement(By.id("state")).getText().contains("修改"));
  }
}
