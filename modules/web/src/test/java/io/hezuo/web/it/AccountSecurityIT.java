package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 9, accounts: one answer (and a comparable time) for unknown, known and locked names; a
 * stranger's failures do not keep the owner out; an administrator unlocks (audited); a reset gives
 * a one-time password that must be changed at the next login; common passwords are refused; a
 * rejected or pending registration does not hold an ID document, and a real clash is shown to the
 * unit admin (and the officer) with both accounts.
 */
class AccountSecurityIT extends BrowserIT {

  private URI root() throws Exception {
    return Db.loopback(base).toURI();
  }

  private HttpResponse<String> basic(String user, String password) throws Exception {
    return SecurityMatrixIT.basic(root().resolve("api/v1/submission/applications"), user, password);
  }

  /** The median time of n Basic attempts, each answered 401 with the same body. */
  private long medianMillis(String user, String password, int n, List<String> bodies)
      throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      HttpResponse<String> r = basic(user, password);
      times.add((System.nanoTime() - t) / 1_000_000);
      assertEquals(401, r.statusCode(), user + ": " + r.body());
      bodies.add(r.statusCode() + " " + r.headers().firstValue("WWW-Authenticate").orElse(""));
    }
    Collections.sort(times);
    return times.get(n / 2);
  }

  @Test
  void unknownKnownAndLockedNamesGetOneAnswerInAComparableTime() throws Exception {
    Db.createAccount("it_known", "APPLICANT");
    Db.createAccount("it_locked", "APPLICANT");
    // a right password first: the hash is brought to the current cost (and the server warmed up)
    assertEquals(200, basic("it_known", "Demo@2026").statusCode());
    assertEquals(200, basic("it_locked", "Demo@2026").statusCode());
    Db.update(
        "update dir_account set locked_until = date_add(utc_timestamp(6), interval 10 minute)"
            + " where username = 'it_locked'");
    List<String> bodies = new ArrayList<>();
    long known = medianMillis("it_known", "Wrong#pass1", 3, bodies);
    long unknown = medianMillis("it_nobody_at_all", "Wrong#pass1", 3, bodies);
    // locked: even the right password is refused, and not at once (it used to answer in 10 ms)
    long locked = medianMillis("it_locked", "Demo@2026", 3, bodies);
    assertEquals(1, bodies.stream().distinct().count(), bodies.toString());
    String times = "known " + known + " ms, unknown " + unknown + " ms, locked " + locked + " ms";
    // a real hash was computed for the known name (its cost depends on the JIT: about 40 ms with
    // C2, about 200 ms with the launcher's C1-only flags)
    assertTrue(known >= 10, times);
    for (long t : new long[] {unknown, locked}) {
      assertTrue(t >= known / 2 && t <= known * 2 + 100, times);
    }
    // the same words on the login page for all three, nothing about a lock
    List<String> messages = new ArrayList<>();
    for (String[] c :
        new String[][] {
          {"it_known", "Wrong#pass2"},
          {"it_nobody_at_all", "Wrong#pass2"},
          {"it_locked", "Demo@2026"}
        }) {
      browser.login(c[0], c[1]);
      messages.add(browser.waitFor(By.id("messages")).getText());
    }
    assertEquals(1, messages.stream().distinct().count(), messages.toString());
    assertTrue(messages.get(0).contains("用户名或密码错误"), messages.toString());
    assertFalse(messages.get(0).contains("锁定"), messages.toString());
  }

  @Test
  void aStrangersFailuresDoNotKeepTheOwnerOut() throws Exception {
    Db.createAccount("it_owner", "APPLICANT");
    // the owner signs in from this browser once: it becomes a known device (device cookie)
    browser.login("it_owner", "Demo@2026");
    browser.waitFor(By.id("home-APPLICANT"));
    assertTrue(browser.driver.manage().getCookieNamed("hezuo_device") != null, "device cookie");
    browser.logout();
    // a stranger (no device cookie) fails five times: the account is locked for unknown devices
    for (int i = 0; i < 5; i++) {
      assertEquals(401, basic("it_owner", "Guess#" + i + "x").statusCode());
    }
    assertFalse(
        Db.strings(
                "select locked_until from dir_account where username = 'it_owner'"
                    + " and locked_until > utc_timestamp(6)")
            .isEmpty(),
        "locked");
    assertEquals(401, basic("it_owner", "Demo@2026").statusCode(), "locked for strangers");
    // the owner's browser still gets in
    browser.login("it_owner", "Demo@2026");
    browser.waitFor(By.id("home-APPLICANT"));
    assertTrue(
        Db.strings("select reason from krn_audit where entity_id = 'it_owner' and action = 'login'")
            .contains("known device"));
    browser.logout();
  }

  @Test
  void anAdministratorUnlocksOnTheScreenWithAReasonAndItIsAudited() throws Exception {
    Db.createAccount("it_unlock", "APPLICANT");
    for (int i = 0; i < 5; i++) {
      basic("it_unlock", "Guess#" + i + "y");
    }
    assertEquals(401, basic("it_unlock", "Demo@2026").statusCode());
    // the unit admin may not unlock
    Api unit = Api.as(browser, base, "demo_unit", "Demo@2026");
    long id =
        Long.parseLong(Db.strings("select id from dir_account where username='it_unlock'").get(0));
    assertEquals(
        403,
        unit.json("POST", "api/v1/directory/accounts/" + id + "/unlock", "{\"reason\":\"x\"}")
            .status());
    browser.logout();

    browser.login("demo_admin", "Demo@2026");
    browser.waitFor(By.id("home-ADMIN"));
    browser.open("/app/directory/accounts.xhtml");
    browser.type("accts:q", "it_unlock");
    browser.driver.findElement(By.id("accts:search")).click();
    browser.waitForText(By.id("accts:list"), "锁定至");
    WebElement row = row("it_unlock");
    // no reason: refused beside the field
    row.findElement(By.cssSelector("button[id$=':unlock']")).click();
    browser.waitForText(By.id("accts:list"), "请填写理由");
    row = row("it_unlock");
    WebElement reason = row.findElement(By.cssSelector("input[id$=':reason']"));
    reason.clear();
    reason.sendKeys("本人电话确认，忘记密码后多次尝试");
    row.findElement(By.cssSelector("button[id$=':unlock']")).click();
    browser.waitForText(By.id("messages"), "已解除 it_unlock 的锁定");
    browser.logout();
    List<String> audit =
        Db.strings(
            "select concat(actor, '|', reason) from krn_audit where entity_type = 'Account'"
                + " and entity_id = ? and action = 'unlock'",
            String.valueOf(id));
    assertEquals(List.of("demo_admin|本人电话确认，忘记密码后多次尝试"), audit);
    // at once: neither the lock nor the name's throttle keeps the owner out any longer
    assertEquals(200, basic("it_unlock", "Demo@2026").statusCode());
  }

  /**
   * The table's row of the account, once the search has been applied (every row shown matches; an
   * ajax redraw may replace the rows meanwhile).
   */
  private WebElement row(String username) {
    return browser
        .patiently()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .withMessage(() -> username + " not listed alone: " + browser.page())
        .until(
            d -> {
              List<WebElement> rows = d.findElements(By.cssSelector("#accts\\:list tbody tr"));
              return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains(username))
                  ? rows.get(0)
                  : null;
            });
  }

  @Test
  void aResetGivesAOneTimePasswordThatMustBeChangedAtTheNextLogin() throws Exception {
    Db.createAccount("it_reset", "APPLICANT");
    // the unit admin resets a researcher of its own unit on the screen
    browser.login("demo_unit", "Demo@2026");
    browser.waitFor(By.id("home-UNIT_ADMIN"));
    browser.open("/app/directory/accounts.xhtml");
    browser.type("accts:q", "it_reset");
    browser.driver.findElement(By.id("accts:search")).click();
    browser.waitForText(By.id("accts:list"), "it_reset");
    WebElement reason = row("it_reset").findElement(By.cssSelector("input[id$=':reason']"));
    reason.sendKeys("本人来电，忘记密码");
    row("it_reset").findElement(By.cssSelector("button[id$=':reset']")).click();
    browser.clickWhenClickable(By.id("accts:confirmYes"));
    String oneTime = browser.waitFor(By.id("oneTimePassword")).getText().trim();
    assertTrue(oneTime.length() >= 12, oneTime);
    // but nobody of another unit
    Api unitApi = Api.as(browser, base, "demo_unit", "Demo@2026");
    long officerId =
        Long.parseLong(
            Db.strings("select id from dir_account where username='demo_officer'").get(0));
    assertEquals(
        404,
        unitApi
            .json(
                "POST",
                "api/v1/directory/accounts/" + officerId + "/password-reset",
                "{\"reason\":\"x\"}")
            .status());
    browser.driver.manage().deleteAllCookies();

    // the old password no longer works; the one-time one leads to the change, nowhere else
    browser.login("it_reset", "Demo@2026");
    browser.waitForText(By.id("messages"), "用户名或密码错误");
    browser.login("it_reset", oneTime);
    browser.waitFor(By.id("forced"));
    assertTrue(browser.driver.getCurrentUrl().contains("/app/account/password.xhtml"));
    // a common password is refused, even though it has three classes
    browser.type("pwd:current", oneTime);
    browser.type("pwd:password", "Password1");
    browser.type("pwd:passwordRepeat", "Password1");
    browser.driver.findElement(By.id("pwd:submit")).click();
    browser.waitForText(By.id("messages"), "太容易被猜到");
    browser.type("pwd:current", oneTime);
    browser.type("pwd:password", "Tiger#Lake42x");
    browser.type("pwd:passwordRepeat", "Tiger#Lake42x");
    browser.driver.findElement(By.id("pwd:submit")).click();
    browser.waitFor(By.id("home-APPLICANT"));
    assertTrue(browser.bodyText().contains("密码已修改"), browser.bodyText());
    browser.logout();
    browser.login("it_reset", "Tiger#Lake42x");
    browser.waitFor(By.id("home-APPLICANT"));
    assertEquals(
        List.of("0"),
        Db.strings("select must_change_password from dir_account where username='it_reset'"));
    browser.logout();
    String id = Db.strings("select id from dir_account where username='it_reset'").get(0);
    List<String> audit =
        Db.strings(
            "select concat(action, '|', actor, '|', coalesce(reason, '')) from krn_audit"
                + " where entity_type = 'Account' and entity_id = ? order by id",
            id);
    assertEquals(
        List.of(
            "password-reset|demo_unit|本人来电，忘记密码",
            "password-changed|it_reset|first login after a reset"),
        audit);
    assertFalse(String.join(" ", audit).contains(oneTime));
  }

  static String residentId(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private static String registration(String name, String idNumber, String username, String pwd) {
    return "{\"organisationId\":900003,\"name\":\""
        + name
        + "\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\""
        + idNumber
        + "\",\"phone\":\"13912345678\",\"email\":\"r@example.cn\",\"username\":\""
        + username
        + "\",\"password\":\""
        + pwd
        + "\",\"passwordRepeat\":\""
        + pwd
        + "\"}";
  }

  @Test
  void password1IsRefusedAtRegistrationAndChange() throws Exception {
    Api anon = Api.anonymous(base);
    Api.Reply r =
        anon.json(
            "POST",
            "api/v1/directory/registrations",
            registration("钱弱密", residentId("33010619920202001"), "it_weakpwd", "Password1"));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.body().contains("[F-PWD]") && r.body().contains("太容易被猜到"), r.body());
    assertTrue(Db.strings("select id from dir_account where username='it_weakpwd'").isEmpty());
  }

  @Test
  void aRejectedOrPendingRegistrationDoesNotHoldTheIdAndAClashShowsBoth() throws Exception {
    Api anon = Api.anonymous(base);
    String id = residentId("33010619930303003");
    // someone who knows the researcher's ID number registers first
    Api.Reply squat =
        anon.json(
            "POST",
            "api/v1/directory/registrations",
            registration("冒名者", id, "it_squatter", "Tiger#Lake42"));
    assertEquals(201, squat.status(), squat.body());
    // the researcher still can, and is told nothing about the other registration
    Api.Reply real =
        anon.json(
            "POST",
            "api/v1/directory/registrations",
            registration("吴真人", id, "it_realone", "Tiger#Lake42"));
    assertEquals(201, real.status(), real.body());
    assertEquals(squat.json().keySet(), real.json().keySet(), "the same answer: " + real.body());
    assertEquals("PENDING", real.json().getString("status"));

    // the unit admin sees both side by side, rejects the squatter and approves the researcher
    Api unit = Api.as(browser, base, "demo_unit", "Demo@2026");
    JsonObject realRow = pendingRow(unit, "it_realone");
    assertEquals("吴真人", realRow.getString("name"));
    assertTrue(
        realRow.getJsonArray("sameId").toString().contains("it_squatter"), realRow.toString());
    long squatId = squat.json().getJsonNumber("accountId").longValue();
    long realId = real.json().getJsonNumber("accountId").longValue();
    assertEquals(
        204,
        unit.json(
                "POST",
                "api/v1/directory/registrations/" + squatId + "/decision",
                "{\"approve\":false,\"reason\":\"证件号码不是本人\"}")
            .status());
    assertEquals(
        204,
        unit.json(
                "POST",
                "api/v1/directory/registrations/" + realId + "/decision",
                "{\"approve\":true,\"reason\":\"\"}")
            .status());
    // the approved registration's details are the person's, not the squatter's
    assertEquals(
        List.of("吴真人"),
        Db.strings(
            "select name from dir_person where id_type = 'RESIDENT_ID' and id_number = ?", id));

    // a real clash: the ID of an active account (demo_pi's) — the same answer again
    Api.Reply clash =
        anon.json(
            "POST",
            "api/v1/directory/registrations",
            registration("张海洋", "330106198001010013", "it_clash", "Tiger#Lake42"));
    assertEquals(201, clash.status(), clash.body());
    assertEquals(squat.json().keySet(), clash.json().keySet());
    JsonObject clashRow = pendingRow(unit, "it_clash");
    assertTrue(clashRow.getJsonArray("sameId").toString().contains("demo_pi"), clashRow.toString());
    // and the officer sees every clash
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    Api.Reply clashes = officer.get("api/v1/directory/registrations/clashes");
    assertEquals(200, clashes.status(), clashes.body());
    assertTrue(clashes.body().contains("it_clash") && clashes.body().contains("demo_pi"));

    // on the unit admin's screen: the registration with the other account beside it
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_unit", "Demo@2026");
    browser.waitFor(By.id("home-UNIT_ADMIN"));
    browser.open("/app/directory/registrations.xhtml");
    browser.waitForText(By.id("regs:pending"), "it_clash");
    WebElement row =
        browser.driver.findElements(By.cssSelector("#regs\\:pending tbody tr")).stream()
            .filter(r -> r.getText().contains("it_clash"))
            .findFirst()
            .orElseThrow();
    assertTrue(row.findElement(By.className("reg-clash")).getText().contains("demo_pi"));
    browser.logout();
    // the officer's screen 证件冲突 lists it with both accounts too, and decides nothing
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    browser.driver.findElement(By.cssSelector("#menu a[data-menu='idClashes']")).click();
    browser.waitForText(By.id("regs:pending"), "it_clash");
    assertTrue(browser.driver.findElement(By.id("regs:pending")).getText().contains("demo_pi"));
    assertTrue(browser.driver.findElements(By.cssSelector("button[id$=':approve']")).isEmpty());
    browser.logout();
  }

  private static JsonObject pendingRow(Api unit, String username) throws Exception {
    return unit.get("api/v1/directory/registrations/pending").jsonArray().stream()
        .map(v -> v.asJsonObject())
        .filter(o -> o.getString("username").equals(username))
        .findFirst()
        .orElseThrow(() -> new AssertionError(username + " not pending"));
  }

  /**
   * An account disabled while its owner is signed in (an expert deactivated in the pool, an account
   * an administrator disabled) ends the open session within the servers' recheck interval ({@link
   * ItServer#SESSION_RECHECK_SECONDS}): the API answers 401 and the pages lead to the sign-in page;
   * before, the session kept its roles until it expired.
   */
  @Test
  void anOpenSessionEndsOnceItsAccountIsDisabled() throws Exception {
    Db.createAccount("it_sess_off", "EXPERT");
    Api expert = Api.as(browser, base, "it_sess_off", "Demo@2026");
    assertEquals(200, expert.get("api/v1/scoring/my/assignments").status());
    assertEquals(200, expert.get("app/scoring/mine.xhtml").status());
    Db.update("update dir_account set status = 'DISABLED' where username = 'it_sess_off'");
    org.awaitility.Awaitility.await("the session ends")
        .atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(500))
        .until(() -> expert.get("api/v1/scoring/my/assignments").status() == 401);
    Api.Reply page = expert.get("app/scoring/mine.xhtml");
    assertTrue(
        page.status() == 302 || page.status() == 303 || page.body().contains("login:username"),
        page.status() + " " + page.body());
    // enabled again, the old session stays ended: a new sign-in is needed
    Db.update("update dir_account set status = 'ACTIVE' where username = 'it_sess_off'");
    assertEquals(401, expert.get("api/v1/scoring/my/assignments").status());
  }
}
