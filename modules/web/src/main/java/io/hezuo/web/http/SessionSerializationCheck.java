package io.hezuo.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A check for the tests (on when {@code HEZUO_CHECK_SESSIONS=true}; a no-op otherwise): after every
 * request, each attribute of the session is serialized as a cluster would replicate it. What does
 * not serialize (a view scoped bean keeping a stream, a lambda, a sub-list) would be dropped from
 * the replicated session, and the user whose node died would lose the form being typed: it is
 * logged with the path to the object (run the JVM with {@code
 * -Dsun.io.serialization.extendedDebugInfo=true}) and kept in {@link #drain()}, which the
 * integration tests read after each class.
 */
public class SessionSerializationCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(SessionSerializationCheck.class.getName());

  static final boolean ON = "true".equalsIgnoreCase(System.getenv("HEZUO_CHECK_SESSIONS"));

  private static final List<String> FAILURES = new CopyOnWriteArrayList<>();

  /**
   * The attributes that did not serialize since the last call ("path: attribute: exception"), and
   * forgets them: each test class reads its own.
   */
  public static synchronized List<String> drain() {
    List<String> taken = List.copyOf(FAILURES);
    FAILURES.removeAll(taken);
    return taken;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(req, res);
    if (!ON) {
      return;
    }
    HttpSession s = req.getSession(false);
    if (s == null) {
      return;
    }
    try {
      for (String name : Collections.list(s.getAttributeNames())) {
        Object value = s.getAttribute(name);
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
          out.writeObject(value);
        } catch (IOException | RuntimeException e) {
          String failure = req.getRequestURI() + ": " + name + ": " + e;
          if (FAILURES.size() < 100) {
            FAILURES.add(failure);
          }
          LOG.severe("session attribute does not serialize: " + failure);
        }
      }
    } catch (IllegalStateException invalidated) {
      // the session ended during the request
    }
  }
}
