package io.hezuo.directory.rest;

import io.hezuo.directory.api.OtherPlanPiView;
import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.directory.domain.XlsxImport;
import io.hezuo.directory.service.OtherPlansImports;
import io.hezuo.directory.service.OtherPlansService;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportReport;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.MaxBody;
import io.hezuo.kernel.security.Public;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The applicant lists of other plans over REST (G2): {@code GET
 * /api/v1/directory/other-plans?year=&kind=&q=&first=&max=} and {@code GET …/summary} for OFFICER
 * and FORMAL_REVIEWER (never public: ID numbers are masked, names are personal data), {@code GET
 * …/template} (the empty .xlsx), and {@code POST …} with the .xlsx as the raw body (OFFICER; {@code
 * ?fileName=&note=&chunk=&pauseMillis=}), which starts an import job (202 with the job and its
 * {@code Location}; 413 over the size limit); {@code GET …/imports/{id}} and {@code
 * …/imports/latest} read an import's progress, its problems by cell when REFUSED, and what it
 * replaced when DONE (OFFICER).
 */
@Path("/v1/directory/other-plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OtherPlansResource {

  /**
   * An import: the job with its progress and its problems by cell ({@code job.items}: the cell is
   * the line's name), and when it is DONE what it replaced.
   */
  public record ImportJson(ImportReport job, OtherPlansImports.Outcome outcome) {}

  /** One page of the list. */
  public record Page(long total, int first, int max, List<OtherPlanPiView> items) {}

  @Inject OtherPlansService service;
  @Inject OtherPlansImports imports;

  @GET
  @Allow({Role.OFFICER, Role.FORMAL_REVIEWER})
  public Response list(
      @QueryParam("year") Integer year,
      @QueryParam("kind") String kind,
      @QueryParam("q") String q,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    int from = Math.max(0, first);
    int size = Math.min(500, Math.max(1, max));
    return Response.ok(
            new Page(
                service.count(year, kind, q),
                from,
                size,
                service.search(year, kind, q, from, size)))
        .build();
  }

  @GET
  @Path("/summary")
  @Allow({Role.OFFICER, Role.FORMAL_REVIEWER})
  public Response summary() {
    return Response.ok(service.summary()).build();
  }

  @GET
  @Path("/template")
  @Produces(XlsxImport.CONTENT_TYPE)
  @Public
  public Response template() {
    return XlsxImportResponses.template(service.template(), "other-plans-template.xlsx");
  }

  @POST
  @Consumes({XlsxImport.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM})
  @Allow(Role.OFFICER)
  @MaxBody(OtherPlansWorkbook.MAX_BYTES)
  public Response importWorkbook(
      InputStream body,
      @HeaderParam("Content-Length") @DefaultValue("-1") long length,
      @QueryParam("fileName") String fileName,
      @QueryParam("note") String note,
      @QueryParam("chunk") Integer chunk,
      @QueryParam("pauseMillis") Integer pauseMillis) {
    Response tooLarge = XlsxImportResponses.tooLarge(OtherPlansWorkbook.IMPORT, length);
    if (tooLarge != null) {
      return tooLarge;
    }
    ImportJobView job = imports.start(body, fileName, note, chunk, pauseMillis);
    return Response.status(202)
        .location(URI.create("v1/directory/other-plans/imports/" + job.id()))
        .entity(json(job))
        .build();
  }

  @GET
  @Path("/imports/{id}")
  @Allow(Role.OFFICER)
  public Response readImport(@PathParam("id") long id) {
    return Response.ok(json(imports.view(id))).build();
  }

  @GET
  @Path("/imports/latest")
  @Allow(Role.OFFICER)
  public Response latestImport() {
    return imports
        .latest()
        .map(j -> Response.ok(json(j)).build())
        .orElse(Response.noContent().build());
  }

  private ImportJson json(ImportJobView job) {
    return new ImportJson(
        ImportReport.of(job, imports.report(job.id())), OtherPlansImports.outcome(job));
  }
}
