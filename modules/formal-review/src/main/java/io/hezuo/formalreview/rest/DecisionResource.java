package io.hezuo.formalreview.rest;

import io.hezuo.formalreview.service.Decisions;
import io.hezuo.formalreview.service.Queue;
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
import java.util.Map;

/**
 * The formal review queue and the reviewer's decisions over REST, for formal reviewers and
 * officers: {@code GET /api/v1/formal-review/queue?line=&recommender=&automatic=PASS|WARNING|
 * FAIL|UNCHECKED&rule=&q=&first=&size=}, {@code POST …/applications/{id}/decision} ({@code
 * {"decision": "PASS"|"FAIL", "ruleIds": [...], "reason"}}; overriding the automatic result needs a
 * reason) and {@code POST …/decisions/pass-all-green}.
 */
@Path("/v1/formal-review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

  @Inject Queue queue;
  @Inject Decisions decisions;
  @Inject io.hezuo.formalreview.service.IntegrityRecords integrity;

  /** The applications a bulk pass is limited to (none: the whole round). */
  public record Selection(List<Long> applicationIds) {}

  /** A decision as posted. */
  public record Decision(String decision, List<String> ruleIds, String reason) {}

  @GET
  @Path("/queue")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response queue(
      @QueryParam("line") String line,
      @QueryParam("recommender") Long recommender,
      @QueryParam("automatic") String automatic,
      @QueryParam("rule") String rule,
      @QueryParam("q") String q,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("size") @DefaultValue("50") int size) {
    return Response.ok(
            queue.find(new Queue.Filter(line, recommender, automatic, rule, q), first, size))
        .build();
  }

  @POST
  @Path("/applications/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response decide(@PathParam("id") long id, Decision body) {
    Decision b = body == null ? new Decision(null, null, null) : body;
    return Response.ok(decisions.decide(id, b.decision(), b.ruleIds(), b.reason())).build();
  }

  /** The integrity records (科研诚信) of similarity failures, newest first. */
  @GET
  @Path("/integrity-records")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response integrityRecords() {
    return Response.ok(integrity.all()).build();
  }

  @POST
  @Path("/decisions/pass-all-green")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  @Consumes(MediaType.APPLICATION_JSON)
  public Response passAllGreen(Selection body) {
    return Response.ok(
            Map.of("passed", decisions.passAllGreen(body == null ? null : body.applicationIds())))
        .build();
  }
}
