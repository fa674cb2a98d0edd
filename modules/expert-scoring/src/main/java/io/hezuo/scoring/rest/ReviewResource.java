package io.hezuo.scoring.rest;

import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.service.ReviewSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The current call's review settings over REST: {@code GET /api/v1/scoring/review} (officers and
 * experts) and {@code PUT …} (officers; {@code {"opensAt", "closesAt" (ISO-8601 instants),
 * "perApplication", "blind", "sameCityConflict", "normalise", "outlierThreshold", "version",
 * "reason"}}; 422 naming each field with rule F-REVIEW, F-REQ or F-STALE).
 */
@Path("/v1/scoring/review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

  @Inject ReviewSettings settings;

  /** The settings as sent (times as ISO-8601 text, e.g. 2026-10-08T01:00:00Z). */
  public record Change(
      String opensAt,
      String closesAt,
      Integer perApplication,
      Boolean blind,
      Boolean sameCityConflict,
      Boolean normalise,
      BigDecimal outlierThreshold,
      Long version,
      String reason) {}

  @GET
  @Allow({Role.OFFICER, Role.EXPERT})
  public Response get() {
    return Response.ok(settings.current()).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response change(Change body) {
    Change c =
        body == null ? new Change(null, null, null, null, null, null, null, null, null) : body;
    return Response.ok(
            settings.save(
                new ReviewSettings.Change(
                    instant(c.opensAt(), "opensAt"),
                    instant(c.closesAt(), "closesAt"),
                    c.perApplication(),
                    c.blind(),
                    c.sameCityConflict(),
                    c.normalise(),
                    c.outlierThreshold(),
                    c.version(),
                    c.reason())))
        .build();
  }

  private static Instant instant(String s, String field) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw new io.hezuo.kernel.rule.RuleViolationException(
          io.hezuo.kernel.rule.RuleViolation.error("F-REVIEW", field, "scoring.review.instant", s));
    }
  }
}
