package io.hezuo.formalreview.rest;

import io.hezuo.formalreview.service.Runs;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Formal review runs over REST, for formal reviewers and officers: {@code POST
 * /api/v1/formal-review/runs} starts a run over the current round ({@code {"chunk", "pauseMillis"}}
 * optional; 422 while another runs), {@code GET …/runs/current} reads the latest run's progress
 * (204 when there is none), {@code POST …/runs/{id}/stop} stops it after the current chunk, {@code
 * POST …/runs/{id}/resume} resumes a stalled or stopped run from its last checkpoint.
 */
@Path("/v1/formal-review/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

  @Inject Runs runs;

  /** How to run the job (both optional). */
  public record Start(Integer chunk, Integer pauseMillis) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response start(Start body) {
    return Response.status(202)
        .entity(
            runs.start(
                body == null ? null : body.chunk(), body == null ? null : body.pauseMillis()))
        .build();
  }

  @GET
  @Path("/current")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response current() {
    return runs.current().map(r -> Response.ok(r).build()).orElse(Response.noContent().build());
  }

  @POST
  @Path("/{id}/stop")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response stop(@PathParam("id") long id) {
    return Response.ok(runs.stop(id)).build();
  }

  @POST
  @Path("/{id}/resume")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response resume(@PathParam("id") long id) {
    return Response.ok(runs.resume(id)).build();
  }
}
