package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A2 host units: the officer records who hosts each platform (bad input refused by C8/C9/C10,
 * applicants refused), the applicant of an A2 application must be the recorded host (G6 error), an
 * unrecorded platform is a warning, a removal (with its reason) is audited and kept; the officer's
 * screen records and removes.
 */
class PlatformHostsIT extends BrowserIT {

  /** 浙江演示海洋科技有限公司 (900003) and 宁波演示医疗器械有限公司 (900006). */
  static final String MARINE = "91330100MA2A00003U";

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  static long platformId(Api api, long callId, String code) throws Exception {
    JsonArray ps = api.get("api/v1/call/calls/" + callId + "/platforms").jsonArray();
    return ps.stream()
        .map(v -> v.asJsonObject())
        .filter(p -> p.getString("code").equals(code))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("platformId")
        .longValue();
  }

  /** The error and warning rule:field pairs of an A2.1 draft for the platform, of a fresh PI. */
  List<String> a21Checks(String username, String first17, long org, String platform)
      throws Exception {
    Db.createApplicant(username, "卫平台", first17, org);
    Api pi = Api.as(browser, base, username, "Demo@2026");
    pi.clock(SubmissionIT.LAST_SECOND);
    Api.Reply created =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A2.1\"}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    Api.Reply saved =
        pi.json(
            "PUT",
            "api/v1/submission/applications/" + id,
            ApplicationForms.empty(created.json().getJsonNumber("version").longValue())
                .titleZh("深海资源联合研发")
                .platformCode(platform)
                .partnerName("Demo Ocean Institute")
                .json());
    assertEquals(200, saved.status(), saved.body());
    return pi.checks(id).stream()
        .map(
            v -> v.getString("severity") + ":" + v.getString("ruleId") + ":" + v.getString("field"))
        .toList();
  }

  @Test
  void theApplicantOfAnA2ApplicationMustBeTheRecordedHostUnit() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    long callId = officer.get("api/v1/call/calls/current").json().getJsonNumber("id").longValue();
    long brics = platformId(officer, callId, "BRICS-DEEPSEA");
    long jointLab = platformId(officer, callId, "PROV-JOINT-LAB");

    // bad input, each by its rule id; nothing saved (the demo data records hosts of its own)
    List<String> hostsBefore =
        Db.strings(
            "select count(*) from call_platform_host where platform_id in (?, ?)", brics, jointLab);
    Api.Reply unknown =
        officer.json(
            "POST",
            "api/v1/call/platform-hosts",
            "{\"platformId\":" + brics + ",\"creditCode\":\"91330100MA2A99999X\"}");
    assertEquals(422, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("\"C8\""), unknown.body());
    Api.Reply government =
        officer.json(
            "POST",
            "api/v1/call/platform-hosts",
            "{\"platformId\":" + brics + ",\"creditCode\":\"11330000MB0000001L\"}");
    assertEquals(422, government.status(), "a government body hosts no platform");
    Api.Reply noCoBuilder =
        officer.json(
            "POST",
            "api/v1/call/platform-hosts",
            "{\"platformId\":" + jointLab + ",\"creditCode\":\"" + MARINE + "\"}");
    assertEquals(422, noCoBuilder.status(), noCoBuilder.body());
    assertTrue(
        noCoBuilder.body().contains("carrierName")
            && noCoBuilder.body().contains("overseasCoBuilder"),
        noCoBuilder.body());
    assertEquals(
        hostsBefore,
        Db.strings(
            "select count(*) from call_platform_host where platform_id in (?, ?)",
            brics,
            jointLab));

    // recorded (lower case is fine); the same again is C10
    Api.Reply added =
        officer.json(
            "POST",
            "api/v1/call/platform-hosts",
            "{\"platformId\":"
                + brics
                + ",\"creditCode\":\""
                + MARINE.toLowerCase()
                + "\",\"reason\":\"依托单位名单（2025）\"}");
    assertEquals(201, added.status(), added.body());
    long hostId = added.json().getJsonNumber("id").longValue();
    Api.Reply twice =
        officer.json(
            "POST",
            "api/v1/call/platform-hosts",
            "{\"platformId\":" + brics + ",\"creditCode\":\"" + MARINE + "\"}");
    assertEquals(422, twice.status());
    assertTrue(twice.body().contains("\"C10\""), twice.body());
    JsonObject listed =
        officer.get("api/v1/call/calls/" + callId + "/platform-hosts").jsonArray().stream()
            .map(v -> v.asJsonObject())
            .filter(h -> h.getJsonNumber("id").longValue() == hostId)
            .findFirst()
            .orElseThrow();
    assertEquals("浙江演示海洋科技有限公司", listed.getString("organisationName"));
    assertEquals("BRICS-DEEPSEA", listed.getString("platformCode"));

