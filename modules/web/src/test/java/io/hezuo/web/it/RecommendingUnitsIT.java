package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.directory.domain.CreditCode;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Department's list of recommending units (issue 11): the officer enters a unit (bad input
 * refused field by field, nothing saved), lets it recommend, and moves an applying unit to it; the
 * quota grid and the dashboard follow; the new recommender sees the unit's applications; a unit
 * whose applications were decided on cannot move, and a recommending unit that still has units or
 * decisions cannot lose its right (R1), until the decisions are taken back. Every change is audited
 * with its reason; only officers may do any of it.
 */
class RecommendingUnitsIT extends BrowserIT {

  static final long OLD_REC = 910701;
  static final long UNIT = 910711;
  static final long UNIVERSITY = 910712;
  static final long PENDING_UNIT = 910713;
  static final long TEMPLATE_UNIT = 910714;

  Api officer;

  /** A valid unified social credit code from 17 characters (its check character appended). */
  static String code(String first17) {
    return first17 + CreditCode.checkCharacter(first17);
  }

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  private long createdId(Api.Reply r) {
    assertEquals(201, r.status(), r.body());
    return r.json().getJsonNumber("id").longValue();
  }

  @Test
  void theOfficerLetsANewBureauRecommendAndMovesAUnitToIt() throws Exception {
    RecommendationIT.recommender(OLD_REC, "测试原推荐局", "11330100IT0000701A");
    RecommendationIT.unit(UNIT, "测试迁移申报单位", "91330100IT0000711B", OLD_REC);
    Db.createAccount("it_ru_old", "RECOMMENDER", OLD_REC);
    Db.createApplicant("it_ru_pi", "周归口", "33010619790909123", UNIT);
    Api pi = Api.as(browser, base, "it_ru_pi", "Demo@2026");
    RecommendationIT.template = SubmissionIT.submitA1(pi);
    pi.systemClock();
    long app = RecommendationIT.confirmed(UNIT, "A1", null);

    officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    officer.clock(RecommendationIT.BEFORE_DEADLINE);

    // bad input: every field named, nothing saved
    String badCode = "11330100MB1234567" + "0";
    if (CreditCode.check(badCode).isEmpty()) {
      badCode = "11330100MB1234567" + "1";
    }
    Api.Reply bad =
        officer.json(
            "POST",
            "api/v1/directory/units",
            "{\"name\":\"  \",\"creditCode\":\"" + badCode + "\",\"type\":\"NONSENSE\"}");
    assertEquals(422, bad.status(), bad.body());
    assertTrue(bad.body().contains("unitName"), bad.body());
    assertTrue(bad.body().contains("creditCode") && bad.body().contains("校验码"), bad.body());
    assertTrue(bad.body().contains("unitType"), bad.body());
    assertEquals(
        List.of("0"),
        Db.strings("select count(*) from dir_organisation where credit_code = ?", badCode));

    // a new city bureau that may recommend
    String bureauCode = code("11330200MB0000702");
    long bureau =
        createdId(
            officer.json(
                "POST",
                "api/v1/directory/units",
                "{\"name\":\"测试新设推荐局\",\"creditCode\":\""
                    + bureauCode
                    + "\",\"type\":\"GOVERNMENT\",\"city\":\"宁波市\",\"recommending\":true}"));
    Api.Reply again =
        officer.json(
            "POST",
            "api/v1/directory/units",
            "{\"name\":\"同码单位\",\"creditCode\":\""
                + bureauCode.toLowerCase()
                + "\",\"type\":\"GOVERNMENT\"}");
    assertEquals(422, again.status(), again.body());
    assertTrue(again.body().contains("F-DUP") && again.body().contains("测试新设推荐局"), again.body());
    assertEquals(
        List.of("create-unit", "recommending"),
        Db.strings(
            "select action from krn_audit where entity_type = 'Organisation' and entity_id = ?"
                + " order by action",
            String.valueOf(bureau)));

    // the quota grid follows: the new bureau takes a quota
    Api.Reply quota =
        officer.json(
            "PUT",
            "api/v1/recommendation/quotas/" + bureau + "/A3",
            "{\"places\":3,\"reason\":\"新设推荐局的名额\"}");
    assertEquals(204, quota.status(), quota.body());

    // moving the unit needs a reason and a unit that may recommend
    Api.Reply noReason =
        officer.json(
            "POST",
            "api/v1/directory/units/" + UNIT + "/recommender",
            "{\"recommenderId\":" + bureau + "}");
    assertEquals(422, noReason.status(), noReason.body());
    assertTrue(noReason.body().contains("\"reason\""), noReason.body());
    Api.Reply notRec =
        officer.json(
            "POST",
            "api/v1/directory/units/" + UNIT + "/recommender",
            "{\"recommenderId\":" + PENDING_UNIT + ",\"reason\":\"x\"}");
    assertEquals(422, notRec.status(), notRec.body());

    // the old recommender decided on the unit's application: the unit cannot move (R1)
    Api old = Api.as(browser, base, "it_ru_old", "Demo@2026");
    assertEquals(200, RecommendationIT.recommend(old, app).status());
    Api.Reply refused =
        officer.json(
            "POST",
            "api/v1/directory/units/" + UNIT + "/recommender",
            "{\"recommenderId\":" + bureau + ",\"reason\":\"区划调整\"}");
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.body().contains("R1") && refused.body().contains("撤回"), refused.body());
    assertEquals(
        List.of(String.valueOf(OLD_REC)),
        Db.strings("select recommender_id from dir_organisation where id = ?", UNIT));
    // nor can the old recommender lose its right while a unit reports to it
    Api.Reply stillHas =
        officer.json(
            "POST",
            "api/v1/directory/units/" + OLD_REC + "/recommending",
            "{\"recommending\":false,\"reason\":\"撤销\"}");
    assertEquals(422, stillHas.status(), stillHas.body());
    assertTrue(stillHas.body().contains("测试迁移申报单位") || stillHas.body().contains("1"));

