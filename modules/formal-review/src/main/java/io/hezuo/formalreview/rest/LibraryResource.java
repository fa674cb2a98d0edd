package io.hezuo.formalreview.rest;

import io.hezuo.formalreview.service.Library;
import io.hezuo.formalreview.service.LibraryImports;
import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportReport;
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
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * The library of earlier projects over REST: {@code POST /api/v1/formal-review/library/imports}
 * starts an import of a zip of PDF, DOCX and TXT files as a batch job (officers; {@code
 * ?fileName=&chunk=&pauseMillis=}; 202 with the job and its {@code Location}); {@code GET
 * …/library/imports/{id}} reads its progress and per-file report (status RUNNING, then DONE when
 * every file was read and the documents were stored, or REFUSED when a file could not be read and
 * nothing was stored); {@code POST …/imports/{id}/stop} stops it after the current chunk and {@code
 * POST …/imports/{id}/resume} resumes a stopped or stalled one from its last checkpoint; {@code GET
 * …/library/imports/latest} the latest import (204 when none); {@code GET …/library} says how many
 * documents it holds (officers, formal reviewers).
 */
@Path("/v1/formal-review/library")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

  @Inject Library library;
  @Inject LibraryImports imports;

  @POST
  @Path("/imports")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Allow(Role.OFFICER)
  @MaxBody(LibraryImports.MAX_ZIP)
  public Response startImport(
      InputStream content,
      @QueryParam("fileName") String fileName,
      @QueryParam("chunk") Integer chunk,
      @QueryParam("pauseMillis") Integer pauseMillis) {
    ImportJobView job = imports.start(content, fileName, chunk, pauseMillis);
    return Response.status(202)
        .location(URI.create("v1/formal-review/library/imports/" + job.id()))
        .entity(ImportReport.of(job, imports.report(job.id())))
        .build();
  }

  @GET
  @Path("/imports/{id}")
  @Allow(Role.OFFICER)
  public Response readImport(@PathParam("id") long id) {
    return Response.ok(ImportReport.of(imports.view(id), imports.report(id))).build();
  }

  @POST
  @Path("/imports/{id}/stop")
  @Allow(Role.OFFICER)
  public Response stopImport(@PathParam("id") long id) {
    return Response.ok(ImportReport.of(imports.stop(id), imports.report(id))).build();
  }

  @POST
  @Path("/imports/{id}/resume")
  @Allow(Role.OFFICER)
  public Response resumeImport(@PathParam("id") long id) {
    return Response.ok(ImportReport.of(imports.resume(id), imports.report(id))).build();
  }

  @GET
  @Path("/imports/latest")
  @Allow(Role.OFFICER)
  public Response latestImport() {
    return imports
        .latest()
        .map(j -> Response.ok(ImportReport.of(j, imports.report(j.id()))).build())
        .orElse(Response.noContent().build());
  }

  @GET
  @Allow({Role.OFFICER, Role.FORMAL_REVIEWER})
  public Response count() {
    return Response.ok(Map.of("documents", library.count())).build();
  }
}
