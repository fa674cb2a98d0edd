package io.hezuo.scoring.rest;

import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.service.Assignments;
import io.hezuo.scoring.service.ConflictCheck;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The assignment of experts over REST (officers only): {@code GET /api/v1/scoring/assignments}
 * (every application of the review with its experts and progress), {@code GET …/experts} (each
 * expert's progress), {@code POST …/auto} ({@code {"confirm": true, "applicationIds": [..]}}; the
 * ids optional: all), {@code POST …} ({@code {"applicationId", "expertId"}}; a conflicted pair 422
 * F-CONFLICT with each reason), {@code DELETE …/{id}?reason=…}, {@code POST …/{id}/reopen} ({@code
 * {"reason"}}), {@code POST …/remind} ({@code {"expertIds": [..]}} optional), and {@code GET
 * /api/v1/scoring/applications/{id}/conflicts?expert=…} (why a pair conflicts, each reason in
 * Chinese and English).
 */
@Path("/v1/scoring")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

  @Inject Assignments assignments;
  @Inject ConflictCheck conflicts;

  /** The automatic run's request. */
  public record Auto(Boolean confirm, List<Long> applicationIds) {}

  /** A pair to add by hand. */
  public record Pick(Long applicationId, Long expertId) {}

  /** A reason for a removal or a reopening. */
  public record Why(String reason) {}

  /** Whom to remind (none: every expert with unfinished sheets). */
  public record Remind(List<Long> expertIds) {}

  @GET
  @Path("/assignments")
  @Allow(Role.OFFICER)
  public Response overview() {
    return Response.ok(assignments.overview()).build();
  }

  @GET
  @Path("/assignments/experts")
  @Allow(Role.OFFICER)
  public Response experts() {
    return Response.ok(assignments.experts()).build();
  }

  @POST
  @Path("/assignments/auto")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response auto(Auto body) {
    Auto a = body == null ? new Auto(false, null) : body;
    return Response.ok(assignments.auto(a.applicationIds(), Boolean.TRUE.equals(a.confirm())))
        .build();
  }

  @POST
  @Path("/assignments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response add(Pick body) {
    if (body == null || body.applicationId() == null || body.expertId() == null) {
      throw new io.hezuo.kernel.rule.RuleViolationException(
          io.hezuo.kernel.rule.RuleViolation.error(
              "F-REQ", "expertId", "scoring.assign.pairRequired"));
    }
    return Response.status(Response.Status.CREATED)
        .entity(assignments.add(body.applicationId(), body.expertId()))
        .build();
  }

  @DELETE
  @Path("/assignments/{id}")
  @Allow(Role.OFFICER)
  public Response remove(@PathParam("id") long id, @QueryParam("reason") String reason) {
    return Response.ok(assignments.remove(id, reason)).build();
  }

  @POST
  @Path("/assignments/{id}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response reopen(@PathParam("id") long id, Why body) {
    return Response.ok(assignments.reopen(id, body == null ? null : body.reason())).build();
  }

  @POST
  @Path("/assignments/remind")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response remind(Remind body) {
    return Response.ok(
            Map.of("reminded", assignments.remind(body == null ? null : body.expertIds())))
        .build();
  }

  @GET
  @Path("/applications/{id}/conflicts")
  @Allow(Role.OFFICER)
  public Response conflicts(@PathParam("id") long id, @QueryParam("expert") Long expert) {
    if (expert == null) {
      throw new io.hezuo.kernel.rule.RuleViolationException(
          io.hezuo.kernel.rule.RuleViolation.error(
              "F-REQ", "expert", "scoring.assign.pairRequired"));
    }
    List<ConflictCheck.Explained> reasons = conflicts.reasons(expert, id);
    return Response.ok(
            Map.of(
                "applicationId", id,
                "expertId", expert,
                "conflicted", !reasons.isEmpty(),
                "reasons", reasons))
        .build();
  }
}
