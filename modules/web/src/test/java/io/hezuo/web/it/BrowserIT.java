package io.hezuo.web.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test class shares: the WAR deployed on Payara Micro (with the test clock),
 * the demo data, and one headless Chromium per class, starting each test with no cookies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  static Browser browser;

  @BeforeEach
  void openBrowser() throws Exception {
    Db.loadDemoData(base);
    if (browser == null) {
      browser = new Browser(base);
    }
    browser.driver.manage().deleteAllCookies();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
