package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Public;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The hardening of issue 9 as an attacker and a load tester would try it: CSRF on every
 * state-changing REST method (found by reflection, so a new endpoint is covered without anyone
 * remembering), a cross-site form in real Chromium, no spurious 403 under concurrency, client
 * mistakes as problem+json with the right status, uploads refused before their body is read, and
 * attachment names normalised.
 */
class HardeningIT extends BrowserIT {

  static List<RestMethods.RestMethod> restMethods() throws Exception {
    return RestMethods.ofTheWar();
  }

  @Test
  void everyRestMethodDeclaresWhoMayCallIt() throws Exception {
    List<RestMethods.RestMethod> methods = restMethods();
    assertTrue(methods.size() >= 30, "found only " + methods);
    List<String> undeclared = new ArrayList<>();
    for (RestMethods.RestMethod r : methods) {
      Method m = r.method();
      Class<?> t = m.getDeclaringClass();
      boolean declared =
          m.isAnnotationPresent(Allow.class)
              || m.isAnnotationPresent(Public.class)
              || t.isAnnotationPresent(Allow.class)
              || t.isAnnotationPresent(Public.class);
      if (!declared) {
        undeclared.add(r.toString());
      }
    }
    assertTrue(undeclared.isEmpty(), "without @Allow or @Public: " + undeclared);
  }

