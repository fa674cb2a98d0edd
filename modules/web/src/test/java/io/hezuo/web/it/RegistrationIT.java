package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A researcher registers under an existing unit (bad input first: every field names its rule, the
 * form keeps the input, nothing is saved); the unit admin approves; the researcher logs in.
 */
class RegistrationIT extends BrowserIT {

  private void chooseUnit(String creditCode) {
    // PrimeFaces selectOneMenu keeps a hidden native <select>; pick by the credit code in the label
    WebElement select = browser.driver.findElement(By.id("reg:organisation_input"));
    String value =
        select.findElements(By.tagName("option")).stream()
            .filter(o -> o.getAttribute("textContent").contains(creditCode))
            .findFirst()
            .orElseThrow()
            .getAttribute("value");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver)
        .executeScript(
            "PrimeFaces.getWidgetById('reg:organisation').selectValue(arguments[0]);", value);
  }

  private void fill(String name, String idNumber, String username, String pwd, String pwd2) {
    browser.type("reg:name", name);
    browser.type("reg:idNumber", idNumber);
    browser.type("reg:phone", "13912345678");
    browser.type("reg:email", "new.researcher@example.cn");
    browser.type("reg:username", username);
    browser.type("reg:password", pwd);
    browser.type("reg:passwordRepeat", pwd2);
  }

  @Test
  void badInputNamesFieldAndRuleAndSavesNothing() throws Exception {
    browser.open("/directory/register.xhtml");
    browser.waitFor(By.id("reg:name"));
    chooseUnit("91330100MA2A00003U");
    // 330106198001010013 is valid; ...0014 has a wrong check digit
    fill("陈研究", "330106199001010014", "it_bad", "short", "short2");
    browser.driver.findElement(By.id("reg:submit")).click();
    browser.waitForText(By.id("messages"), "[F-ID]");
    String text = browser.bodyText();
    assertTrue(text.contains("校验码"), text);
    // the user's language only, not "中文 / English"
    assertFalse(text.contains("check digit"), text);
    assertTrue(text.contains("[F-PWD]"), text);
    assertTrue(text.contains("密码至少 8 位"), text);
    // the form keeps what was typed
    assertEquals("陈研究", browser.driver.findElement(By.id("reg:name")).getAttribute("value"));
    assertEquals(
        "330106199001010014",
        browser.driver.findElement(By.id("reg:idNumber")).getAttribute("value"));
    assertTrue(Db.strings("select id from dir_account where username='it_bad'").isEmpty());
    assertTrue(Db.strings("select id from dir_person where name='陈研究'").isEmpty());
  }

  @Test
  void registerThenUnitAdminApprovesThenLogin() throws Exception {
    browser.open("/directory/register.xhtml");
    browser.waitFor(By.id("reg:name"));
    chooseUnit("91330100MA2A00003U");
    fill("林新人", "330106199003070022", "it_newpi", "Newpi#2026", "Newpi#2026");
    browser.driver.findElement(By.id("reg:submit")).click();
    browser.waitForText(By.id("messages"), "等待单位管理员审核");
    assertEquals(
        List.of("PENDING"), Db.strings("select status from dir_account where username='it_newpi'"));

    // a pending account cannot log in yet
    browser.login("it_newpi", "Newpi#2026");
    browser.waitForText(By.id("messages"), "用户名或密码错误");

    browser.login("demo_unit", "Demo@2026");
    browser.waitFor(By.id("home-UNIT_ADMIN"));
    browser.open("/app/directory/registrations.xhtml");
    browser.waitForText(By.id("regs:pending"), "it_newpi");
    assertTrue(browser.bodyText().contains("330106********0022"), browser.bodyText());
    WebElement row =
        browser.driver.findElements(By.cssSelector("#regs\\:pending tbody tr")).stream()
            .filter(r -> r.getText().contains("it_newpi"))
            .findFirst()
            .orElseThrow();
    row.findElement(By.cssSelector("button[id$=':approve']")).click();
    browser.clickWhenClickable(By.id("regs:confirmYes"));
    browser.waitForText(By.id("messages"), "已通过 it_newpi 的注册");
    assertEquals(
        List.of("ACTIVE"), Db.strings("select status from dir_account where username='it_newpi'"));
    assertEquals(
        List.of("approve"),
        Db.strings(
            "select a.action from krn_audit a join dir_account d on a.entity_id = d.id"
                + " where a.entity_type='Account' and d.username='it_newpi' and a.action='approve'"));
    browser.logout();

    browser.login("it_newpi", "Newpi#2026");
    browser.waitFor(By.id("home-APPLICANT"));
    browser.logout();
  }

  /**
   * A 9-character passport number (E47619348) once made the unit admin's pending list answer 500
   * (the mask assumed 18 characters). Registered over REST, it is listed (REST and screen) masked.
   */
  @Test
  void passportRegistrationListedMasked() throws Exception {
    Api anonymous = Api.anonymous(base);
    long unit = Db.organisationId("91330100MA2A00003U");
    Api.Reply created =
        anonymous.json(
            "POST",
            "api/v1/directory/registrations",
            "{\"organisationId\":"
                + unit
                + ",\"name\":\"Anna Berg\",\"idType\":\"PASSPORT\",\"idNumber\":\"E47619348\","
                + "\"phone\":\"13912345679\",\"email\":\"anna.berg@example.de\","
                + "\"username\":\"it_passport\",\"password\":\"Passp#2026x\","
                + "\"passwordRepeat\":\"Passp#2026x\"}");
    assertEquals(201, created.status(), created.body());

    Api unitAdmin = Api.as(browser, base, "demo_unit", "Demo@2026");
    Api.Reply pending = unitAdmin.get("api/v1/directory/registrations/pending");
    assertEquals(200, pending.status(), pending.body());
    jakarta.json.JsonObject row =
        pending.jsonArray().stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(o -> "it_passport".equals(o.getString("username")))
            .findFirst()
            .orElseThrow(() -> new AssertionError(pending.body()));
    assertEquals("PASSPORT", row.getString("idType"));
    assertEquals("E4*****48", row.getString("maskedIdNumber"));
    assertTrue(!pending.body().contains("E47619348"), pending.body());

    browser.open("/app/directory/registrations.xhtml");
    browser.waitForText(By.id("regs:pending"), "it_passport");
    assertTrue(browser.bodyText().contains("E4*****48"), browser.bodyText());
  }
}
