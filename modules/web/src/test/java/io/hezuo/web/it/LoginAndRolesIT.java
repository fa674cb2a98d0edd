package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every demo role logs in through the real login page in Chromium and lands on its own home page
 * with its own menu; wrong passwords, lockout, logout, the language switch and the error pages.
 */
class LoginAndRolesIT extends BrowserIT {

  /** Role → a menu entry only that role has (null: only the common entries). */
  static final Map<String, String> ROLES =
      Map.of(
          "demo_pi", "APPLICANT",
          "demo_unit", "UNIT_ADMIN",
          "demo_rec", "RECOMMENDER",
          "demo_review", "FORMAL_REVIEWER",
          "demo_expert", "EXPERT",
          "demo_officer", "OFFICER",
          "demo_finance", "FINANCE",
          "demo_admin", "ADMIN");

  static final Map<String, String> OWN_MENU =
      Map.of(
          "UNIT_ADMIN",
          "registrations",
          "OFFICER",
          "callEdit",
          "ADMIN",
          "audit",
          "RECOMMENDER",
          "recList");

  @Test
  void everyRoleLandsOnItsHomeWithItsMenu() {
    for (Map.Entry<String, String> e : ROLES.entrySet()) {
      String role = e.getValue();
      browser.login(e.getKey(), "Demo@2026");
      browser.waitFor(By.id("home-" + role));
      assertTrue(browser.driver.getCurrentUrl().contains("/app/home.xhtml"), e.getKey());
      assertEquals(e.getKey(), browser.driver.findElement(By.id("currentUser")).getText());
      List<String> menu =
          browser.driver.findElements(By.cssSelector("#menu a")).stream()
              .map(a -> a.getAttribute("data-menu"))
              .toList();
      assertTrue(menu.contains("home") && menu.contains("catalogue"), role + " " + menu);
      for (Map.Entry<String, String> own : OWN_MENU.entrySet()) {
        assertEquals(
            own.getKey().equals(role), menu.contains(own.getValue()), role + " menu " + menu);
      }
      // only this role's home section
      assertEquals(1, browser.driver.findElements(By.cssSelector("section[id^=home-]")).size());
      browser.logout();
    }
  }

  @Test
  void wrongPasswordGetsAGenericMessageAndFiveLockTheAccount() throws Exception {
    Db.createAccount("it_lock", "APPLICANT");
    browser.login("it_lock", "Wrong#pass1");
    browser.waitForText(By.id("messages"), "用户名或密码错误");
    // the user's language only, not "中文 / English"
    assertFalse(browser.bodyText().contains("Wrong user name or password"), browser.bodyText());
    // an unknown user gets exactly the same message
    browser.login("nobody_here", "Wrong#pass1");
    browser.waitForText(By.id("messages"), "用户名或密码错误");
    for (int i = 2; i <= 5; i++) {
      browser.login("it_lock", "Wrong#pass" + i);
    }
    // locked now, but the page says no more than for any other refusal (nothing tells that the
    // name exists)
    browser.waitForText(By.id("messages"), "用户名或密码错误");
    assertFalse(browser.bodyText().contains("锁定"), browser.bodyText());
    // now even the right password is refused until the lock ends
    browser.login("it_lock", "Demo@2026");
    browser.waitForText(By.id("messages"), "用户名或密码错误");
    assertFalse(browser.driver.getCurrentUrl().contains("/app/home"));
    List<String> actions =
        Db.strings("select action from krn_audit where entity_id = 'it_lock' order by id");
    assertEquals(4, actions.stream().filter("login-failed"::equals).count(), actions.toString());
    assertTrue(actions.contains("account-locked"), actions.toString());
    // refused by the lock or, before any hash, by the name's throttle
    assertTrue(
        actions.contains("login-refused") || actions.contains("login-throttled"),
        actions.toString());
    List<String> lockedUntil =
        Db.strings("select locked_until from dir_account where username = 'it_lock'");
    assertTrue(lockedUntil.get(0) != null, "locked_until set");
  }

  @Test
  void protectedPagesNeedLoginAndTheRightRole() {
    browser.open("/app/home.xhtml");
    browser.waitFor(By.id("login:username"));
    browser.login("demo_pi", "Demo@2026");
    browser.waitFor(By.id("home-APPLICANT"));
    browser.open("/app/admin/audit.xhtml");
    browser.waitFor(By.id("errorTitle"));
    assertTrue(browser.bodyText().contains("无权访问"), browser.bodyText());
    browser.open("/no/such/page.xhtml");
    browser.waitFor(By.id("errorTitle"));
    String text = browser.bodyText();
    assertTrue(text.contains("页面不存在"), text);
    assertFalse(text.contains("Exception") || text.contains("at io.hezuo"), text);
    browser.logout();
  }

  @Test
  void languageSwitchIsRememberedForTheBrowserAndTheUser() {
    browser.open("/login.xhtml");
    browser.waitFor(By.id("login:username"));
    assertTrue(browser.driver.findElement(By.id("brand")).getText().contains("浙江省科技合作项目"));
    browser.driver.findElement(By.id("hdr:langEn")).click();
    browser.waitForText(By.id("brand"), "Zhejiang S&T Cooperation Projects");
    browser.open("/directory/register.xhtml");
    browser.waitForText(By.tagName("h1"), "Register as an applicant");
    // per user: the officer switches to English, logs out; a new browser session gets it back
    browser.driver.findElement(By.id("hdr:langZh")).click();
    browser.waitForText(By.id("brand"), "浙江省科技合作项目");
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    browser.driver.findElement(By.id("hdr:langEn")).click();
    browser.waitForText(By.id("homeTitle"), "My home");
    browser.logout();
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitForText(By.id("homeTitle"), "My home");
    browser.driver.findElement(By.id("hdr:langZh")).click();
    browser.waitForText(By.id("homeTitle"), "我的首页");
    browser.logout();
  }

  @Test
  void anIdleSessionEndsByItselfAndIsAudited() throws Exception {
    Db.createAccount("it_idle", "APPLICANT");
    Api api = Api.as(browser, base, "it_idle", "Demo@2026");
    assertEquals(200, api.get("api/v1/submission/applications").status());
    // the session may idle for one second instead of 30 minutes (test-only resource)
    assertEquals(204, api.send("PUT", "api/test/session-timeout?seconds=1", null, null).status());
    // the expired session no longer signs anyone in (each look uses the session, so the looks are
    // further apart than its one second of idle time)
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .pollDelay(java.time.Duration.ofMillis(2500))
        .pollInterval(java.time.Duration.ofMillis(2500))
        .until(() -> api.get("api/v1/submission/applications").status() == 401);
    // and its end is audited as a timeout (at once, or when the container's reaper runs)
    List<String> reasons =
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(90))
            .pollInterval(java.time.Duration.ofSeconds(1))
            .until(
                () ->
                    Db.strings(
                        "select reason from krn_audit where entity_id = 'it_idle' and action ="
                            + " 'logout'"),
                r -> !r.isEmpty());
    assertEquals(List.of("session timeout"), reasons);
  }
}