    // nobody else records hosts or reads the officer's list
    Api pi = Api.as(browser, base, "demo_pi", "Demo@2026");
    assertEquals(
        403,
        pi.json(
                "POST",
                "api/v1/call/platform-hosts",
                "{\"platformId\":" + brics + ",\"creditCode\":\"" + MARINE + "\"}")
            .status());
    assertEquals(403, pi.get("api/v1/call/calls/" + callId + "/platform-hosts").status());

    // the host's researcher: no host error; another unit's: G6 on the platform; an unrecorded
    // platform: a warning only
    List<String> host = a21Checks("it_host_pi", "33010619900101077", 900003, "BRICS-DEEPSEA");
    assertFalse(host.contains("ERROR:G6:platformCode"), host.toString());
    assertFalse(host.contains("WARNING:G6:platformCode"), host.toString());
    List<String> other = a21Checks("it_host_other", "33020319910202088", 900006, "BRICS-DEEPSEA");
    assertTrue(other.contains("ERROR:G6:platformCode"), other.toString());
    List<String> unrecorded =
        a21Checks("it_host_arab", "33020319920303099", 900006, "CN-ARAB-HEALTH");
    assertTrue(unrecorded.contains("WARNING:G6:platformCode"), unrecorded.toString());
    assertFalse(unrecorded.contains("ERROR:G6:platformCode"), unrecorded.toString());

    // a removal needs a reason, is audited and keeps the row
    officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    assertEquals(
        422,
        officer
            .json("POST", "api/v1/call/platform-hosts/" + hostId + "/removal", "{\"reason\":\"\"}")
            .status());
    assertEquals(
        204,
        officer
            .json(
                "POST",
                "api/v1/call/platform-hosts/" + hostId + "/removal",
                "{\"reason\":\"依托单位变更\"}")
            .status());
    assertEquals(
        List.of("依托单位变更"),
        Db.strings("select removal_reason from call_platform_host where id = ?", hostId));
    assertEquals(
        List.of("add", "remove"),
        Db.strings(
            "select action from krn_audit where entity_type = 'PlatformHost' and entity_id = ?"
                + " order by id",
            String.valueOf(hostId)));
  }

  @Test
  void theOfficerRecordsAndRemovesAHostOnTheScreen() throws Exception {
    browser.login("demo_officer", "Demo@2026");
    browser.clickWhenClickable(By.cssSelector("#menu a[data-menu=platformHosts]"));
    browser.waitFor(By.id("hostsTitle"));
    // the demo university's MOST base is listed
    browser.waitForText(By.id("list:hostList"), "浙江演示大学国际科技合作基地（演示）");
    Api officer = Api.anonymous(base);
    long callId = officer.get("api/v1/call/calls/current").json().getJsonNumber("id").longValue();
    long most = platformId(officer, callId, "MOST-BASE");

    // no carrier for a kind of carrier: refused on its field, nothing saved
    browser.chooseByClick("hosts:platform", String.valueOf(most));
    browser.typeSurely("hosts:creditCode", "12330000MB0000004T");
    browser.clickWhenClickable(By.id("hosts:add"));
    browser.waitForText(By.id("hosts"), "C9");
    browser.typeSurely("hosts:carrierName", "浙江演示大学第二基地（IT）");
    browser.clickWhenClickable(By.id("hosts:add"));
    browser.waitForText(By.id("list:hostList"), "浙江演示大学第二基地（IT）");
    assertTrue(browser.bodyText().contains("已登记依托单位"), browser.page());

    // removal through the dialog, with a reason
    List<String> ids =
        Db.strings("select id from call_platform_host where carrier_name = '浙江演示大学第二基地（IT）'");
    assertEquals(1, ids.size());
    List<org.openqa.selenium.WebElement> rows =
        browser.driver.findElements(By.cssSelector("#list\\:hostList tbody tr"));
    int row = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).getText().contains("第二基地")) {
        row = i;
      }
    }
    assertTrue(row >= 0);
    browser.clickWhenClickable(By.id("list:hostList:" + row + ":remove"));
    browser.waitFor(By.id("removeForm:removeReason"));
    browser.typeSurely("removeForm:removeReason", "重复登记");
    browser.clickWhenClickable(By.id("removeForm:removeYes"));
    browser.waitForText(By.id("messages"), "已移除依托单位");
    assertFalse(
        browser.driver.findElement(By.id("list:hostList")).getText().contains("第二基地"),
        browser.page());
    assertEquals(
        List.of("重复登记"),
        Db.strings("select removal_reason from call_platform_host where id = ?", ids.get(0)));
  }
}
