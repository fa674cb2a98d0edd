package io.hezuo.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers filter's decisions, without a container. */
class SecurityHeadersTest {

  /** A request of the path (under /hezuo), with or without a session and a principal. */
  private static HttpServletRequest request(String path, boolean session, boolean principal) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            SecurityHeadersTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (p, m, a) ->
                switch (m.getName()) {
                  case "getRequestURI" -> "/hezuo" + path;
                  case "getContextPath" -> "/hezuo";
                  case "getRequestedSessionId" -> session ? "abc" : null;
                  case "isRequestedSessionIdValid" -> session;
                  case "getUserPrincipal" -> principal ? (java.security.Principal) () -> "u" : null;
                  default -> null;
                });
  }

  /** A response that records its headers (name → values). */
  private static HttpServletResponse response(Map<String, List<String>> headers) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            SecurityHeadersTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (p, m, a) -> {
              switch (m.getName()) {
                case "setHeader" ->
                    headers.put((String) a[0], new ArrayList<>(List.of((String) a[1])));
                case "addHeader" ->
                    headers
                        .computeIfAbsent((String) a[0], k -> new ArrayList<>())
                        .add((String) a[1]);
                default -> {}
              }
              return null;
            });
  }

  @Test
  void signedInCallersAppAndApiAnswersAreNotStoredStaticResourcesAndAnonymousPagesAre() {
    assertTrue(SecurityHeaders.noStore(request("/app/home.xhtml", false, false)));
    assertTrue(SecurityHeaders.noStore(request("/api/v1/call/calls/1", false, false)));
    assertTrue(SecurityHeaders.noStore(request("/api/v1/call/calls/current", true, false)));
    assertTrue(SecurityHeaders.noStore(request("/call/catalogue.xhtml", true, false)));
    assertTrue(SecurityHeaders.noStore(request("/call/catalogue.xhtml", false, true)));
    assertFalse(SecurityHeaders.noStore(request("/call/catalogue.xhtml", false, false)));
    assertFalse(
        SecurityHeaders.noStore(
            request("/jakarta.faces.resource/hezuo/layout.css.xhtml", true, true)));
  }

  @Test
  void theAnonymousPublicCallCatalogueMayBeKeptAndRevalidated() {
    assertFalse(SecurityHeaders.noStore(request("/api/v1/call/calls/current", false, false)));
    assertTrue(SecurityHeaders.noStore(request("/api/v1/call/calls/current", false, true)));
    assertTrue(SecurityHeaders.noStore(request("/api/v1/call/calls/current/x", false, false)));
  }

  @Test
  void laterCachingHeadersCannotWeakenNoStoreAndALaterPolicyReplacesTheDefault() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    HttpServletResponse r = response(headers);
    r.setHeader("Cache-Control", "no-store");
    r.setHeader(SecurityHeaders.CSP, SecurityHeaders.DEFAULT_POLICY);
    SecurityHeaders.Guarded g = new SecurityHeaders.Guarded(r, true);
    // what PrimeFaces' exporter and its CSP listener do
    g.setHeader("Cache-Control", "must-revalidate, post-check=0, pre-check=0");
    g.addHeader("Cache-Control", "public");
    g.setHeader("Pragma", "public");
    g.addHeader(SecurityHeaders.CSP, "script-src 'self' 'nonce-x';");
    g.setHeader("Content-Disposition", "attachment");
    assertEquals(List.of("no-store"), headers.get("Cache-Control"));
    assertEquals(List.of("script-src 'self' 'nonce-x';"), headers.get(SecurityHeaders.CSP));
    assertEquals(List.of("attachment"), headers.get("Content-Disposition"));
    assertFalse(headers.containsKey("Pragma"));

    // an answer that may be stored keeps what the code sets
    Map<String, List<String>> other = new LinkedHashMap<>();
    new SecurityHeaders.Guarded(response(other), false).setHeader("Cache-Control", "max-age=60");
    assertEquals(List.of("max-age=60"), other.get("Cache-Control"));
  }
}
