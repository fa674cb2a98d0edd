package io.hezuo.contract.rest;

import io.hezuo.contract.service.ApprovalDocuments;
import io.hezuo.contract.service.Approvals;
import io.hezuo.kernel.error.BadRequestException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rest.ContentDisposition;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The officer's approval (立项) over REST, under the same checks as the screen: {@code
 * /api/v1/contract/approval}.
 *
 * <ul>
 *   <li>{@code GET /lines}: the current call's lines with their lists' states;
 *   <li>{@code GET /lines/{line}}: the line's ranked FORMAL_PASSED applications, the budget, the
 *       selection, the total and what is left of the budget;
 *   <li>{@code PUT /lines/{line}/budget} {@code {"budget": "3000000.00", "version": 2}};
 *   <li>{@code PUT /lines/{line}/selection/{applicationId}} {@code {"approved": "800000.00"}} and
 *       {@code DELETE} of the same path;
 *   <li>{@code POST /lines/{line}/publish} {@code {"days": 5}}, {@code POST /lines/{line}/withdraw}
 *       {@code {"reason": "…"}}, {@code POST /lines/{line}/finalise};
 *   <li>{@code GET /lines/{line}/list.pdf} and {@code list.xlsx} ({@code ?lang=en}).
 * </ul>
 *
 * Amounts are plain decimal strings in 元 (CNY). Rule failures are 422 problem+json with the rule
 * ids; an unknown line or an application not in the line's ranking is 404.
 */
@Path("/v1/contract/approval")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject Approvals approvals;

  /** Body of a budget. */
  public record BudgetJson(String budget, Long version) {}

  /** Body of a selection. */
  public record SelectJson(String approved) {}

  /** Body of a publication. */
  public record PublishJson(Integer days) {}

  /** Body of a withdrawal. */
  public record ReasonJson(String reason) {}

  @GET
  @Path("/lines")
  @Allow(Role.OFFICER)
  public Response lines() {
    return Response.ok(approvals.lines()).build();
  }

  @GET
  @Path("/lines/{line}")
  @Allow(Role.OFFICER)
  public Response line(@PathParam("line") String line) {
    return Response.ok(approvals.line(line)).build();
  }

  @PUT
  @Path("/lines/{line}/budget")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response budget(@PathParam("line") String line, BudgetJson body) {
    BudgetJson b = body == null ? new BudgetJson(null, null) : body;
    return Response.ok(approvals.setBudget(line, amount(b.budget()), b.version())).build();
  }

  @PUT
  @Path("/lines/{line}/selection/{applicationId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response select(
      @PathParam("line") String line,
      @PathParam("applicationId") long applicationId,
      SelectJson body) {
    return Response.ok(
            approvals.select(line, applicationId, amount(body == null ? null : body.approved())))
        .build();
  }

  @DELETE
  @Path("/lines/{line}/selection/{applicationId}")
  @Allow(Role.OFFICER)
  public Response unselect(
      @PathParam("line") String line, @PathParam("applicationId") long applicationId) {
    return Response.ok(approvals.unselect(line, applicationId)).build();
  }

  @POST
  @Path("/lines/{line}/publish")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response publish(@PathParam("line") String line, PublishJson body) {
    return Response.ok(approvals.publish(line, body == null ? null : body.days())).build();
  }

  @POST
  @Path("/lines/{line}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response withdraw(@PathParam("line") String line, ReasonJson body) {
    return Response.ok(approvals.withdraw(line, body == null ? null : body.reason())).build();
  }

  @POST
  @Path("/lines/{line}/finalise")
  @Allow(Role.OFFICER)
  public Response finalise(@PathParam("line") String line) {
    return Response.ok(approvals.finalise(line)).build();
  }

  @GET
  @Path("/lines/{line}/list.pdf")
  @Produces("application/pdf")
  @Allow(Role.OFFICER)
  public Response pdf(@PathParam("line") String line, @QueryParam("lang") String lang) {
    Approvals.LineApproval a = approvals.line(line);
    return Response.ok(ApprovalDocuments.pdf(a, locale(lang)), "application/pdf")
        .header(
            "Content-Disposition", ContentDisposition.attachment("立项名单-" + a.lineCode() + ".pdf"))
        .build();
  }

  @GET
  @Path("/lines/{line}/list.xlsx")
  @Produces(XLSX)
  @Allow(Role.OFFICER)
  public Response xlsx(@PathParam("line") String line, @QueryParam("lang") String lang) {
    Approvals.LineApproval a = approvals.line(line);
    return Response.ok(ApprovalDocuments.xlsx(a, locale(lang)), XLSX)
        .header(
            "Content-Disposition", ContentDisposition.attachment("立项名单-" + a.lineCode() + ".xlsx"))
        .build();
  }

  /** A plain decimal amount in 元; not a number: 400. */
  static BigDecimal amount(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("not an amount: " + text);
    }
  }

  private static Locale locale(String lang) {
    return "en".equalsIgnoreCase(lang) ? Messages.ENGLISH : Messages.CHINESE;
  }
}
