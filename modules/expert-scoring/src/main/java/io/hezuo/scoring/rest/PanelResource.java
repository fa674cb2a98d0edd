package io.hezuo.scoring.rest;

import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.service.Panels;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The panels and the ranking over REST (officers): {@code GET /api/v1/scoring/ranking/{line}} (the
 * line's applications in their places with their panel scores, medians, experts' scores, outliers,
 * fund votes and remarks, and the distribution) and {@code PUT
 * /api/v1/scoring/panels/{applicationId}/remark} ({@code {"remark", "version"}}: the consensus
 * remark; 409 F-STALE when it changed since {@code version}).
 */
@Path("/v1/scoring")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PanelResource {

  @Inject Panels panels;

  /** A remark as sent. */
  public record RemarkJson(String remark, Long version) {}

  @GET
  @Path("/ranking/{line}")
  @Allow(Role.OFFICER)
  public Response ranking(@PathParam("line") String line) {
    return Response.ok(panels.ranking(line)).build();
  }

  @PUT
  @Path("/panels/{applicationId}/remark")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response remark(@PathParam("applicationId") long applicationId, RemarkJson body) {
    RemarkJson b = body == null ? new RemarkJson(null, null) : body;
    panels.remark(applicationId, b.remark(), b.version() == null ? 0 : b.version());
    return Response.noContent().build();
  }
}
