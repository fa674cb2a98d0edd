package io.hezuo.directory.rest;

import io.hezuo.directory.api.AccountAdminView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.kernel.rest.Problems;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Accounts over REST, with the same checks as the screens: {@code GET /api/v1/directory/accounts}
 * (ADMIN: all, UNIT_ADMIN: its unit's researchers), {@code POST …/accounts/{id}/unlock} (ADMIN) and
 * {@code POST …/accounts/{id}/password-reset} (both; answers the one-time password), each with
 * {@code {"reason": …}}; {@code POST /api/v1/directory/account/password} (anyone signed in: {@code
 * {"current", "password", "passwordRepeat"}}). Role and ownership are checked before the body is
 * read.
 */
@Path("/v1/directory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  private static final int MAX_BODY = 8 * 1024;

  @Inject AccountDirectory directory;

  @GET
  @Path("/accounts")
  @Allow({Role.ADMIN, Role.UNIT_ADMIN})
  public Response accounts(
      @QueryParam("q") String q,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("size") @DefaultValue("50") int size) {
    AccountAdminView.Page page = directory.accounts(q, first, size);
    return Response.ok(page).build();
  }

  @POST
  @Path("/accounts/{id}/unlock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.ADMIN)
  public Response unlock(@PathParam("id") long id, InputStream body) {
    try {
      directory.checkMayManage(id, true);
      JsonObject json = read(body);
      if (json == null) {
        return badBody();
      }
      directory.unlock(id, json.getString("reason", null));
      return Response.noContent().build();
    } catch (RuleViolationException e) {
      return Problems.unprocessable(e.violations());
    }
  }

  @POST
  @Path("/accounts/{id}/password-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({Role.ADMIN, Role.UNIT_ADMIN})
  public Response reset(@PathParam("id") long id, InputStream body) {
    try {
      directory.checkMayManage(id, false);
      JsonObject json = read(body);
      if (json == null) {
        return badBody();
      }
      String oneTime = directory.resetPassword(id, json.getString("reason", null));
      return Response.ok(
              Json.createObjectBuilder()
                  .add("oneTimePassword", oneTime)
                  .add("mustChangePassword", true)
                  .build())
          .header("Cache-Control", "no-store")
          .build();
    } catch (RuleViolationException e) {
      return Problems.unprocessable(e.violations());
    }
  }

  @POST
  @Path("/account/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow
  public Response changePassword(InputStream body) {
    try {
      JsonObject json = read(body);
      if (json == null) {
        return badBody();
      }
      directory.changePassword(
          json.getString("current", null),
          json.getString("password", null),
          json.getString("passwordRepeat", null));
      return Response.noContent().build();
    } catch (RuleViolationException e) {
      return Problems.unprocessable(e.violations());
    }
  }

  @GET
  @Path("/registrations/clashes")
  @Allow(Role.OFFICER)
  public Response clashes() {
    return Response.ok(directory.idClashes()).build();
  }

  private static JsonObject read(InputStream body) {
    if (body == null) {
      return null;
    }
    try {
      byte[] bytes = body.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        return null;
      }
      try (JsonReader r =
          Json.createReader(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
        return r.readObject();
      }
    } catch (java.io.IOException | JsonException | IllegalStateException | ClassCastException e) {
      return null;
    }
  }

  private static Response badBody() {
    return Problems.of(400, "Bad request", "A JSON object body is required", List.of());
  }
}
