package io.hezuo.web.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every request has an id: the {@code X-Request-Id} a load balancer set (HAProxy in {@code
 * deploy/cluster.sh}), or one made here. The answer carries it in the same header, and while the
 * request is handled the thread's name ends with {@code rid=<id>}: Payara's log formats print the
 * thread's name, so every line logged for the request (an exception, a slow query, an audit
 * warning) can be found by the id a user or a proxy log quotes.
 *
 * <p>One structured line (key=value) per request goes to this class's logger: at INFO when the
 * answer is a server error or took {@link #SLOW_MILLIS} or more, at FINE for every other request.
 */
public class RequestIds extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(RequestIds.class.getName());

  public static final String HEADER = "X-Request-Id";

  /** The request attribute that holds the id (for error pages and problem details). */
  public static final String ATTRIBUTE = "hezuo.requestId";

  static final long SLOW_MILLIS = 1000;

  /** An id taken from a client: short, and nothing a log line could be forged with. */
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() != DispatcherType.REQUEST || req.getAttribute(ATTRIBUTE) != null) {
      chain.doFilter(req, res);
      return;
    }
    String id = idOf(req.getHeader(HEADER));
    req.setAttribute(ATTRIBUTE, id);
    res.setHeader(HEADER, id);
    Thread thread = Thread.currentThread();
    String name = thread.getName();
    thread.setName(name + " rid=" + id);
    long start = System.nanoTime();
    try {
      chain.doFilter(req, res);
    } finally {
      thread.setName(name);
      long millis = (System.nanoTime() - start) / 1_000_000;
      int status = res.getStatus();
      Level level = status >= 500 || millis >= SLOW_MILLIS ? Level.INFO : Level.FINE;
      if (LOG.isLoggable(level)) {
        LOG.log(level, line(id, req, status, millis));
      }
    }
  }

  /** The client's id when it is acceptable, else a new one (16 hexadecimal digits). */
  static String idOf(String header) {
    if (header != null && ACCEPTED.matcher(header).matches()) {
      return header;
    }
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }

  /** The request's line: key=value pairs, the path without its query (no tokens in logs). */
  static String line(String id, HttpServletRequest req, int status, long millis) {
    return "request rid="
        + id
        + " method="
        + req.getMethod()
        + " path="
        + req.getRequestURI()
        + " status="
        + status
        + " ms="
        + millis
        + " node="
        + io.hezuo.web.health.NodeHealth.name();
  }
}
