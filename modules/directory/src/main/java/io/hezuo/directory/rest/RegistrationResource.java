package io.hezuo.directory.rest;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.directory.api.RegistrationRequest;
import io.hezuo.directory.api.RegistrationView;
import io.hezuo.kernel.error.BadRequestException;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Public;
import io.hezuo.kernel.security.Role;
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
  @Inject Caller caller;

  @GET
  @Path("/units")
  @Public
  public List<OrganisationView> units() {
    return directory.applyingUnits();
  }

  @POST
  @Path("/registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Public
  public Response register(RegistrationRequest request) {
    if (request == null) {
      throw new BadRequestException("A JSON body (RegistrationRequest) is required");
    }
    long id = directory.register(request);
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("accountId", id).add("status", "PENDING").build())
        .build();
  }

  @GET
  @Path("/registrations/pending")
  @Allow(Role.UNIT_ADMIN)
  public Response pending() {
    List<RegistrationView> list = directory.pendingRegistrations();
    return Response.ok(list).build();
  }

  @POST
  @Path("/registrations/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.UNIT_ADMIN)
  public Response decide(@PathParam("id") long id, Decision decision) {
    // the role is checked first (in the service): a caller who may not decide learns nothing of
    // what the request lacks
    caller.require(Role.UNIT_ADMIN);
    if (decision == null) {
      throw new BadRequestException("A JSON body (Decision) is required");
    }
    directory.decide(id, decision.approve(), decision.reason());
    return Response.noContent().build();
  }
}
