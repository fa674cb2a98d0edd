package io.hezuo.web.it.support;

import io.hezuo.web.http.SessionSerializationCheck;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * Test-only: {@code GET /api/test/session-failures} lists the session attributes that did not
 * serialize since the last call ({@link SessionSerializationCheck#drain()}).
 */
@io.hezuo.kernel.security.Public
@Path("/test/session-failures")
public class TestSessionCheckResource {

  @GET
  @Produces("application/json")
  public String failures() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    SessionSerializationCheck.drain().forEach(a::add);
    return a.build().toString();
  }
}
