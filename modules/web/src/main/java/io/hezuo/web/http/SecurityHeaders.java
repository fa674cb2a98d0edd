package io.hezuo.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The security headers of every response, set before anything else runs (mapped first in web.xml),
 * so that every answer carries them, errors included:
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} and {@code
 *       X-Frame-Options: DENY};
 *   <li>{@code Content-Security-Policy}: {@link #DEFAULT_POLICY} (nothing may be loaded, no
 *       framing) for what is not a page (JSON, PDF, xlsx); a Faces page replaces it with
 *       PrimeFaces' policy ({@code primefaces.CSP_POLICY} in web.xml plus the page's nonce);
 *   <li>{@code Cache-Control: no-store} on everything a signed-in caller receives (a request with a
 *       session, credentials or a principal), on every page under {@code /app/} and every answer
 *       under {@code /api/}: whatever the code below sets later (PrimeFaces' exporter, a REST
 *       resource's cache control) cannot weaken it. Static resources keep their caching; so does
 *       the public call catalogue ({@link #REVALIDATED}) for an anonymous caller, which the
 *       resource marks {@code no-cache} with an ETag.
 * </ul>
 */
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String CSP = "Content-Security-Policy";
  static final String DEFAULT_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader(CSP, DEFAULT_POLICY);
    // an error page or a forward keeps what the first dispatch decided
    String cache = res.getHeader("Cache-Control");
    boolean noStore = noStore(req) || (cache != null && cache.contains("no-store"));
    if (noStore) {
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("Pragma", "no-cache");
      res.setHeader("Expires", "0");
    }
    chain.doFilter(req, new Guarded(res, noStore));
  }

  /** Whether the answer to this request must not be stored by a browser or a proxy. */
  static boolean noStore(HttpServletRequest req) {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.startsWith("/jakarta.faces.resource/")) {
      return false;
    }
    boolean signedIn =
        req.getHeader("Authorization") != null
            || req.getUserPrincipal() != null
            || (req.getRequestedSessionId() != null && req.isRequestedSessionIdValid());
    if (signedIn) {
      return true;
    }
    if (REVALIDATED.contains(path)) {
      return false;
    }
    return path.startsWith("/app/") || path.startsWith("/api/");
  }

  /**
   * Public API answers that anyone may keep when they revalidate them (the resource sends {@code
   * Cache-Control: no-cache} and an ETag): to an anonymous caller only.
   */
  static final java.util.Set<String> REVALIDATED = java.util.Set.of("/api/v1/call/calls/current");

  /**
   * Keeps the headers set above: a later Content-Security-Policy replaces the default one (never a
   * second policy, which the browser would intersect), and caching headers are ignored when the
   * answer is not to be stored.
   */
  static final class Guarded extends HttpServletResponseWrapper {

    private final boolean noStore;

    Guarded(HttpServletResponse response, boolean noStore) {
      super(response);
      this.noStore = noStore;
    }

    private boolean kept(String name) {
      return noStore
          && ("Cache-Control".equalsIgnoreCase(name)
              || "Pragma".equalsIgnoreCase(name)
              || "Expires".equalsIgnoreCase(name));
    }

    @Override
    public void setHeader(String name, String value) {
      if (!kept(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else if (!kept(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!kept(name)) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!kept(name)) {
        super.addDateHeader(name, date);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!kept(name)) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void addIntHeader(String name, int value) {
      if (!kept(name)) {
        super.addIntHeader(name, value);
      }
    }
  }
}
