package io.hezuo.scoring.rest;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportReport;
import io.hezuo.kernel.rest.ContentDisposition;
import io.hezuo.kernel.rest.Problems;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.MaxBody;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.ExpertWorkbook;
import io.hezuo.scoring.service.ExpertImportWork;
import io.hezuo.scoring.service.ExpertImports;
import io.hezuo.scoring.service.ExpertPool;
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
 * The expert pool over REST (officers): {@code GET /api/v1/scoring/experts?q=&field=&city=&active=
 * &first=&max=} (a page, ID numbers masked), {@code GET …/export} (the same search as .xlsx),
 * {@code GET …/template} (the import's .xlsx with its headers and an example row), {@code POST
 * …/imports} with the .xlsx as the raw body ({@code ?fileName=&note=&chunk=&pauseMillis=}: 202 with
 * the job and its {@code Location}; 413 over the size limit), {@code GET …/imports/{id}} and {@code
 * …/imports/latest} (the progress, and when REFUSED each problem by row and column with its rule,
 * in Chinese and English; when DONE how many were added, updated and given an account), and {@code
 * POST …/{id}/deactivate} and {@code …/{id}/activate} with {@code {"reason"}} (422 F-REQ without a
 * reason).
 */
@Path("/v1/scoring/experts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExpertPoolResource {

  @Inject ExpertPool pool;
  @Inject ExpertImports imports;

  /** A deactivation or reactivation: why. */
  public record Reason(String reason) {}

  /** A problem of an import: where (row 0: the whole file), which rule, what, in both languages. */
  public record ProblemJson(
      int row,
      String column,
      String columnZh,
      String columnEn,
      String cell,
      String ruleId,
      String messageZh,
      String messageEn) {}

  /** An import: the job with its progress, its problems by row and column, what it did. */
  public record ImportJson(
      ImportReport job, List<ProblemJson> problems, ExpertImportWork.Outcome outcome) {}

  @GET
  @Allow(Role.OFFICER)
  public Response list(
      @QueryParam("q") String q,
      @QueryParam("field") String field,
      @QueryParam("city") String city,
      @QueryParam("active") Boolean active,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    return Response.ok(pool.search(new ExpertPool.Search(q, field, city, active), first, max))
        .build();
  }

  @GET
  @Path("/export")
  @Produces(ExpertWorkbook.CONTENT_TYPE)
  @Allow(Role.OFFICER)
  public Response export(
      @QueryParam("q") String q,
      @QueryParam("field") String field,
      @QueryParam("city") String city,
      @QueryParam("active") Boolean active) {
    return Response.ok(
            pool.export(new ExpertPool.Search(q, field, city, active)), ExpertWorkbook.CONTENT_TYPE)
        .header("Content-Disposition", ContentDisposition.attachment("experts.xlsx"))
        .build();
  }

  @GET
  @Path("/template")
  @Produces(ExpertWorkbook.CONTENT_TYPE)
  @Allow(Role.OFFICER)
  public Response template() {
    return Response.ok(imports.template(), ExpertWorkbook.CONTENT_TYPE)
        .header("Content-Disposition", ContentDisposition.attachment("expert-pool-template.xlsx"))
        .build();
  }

  @POST
  @Path("/imports")
  @Consumes({ExpertWorkbook.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM})
  @Allow(Role.OFFICER)
  @MaxBody(ExpertWorkbook.MAX_BYTES)
  public Response importWorkbook(
      InputStream body,
      @HeaderParam("Content-Length") @DefaultValue("-1") long length,
      @QueryParam("fileName") String fileName,
      @QueryParam("note") String note,
      @QueryParam("chunk") Integer chunk,
      @QueryParam("pauseMillis") Integer pauseMillis) {
    if (length > ExpertWorkbook.MAX_BYTES) {
      return Problems.of(
          413,
          "Content too large",
          "The file is larger than the limit / 文件超过大小限制",
          List.of(
              RuleViolation.error(
                  ExpertWorkbook.RULE,
                  "file",
                  "scoring.pool.file.tooLarge",
                  ExpertWorkbook.MAX_BYTES / (1024 * 1024))));
    }
    ImportJobView job = imports.start(body, fileName, note, chunk, pauseMillis);
    return Response.status(202)
        .location(URI.create("v1/scoring/experts/imports/" + job.id()))
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

  @POST
  @Path("/{id}/deactivate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response deactivate(@PathParam("id") long id, Reason body) {
    return Response.ok(pool.deactivate(id, body == null ? null : body.reason())).build();
  }

  @POST
  @Path("/{id}/activate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response activate(@PathParam("id") long id, Reason body) {
    return Response.ok(pool.activate(id, body == null ? null : body.reason())).build();
  }

  private ImportJson json(ImportJobView job) {
    var items = imports.items(job.id());
    List<ProblemJson> problems =
        items.stream()
            .map(ExpertImports.Problem::of)
            .map(
                p ->
                    new ProblemJson(
                        p.row(),
                        p.column(),
                        p.columnZh(),
                        p.columnEn(),
                        p.cell(),
                        p.ruleId(),
                        Messages.get(Messages.CHINESE, p.messageKey(), p.arguments()),
                        Messages.get(Messages.ENGLISH, p.messageKey(), p.arguments())))
            .toList();
    return new ImportJson(ImportReport.of(job, items), problems, ExpertImports.outcome(job));
  }
}
