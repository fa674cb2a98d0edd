package io.hezuo.directory.rest;

import io.hezuo.directory.api.NewUnit;
import io.hezuo.directory.api.UnitAdminView;
import io.hezuo.directory.api.UnitDirectory;
import io.hezuo.kernel.rest.Problems;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Department's list of units over REST, for officers, with the same checks as the screen:
 * {@code GET /api/v1/directory/units?q=&filter=ALL|RECOMMENDING|WITHOUT_RECOMMENDER&first=&size=},
 * {@code GET …/units/recommending}, {@code POST …/units} (a new unit), {@code POST
 * …/units/{id}/recommending} ({@code {"recommending", "reason"}}) and {@code POST
 * …/units/{id}/recommender} ({@code {"recommenderId", "reason"}}; null: none). The role is checked
 * before the body is read; each change is audited with its reason.
 */
@Path("/v1/directory/units")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

  @Inject UnitDirectory units;

  /** Whether a unit may recommend, and why the officer changes it. */
  public record Recommending(boolean recommending, String reason) {}

  /** The recommending unit a unit is to report to (null: none), and why. */
  public record ReportsTo(Long recommenderId, String reason) {}

  @GET
  @Allow(Role.OFFICER)
  public Response list(
      @QueryParam("q") String q,
      @QueryParam("filter") @DefaultValue("ALL") String filter,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("size") @DefaultValue("50") int size) {
    UnitDirectory.Filter f;
    try {
      f = UnitDirectory.Filter.valueOf(filter.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Problems.of(
          400, "Bad request", "filter is one of ALL, RECOMMENDING, WITHOUT_RECOMMENDER", List.of());
    }
    UnitAdminView.Page page = units.units(q, f, first, size);
    return Response.ok(page).build();
  }

  @GET
  @Path("/recommending")
  @Allow(Role.OFFICER)
  public Response recommending() {
    return Response.ok(units.recommendingUnits()).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response create(NewUnit body) {
    long id = units.create(body);
    return Response.status(201).entity(Map.of("id", id)).build();
  }

  @POST
  @Path("/{id}/recommending")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response recommending(@PathParam("id") long id, Recommending body) {
    if (body == null) {
      return Problems.of(400, "Bad request", "A JSON object body is required", List.of());
    }
    units.setRecommending(id, body.recommending(), body.reason());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/recommender")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response recommender(@PathParam("id") long id, ReportsTo body) {
    if (body == null) {
      return Problems.of(400, "Bad request", "A JSON object body is required", List.of());
    }
    units.setRecommender(id, body.recommenderId(), body.reason());
    return Response.noContent().build();
  }
}
