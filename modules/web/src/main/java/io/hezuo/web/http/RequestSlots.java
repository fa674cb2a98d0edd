package io.hezuo.web.http;

import io.hezuo.kernel.rest.Problems;
import io.hezuo.web.security.AuthenticationFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * At most {@link #SLOTS} requests of the application run at once on a server; the others wait their
 * turn (fairly, up to {@link #WAIT_SECONDS}), and only then get a 503 with {@code Retry-After}.
 *
 * <p>Why: a transaction that reads through two persistence units (a submit tells the unit's admins,
 * found by the directory's unit) holds one pooled connection and asks for a second. When as many
 * such transactions run as the pool has connections, each waits for a connection that only the
 * others could give back, until the pool's wait ends in errors for all (a burst of 200 applicants
 * submitting within 2 s did it with 32 connections). With at most {@link #SLOTS} requests running,
 * each taking up to three connections, the pool ({@code maxPoolSize} 64, see Migrations) always has
 * one left. On two cores more requests at once would not finish sooner.
 *
 * <p>Not counted: anonymous requests (the public pages, the login page, registration: a stranger
 * sending a body slowly must not hold one of the few slots, and they are few and light next to the
 * signed-in traffic of a deadline), the health and metrics endpoints, static resources. A sign-in
 * is counted by neither of its ways in: the login page's is anonymous, and the API's HTTP Basic
 * sign-in happens in the authentication filter, before this one. Its wait for a turn among the
 * password hashes, seconds in a burst, holds no slot.
 */
public class RequestSlots extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(RequestSlots.class.getName());

  /** Requests running at once. */
  public static final int SLOTS = 20;

  /** The longest wait for a slot before the answer is 503. */
  public static final int WAIT_SECONDS = 30;

  private static final Semaphore SLOTS_FREE = new Semaphore(SLOTS, true);

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() != DispatcherType.REQUEST || exempt(req)) {
      chain.doFilter(req, res);
      return;
    }
    if (!take()) {
      LOG.warning("no request slot within " + WAIT_SECONDS + " s: 503 for " + req.getRequestURI());
      res.setHeader("Retry-After", "5");
      if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
        AuthenticationFilter.problem(
            res, Problems.keyed(503, "Service Unavailable", "kernel.error.busy").build());
      } else {
        res.sendError(503);
      }
      return;
    }
    try {
      chain.doFilter(req, res);
    } finally {
      SLOTS_FREE.release();
    }
  }

  /** Slots free now (for the tests). */
  static int free() {
    return SLOTS_FREE.availablePermits();
  }

  private static boolean take() {
    try {
      return SLOTS_FREE.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static boolean exempt(HttpServletRequest req) {
    if (req.getUserPrincipal() == null) {
      return true;
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    return path.startsWith("/health")
        || path.startsWith("/metrics")
        || path.startsWith("/jakarta.faces.resource/")
        || path.startsWith("/resources/")
        || path.startsWith("/webjars/");
  }
}
