package io.hezuo.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * What a signed-in session holds: the account, its roles as they were at sign-in, and the session's
 * anti-forgery token (CSRF). Kept as one immutable, serializable session attribute, so a replicated
 * session (cluster) carries it whole.
 */
public record SignedIn(String username, Set<String> roles, String csrfToken)
    implements Serializable {

  /** The session attribute that holds it. */
  public static final String ATTRIBUTE = "hezuo.signedIn";

  private static final SecureRandom RANDOM = new SecureRandom();

  public SignedIn {
    roles = Set.copyOf(roles);
  }

  /** The session's signed-in user, without creating a session. */
  public static SignedIn of(HttpServletRequest request) {
    HttpSession s = request.getSession(false);
    return s == null ? null : of(s);
  }

  public static SignedIn of(HttpSession s) {
    try {
      return s.getAttribute(ATTRIBUTE) instanceof SignedIn u ? u : null;
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  /**
   * Signs the user in on this request: a new session id (no fixation), the attribute, and the
   * attribute that the session-timeout audit reads.
   */
  public static SignedIn start(HttpServletRequest request, String username, Set<String> roles) {
    HttpSession existing = request.getSession(false);
    if (existing != null) {
      request.changeSessionId();
    }
    HttpSession s = request.getSession(true);
    byte[] token = new byte[32];
    RANDOM.nextBytes(token);
    SignedIn u =
        new SignedIn(
            username, roles, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    s.setAttribute(ATTRIBUTE, u);
    s.setAttribute(SessionAudit.USER_ATTRIBUTE, username);
    // the account was just read: the next reading is due after the filter's interval
    s.setAttribute(AuthenticationFilter.CHECKED_AT, System.currentTimeMillis());
    return u;
  }
}
