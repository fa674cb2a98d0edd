package io.hezuo.scoring.rest;

import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.ScoreSheet;
import io.hezuo.scoring.service.ScoreSheets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The lines' score sheets over REST: {@code GET /api/v1/scoring/sheets} (officers: every line of
 * the current call, configured or the standard sheet), {@code GET …/sheets/{line}} (officers and
 * experts) and {@code PUT …/sheets/{line}} (officers; {@code {"version", "reason", "sheet":
 * {"criteria": [{"code", "nameZh", "nameEn", "weight", "min", "max", "descriptors": [{"from", "to",
 * "zh", "en"}]}], "commentRequired", "minComment"}}}; 422 naming each field and rule F-SHEET when
 * the sheet is not sound, F-STALE when someone changed it since {@code version}).
 */
@Path("/v1/scoring/sheets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScoreSheetResource {

  @Inject ScoreSheets sheets;

  /** A band of a criterion as sent. */
  public record BandJson(Integer from, Integer to, String zh, String en) {}

  /** A criterion as sent. */
  public record CriterionJson(
      String code,
      String nameZh,
      String nameEn,
      Integer weight,
      Integer min,
      Integer max,
      List<BandJson> descriptors) {}

  /** A sheet as sent. */
  public record SheetJson(
      List<CriterionJson> criteria, Boolean commentRequired, Integer minComment) {}

  /** A change of a line's sheet: the version read, the reason, the new sheet. */
  public record Change(Long version, String reason, SheetJson sheet) {}

  @GET
  @Allow(Role.OFFICER)
  public Response all() {
    return Response.ok(sheets.all()).build();
  }

  @GET
  @Path("/{line}")
  @Allow({Role.OFFICER, Role.EXPERT})
  public Response one(@PathParam("line") String line) {
    return Response.ok(sheets.of(line)).build();
  }

  @PUT
  @Path("/{line}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response change(@PathParam("line") String line, Change body) {
    Change c = body == null ? new Change(null, null, null) : body;
    return Response.ok(
            sheets.save(line, sheet(c.sheet()), c.version() == null ? -1 : c.version(), c.reason()))
        .build();
  }

  /** The sheet as the domain reads it; a missing number becomes one no rule accepts. */
  static ScoreSheet sheet(SheetJson s) {
    if (s == null || s.criteria() == null) {
      return new ScoreSheet(List.of(), true, 0);
    }
    return new ScoreSheet(
        s.criteria().stream()
            .map(
                c ->
                    new ScoreSheet.Criterion(
                        c.code(),
                        c.nameZh(),
                        c.nameEn(),
                        n(c.weight()),
                        n(c.min()),
                        n(c.max()),
                        c.descriptors() == null
                            ? List.of()
                            : c.descriptors().stream()
                                .map(
                                    b ->
                                        new ScoreSheet.Descriptor(
                                            n(b.from()), n(b.to()), b.zh(), b.en()))
                                .toList()))
            .toList(),
        s.commentRequired() == null || s.commentRequired(),
        s.minComment() == null ? 0 : s.minComment());
  }

  private static int n(Integer x) {
    return x == null ? -1 : x;
  }
}
