package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The public guide of the 2026 call (all 9 lines, the A1 partners, deadlines with a countdown, in
 * Chinese and English), the call as JSON, the officer's audited edit, REST errors as problem+json,
 * and the migrations on the empty database the build started.
 */
class CatalogueAndCallEditIT extends BrowserIT {

  static final List<String> LINES =
      List.of("A1", "A2_1", "A2_2", "A2_3", "A3", "B1", "B2", "B3", "B4");
  static final List<String> PARTNERS = List.of("NO", "SG", "BE-VWV", "IL", "TH", "FI", "HK");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void migrationsRanOnTheEmptyDatabase() throws Exception {
    List<String> versions =
        Db.strings(
            "select version from flyway_schema_history where success = 1 order by installed_rank");
    assertTrue(versions.containsAll(List.of("1", "2", "3")), versions.toString());
    assertEquals(List.of("9"), Db.strings("select count(*) from call_line"));
  }

  @Test
  void guideShowsEveryLinePartnerAndDeadlineInBothLanguages() {
    browser.open("/");
    browser.waitFor(By.id("line-A1"));
    assertTrue(browser.driver.getCurrentUrl().contains("/call/catalogue.xhtml"));
    for (String line : LINES) {
      assertFalse(browser.driver.findElements(By.id("line-" + line)).isEmpty(), line);
    }
    for (String p : PARTNERS) {
      assertFalse(browser.driver.findElements(By.id("partner-" + p)).isEmpty(), p);
    }
    String text = browser.bodyText();
    assertTrue(text.contains("挪威") && text.contains("挪威创新署"), "Norway and its agency");
    assertTrue(text.contains("待定"), "a foreign deadline to be announced");
    assertEquals(
        "1500000.00", browser.driver.findElement(By.id("cap-A1")).getAttribute("data-cap"));
    assertEquals("600000.00", browser.driver.findElement(By.id("cap-B2")).getAttribute("data-cap"));
    assertTrue(
        browser
            .driver
            .findElement(By.id("deadline-submission"))
            .getText()
            .contains("2025-09-15 17:30:00"));
    assertTrue(
        browser
            .driver
            .findElement(By.id("deadline-recommendation"))
            .getText()
            .contains("2025-09-19 17:30:00"));
    // the deadlines are past on the server's clock: the countdown says so
    browser.waitForText(By.id("countdown-submission"), "已截止");

    browser.driver.findElement(By.id("hdr:langEn")).click();
    browser.waitForText(By.id("brand"), "Zhejiang S&T Cooperation Projects");
    String en = browser.bodyText();
    assertTrue(en.contains("Norway") && en.contains("Innovation Norway"), "English guide");
    assertTrue(en.contains("to be announced"), "English TBA");
    for (String line : LINES) {
      assertFalse(browser.driver.findElements(By.id("line-" + line)).isEmpty(), line);
    }
  }

