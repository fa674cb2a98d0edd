package io.hezuo.web.it.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Test-only: {@code PUT /api/test/session-timeout?seconds=n} shortens the caller's own session
 * timeout, so that a test can let a signed-in session expire in seconds instead of 30 minutes.
 */
@io.hezuo.kernel.security.Allow
@Path("/test/session-timeout")
public class TestSessionResource {

  @Context HttpServletRequest request;

  @PUT
  public Response shorten(@QueryParam("seconds") int seconds) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Response.status(409).entity("no session").build();
    }
    session.setMaxInactiveInterval(Math.max(1, seconds));
    return Response.noContent().build();
  }
}
