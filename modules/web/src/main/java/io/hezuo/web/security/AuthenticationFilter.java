package io.hezuo.web.security;

import io.hezuo.directory.service.LoginAttempts;
import io.hezuo.directory.web.AccountPassword;
import io.hezuo.kernel.rest.ProblemMappers;
import io.hezuo.kernel.rest.Problems;
import io.hezuo.kernel.security.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;

/**
 * The application's own authentication and authorization, on every request, before anything reads a
 * body:
 *
 * <ol>
 *   <li>the caller is the session's {@link SignedIn} user (form login), or, on {@code /api/} only,
 *       the account named by HTTP Basic credentials that the directory accepts (a session is then
 *       started, so a client that keeps the cookie is not hashed again); refused Basic credentials
 *       answer 401 problem+json with {@code WWW-Authenticate};
 *   <li>the caller goes into kernel's request-scoped {@link Caller}, which every service asks for
 *       role and ownership checks, and into the request's {@code getUserPrincipal()/isUserInRole};
 *   <li>pages under {@code /app/} need a signed-in caller (others are sent to the login page, an
 *       ajax request by a partial-response redirect); while a one-time password must be changed,
 *       every other page leads to the change-password page and the API answers only the change of
 *       password (403 otherwise);
 *   <li>a state-changing {@code /api/} call authenticated by the session cookie must carry the
 *       session's anti-forgery token in {@code X-CSRF-Token}, and a call whose {@code Origin} is
 *       another site is refused (403 problem+json) whatever its credentials.
 * </ol>
 *
 * <p>It deliberately does not use the container's security context (Jakarta Security's
 * authentication mechanism, {@code security-constraint}, {@code SecurityContext.isCallerInRole}):
 * under concurrency Payara Micro 6 answers "not in role" to signed-in callers (payara/Payara#6145).
 * See {@code modules/web/README.md}.
 */
