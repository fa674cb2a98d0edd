package io.hezuo.web.security;

import io.hezuo.directory.service.DeviceTokens;
import io.hezuo.directory.service.LoginAttempts;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a sign-in attempt comes from, for the directory's throttling: the client's address (the
 * connection's, never a header the client could forge) and its device cookie (OWASP's device
 * cookie: a browser that signed in to an account before is not kept out by others' failures).
 */
final class LoginOrigin {

  private LoginOrigin() {}

  static LoginAttempts.Origin of(HttpServletRequest request) {
    String device = null;
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie k : cookies) {
        if (LoginAttempts.DEVICE_COOKIE.equals(k.getName())) {
          device = k.getValue();
        }
      }
    }
    return new LoginAttempts.Origin(request.getRemoteAddr(), device);
  }

  /** Gives the browser (or client) the device cookie of a successful sign-in. */
  static void remember(HttpServletRequest req, HttpServletResponse resp, LoginAttempts.Outcome o) {
    if (o.deviceToken() == null) {
      return;
    }
    Cookie c = new Cookie(LoginAttempts.DEVICE_COOKIE, o.deviceToken());
    c.setHttpOnly(true);
    c.setSecure(req.isSecure());
    c.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
    c.setMaxAge((int) DeviceTokens.VALIDITY.toSeconds());
    c.setAttribute("SameSite", "Strict");
    resp.addCookie(c);
  }
}
