package io.hezuo.web.it.support;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Instant;

/** Test-only: {@code PUT /api/test/clock} with an ISO instant fixes the clock; DELETE frees it. */
@io.hezuo.kernel.security.Public
@Path("/test/clock")
public class TestClockResource {

  @PUT
  @Consumes("text/plain")
  public void set(String instant) {
    TestClock.FIXED.set(Instant.parse(instant.trim()));
  }

  @DELETE
  public void reset() {
    TestClock.FIXED.set(null);
  }
}
