package io.hezuo.directory.rest;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.directory.api.RegistrationRequest;
import io.hezuo.directory.api.RegistrationView;
import io.hezuo.kernel.rest.Problems;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Registration over REST, with the same checks as the screens: {@code POST
 * /api/v1/directory/registrations} (public), the unit admin's pending list and decision.
 */
@Path("/v1/directory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

  /** The unit admin's decision. */
  public record Decision(boolean approve, String reason) {}

  @Inject AccountDirectory directory;

  @GET
  @Path("/units")
  public List<OrganisationView> units() {
    return directory.applyingUnits();
  }

  @POST
  @Path("/registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(RegistrationRequest request) {
    if (request == null) {
      return Problems.of(
          400, "Bad request", "A JSON body (RegistrationRequest) is required", List.of());
    }
    try {
      long id = directory.register(request);
      return Response.status(201)
          .entity(Json.createObjectBuilder().add("accountId", id).add("status", "PENDING").build())
          .build();
    } catch (RuleViolationException e) {
      return Problems.unprocessable(e.violations());
    }
  }

  @GET
  @Path("/registrations/pending")
  public Response pending() {
    try {
      List<RegistrationView> list = directory.pendingRegistrations();
      return Response.ok(list).build();
    } catch (SecurityException e) {
      return Problems.forbidden(e.getMessage());
    }
  }

  @POST
  @Path("/registrations/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decide(@PathParam("id") long id, Decision decision) {
    if (decision == null) {
      return Problems.of(400, "Bad request", "A JSON body (Decision) is required", List.of());
    }
    try {
      directory.decide(id, decision.approve(), decision.reason());
      return Response.noContent().build();
    } catch (SecurityException e) {
      return Problems.forbidden(e.getMessage());
    } catch (RuleViolationException e) {
      return Problems.unprocessable(e.violations());
    }
  }
}
