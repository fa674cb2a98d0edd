package io.hezuo.formalreview.rest;

import io.hezuo.formalreview.service.Library;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.MaxBody;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The library of earlier projects over REST: {@code POST /api/v1/formal-review/library} imports a
 * zip of PDF, DOCX and TXT files (officers; all or nothing: 200 with the per-file report when
 * stored, 422 with it when a file was refused and nothing was stored); {@code GET …/library} says
 * how many documents it holds (officers, formal reviewers).
 */
@Path("/v1/formal-review/library")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

  /** The largest zip accepted. */
  static final long MAX_ZIP = 200L * 1024 * 1024;

  @Inject Library library;

  /** One file of the report, its reason in both languages. */
  public record FileJson(String file, String outcome, String messageZh, String messageEn) {}

  /** The report of an import. */
  public record ReportJson(boolean imported, int stored, int skipped, List<FileJson> files) {}

  @POST
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Allow(Role.OFFICER)
  @MaxBody(MAX_ZIP)
  public Response importZip(InputStream content) throws IOException {
    Library.Report r = library.importZip(content == null ? null : content.readAllBytes());
    return Response.status(r.imported() ? 200 : 422).entity(json(r)).build();
  }

  @GET
  @Allow({Role.OFFICER, Role.FORMAL_REVIEWER})
  public Response count() {
    return Response.ok(Map.of("documents", library.count())).build();
  }

  static ReportJson json(Library.Report r) {
    return new ReportJson(
        r.imported(),
        r.stored(),
        r.skipped(),
        r.files().stream()
            .map(
                f ->
                    new FileJson(
                        f.file(),
                        f.outcome(),
                        Messages.get(Messages.CHINESE, f.messageKey()),
                        Messages.get(Messages.ENGLISH, f.messageKey())))
            .toList());
  }
}
