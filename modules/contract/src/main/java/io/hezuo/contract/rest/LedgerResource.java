package io.hezuo.contract.rest;

import io.hezuo.contract.service.Ledgers;
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

/**
 * The funds of the approved projects over REST: {@code GET /api/v1/contract/projects} (the projects
 * the caller sees with approved, disbursed, transferred and balance, and the totals of all matches;
 * {@code q}, {@code line}, {@code unit}, {@code region}, {@code due=true} for the projects whose
 * next tranche is due; {@code first}, {@code size}), {@code GET
 * …/projects/totals?by=line|unit|region}, {@code GET …/projects/months} (money per month), {@code
 * GET …/projects/{id}/ledger}, {@code POST …/projects/{id}/disbursements} ({@code
 * {"date":"2026-03-02","amount":"700000.00","voucherNo"}}; the Department's finance) and {@code
 * POST …/projects/{id}/transfers} ({@code {"date", "amount", "recipient", "voucherNo"}}; the lead
 * unit's finance office). Bad input is 422 naming each field and rule (F-REQ, F-DATE, F-MONEY,
 * C-PERIOD, C-VOUCHER, C-DISBURSE, G5, F-STATE); a project the caller may not see is 404; a role
 * that may read but not record is 403.
 */
@Path("/v1/contract/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

  @Inject Ledgers ledgers;
  @Inject io.hezuo.contract.service.Obligations obligations;

  @GET
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response find(
      @QueryParam("q") String q,
      @QueryParam("line") String line,
      @QueryParam("unit") Long unit,
      @QueryParam("region") String region,
      @QueryParam("due") @DefaultValue("false") boolean due,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("size") @DefaultValue("50") int size) {
    return Response.ok(ledgers.find(new Ledgers.Search(q, line, unit, region, due), first, size))
        .build();
  }

  @GET
  @Path("/totals")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response totals(
      @QueryParam("by") @DefaultValue("line") String by,
      @QueryParam("line") String line,
      @QueryParam("unit") Long unit,
      @QueryParam("region") String region) {
    return Response.ok(ledgers.totals(new Ledgers.Search(null, line, unit, region, false), by))
        .build();
  }

  @GET
  @Path("/months")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response months(@QueryParam("line") String line, @QueryParam("unit") Long unit) {
    return Response.ok(ledgers.months(new Ledgers.Search(null, line, unit, null, false))).build();
  }

  @GET
  @Path("/{id}/ledger")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response ledger(@PathParam("id") long id) {
    return Response.ok(ledgers.ledger(id)).build();
  }

  @POST
  @Path("/{id}/disbursements")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.FINANCE)
  public Response disburse(@PathParam("id") long id, Ledgers.DisbursementForm body) {
    return Response.status(Response.Status.CREATED).entity(ledgers.disburse(id, body)).build();
  }

  @POST
  @Path("/{id}/transfers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.FINANCE)
  public Response transfer(@PathParam("id") long id, Ledgers.TransferForm body) {
    return Response.status(Response.Status.CREATED).entity(ledgers.transfer(id, body)).build();
  }

  @GET
  @Path("/{id}/onsite")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response onsite(@PathParam("id") long id) {
    return Response.ok(obligations.onsite(id)).build();
  }

  @POST
  @Path("/{id}/onsite")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.APPLICANT)
  public Response stay(
      @PathParam("id") long id, io.hezuo.contract.service.Obligations.StayForm body) {
    return Response.status(Response.Status.CREATED)
        .entity(obligations.recordStay(id, body))
        .build();
  }

  @GET
  @Path("/{id}/targets")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response targets(@PathParam("id") long id) {
    return Response.ok(obligations.targets(id)).build();
  }

  @POST
  @Path("/{id}/targets/reports")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.APPLICANT)
  public Response report(
      @PathParam("id") long id, io.hezuo.contract.service.Obligations.ReportForm body) {
    obligations.report(id, body);
    return Response.ok(obligations.targets(id)).build();
  }

  @POST
  @Path("/{id}/targets/reports/{reportId}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response review(
      @PathParam("id") long id,
      @PathParam("reportId") long reportId,
      io.hezuo.contract.service.Obligations.ReviewForm body) {
    obligations.review(id, reportId, body);
    return Response.ok(obligations.targets(id)).build();
  }

  @POST
  @Path("/{id}/entries/{entryId}/scan")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @io.hezuo.kernel.security.MaxBody(Ledgers.MAX_SCAN_BYTES)
  @Allow(Role.FINANCE)
  public Response attachScan(
      @PathParam("id") long id,
      @PathParam("entryId") long entryId,
      @QueryParam("fileName") String fileName,
      java.io.InputStream content) {
    byte[] bytes;
    try (content) {
      bytes = content == null ? new byte[0] : content.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Response.ok(ledgers.attachScan(id, entryId, fileName, bytes)).build();
  }

  @GET
  @Path("/{id}/entries/{entryId}/scan")
  @Produces("application/pdf")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response scan(@PathParam("id") long id, @PathParam("entryId") long entryId) {
    Object[] s = ledgers.scan(id, entryId);
    return Response.ok(s[1], "application/pdf")
        .header(
            "Content-Disposition",
            io.hezuo.kernel.rest.ContentDisposition.inline(String.valueOf(s[0])))
        .build();
  }

  /** A tranche plan as the officer sends it. */
  public record PlanJson(java.util.List<Ledgers.TrancheForm> tranches, String reason) {}

  /** The day a tranche's check was passed. */
  public record ReachedJson(String date) {}

  @jakarta.ws.rs.PUT
  @Path("/{id}/tranches")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response plan(@PathParam("id") long id, PlanJson body) {
    ledgers.plan(id, body == null ? null : body.tranches(), body == null ? null : body.reason());
    return Response.ok(ledgers.ledger(id)).build();
  }

  @POST
  @Path("/{id}/tranches/{number}/reached")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response reached(
      @PathParam("id") long id, @PathParam("number") int number, ReachedJson body) {
    ledgers.reached(id, number, body == null ? null : body.date());
    return Response.ok(ledgers.ledger(id)).build();
  }
}
