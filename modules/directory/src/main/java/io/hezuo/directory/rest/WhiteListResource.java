package io.hezuo.directory.rest;

import io.hezuo.directory.api.PlatformView;
import io.hezuo.directory.domain.WhiteListWorkbook;
import io.hezuo.directory.domain.XlsxImport;
import io.hezuo.directory.service.WhiteListService;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * The white list over REST: {@code GET /api/v1/directory/whitelist?q=&first=&max=} (public; never
 * the members' ID numbers), {@code GET …/template} (the empty .xlsx), and {@code POST …} with the
 * .xlsx as the raw body (OFFICER; {@code ?fileName=&note=}), under the same checks as the screen.
 */
@Path("/v1/directory/whitelist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WhiteListResource {

  /** One page of the list. */
  public record Page(long total, int first, int max, List<PlatformView> items) {}

  @Inject WhiteListService service;

  @GET
  @Public
  public Page list(
      @QueryParam("q") String q,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    int from = Math.max(0, first);
    int size = Math.min(500, Math.max(1, max));
    return new Page(service.count(q), from, size, service.search(q, from, size));
  }

  @GET
  @Path("/template")
  @Produces(XlsxImport.CONTENT_TYPE)
  @Public
  public Response template() {
    return XlsxImportResponses.template(service.template(), "whitelist-template.xlsx");
  }

  @POST
  @Consumes({XlsxImport.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM})
  @Allow(Role.OFFICER)
  @MaxBody(WhiteListWorkbook.MAX_BYTES)
  public Response importWorkbook(
      InputStream body,
      @HeaderParam("Content-Length") @DefaultValue("-1") long length,
      @QueryParam("fileName") String fileName,
      @QueryParam("note") String note) {
    return XlsxImportResponses.imported(
        WhiteListWorkbook.IMPORT, length, () -> service.importWorkbook(body, fileName, note));
  }
}
