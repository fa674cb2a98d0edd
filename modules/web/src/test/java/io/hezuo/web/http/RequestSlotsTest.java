package io.hezuo.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestSlotsTest {

  static HttpServletRequest request(String path) {
    return request(path, "demo_pi");
  }

  /** A request of the path by the signed-in user (none: null). */
  static HttpServletRequest request(String path, String user) {
    java.security.Principal principal = user == null ? null : () -> user;
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RequestSlotsTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (p, m, a) ->
                switch (m.getName()) {
                  case "getDispatcherType" -> DispatcherType.REQUEST;
                  case "getRequestURI" -> path;
                  case "getContextPath" -> "";
                  case "getUserPrincipal" -> principal;
                  default -> null;
                });
  }

  static final HttpServletResponse RESPONSE =
      (HttpServletResponse)
          Proxy.newProxyInstance(
              RequestSlotsTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (p, m, a) -> null);

  @Test
  void aSignedInRequestHoldsASlotWhileItRuns() throws Exception {
    AtomicInteger during = new AtomicInteger();
    new RequestSlots()
        .doFilter(
            request("/app/submission/edit.xhtml"),
            RESPONSE,
            (req, res) -> during.set(RequestSlots.free()));
    assertEquals(RequestSlots.SLOTS - 1, during.get());
    assertEquals(RequestSlots.SLOTS, RequestSlots.free());
  }

  @Test
  void healthMetricsAndStaticResourcesTakeNoSlot() throws Exception {
    for (String path :
        new String[] {
          "/health/ready", "/metrics", "/jakarta.faces.resource/theme.css.xhtml", "/resources/x.js"
        }) {
      assertTrue(RequestSlots.exempt(request(path)), path);
      AtomicInteger during = new AtomicInteger();
      new RequestSlots()
          .doFilter(request(path), RESPONSE, (req, res) -> during.set(RequestSlots.free()));
      assertEquals(RequestSlots.SLOTS, during.get(), path);
    }
    assertFalse(RequestSlots.exempt(request("/api/v1/submission/applications/1")));
    // a stranger's request (the login page, registration) holds no slot, whatever it sends
    assertTrue(RequestSlots.exempt(request("/login.xhtml", null)));
    assertTrue(RequestSlots.exempt(request("/api/v1/submission/applications/1", null)));
  }
}
