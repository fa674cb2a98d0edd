package io.hezuo.formalreview.rest;

import io.hezuo.formalreview.domain.RuleCheck;
import io.hezuo.formalreview.service.RoundG2;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Formal review over REST: {@code /api/v1/formal-review}, for formal reviewers and officers. So far
 * rule G2 over the current round; the batch run, the checklist and the decisions follow.
 */
@Path("/v1/formal-review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FormalReviewResource {

  @Inject RoundG2 g2;

  /** A rule's result as JSON: the outcome, the message and each evidence in both languages. */
  public record CheckJson(
      long applicationId,
      String acceptanceNo,
      String lineCode,
      String piName,
      String ruleId,
      String outcome,
      String messageZh,
      String messageEn,
      List<Evidence> evidence) {}

  /** One finding behind a result, in both languages. */
  public record Evidence(String key, String messageZh, String messageEn) {}

  /** G2 (one PI, one project a year, by ID document) for every application of the round. */
  @GET
  @Path("/checks/g2")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response g2() {
    return Response.ok(g2.current().stream().map(FormalReviewResource::json).toList()).build();
  }

  static CheckJson json(RoundG2.Row r) {
    RuleCheck c = r.check();
    Object[] args = c.args().toArray();
    return new CheckJson(
        r.applicationId(),
        r.acceptanceNo(),
        r.lineCode(),
        r.piName(),
        c.ruleId(),
        c.outcome().name(),
        Messages.get(Locale.SIMPLIFIED_CHINESE, c.messageKey(), args),
        Messages.get(Locale.ENGLISH, c.messageKey(), args),
        c.evidence().stream()
            .map(
                e ->
                    new Evidence(
                        e.key(),
                        Messages.get(Locale.SIMPLIFIED_CHINESE, e.key(), e.args().toArray()),
                        Messages.get(Locale.ENGLISH, e.key(), e.args().toArray())))
            .toList());
  }
}