public class AuthenticationFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Where the change of a one-time password happens (directory's view and REST). */
  static final String PASSWORD_PAGE = "/app/account/password.xhtml";

  static final String PASSWORD_API = "/api/v1/directory/account/password";

  /** The request header (and, on signed-in {@code /api/} answers, the response header). */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Inject Caller caller;
  @Inject LoginAttempts attempts;
  @Inject io.hezuo.directory.api.AccountDirectory accounts;

  /**
   * How often a signed-in session's account is read again: an account disabled, rejected or gone
   * since (an expert deactivated, an account an administrator disabled) ends its open sessions
   * within this time. Seconds in {@code HEZUO_SESSION_RECHECK_SECONDS} (the tests shorten it).
   */
  static final long RECHECK_MILLIS = recheckMillis(System.getenv("HEZUO_SESSION_RECHECK_SECONDS"));

  /** The session attribute with the time its account was last read (epoch milliseconds). */
  static final String CHECKED_AT = "hezuo.accountCheckedAt";

  static long recheckMillis(String seconds) {
    try {
      long s = seconds == null || seconds.isBlank() ? 30 : Long.parseLong(seconds.trim());
      return s > 0 ? s * 1000 : 30_000;
    } catch (NumberFormatException e) {
      return 30_000;
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    boolean api = path.startsWith("/api/");
    boolean unsafe = !SAFE_METHODS.contains(req.getMethod());
    if (api && unsafe && !sameOrigin(req)) {
      problem(res, Problems.keyed(403, "Forbidden", "kernel.error.csrf").build());
      return;
    }
    SignedIn user = SignedIn.of(req);
    boolean basic = false;
    String authorization = req.getHeader("Authorization");
    if (user == null
        && api
        && authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      Basic b = basic(req, res, authorization.substring(6).trim());
      user = b.user();
      if (b.busyRetryAfter() > 0) {
        // the credentials were not judged: not a 401, the client may simply try again
        res.setHeader("Retry-After", String.valueOf(b.busyRetryAfter()));
        problem(res, Problems.keyed(503, "Service Unavailable", "kernel.error.loginBusy").build());
        return;
      }
      if (user == null) {
        Response r = Problems.keyed(401, "Unauthorized", "kernel.error.unauthenticated").build();
        res.setHeader("WWW-Authenticate", ProblemMappers.WWW_AUTHENTICATE);
        problem(res, r);
        return;
      }
      basic = true;
    }
    if (user != null && !basic && !stillActive(req, user)) {
      user = null;
    }
    if (user != null) {
      caller.signedIn(user.username(), user.roles());
    }
    if (path.startsWith("/app/")) {
      if (user == null) {
        toLogin(req, res);
        return;
      }
      if (mustChangePassword(req) && !path.equals(PASSWORD_PAGE)) {
        redirect(req, res, req.getContextPath() + PASSWORD_PAGE);
        return;
      }
    }
    if (api && user != null && mustChangePassword(req) && !path.equals(PASSWORD_API)) {
      problem(res, Problems.keyed(403, "Forbidden", "kernel.error.passwordChange").build());
      return;
    }
    if (api && user != null) {
      if (unsafe && !basic && !tokenMatches(req.getHeader(CSRF_HEADER), user.csrfToken())) {
        problem(res, Problems.keyed(403, "Forbidden", "kernel.error.csrf").build());
        return;
      }
      res.setHeader(CSRF_HEADER, user.csrfToken());
    }
    chain.doFilter(user == null ? req : new SignedInRequest(req, user), res);
  }

  /**
   * Whether the session's account may still be signed in: read again when the last reading is older
   * than {@link #RECHECK_MILLIS}; an account no longer ACTIVE ends the session (audited as its end
   * by the session listener).
   */
  private boolean stillActive(HttpServletRequest req, SignedIn user) {
    jakarta.servlet.http.HttpSession s = req.getSession(false);
    if (s == null) {
      return false;
    }
    long now = System.currentTimeMillis();
    Object at;
    try {
      at = s.getAttribute(CHECKED_AT);
    } catch (IllegalStateException invalidated) {
      return false;
    }
    if (at instanceof Long t && now - t < RECHECK_MILLIS) {
      return true;
    }
    boolean active =
        accounts.account(user.username()).map(a -> "ACTIVE".equals(a.status())).orElse(false);
    try {
      if (!active) {
        s.invalidate();
        attempts.loggedOut(user.username(), "account no longer active");
        return false;
      }
      s.setAttribute(CHECKED_AT, now);
    } catch (IllegalStateException invalidated) {
      return false;
    }
    return true;
  }

  /** A Basic sign-in: the user, or none; when the server was too busy to judge it, after when. */
  private record Basic(SignedIn user, int busyRetryAfter) {
    static final Basic REFUSED = new Basic(null, 0);
  }

  private Basic basic(HttpServletRequest req, HttpServletResponse res, String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Basic.REFUSED;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Basic.REFUSED;
    }
    String username = decoded.substring(0, colon);
    LoginAttempts.Outcome o =
        attempts.attempt(username, decoded.substring(colon + 1), LoginOrigin.of(req));
    if (o.busy()) {
      return new Basic(null, Math.max(1, o.retryAfterSeconds()));
    }
    if (!o.accepted()) {
      return Basic.REFUSED;
    }
    SignedIn user = SignedIn.start(req, username, o.roles());
    LoginOrigin.remember(req, res, o);
    if (o.mustChangePassword()) {
      // a one-time password is for the owner to replace on the web, not for a machine client
      req.getSession().setAttribute(AccountPassword.MUST_CHANGE, Boolean.TRUE);
    }
    return new Basic(user, 0);
  }

  private static boolean mustChangePassword(HttpServletRequest req) {
    var s = req.getSession(false);
    return s != null && Boolean.TRUE.equals(s.getAttribute(AccountPassword.MUST_CHANGE));
  }

  /**
   * A state-changing call from a page of another site is refused: its {@code Origin} (sent by every
   * browser on such requests) must name this server. Clients that send no {@code Origin} (machine
   * clients, same-origin navigation in old browsers) are judged by the token alone.
   */
  static boolean sameOrigin(HttpServletRequest req) {
    String origin = req.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = req.getHeader("Host");
    if (host == null || origin.equals("null")) {
      return false;
    }
    int scheme = origin.indexOf("://");
    return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
  }

  static boolean tokenMatches(String sent, String expected) {
    return sent != null
        && expected != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static void toLogin(HttpServletRequest req, HttpServletResponse res) throws IOException {
    redirect(req, res, req.getContextPath() + "/login.xhtml");
  }

  /** A plain redirect, or for a Faces ajax request a partial response that redirects. */
  private static void redirect(HttpServletRequest req, HttpServletResponse res, String url)
      throws IOException {
    if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
      res.setContentType("text/xml");
      res.setCharacterEncoding("UTF-8");
      res.getWriter()
          .printf(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"%s\"/>"
                  + "</partial-response>",
              url);
      return;
    }
    res.sendRedirect(url);
  }

  /** Writes a problem (problem+json) as the answer of a filter, outside JAX-RS. */
  public static void problem(HttpServletResponse res, Response r) throws IOException {
    res.setStatus(r.getStatus());
    res.setContentType(Problems.TYPE);
    res.setCharacterEncoding("UTF-8");
    res.getWriter().write(r.getEntity().toString());
  }

  /** The request as the rest of the application sees it: principal and roles of the session. */
  static final class SignedInRequest extends HttpServletRequestWrapper {
    private final SignedIn user;
    private final Principal principal;

    SignedInRequest(HttpServletRequest req, SignedIn user) {
      super(req);
      this.user = user;
      this.principal = user::username;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public String getRemoteUser() {
      return user.username();
    }

    @Override
    public boolean isUserInRole(String role) {
      return user.roles().contains(role);
    }

    @Override
    public String getAuthType() {
      return "FORM";
    }
  }
}