  @Test
  void callAsJsonAndProblemJsonForRefusedEdits() throws Exception {
    URI api = Db.loopback(base).toURI().resolve("api/v1/call/calls/current");
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    JsonObject call = Json.createReader(new StringReader(r.body())).readObject();
    JsonArray lines = call.getJsonArray("lines");
    assertEquals(9, lines.size(), r.body());
    // a partner whose foreign deadline is to be announced says so, with the deadline as null
    JsonObject singapore =
        lines.getJsonObject(0).getJsonArray("partners").stream()
            .map(v -> v.asJsonObject())
            .filter(p -> p.getString("code").equals("SG"))
            .findFirst()
            .orElseThrow();
    assertTrue(singapore.containsKey("foreignDeadline"), singapore.toString());
    assertTrue(singapore.isNull("foreignDeadline"), singapore.toString());
    assertTrue(singapore.getBoolean("foreignDeadlineToBeAnnounced"), singapore.toString());

    long id = call.getJsonNumber("id").longValue();
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(Db.loopback(base).toURI().resolve("api/v1/call/calls/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // the anonymous: 401 with the Basic challenge (was 403 before issue 9)
    assertEquals(401, put.statusCode(), put.body());
    assertTrue(put.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertTrue(
        put.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

    HttpResponse<String> reg =
        http.send(
            HttpRequest.newBuilder(
                    Db.loopback(base).toURI().resolve("api/v1/directory/registrations"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"organisationId\":900003,\"name\":\"测试\",\"idType\":\"RESIDENT_ID\","
                            + "\"idNumber\":\"110105194912310021\",\"phone\":\"13912345678\","
                            + "\"email\":\"a@b.cn\",\"username\":\"rest_user\","
                            + "\"password\":\"Rest#2026x\",\"passwordRepeat\":\"Rest#2026x\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(422, reg.statusCode(), reg.body());
    assertTrue(
        reg.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonObject problem = Json.createReader(new StringReader(reg.body())).readObject();
    JsonObject v = problem.getJsonArray("violations").getJsonObject(0);
    assertEquals("F-ID", v.getString("ruleId"));
    assertEquals("idNumber", v.getString("field"));
    assertTrue(v.getString("message_zh").contains("校验码"), reg.body());
    assertTrue(v.getString("message_en").contains("check digit"), reg.body());
    assertTrue(Db.strings("select id from dir_account where username='rest_user'").isEmpty());
  }

  @Test
  void officerEditsACapWithReasonAndItIsAudited() throws Exception {
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    browser.open("/app/call/edit.xhtml");
    browser.type("callEditForm:cap_B2", "550000.00");
    // no reason: refused with C4 in both languages, nothing saved, the input kept
    browser.driver.findElement(By.id("callEditForm:save")).click();
    browser.clickWhenClickable(By.id("confirmForm:confirmYes"));
    browser.waitForText(By.id("messages"), "[C4]");
    assertEquals(
        "550000.00",
        browser.driver.findElement(By.id("callEditForm:cap_B2")).getAttribute("value"));
    assertEquals(List.of("600000.00"), Db.strings("select cap from call_line where code='B2'"));

    // the first answer redraws the form and fades the dialog out: wait for both before going on
    browser.waitUntilHidden(By.id("confirmForm:confirmYes"));
    browser.typeSurely("callEditForm:reason", "测试：调整 B2 资助上限");
    browser.driver.findElement(By.id("callEditForm:save")).click();
    browser.clickWhenClickable(By.id("confirmForm:confirmYes"));
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver, java.time.Duration.ofSeconds(40))
        .until(
            d -> {
              try {
                return List.of("550000.00")
                    .equals(Db.strings("select cap from call_line where code='B2'"));
              } catch (java.sql.SQLException e) {
                return false;
              }
            });
    List<String> audit =
        Db.strings(
            "select concat(actor, '|', coalesce(from_state,''), '|', coalesce(to_state,''), '|', reason)"
                + " from krn_audit where entity_type = 'Line' order by id desc limit 1");
    assertTrue(audit.get(0).startsWith("demo_officer|"), audit.toString());
    assertTrue(
        audit.get(0).contains("600000.00") && audit.get(0).contains("550000.00"), audit.toString());
    assertTrue(audit.get(0).endsWith("测试：调整 B2 资助上限"), audit.toString());
    // the public catalogue shows the edit at once: the snapshot was replaced after the commit
    assertTrue(
        Api.anonymous(base).get("api/v1/call/calls/current").body().contains("550000.00"),
        "the snapshot still has the old cap");
    // and so does the guide, whose lines are cached per (catalogue version, language)
    browser.open("/call/catalogue.xhtml");
    assertEquals(
        "550000.00", browser.waitFor(By.id("cap-B2")).getAttribute("data-cap"), "cached guide");
    // put it back for the other tests, as another node (or SQL) would: with a new version, which
    // the snapshot's version check sees within its TTL (1 s)
    Db.update("update call_line set cap = 600000.00, version = version + 1 where code = 'B2'");
    org.awaitility.Awaitility.await("a changed version read again")
        .atMost(java.time.Duration.ofSeconds(5))
        .pollInterval(java.time.Duration.ofMillis(100))
        .until(
            () ->
                !Api.anonymous(base).get("api/v1/call/calls/current").body().contains("550000.00"));
    browser.open("/call/catalogue.xhtml");
    assertEquals(
        "600000.00", browser.waitFor(By.id("cap-B2")).getAttribute("data-cap"), "cached guide");
    browser.logout();
  }
}
