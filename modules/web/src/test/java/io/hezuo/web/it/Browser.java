package io.hezuo.web.it;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by /usr/bin/chromedriver, against the deployed WAR. */
final class Browser implements AutoCloseable {

  final WebDriver driver;
  private final String base;

  Browser(URL base) throws Exception {
    String b = Db.loopback(base).toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1600",
        "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("hezuo-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /** axe-core's script (test resource {@code axe/axe.min.js}, MPL-2.0), read once. */
  private static String axeSource;

  private static synchronized String axeSource() {
    if (axeSource == null) {
      try (java.io.InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("axe/axe.min.js is not on the test classpath");
        }
        axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  /**
   * Runs axe-core (WCAG 2.0/2.1 A and AA rules) over the current page and returns its critical and
   * serious violations, one line each: rule, impact, help and the CSS targets of the failing nodes.
   * The script is injected through WebDriver, which the page's CSP does not govern.
   */
  List<String> axe() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
      js.executeScript(axeSource());
    }
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                + " 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations"
                + ".filter(function (v) { return v.impact === 'critical' || v.impact === 'serious'; })"
                + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + " + v.nodes.map(function (n) { return JSON.stringify(n.target)"
                + " + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : '');"
                + " }).join('; '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
    List<String> lines = new java.util.ArrayList<>();
    for (Object o : (List<?>) result) {
      lines.add(String.valueOf(o));
    }
    return lines;
  }

  void open(String path) {
    driver.get(base + path);
  }

  /** A wait that keeps polling while a new page is being attached (Chromium's transient errors). */
  WebDriverWait patiently() {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(20));
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    w.ignoring(org.openqa.selenium.WebDriverException.class);
    return w;
  }

  WebElement waitFor(By by) {
    try {
      return patiently().until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          by + " never showed on " + driver.getCurrentUrl() + ": " + page(), e);
    }
  }

  /** The page's title and the start of its text, for a failure's message. */
  String page() {
    try {
      String text = bodyText();
      return driver.getTitle() + " | " + text.substring(0, Math.min(1500, text.length()));
    } catch (RuntimeException e) {
      return "(no page: " + e.getMessage() + ")";
    }
  }

  void waitUntilHidden(By by) {
    patiently().until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  void clickWhenClickable(By by) {
    patiently().until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /** Types into a field that an ajax answer may still be redrawing, until the value holds. */
  void typeSurely(String id, String text) {
    patiently()
        .until(
            d -> {
              WebElement e = d.findElement(By.id(id));
              if (!text.equals(e.getAttribute("value"))) {
                e.clear();
                e.sendKeys(text);
              }
              return text.equals(d.findElement(By.id(id)).getAttribute("value"));
            });
  }

  /** Waits until PrimeFaces has no ajax request queued or under way. */
  void ajaxIdle() {
    patiently()
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                            "return !window.PrimeFaces || !PrimeFaces.ajax"
                                + " || PrimeFaces.ajax.Queue.isEmpty();")));
  }

  /** Opens a PrimeFaces select menu and clicks the item of the value, as a user would. */
  void chooseByClick(String id, String value) {
    List<WebElement> options =
        driver.findElement(By.id(id + "_input")).findElements(By.tagName("option"));
    int index = -1;
    for (int i = 0; i < options.size(); i++) {
      if (value.equals(options.get(i).getAttribute("value"))) {
        index = i;
      }
    }
    if (index < 0) {
      throw new AssertionError(value + " is not an option of " + id);
    }
    String css = "#" + id.replace(":", "\\:");
    // open the panel, click the item, and make sure the menu took the value (a click during the
    // panel's animation can miss): then PrimeFaces has fired the change (and its ajax)
    for (int attempt = 0; attempt < 4; attempt++) {
      // no ajax under way: its answer may redraw the page around the panel (a form's checks)
      ajaxIdle();
      clickWhenClickable(By.cssSelector(css + " .ui-selectonemenu-trigger"));
      final int item = index;
      try {
        // the panel may not open when the click lands while an earlier choice's ajax redraws
        // the menu: then the trigger is clicked again
        new WebDriverWait(driver, Duration.ofSeconds(5))
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
            // an item still sliding in with the panel's animation
            .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
            .until(
                d -> {
                  List<WebElement> items = d.findElements(By.cssSelector(css + "_items li"));
                  if (items.size() <= item || !items.get(item).isDisplayed()) {
                    return false;
                  }
                  items.get(item).click();
                  return true;
                });
      } catch (org.openqa.selenium.TimeoutException e) {
        continue;
      }
      try {
        new WebDriverWait(driver, Duration.ofSeconds(5))
            .until(
                d ->
                    value.equals(
                        d
                            .findElement(By.id(id + "_input"))
                            .findElements(By.tagName("option"))
                            .stream()
                            .filter(WebElement::isSelected)
                            .map(o -> o.getAttribute("value"))
                            .findFirst()
                            .orElse(null)));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        // the panel closed without taking the value: try again
      }
    }
    throw new AssertionError(id + " did not take the value " + value + ": " + page());
  }

  void waitForText(By by, String text) {
    patiently().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void type(String id, String text) {
    WebElement e = waitFor(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  void login(String username, String password) {
    open("/login.xhtml");
    type("login:username", username);
    type("login:password", password);
    WebElement submit = driver.findElement(By.id("login:submit"));
    submit.click();
    // the form posts and a new page replaces this one, whether the login worked or not: wait for
    // it, so that the next step never touches an element of the old page
    waitUntilGone(submit);
    waitFor(By.tagName("footer"));
  }

  /**
   * Waits until the element's page has been replaced. Chromium answers either "stale element" or,
   * while the new document is being attached, "node does not belong to the document": both mean the
   * old page is gone.
   */
  void waitUntilGone(WebElement element) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d -> {
              try {
                element.isEnabled();
                return false;
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
              } catch (org.openqa.selenium.WebDriverException e) {
                return e.getMessage() != null
                    && e.getMessage().contains("does not belong to the document");
              }
            });
  }

  /**
   * The signed-in session's cookies as a Cookie header: the session id and, since the application
   * is distributable, the session's version (a session id without its version is not found).
   */
  String sessionCookie() {
    org.openqa.selenium.Cookie id = driver.manage().getCookieNamed("JSESSIONID");
    org.openqa.selenium.Cookie version = driver.manage().getCookieNamed("JSESSIONIDVERSION");
    return "JSESSIONID="
        + id.getValue()
        + (version == null ? "" : "; JSESSIONIDVERSION=" + version.getValue());
  }

  /** The session cookies a response set, as a Cookie header (id and version). */
  static String sessionCookie(java.net.http.HttpResponse<?> r) {
    return String.join(
        "; ",
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("JSESSIONIDVERSION="))
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .toList());
  }

  void logout() {
    driver.findElement(By.id("hdr:logout")).click();
    waitFor(By.id("loggedOut"));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