    // the decision taken back, the move succeeds and is audited with its reason
    Api.Reply back =
        old.json(
            "POST",
            "api/v1/recommendation/applications/" + app + "/reconsider",
            "{\"reason\":\"单位归口调整\"}");
    assertEquals(204, back.status(), back.body());
    Api.Reply moved =
        officer.json(
            "POST",
            "api/v1/directory/units/" + UNIT + "/recommender",
            "{\"recommenderId\":" + bureau + ",\"reason\":\"区划调整\"}");
    assertEquals(204, moved.status(), moved.body());
    assertEquals(
        List.of("recommender 测试原推荐局 测试新设推荐局 区划调整"),
        Db.strings(
            "select concat(action, ' ', from_state, ' ', to_state, ' ', reason) from krn_audit"
                + " where entity_type = 'Organisation' and entity_id = ?",
            String.valueOf(UNIT)));

    // the new bureau's recommender sees the application, the old one no longer does
    Db.createAccount("it_ru_new", "RECOMMENDER", bureau);
    Api fresh = Api.as(browser, base, "it_ru_new", "Demo@2026");
    assertEquals(200, fresh.get("api/v1/recommendation/applications/" + app).status());
    assertEquals(404, old.get("api/v1/recommendation/applications/" + app).status());
    // and the dashboard has a row for it with the confirmed application
    JsonObject row =
        officer.get("api/v1/recommendation/dashboard").jsonArray().stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getJsonNumber("recommenderId").longValue() == bureau)
            .findFirst()
            .orElseThrow();
    assertEquals(1, row.getInt("confirmed"), row.toString());

    // now without units and decisions, the old recommender's right can be withdrawn
    Api.Reply withdrawn =
        officer.json(
            "POST",
            "api/v1/directory/units/" + OLD_REC + "/recommending",
            "{\"recommending\":false,\"reason\":\"不再承担推荐\"}");
    assertEquals(204, withdrawn.status(), withdrawn.body());
    Api.Reply noQuota =
        officer.json(
            "PUT",
            "api/v1/recommendation/quotas/" + OLD_REC + "/A3",
            "{\"places\":3,\"reason\":\"x\"}");
    assertEquals(422, noQuota.status(), noQuota.body());
  }

  @Test
  void aUniversityRecommendsItselfAndKeepsItsRightWhileItHasDecisions() throws Exception {
    Db.createOrganisation(UNIVERSITY, "测试自荐大学", "12330000IT0000712C", "UNIVERSITY");
    Db.update("update dir_organisation set recommender_id = null where id = ?", UNIVERSITY);
    officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    officer.clock(RecommendationIT.BEFORE_DEADLINE);
    // not yet recommending: it cannot report to itself
    Api.Reply notYet =
        officer.json(
            "POST",
            "api/v1/directory/units/" + UNIVERSITY + "/recommender",
            "{\"recommenderId\":" + UNIVERSITY + ",\"reason\":\"自行推荐\"}");
    assertEquals(422, notYet.status(), notYet.body());
    assertEquals(
        204,
        officer
            .json(
                "POST",
                "api/v1/directory/units/" + UNIVERSITY + "/recommending",
                "{\"recommending\":true,\"reason\":\"部属高校自行推荐\"}")
            .status());
    assertEquals(
        204,
        officer
            .json(
                "POST",
                "api/v1/directory/units/" + UNIVERSITY + "/recommender",
                "{\"recommenderId\":" + UNIVERSITY + ",\"reason\":\"自行推荐\"}")
            .status());
    if (RecommendationIT.template == 0) {
      // the template application (an A1, led by an enterprise) of a unit of its own
      Db.createOrganisation(TEMPLATE_UNIT, "测试模板企业", "91330100IT0000714E", "ENTERPRISE");
      Db.createApplicant("it_ru_pi2", "周自荐", "33010619790909131", TEMPLATE_UNIT);
      Api pi = Api.as(browser, base, "it_ru_pi2", "Demo@2026");
      RecommendationIT.template = SubmissionIT.submitA1(pi);
      pi.systemClock();
      officer.clock(RecommendationIT.BEFORE_DEADLINE);
    }
    long app = RecommendationIT.confirmed(UNIVERSITY, "A1", null);
    Db.createAccount("it_ru_uni", "RECOMMENDER", UNIVERSITY);
    Api uni = Api.as(browser, base, "it_ru_uni", "Demo@2026");
    assertEquals(200, RecommendationIT.recommend(uni, app).status());

    Api.Reply refused =
        officer.json(
            "POST",
            "api/v1/directory/units/" + UNIVERSITY + "/recommending",
            "{\"recommending\":false,\"reason\":\"撤销\"}");
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.body().contains("R1"), refused.body());
    assertEquals(
        List.of("1"),
        Db.strings("select is_recommender from dir_organisation where id = ?", UNIVERSITY));
  }

  @Test
  void onlyOfficersManageTheList() throws Exception {
    for (String user : List.of("demo_rec", "demo_pi", "demo_unit", "demo_review")) {
      Api a = Api.as(browser, base, user, "Demo@2026");
      assertEquals(403, a.get("api/v1/directory/units").status(), user);
      Api.Reply post =
          a.json(
              "POST",
              "api/v1/directory/units/" + UNIT + "/recommending",
              "{\"recommending\":true,\"reason\":\"x\"}");
      assertEquals(403, post.status(), user + " " + post.body());
    }
    assertEquals(401, Api.anonymous(base).get("api/v1/directory/units").status());
  }

  /**
   * In the browser: the pending applying units are shown and listed; the change dialog refuses a
   * missing reason beside its field, then moves the unit; a bad credit code is refused beside its
   * field; the quota grid shows the new recommending unit.
   */
  @Test
  void theOfficerGivesAPendingUnitItsRecommenderOnTheScreen() throws Exception {
    Db.update(
        "insert into dir_organisation (id, name, name_en, credit_code, type, city, county,"
            + " recommender_id, is_recommender, demo) values (?, '测试待归口单位', null,"
            + " '91330100IT0000713D', 'ENTERPRISE', '湖州市', null, null, 0, true)",
        PENDING_UNIT);
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
    // the officer's home page names the pending work and leads to it
    assertTrue(browser.waitFor(By.id("unitsPendingText")).getText().contains("尚未指定归口推荐单位"));
    browser.driver.findElement(By.cssSelector("a[id$='unitsLink']")).click();
    browser.waitFor(By.id("pendingText"));
    WebElement row =
        browser.waitFor(
            By.xpath("//tr[.//span[contains(@class,'unit-name') and text()='测试待归口单位']]"));
    row.findElement(By.xpath(".//button[contains(@id,':change')]")).click();
    browser.waitFor(By.xpath("//h2[@id='editUnit' and text()='测试待归口单位']"));
    // choose the demo Hangzhou bureau
    browser.chooseByClick("repForm:recommenderId", "900002");
    browser.driver.findElement(By.id("repForm:save")).click();
    // the missing reason is refused beside its field
    WebElement beside =
        browser.waitFor(
            By.xpath(
                "//*[@id='repForm']//*[contains(@class,'ui-message') and contains(., '请填写理由')]"));
    assertFalse(beside.getText().contains("[reason]"), beside.getText());
    browser.driver.findElement(By.id("repForm:reason")).sendKeys("按属地归口");
    browser.driver.findElement(By.id("repForm:save")).click();
    browser.waitFor(By.xpath("//*[contains(text(), '已保存“测试待归口单位”的归口推荐单位')]"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertEquals(
                    List.of("900002"),
                    Db.strings(
                        "select recommender_id from dir_organisation where id = ?", PENDING_UNIT)));

    // a bad credit code is refused beside its field, nothing added
    browser.driver.findElement(By.id("add:unitName")).sendKeys("测试错码单位");
    browser.driver.findElement(By.id("add:creditCode")).sendKeys("12345");
    browser.driver.findElement(By.id("add:create")).click();
    browser.waitFor(
        By.xpath("//*[contains(@class,'ui-message-error') and contains(., 'GB 32100')]"));
    assertEquals(
        List.of("0"), Db.strings("select count(*) from dir_organisation where name = '测试错码单位'"));
  }
}
