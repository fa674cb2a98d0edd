package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Item 9 and 12 of issue 9: every page (found as the .xhtml files of the WAR and of its modules'
 * jars) and every REST operation (found as the JAX-RS resources of those jars) answers with the
 * security headers; what a signed-in caller receives is never stored; an anonymous visitor of the
 * public pages gets no session (the language switch works with a cookie), and a login still creates
 * one.
 */
class HeadersAndSessionsIT extends BrowserIT {

  private static final Pattern GUARD = Pattern.compile("webGuard\\.require\\('([A-Z_]+)");
  private static final Map<String, String> DEMO_USER =
      Map.of(
          "APPLICANT", "demo_pi",
          "UNIT_ADMIN", "demo_unit",
          "RECOMMENDER", "demo_rec",
          "FORMAL_REVIEWER", "demo_review",
          "EXPERT", "demo_expert",
          "OFFICER", "demo_officer",
          "FINANCE", "demo_finance",
          "ADMIN", "demo_admin");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> sessions = new HashMap<>();

  /** Every view of the WAR and of its jars, by path, with the role its guard requires (or ""). */
  static Map<String, String> pages() throws Exception {
    Map<String, String> pages = new TreeMap<>();
    File war = new File(System.getProperty("hezuo.war", "target/hezuo.war"));
    try (ZipFile zip = new ZipFile(war)) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String name = e.getName();
        if (name.endsWith(".xhtml")
            && !name.startsWith("WEB-INF/")
            && !name.startsWith("META-INF/")) {
          try (InputStream in = zip.getInputStream(e)) {
            pages.put("/" + name, guard(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        } else if (name.startsWith("WEB-INF/lib/hezuo-") && name.endsWith(".jar")) {
          try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(e))) {
            for (ZipEntry j = jar.getNextEntry(); j != null; j = jar.getNextEntry()) {
              String n = j.getName();
              if (n.startsWith("META-INF/resources/") && n.endsWith(".xhtml")) {
                pages.put(
                    n.substring("META-INF/resources".length()),
                    guard(new String(jar.readAllBytes(), StandardCharsets.UTF_8)));
              }
            }
          }
        }
      }
    }
    return pages;
  }

  /**
   * Every REST operation of the WAR (method and path, with 1 for each path parameter): the resource
   * classes of its jars, read with their JAX-RS annotations.
   */
  static List<String[]> operations() throws Exception {
    return RestMethods.ofTheWar().stream()
        .map(r -> new String[] {r.http(), "/" + r.concrete("1")})
        .toList();
  }

  private static String guard(String xhtml) {
    Matcher m = GUARD.matcher(xhtml);
    return m.find() ? m.group(1) : "";
  }

  private URI uri(String path) throws Exception {
    return Db.loopback(base).toURI().resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private HttpResponse<String> send(String method, String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    b.method(method, HttpRequest.BodyPublishers.noBody());
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The session cookie of a demo user of the role, logged in through the real login page. */
  private String session(String role) throws Exception {
    String user = DEMO_USER.getOrDefault(role, "demo_pi");
    if (!sessions.containsKey(user)) {
      browser.driver.manage().deleteAllCookies();
      browser.login(user, "Demo@2026");
      browser.waitFor(By.cssSelector("section[id^=home-]"));
      sessions.put(user, browser.sessionCookie());
      browser.driver.manage().deleteAllCookies();
    }
    return sessions.get(user);
  }

  private static void assertCommonHeaders(String what, HttpResponse<?> r) {
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), what);
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
    List<String> csp = r.headers().allValues("Content-Security-Policy");
    assertEquals(1, csp.size(), what + ": one policy, not " + csp);
    assertTrue(csp.get(0).contains("frame-ancestors 'none'"), what + ": " + csp);
  }

  private static void assertNoStore(String what, HttpResponse<?> r) {
    assertTrue(
        r.headers().allValues("Cache-Control").stream().anyMatch(v -> v.contains("no-store")),
        what + ": Cache-Control " + r.headers().allValues("Cache-Control"));
  }

  @Test
  void everyPageAnswersWithTheSecurityHeaders() throws Exception {
    Map<String, String> pages = pages();
    assertTrue(
        pages.containsKey("/login.xhtml") && pages.containsKey("/call/catalogue.xhtml"),
        pages.toString());
    assertTrue(pages.size() >= 20, pages.toString());
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, String> p : pages.entrySet()) {
      String path = p.getKey();
      boolean app = path.startsWith("/app/");
      String cookie = app ? session(p.getValue()) : null;
      HttpResponse<String> r = send("GET", path, cookie);
      String what = "GET " + path + " (" + r.statusCode() + ")";
      assertTrue(r.statusCode() < 500, what + ": " + r.body());
      assertCommonHeaders(what, r);
      if (r.statusCode() == 200) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        // a page: PrimeFaces' policy, whose inline scripts carry the page's nonce
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
        assertTrue(nonce.find() && csp.contains("script-src 'self'"), what + ": " + csp);
        assertFalse(csp.substring(csp.indexOf("script-src")).contains("unsafe"), what + ": " + csp);
        Matcher scripts = Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>").matcher(r.body());
        while (scripts.find()) {
          assertTrue(
              scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""),
              what + ": an inline script without the nonce: " + scripts.group());
        }
        assertFalse(
            Pattern.compile("\\son[a-z]+=\"").matcher(r.body()).find(),
            what + ": an inline event handler");
      }
      if (app) {
        assertNoStore(what, r);
      }
      checked.add(what);
    }
    // a page that does not exist answers the same way
    HttpResponse<String> missing = send("GET", "/no-such-page.xhtml", null);
    assertEquals(404, missing.statusCode());
    assertCommonHeaders("404", missing);
  }

  @Test
  void everyRestOperationAnswersWithTheSecurityHeadersAndSignedInAnswersAreNotStored()
      throws Exception {
    List<String[]> ops = operations();
    assertTrue(ops.size() >= 20, "operations: " + ops.size());
    String officer = session("OFFICER");
    for (String[] op : ops) {
      String m = op[0];
      String path = op[1];
      HttpResponse<String> anonymous = send(m, path, null);
      assertCommonHeaders(m + " " + path + " (" + anonymous.statusCode() + ")", anonymous);
      if (m.equals("GET") && path.equals("/api/v1/call/calls/current")) {
        // the public catalogue: kept and revalidated with its ETag (issue 10 item 13)
        assertEquals(
            List.of("no-cache"), anonymous.headers().allValues("Cache-Control"), m + " " + path);
        assertTrue(anonymous.headers().firstValue("ETag").isPresent(), m + " " + path);
      } else {
        assertNoStore(m + " " + path, anonymous);
      }
      if (m.equals("GET")) {
        HttpResponse<String> signedIn = send(m, path, officer);
        String what = "GET " + path + " as officer (" + signedIn.statusCode() + ")";
        assertCommonHeaders(what, signedIn);
        assertNoStore(what, signedIn);
        assertTrue(signedIn.statusCode() < 500, what + ": " + signedIn.body());
      }
    }

    // an xlsx and a PDF of a signed-in caller: nothing stored
    HttpResponse<String> template = send("GET", "/api/v1/directory/whitelist/template", officer);
    assertEquals(200, template.statusCode());
    assertTrue(template.headers().firstValue("Content-Type").orElse("").contains("spreadsheet"));
    assertNoStore("the white list's template", template);
  }

  @Test
  void anonymousVisitsOfPublicPagesCreateNoSessionAndTheLanguageSwitchStillWorks()
      throws Exception {
    for (String path :
        List.of(
            "/",
            "/index.xhtml",
            "/login.xhtml",
            "/login.xhtml?loggedOut=true",
            "/call/catalogue.xhtml",
            "/directory/register.xhtml",
            "/directory/whitelist.xhtml",
            "/error/403.xhtml",
            "/error/404.xhtml",
            "/error/500.xhtml",
            "/error/expired.xhtml",
            "/no-such-page.xhtml")) {
      HttpResponse<String> r = send("GET", path, null);
      assertTrue(r.statusCode() < 500, path + ": " + r.statusCode());
      assertTrue(
          r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
          path + " created a session: " + r.headers().allValues("Set-Cookie"));
    }

    // in the browser: the guide, the switch to English and back, a search of the white list and
    // the registration form (until it posts) keep the visitor without a session
    browser.open("/call/catalogue.xhtml");
    browser.waitFor(By.id("call-title"));
    browser.clickWhenClickable(By.id("hdr:langEn"));
    browser.waitForText(By.id("hdr:loginLink"), "Log in");
    assertEquals("en", browser.driver.manage().getCookieNamed("hezuo_lang").getValue());
    browser.open("/login.xhtml");
    browser.waitForText(By.id("hdr:loginLink"), "Log in");
    browser.open("/directory/whitelist.xhtml");
    browser.type("wl:q", "海洋");
    browser.clickWhenClickable(By.id("wl:search"));
    browser.waitFor(By.id("wl:platforms"));
    browser.open("/directory/register.xhtml");
    browser.waitFor(By.id("reg:submit"));
    browser.clickWhenClickable(By.id("hdr:langZh"));
    browser.waitForText(By.id("hdr:loginLink"), "登录");
    assertEquals("zh", browser.driver.manage().getCookieNamed("hezuo_lang").getValue());
    assertNull(browser.driver.manage().getCookieNamed("JSESSIONID"), "an anonymous session");

    // a login creates the session, and the signed-in user keeps the language choice
    browser.login("demo_pi", "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
    Cookie s = browser.driver.manage().getCookieNamed("JSESSIONID");
    assertNotNull(s, "no session after the login");
    browser.clickWhenClickable(By.id("hdr:langEn"));
    browser.waitForText(By.id("hdr:logout"), "Log out");
    browser.clickWhenClickable(By.id("hdr:langZh"));
    browser.waitForText(By.id("hdr:logout"), "退出");
  }
}
