package io.hezuo.scoring.rest;

import io.hezuo.kernel.rest.ContentDisposition;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.ScoreSheet;
import io.hezuo.scoring.service.ExpertWork;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Map;

/**
 * An expert's own work over REST (experts only; another expert's assignment, a removed one or one
 * declared in conflict is 404): {@code GET /api/v1/scoring/my/assignments} (my list), {@code GET
 * …/{id}} (the application as I may read it, blind where the call says so, with the sheet and what
 * I entered), {@code GET …/{id}/pdf}, {@code PUT …/{id}/sheet} (a draft: {@code {"scores":
 * {"INNOVATION": 8}, "comment", "verdict", "version"}}), {@code POST …/{id}/submit} (the same body;
 * then read-only) and {@code POST …/{id}/conflict} ({@code {"reason"}}). Bad input is 422 naming
 * each field and rule (F-SCORE, F-REQ, F-DEADLINE, F-WINDOW, F-STATE); a sheet changed since {@code
 * version} is 409 (F-STALE).
 */
@Path("/v1/scoring/my/assignments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyReviewResource {

  @Inject ExpertWork work;

  /** A sheet as the expert sends it. */
  public record SheetJson(
      Map<String, BigDecimal> scores, String comment, String verdict, Long version) {}

  /** A declared conflict's reason. */
  public record ConflictJson(String reason) {}

  @GET
  @Allow(Role.EXPERT)
  public Response mine() {
    return Response.ok(work.mine()).build();
  }

  @GET
  @Path("/{id}")
  @Allow(Role.EXPERT)
  public Response one(@PathParam("id") long id) {
    return Response.ok(work.open(id)).build();
  }

  @GET
  @Path("/{id}/pdf")
  @Produces("application/pdf")
  @Allow(Role.EXPERT)
  public Response pdf(@PathParam("id") long id) {
    return Response.ok(work.pdf(id), "application/pdf")
        .header(
            "Content-Disposition", ContentDisposition.inline("application-review-" + id + ".pdf"))
        .build();
  }

  @PUT
  @Path("/{id}/sheet")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.EXPERT)
  public Response save(@PathParam("id") long id, SheetJson body) {
    return Response.ok(work.save(id, entry(body))).build();
  }

  @POST
  @Path("/{id}/submit")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.EXPERT)
  public Response submit(@PathParam("id") long id, SheetJson body) {
    return Response.ok(work.submit(id, entry(body))).build();
  }

  @POST
  @Path("/{id}/conflict")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.EXPERT)
  public Response conflict(@PathParam("id") long id, ConflictJson body) {
    work.declareConflict(id, body == null ? null : body.reason());
    return Response.noContent().build();
  }

  /** The entry as the service reads it; an unknown verdict is refused by name. */
  static ExpertWork.Entry entry(SheetJson s) {
    SheetJson b = s == null ? new SheetJson(null, null, null, null) : s;
    ScoreSheet.Verdict verdict = null;
    if (b.verdict() != null && !b.verdict().isBlank()) {
      try {
        verdict = ScoreSheet.Verdict.valueOf(b.verdict().strip());
      } catch (IllegalArgumentException e) {
        throw new RuleViolationException(
            RuleViolation.error("F-SCORE", "verdict", "scoring.verdict.unknown"));
      }
    }
    if (b.scores() != null && b.scores().containsValue(null)) {
      java.util.Map<String, BigDecimal> given = new java.util.LinkedHashMap<>(b.scores());
      given.values().removeIf(java.util.Objects::isNull);
      return new ExpertWork.Entry(
          given, b.comment(), verdict, b.version() == null ? -1 : b.version());
    }
    return new ExpertWork.Entry(
        b.scores(), b.comment(), verdict, b.version() == null ? -1 : b.version());
  }
}