  @Test
  void everyStateChangingRestCallNeedsTheSessionTokenAndTheSameOrigin() throws Exception {
    List<RestMethods.RestMethod> unsafe =
        restMethods().stream().filter(r -> !r.http().equals("GET")).toList();
    assertTrue(unsafe.size() >= 10, unsafe.toString());
    // the officer and the unit admin between them may call most of them: a refusal by role would
    // hide a missing CSRF check, so each call is made by each of several roles
    List<Api> callers =
        List.of(
            Api.as(browser, base, "demo_officer", "Demo@2026"),
            Api.as(browser, base, "demo_unit", "Demo@2026"),
            Api.as(browser, base, "demo_pi", "Demo@2026"));
    HttpClient http = HttpClient.newHttpClient();
    URI root = Db.loopback(base).toURI();
    List<String> wrong = new ArrayList<>();
    for (RestMethods.RestMethod r : unsafe) {
      for (Api caller : callers) {
        String token = caller.csrfToken();
        assertTrue(token != null && token.length() >= 32, "no token for a signed-in session");
        // 1. a form post with the session cookie only, as a page of another site would send it
        HttpResponse<String> forged =
            http.send(
                HttpRequest.newBuilder(root.resolve(r.concrete("999999999")))
                    .header("Cookie", caller.cookie())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(r.http(), HttpRequest.BodyPublishers.ofString("reason=x&version=0"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (forged.statusCode() != 403 || !forged.body().contains("X-CSRF-Token")) {
          wrong.add("no token: " + r + " → " + forged.statusCode() + " " + forged.body());
        }
        // 2. the right token but from another origin
        HttpResponse<String> crossSite =
            http.send(
                HttpRequest.newBuilder(root.resolve(r.concrete("999999999")))
                    .header("Cookie", caller.cookie())
                    .header("X-CSRF-Token", token)
                    .header("Origin", "http://evil.example")
                    .header("Content-Type", "application/json")
                    .method(r.http(), HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (crossSite.statusCode() != 403 || !crossSite.body().contains("X-CSRF-Token")) {
          wrong.add("other origin: " + r + " → " + crossSite.statusCode());
        }
        // 3. a wrong token
        HttpResponse<String> guessed =
            http.send(
                HttpRequest.newBuilder(root.resolve(r.concrete("999999999")))
                    .header("Cookie", caller.cookie())
                    .header("X-CSRF-Token", token.substring(1) + "A")
                    .header("Content-Type", "application/json")
                    .method(r.http(), HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (guessed.statusCode() != 403 || !guessed.body().contains("X-CSRF-Token")) {
          wrong.add("wrong token: " + r + " → " + guessed.statusCode());
        }
        // 4. control: with the token and the same origin the CSRF check lets it through (it may
        // still be refused by role, rule or a missing id, never by the CSRF check)
        Api.Reply real =
            caller.send(
                r.http(),
                r.concrete("999999999"),
                "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        if (real.body().contains("X-CSRF-Token") || real.status() >= 500) {
          wrong.add("with token: " + r + " → " + real.status() + " " + real.body());
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void theSessionCookieIsSameSiteAndACrossSiteFormConfirmsNothing() throws Exception {
    Api pi = Api.as(browser, base, "demo_pi", "Demo@2026");
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A3\"}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    Db.update(
        "update sub_application set status = 'SUBMITTED', submitted_at = now(6) where id = ?", id);

    // the unit admin is signed in in Chromium ...
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_unit", "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
    Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
    assertEquals("Lax", session.getSameSite(), "the session cookie's SameSite");
    assertTrue(session.isHttpOnly());
    // said by the server itself, not only Chromium's default for a cookie without SameSite
    HttpResponse<String> basic =
        SecurityMatrixIT.basic(
            Db.loopback(base).toURI().resolve("api/v1/submission/applications"),
            "demo_pi",
            "Demo@2026");
    String setCookie =
        basic.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
    assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);

    // ... and opens a page of another site that posts a form to the confirm endpoint
    String target =
        base.toString().replace("127.0.0.1", "localhost")
            + "api/v1/submission/applications/"
            + id
            + "/confirm";
    HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page =
        ("<!doctype html><html><body><form id=f method=post action='"
                + target
                + "' enctype='application/x-www-form-urlencoded'><input name=a value=b></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    evil.createContext(
        "/",
        x -> {
          x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          x.sendResponseHeaders(200, page.length);
          x.getResponseBody().write(page);
          x.close();
        });
    evil.start();
    try {
      browser.driver.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
      // wait until the forged post has been answered (the browser left the evil page)
      String evilPage = "http://127.0.0.1:" + evil.getAddress().getPort();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !browser.driver.getCurrentUrl().startsWith(evilPage));
    } finally {
      evil.stop(0);
    }
    assertEquals(
        List.of("SUBMITTED"),
        Db.strings("select status from sub_application where id = ?", id),
        "a page of another site confirmed the application");
    assertFalse(
        Db.strings("select action from krn_audit where entity_id = ?", String.valueOf(id))
            .contains("confirm"));
  }

  @Test
  void noSpuriousRefusalUnderConcurrency() throws Exception {
    // 16 threads × 250 signed-in requests across roles, by session cookie and by HTTP Basic: a
    // refusal of a caller who holds the role is a spurious 403 (payara/Payara#6145)
    record Call(Api api, String basicUser, String path) {}
    List<Call> calls =
        List.of(
            new Call(
                Api.as(browser, base, "demo_pi", "Demo@2026"),
                null,
                "api/v1/submission/applications"),
            new Call(
                Api.as(browser, base, "demo_unit", "Demo@2026"),
                null,
                "api/v1/submission/unit/applications"),
            new Call(
                Api.as(browser, base, "demo_officer", "Demo@2026"),
                null,
                "api/v1/directory/other-plans/summary"),
            new Call(
                Api.as(browser, base, "demo_review", "Demo@2026"),
                null,
                "api/v1/directory/other-plans/summary"),
            new Call(
                Api.as(browser, base, "demo_pi", "Demo@2026"), null, "app/submission/list.xhtml"),
            new Call(
                Api.as(browser, base, "demo_unit", "Demo@2026"), null, "app/submission/unit.xhtml"),
            new Call(null, "demo_pi", "api/v1/submission/applications"),
            new Call(null, "demo_unit", "api/v1/submission/unit/applications"));
    URI root = Db.loopback(base).toURI();
    // a Basic client signs in once and then sends its session back, as the README tells it to
    List<String> basicCookies = new ArrayList<>();
    for (Call c : calls) {
      if (c.basicUser() == null) {
        basicCookies.add(null);
        continue;
      }
      HttpResponse<String> first =
          SecurityMatrixIT.basic(root.resolve(c.path()), c.basicUser(), "Demo@2026");
      assertEquals(200, first.statusCode(), first.body());
      String cookie = Browser.sessionCookie(first);
      assertTrue(cookie.startsWith("JSESSIONID="), cookie);
      basicCookies.add(cookie);
    }
    String basicHeader =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("demo_pi:Demo@2026".getBytes(StandardCharsets.UTF_8));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int thread = t;
      results.add(
          pool.submit(
              () -> {
                List<String> bad = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                  int k = (thread + i) % calls.size();
                  Call c = calls.get(k);
                  HttpRequest.Builder b =
                      HttpRequest.newBuilder(root.resolve(c.path()))
                          .timeout(Duration.ofSeconds(120));
                  if (c.api() != null) {
                    b.header("Cookie", c.api().cookie());
                  } else {
                    b.header("Cookie", basicCookies.get(k));
                    if (c.basicUser().equals("demo_pi")) {
                      // the credentials too: the session decides, no hash per request
                      b.header("Authorization", basicHeader);
                    }
                  }
                  long started = System.nanoTime();
                  HttpResponse<String> r;
                  try {
                    r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                  } catch (java.net.http.HttpTimeoutException e) {
                    bad.add(c.path() + " → no answer in 120 s");
                    continue;
                  }
                  long ms = (System.nanoTime() - started) / 1_000_000;
                  if (ms > 10_000) {
                    System.out.println("slow: " + c.path() + " " + ms + " ms");
                  }
                  if (r.statusCode() != 200) {
                    bad.add(c.path() + " → " + r.statusCode());
                  }
                }
                return bad;
              }));
    }
    List<String> refused = new ArrayList<>();
    for (Future<List<String>> f : results) {
      refused.addAll(f.get());
    }
    pool.shutdown();
    assertEquals(List.of(), refused, refused.size() + " of 4000 refused");
  }

  @Test
  void clientMistakesAreProblemJsonWithTheRightStatus() throws Exception {
    Api pi = Api.as(browser, base, "demo_pi", "Demo@2026");
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}");
    long id = created.json().getJsonNumber("id").longValue();
    String app = "api/v1/submission/applications/" + id;

    expectProblem(400, pi.json("PUT", app, "{\"version\": 0, \"titleZh\": "));
    expectProblem(400, pi.json("PUT", app, "{\"version\": \"not a number\"}"));
    expectProblem(400, pi.json("PUT", app, "[]"));
    expectProblem(400, pi.json("PUT", app, "[".repeat(100_000) + "]".repeat(100_000)));
    expectProblem(
        400, pi.json("PUT", app, "{\"team\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}"));
    expectProblem(400, pi.json("POST", "api/v1/submission/applications", "{\"lineCode\": 12"));
    expectProblem(400, pi.json("POST", app + "/submit", "{\"version\": {}}"));
    expectProblem(415, pi.send("PUT", app, "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
    expectProblem(405, pi.send("DELETE", app, null, null));
    expectProblem(404, pi.get("api/v1/submission/nothing-here"));
    expectProblem(404, pi.get("api/v1/submission/applications/not-a-number"));
    expectProblem(404, pi.get("api/v1/submission/applications/999999999"));
    expectProblem(
        413,
        pi.json(
            "POST",
            "api/v1/submission/applications",
            "{\"lineCode\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}"));
    // a stale save: 409, the same whether the old version is seen before or at the write
    long version = created.json().getJsonNumber("version").longValue();
    Api.Reply saved = pi.json("PUT", app, SubmissionIT.form(version, "100000.00"));
    assertEquals(200, saved.status(), saved.body());
    expectProblem(409, pi.json("PUT", app, SubmissionIT.form(version, "100000.00")));
    // another role: 403; the anonymous: 401 with the Basic challenge
    Api unit = Api.as(browser, base, "demo_unit", "Demo@2026");
    expectProblem(
        403, unit.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}"));
    Api.Reply anonymous = Api.anonymous(base).get("api/v1/submission/applications");
    expectProblem(401, anonymous);
    HttpResponse<String> challenged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Db.loopback(base).toURI().resolve(app)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(401, challenged.statusCode());
    assertTrue(challenged.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
  }

  /**
   * Sends a request that declares {@code declared} bytes but sends only {@code sent} of them, and
   * returns the status the server answers without waiting for the rest.
   */
  private int rawStatus(
      Api as, String method, String path, String contentType, long declared, int sent)
      throws Exception {
    URI root = Db.loopback(base).toURI();
    try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(20_000);
      String head =
          method
              + " "
              + root.resolve(path).getRawPath()
              + (root.resolve(path).getRawQuery() == null
                  ? ""
                  : "?" + root.resolve(path).getRawQuery())
              + " HTTP/1.1\r\nHost: "
              + root.getHost()
              + ":"
              + root.getPort()
              + "\r\nCookie: "
              + as.cookie()
              + "\r\nX-CSRF-Token: "
              + as.csrfToken()
              + "\r\nContent-Type: "
              + contentType
              + "\r\nContent-Length: "
              + declared
              + "\r\nConnection: close\r\n\r\n";
      var out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(new byte[sent]);
      out.flush();
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      socket.getInputStream(), StandardCharsets.ISO_8859_1))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  private static void expectProblem(int status, Api.Reply r) {
    assertEquals(
        status, r.status(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
    assertTrue(
        r.contentType().startsWith("application/problem+json"),
        status + " as " + r.contentType() + ": " + r.body());
    assertTrue(r.json().getInt("status") == status, r.body());
  }

  @Test
  void uploadsAreRefusedBeforeTheirBodyIsReadAndNamesAreNormalised() throws Exception {
    Api pi = Api.as(browser, base, "demo_pi", "Demo@2026");
    long id =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    String upload =
        "api/v1/submission/applications/" + id + "/attachments?kind=COOPERATION_AGREEMENT";
    byte[] elf = new byte[4096];
    elf[0] = 0x7f;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    int auditBefore = Db.strings("select id from krn_audit where action = 'attach-refused'").size();

    // the anonymous: 401 before anything is read, nothing audited as "executable" by "?"
    Api.Reply anonymous =
        Api.anonymous(base).send("POST", upload + "&fileName=a.pdf", "application/pdf", elf);
    assertEquals(401, anonymous.status(), anonymous.body());
    assertFalse(anonymous.body().contains("可执行") || anonymous.body().contains("executable"));
    // another PI: 404 (not yours), the content never judged
    String otherPi = "it_pi_" + System.nanoTime() % 1_000_000;
    Db.createApplicant(
        otherPi, "别的负责人", String.format("330106199001%05d", System.nanoTime() % 100_000), 900003);
    Api other = Api.as(browser, base, otherPi, "Demo@2026");
    Api.Reply notYours = other.send("POST", upload + "&fileName=a.pdf", "application/pdf", elf);
    assertEquals(404, notYours.status(), notYours.body());
    assertFalse(notYours.body().contains("可执行") || notYours.body().contains("executable"));
    assertEquals(
        auditBefore, Db.strings("select id from krn_audit where action = 'attach-refused'").size());
    assertTrue(Db.strings("select actor from krn_audit where actor = '?'").isEmpty());

    // 21 MB declared: 413 from the declared length, answered after 64 KiB were sent (the server
    // does not wait for the rest)
    assertEquals(
        413,
        rawStatus(
            pi,
            "POST",
            upload.replace("api/", "api/") + "&fileName=a.pdf",
            "application/pdf",
            21L * 1024 * 1024,
            64 * 1024));

    // names: a path, CR/LF and NUL are refused over REST as on the screen; nothing is stored
    for (String name :
        List.of("../../etc", "a%0D%0AX-Injected:%201.pdf", "nul%00.pdf", "..%5C..%5Cboot.ini")) {
      Api.Reply r =
          pi.send("POST", upload + "&fileName=" + name, "application/pdf", SubmissionIT.pdf());
      assertEquals(422, r.status(), name + ": " + r.body());
      assertEquals(
          "F-FILE", r.json().getJsonArray("violations").getJsonObject(0).getString("ruleId"));
    }
    assertTrue(
        Db.strings("select file_name from sub_attachment where application_id = ?", id).isEmpty());
    Api.Reply ok =
        pi.send(
            "POST",
            upload + "&fileName=%20%E5%90%88%E4%BD%9C%E5%8D%8F%E8%AE%AE.pdf%20",
            "application/pdf",
            SubmissionIT.pdf());
    assertEquals(200, ok.status(), ok.body());
    assertEquals(
        List.of("合作协议.pdf"),
        Db.strings("select file_name from sub_attachment where application_id = ?", id));
  }

  static InputStream nothing() {
    return InputStream.nullInputStream();
  }
}
