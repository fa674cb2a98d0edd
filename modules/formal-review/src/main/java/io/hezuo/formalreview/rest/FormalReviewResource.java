package io.hezuo.formalreview.rest;

import io.hezuo.formalreview.domain.RuleCheck;
import io.hezuo.formalreview.service.RoundChecklist;
import io.hezuo.formalreview.service.RoundG2;
import io.hezuo.formalreview.service.RoundSimilarity;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Formal review over REST: {@code /api/v1/formal-review}, for formal reviewers and officers. So far
 * rules G2 and G3 over the current round, one application beside one of its sources, and one
 * application's checklist of every rule; the batch run and the decisions follow.
 */
@Path("/v1/formal-review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FormalReviewResource {

  @Inject RoundG2 g2;
  @Inject RoundSimilarity g3;
  @Inject RoundChecklist checklist;

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

  /**
   * G3 (total similarity within the round; 30 % or more fails) for every application of the round,
   * with the top sources by title and percentage (truncated to two decimals).
   */
  @GET
  @Path("/checks/g3")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response g3() {
    return Response.ok(
            g3.current().stream()
                .map(r -> json(r.applicationId(), r.acceptanceNo(), null, null, r.check()))
                .toList())
        .build();
  }

  /**
   * An application beside a document of the library of earlier projects: both texts cut at the
   * matched passages (404 for an application outside the round or an unknown document).
   */
  @GET
  @Path("/applications/{id}/similarity/library/{libraryId}")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response sideBySideLibrary(
      @PathParam("id") long id, @PathParam("libraryId") long libraryId) {
    return Response.ok(g3.sideBySideLibrary(id, libraryId)).build();
  }

  /** An application and one of its sources side by side: both texts cut at the matched passages. */
  @GET
  @Path("/applications/{id}/similarity/{sourceId}")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response sideBySide(@PathParam("id") long id, @PathParam("sourceId") long sourceId) {
    return Response.ok(g3.sideBySide(id, sourceId)).build();
  }

  /**
   * One application's checklist: every rule's automatic result (PASS, WARNING, FAIL) with its
   * message and evidence in Chinese and English, what they add up to ({@code automatic}: the worst;
   * {@code green}: every rule passed) and the failed rules' ids (the reasons a reviewer's decision
   * starts from). 404 for an application outside the current call's round.
   */
  @GET
  @Path("/applications/{id}/checklist")
  @Allow({Role.FORMAL_REVIEWER, Role.OFFICER})
  public Response checklist(@PathParam("id") long id) {
    RoundChecklist.Result r = checklist.of(id);
    return Response.ok(
            new ChecklistJson(
                r.applicationId(),
                r.acceptanceNo(),
                r.lineCode(),
                r.titleZh(),
                r.status(),
                r.checklist().automatic().name(),
                r.checklist().green(),
                r.checklist().failedRules(),
                r.checklist().checks().stream().map(FormalReviewResource::rule).toList()))
        .build();
  }

  /** An application's checklist as JSON. */
  public record ChecklistJson(
      long applicationId,
      String acceptanceNo,
      String lineCode,
      String titleZh,
      String status,
      String automatic,
      boolean green,
      List<String> failedRules,
      List<RuleJson> checks) {}

  /**
   * One rule's result in a checklist: the outcome, the message and the evidence in both languages.
   */
  public record RuleJson(
      String ruleId, String outcome, String messageZh, String messageEn, List<Evidence> evidence) {}

  static RuleJson rule(RuleCheck c) {
    CheckJson j = json(0, null, null, null, c);
    return new RuleJson(j.ruleId(), j.outcome(), j.messageZh(), j.messageEn(), j.evidence());
  }

  static CheckJson json(RoundG2.Row r) {
    return json(r.applicationId(), r.acceptanceNo(), r.lineCode(), r.piName(), r.check());
  }

  static CheckJson json(
      long applicationId, String acceptanceNo, String lineCode, String piName, RuleCheck c) {
    Object[] args = c.args().toArray();
    return new CheckJson(
        applicationId,
        acceptanceNo,
        lineCode,
        piName,
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
