package io.hezuo.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A REST client for the tests that carries the session of a user who logged in through the real
 * login page in Chromium (the same session a screen would have).
 */
final class Api {

  final URI base;
  private final String cookie;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /**
   * The session's anti-forgery token: the server sends it in {@code X-CSRF-Token} on every answer
   * to a signed-in API call; state-changing calls send it back (as the application's own pages
   * would).
   */
  private volatile String csrfToken;

  /** The {@code Authorization} header of a client that signs in by HTTP Basic, else null. */
  private String authorization;

  private Api(URL base, String cookie) throws Exception {
    this.base = Db.loopback(base).toURI();
    this.cookie = cookie;
  }

  static Api anonymous(URL base) throws Exception {
    return new Api(base, null);
  }

  /**
   * A machine client that signs in by HTTP Basic on every call (no browser, no session, so no
   * anti-forgery token), e.g. on a server other than the tests' own.
   */
  static Api basic(URL base, String user, String password) throws Exception {
    Api api = new Api(base, null);
    api.authorization =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return api;
  }

  /** The session cookie this client sends (null for the anonymous). */
  String cookie() {
    return cookie;
  }

  /** The anti-forgery token of the session, fetched once. */
  String csrfToken() throws Exception {
    if (csrfToken == null) {
      get("api/v1/call/calls/current");
    }
    return csrfToken;
  }

  /** Logs in through the browser and takes over its session cookie. */
  static Api as(Browser browser, URL base, String user, String password) throws Exception {
    browser.driver.manage().deleteAllCookies();
    browser.login(user, password);
    browser.waitFor(org.openqa.selenium.By.cssSelector("section[id^=home-]"));
    return new Api(base, browser.sessionCookie());
  }

  record Reply(int status, String contentType, String body) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    jakarta.json.JsonArray jsonArray() {
      return Json.createReader(new StringReader(body)).readArray();
    }

    JsonStructure any() {
      return Json.createReader(new StringReader(body)).read();
    }
  }

  /** The headers of the last answer of {@link #send}. */
  java.net.http.HttpHeaders lastHeaders;

  /** A request; {@code headers}: more request headers, name and value in turn. */
  Reply send(String method, String path, String contentType, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (cookie != null) {
      b.header("Cookie", cookie);
      if (!method.equals("GET") && !method.equals("HEAD")) {
        if (csrfToken == null) {
          get("api/v1/call/calls/current");
        }
        if (csrfToken != null) {
          b.header("X-CSRF-Token", csrfToken);
        }
      }
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    r.headers().firstValue("X-CSRF-Token").ifPresent(t -> csrfToken = t);
    lastHeaders = r.headers();
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /** The current checks of an application (each with ruleId, severity, field, message_zh/en). */
  List<JsonObject> checks(long applicationId) throws Exception {
    return get("api/v1/submission/applications/" + applicationId + "/checks")
        .json()
        .getJsonArray("violations")
        .stream()
        .map(v -> v.asJsonObject())
        .toList();
  }

  /** Uploads a PDF attachment of the given kind to an application. */
  Reply attach(long applicationId, String kind, byte[] pdf) throws Exception {
    return send(
        "POST",
        "api/v1/submission/applications/"
            + applicationId
            + "/attachments?kind="
            + kind
            + "&fileName=agreement.pdf",
        "application/pdf",
        pdf);
  }

  /** The raw bytes of a GET (a PDF, a workbook). */
  byte[] bytes(String path) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    HttpResponse<byte[]> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode());
    }
    return r.body();
  }

  Reply get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  Reply json(String method, String path, String json) throws Exception {
    return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** Sets the server's clock (test-only resource in the test deployment). */
  void clock(String instant) throws Exception {
    send("PUT", "api/test/clock", "text/plain", instant.getBytes(StandardCharsets.UTF_8));
  }

  void systemClock() throws Exception {
    send("DELETE", "api/test/clock", null, null);
  }
}
