package io.hezuo.contract.rest;

import io.hezuo.contract.service.Contracts;
import io.hezuo.kernel.rest.ContentDisposition;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.MaxBody;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The contracts (任务书) of the approved projects over REST, under {@code /api/v1/contract/contracts}:
 * {@code GET ?state=} (the contracts the caller sees), {@code GET /{projectId}} (terms, steps,
 * change requests, what the caller may do), {@code GET /{projectId}/pdf} (the contract as a PDF),
 * {@code GET /{projectId}/scan} (the signed scan); the lead unit's administrator {@code POST
 * /{projectId}/review} ({@code {"remark"}}), {@code POST /{projectId}/scan?fileName=} (the PDF as
 * the body, checked by its content), {@code POST /{projectId}/changes} ({@code
 * {"kind":"AMOUNT|PERIOD|PARTNER|PI", "amount", "periodFrom", "periodTo", "partnerName",
 * "piUsername", "justification"}}); the officer {@code POST /{projectId}/countersign}, {@code POST
 * /{projectId}/return} ({@code {"reason"}}) and {@code POST /{projectId}/changes/{id}/decision}
 * ({@code {"approve":true|false, "reason"}}). Bad input is 422 naming the field and rule (F-REQ,
 * F-LEN, F-STATE, F-STALE, F-SAME, F-FILE, F-MONEY, F-DATE, F-USER, G5, G6, C-DISBURSE, C-PERIOD);
 * a project the caller may not see is 404; a role that may read but not act is 403.
 */
@Path("/v1/contract/contracts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {

  @Inject Contracts contracts;

  @GET
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response find(@QueryParam("state") String state) {
    return Response.ok(contracts.find(state)).build();
  }

  @GET
  @Path("/{projectId}")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response contract(@PathParam("projectId") long projectId) {
    return Response.ok(contracts.contract(projectId)).build();
  }

  @GET
  @Path("/{projectId}/pdf")
  @Produces("application/pdf")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response pdf(@PathParam("projectId") long projectId) {
    Contracts.ContractView v = contracts.contract(projectId);
    return Response.ok(contracts.pdf(projectId), "application/pdf")
        .header(
            "Content-Disposition",
            ContentDisposition.inline(Contracts.pdfName(v.project().acceptanceNo())))
        .build();
  }

  @GET
  @Path("/{projectId}/scan")
  @Produces("application/pdf")
  @Allow({Role.OFFICER, Role.FINANCE, Role.UNIT_ADMIN, Role.APPLICANT})
  public Response scan(@PathParam("projectId") long projectId) {
    Contracts.Scan s = contracts.scan(projectId);
    return Response.ok(s.content(), "application/pdf")
        .header("Content-Disposition", ContentDisposition.inline(s.fileName()))
        .build();
  }

  @POST
  @Path("/{projectId}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.UNIT_ADMIN)
  public Response review(@PathParam("projectId") long projectId, Contracts.ReviewForm body) {
    return Response.ok(contracts.review(projectId, body)).build();
  }

  @POST
  @Path("/{projectId}/scan")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @MaxBody(Contracts.MAX_SCAN_BYTES)
  @Allow(Role.UNIT_ADMIN)
  public Response upload(
      @PathParam("projectId") long projectId,
      @QueryParam("fileName") String fileName,
      InputStream content) {
    return Response.ok(contracts.upload(projectId, fileName, read(content))).build();
  }

  @POST
  @Path("/{projectId}/countersign")
  @Allow(Role.OFFICER)
  public Response countersign(@PathParam("projectId") long projectId) {
    return Response.ok(contracts.countersign(projectId)).build();
  }

  @POST
  @Path("/{projectId}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response returnScan(@PathParam("projectId") long projectId, Contracts.ReturnForm body) {
    return Response.ok(contracts.returnScan(projectId, body)).build();
  }

  @POST
  @Path("/{projectId}/changes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.UNIT_ADMIN)
  public Response requestChange(@PathParam("projectId") long projectId, Contracts.ChangeForm body) {
    return Response.status(Response.Status.CREATED)
        .entity(contracts.requestChange(projectId, body))
        .build();
  }

  @POST
  @Path("/{projectId}/changes/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response decide(
      @PathParam("projectId") long projectId,
      @PathParam("id") long id,
      Contracts.DecisionForm body) {
    return Response.ok(contracts.decide(projectId, id, body)).build();
  }

  private static byte[] read(InputStream in) {
    try (in) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
