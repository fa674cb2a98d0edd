package io.hezuo.web.it;

import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every integration test class shares: the WAR (with the test clock) deployed once on a real
 * Payara Micro for the whole build ({@link ItServer}), the demo data, and one headless Chromium per
 * class, starting each test with no cookies.
 */
abstract class BrowserIT {

  /** The application's base URL, {@code http://127.0.0.1:<port>/hezuo/}. */
  URL base;

  static Browser browser;

  @BeforeEach
  void openBrowser() throws Exception {
    base = ItServer.base();
    Db.loadDemoData(base);
    // the server is shared by every class: no test starts on another test's clock
    Api.anonymous(base).systemClock();
    if (browser == null) {
      browser = new Browser(base);
    }
    browser.driver.manage().deleteAllCookies();
  }

  @AfterAll
  static void closeBrowser() throws Exception {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    // everything this class's sessions held must serialize, as a cluster replicates it
    // (HEZUO_CHECK_SESSIONS; io.hezuo.web.http.SessionSerializationCheck)
    Api.Reply failures = Api.anonymous(ItServer.base()).get("api/test/session-failures");
    org.junit.jupiter.api.Assertions.assertEquals(
        "[]", failures.body(), "session attributes that do not serialize");
  }
}
