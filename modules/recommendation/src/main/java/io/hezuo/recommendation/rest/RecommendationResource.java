package io.hezuo.recommendation.rest;

import io.hezuo.kernel.error.BadRequestException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rest.ContentDisposition;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.MaxBody;
import io.hezuo.kernel.security.Role;
import io.hezuo.recommendation.api.SummaryTable;
import io.hezuo.recommendation.service.QuotaAdmin;
import io.hezuo.recommendation.service.RecommendationDocuments;
import io.hezuo.recommendation.service.Recommendations;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Recommendation over REST, under the same checks as the screens: {@code /api/v1/recommendation}. A
 * recommending unit works on its own area's applications (an id outside it answers 404, like one
 * that does not exist); the Department sets quotas, follows the dashboard, reopens and reminds.
 */
@Path("/v1/recommendation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Body of the decisions that need a reason. */
  public record Reason(String reason) {}

  /** Body of a ranking: every recommended application of the group, first to last. */
  public record Order(List<Long> order) {}

  /** Body of a quota. */
  public record Places(Integer places, String reason) {}

  /** Body of a reopening: the new deadline as Asia/Shanghai local date-time, and why. */
  public record Reopen(String until, String reason) {}

  /** Body of a reminder. */
  public record Note(String note) {}

  @Inject Recommendations recommendations;
  @Inject RecommendationDocuments documents;
  @Inject QuotaAdmin admin;

  // ---- the recommending unit

  @GET
  @Path("/round")
  @Allow(Role.RECOMMENDER)
  public Response round() {
    return Response.ok(recommendations.round()).build();
  }

  @GET
  @Path("/applications")
  @Allow(Role.RECOMMENDER)
  public Response applications(
      @QueryParam("line") String line,
      @QueryParam("status") String status,
      @QueryParam("text") String text,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > ApplicationQuery.MAX_SIZE) {
      throw new BadRequestException("page ≥ 0, size 1…" + ApplicationQuery.MAX_SIZE);
    }
    ApplicationQuery q =
        new ApplicationQuery(
            null, line, status, null, null, text, page, size, ApplicationQuery.Sort.ID, false);
    return Response.ok(recommendations.find(q)).build();
  }

  @GET
  @Path("/applications/{id}")
  @Allow(Role.RECOMMENDER)
  public Response application(@PathParam("id") long id) {
    return Response.ok(recommendations.read(id)).build();
  }

  @GET
  @Path("/applications/{id}/decision")
  @Allow(Role.RECOMMENDER)
  public Response decision(@PathParam("id") long id) {
    return recommendations
        .decision(id)
        .map(d -> Response.ok(d).build())
        .orElse(Response.noContent().build());
  }

  @GET
  @Path("/applications/{id}/attachments/{aid}")
  @Produces("application/pdf")
  @Allow(Role.RECOMMENDER)
  public Response attachment(@PathParam("id") long id, @PathParam("aid") long aid) {
    ApplicationLifecycle.AttachmentContent f = recommendations.attachment(id, aid);
    return Response.ok(f.content(), "application/pdf")
        .header("Content-Disposition", ContentDisposition.inline(f.fileName()))
        .build();
  }

  @POST
  @Path("/applications/{id}/recommend")
  @Allow(Role.RECOMMENDER)
  public Response recommend(@PathParam("id") long id) {
    return Response.ok(recommendations.recommend(id)).build();
  }

  @POST
  @Path("/applications/{id}/not-recommend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.RECOMMENDER)
  public Response notRecommend(@PathParam("id") long id, Reason body) {
    return Response.ok(recommendations.notRecommend(id, body == null ? null : body.reason()))
        .build();
  }

  @POST
  @Path("/applications/{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.RECOMMENDER)
  public Response returnForRevision(@PathParam("id") long id, Reason body) {
    return Response.ok(recommendations.returnForRevision(id, body == null ? null : body.reason()))
        .build();
  }

  @POST
  @Path("/applications/{id}/reconsider")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.RECOMMENDER)
  public Response reconsider(@PathParam("id") long id, Reason body) {
    recommendations.reconsider(id, body == null ? null : body.reason());
    return Response.noContent().build();
  }

  @GET
  @Path("/ranking/{group}")
  @Allow(Role.RECOMMENDER)
  public Response ranking(@PathParam("group") String group) {
    return Response.ok(recommendations.ranking(group)).build();
  }

  @PUT
  @Path("/ranking/{group}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.RECOMMENDER)
  public Response rank(@PathParam("group") String group, Order body) {
    return Response.ok(recommendations.rank(group, body == null ? null : body.order())).build();
  }

  @GET
  @Path("/summary")
  @Allow(Role.RECOMMENDER)
  public Response summary() {
    return Response.ok(documents.summary()).build();
  }

  @GET
  @Path("/summary.xlsx")
  @Produces(XLSX)
  @Allow(Role.RECOMMENDER)
  public Response summaryXlsx(@QueryParam("lang") String lang) {
    SummaryTable t = documents.summary();
    return Response.ok(documents.summaryXlsx(t, locale(lang)), XLSX)
        .header("Content-Disposition", ContentDisposition.attachment("推荐汇总表.xlsx"))
        .build();
  }

  @GET
  @Path("/summary.pdf")
  @Produces("application/pdf")
  @Allow(Role.RECOMMENDER)
  public Response summaryPdf(@QueryParam("lang") String lang) {
    SummaryTable t = documents.summary();
    return Response.ok(documents.summaryPdf(t, locale(lang)), "application/pdf")
        .header("Content-Disposition", ContentDisposition.attachment("推荐汇总表.pdf"))
        .build();
  }

  /** Uploads a stamped PDF ({@code LETTER}, {@code SUMMARY}, {@code COMMITMENT}). */
  @POST
  @Path("/documents/{kind}")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @MaxBody(RecommendationDocuments.MAX_BYTES)
  @Allow(Role.RECOMMENDER)
  public Response upload(
      @PathParam("kind") String kind,
      @QueryParam("fileName") String fileName,
      InputStream content) {
    // the caller's unit is checked before a byte of the body is read
    recommendations.round();
    return Response.ok(documents.upload(kind, fileName, read(content))).build();
  }

  @GET
  @Path("/documents/{id}")
  @Produces("application/pdf")
  @Allow({Role.RECOMMENDER, Role.OFFICER})
  public Response document(@PathParam("id") long id) {
    RecommendationDocuments.Download d = documents.document(id);
    return Response.ok(d.content(), "application/pdf")
        .header("Content-Disposition", ContentDisposition.inline(d.fileName()))
        .build();
  }

  @POST
  @Path("/submit")
  @Allow(Role.RECOMMENDER)
  public Response submit() {
    return Response.ok(recommendations.submit()).build();
  }

  // ---- the Department

  @GET
  @Path("/quotas")
  @Allow(Role.OFFICER)
  public Response quotas() {
    return Response.ok(admin.quotas()).build();
  }

  @PUT
  @Path("/quotas/{recommenderId}/{group}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response setQuota(
      @PathParam("recommenderId") long recommenderId,
      @PathParam("group") String group,
      Places body) {
    if (body == null || body.places() == null) {
      throw new io.hezuo.kernel.rule.RuleViolationException(
          io.hezuo.kernel.rule.RuleViolation.error(
              "R1", "places", "recommendation.quota.placesRange", 10_000));
    }
    admin.setQuota(recommenderId, group, body.places(), body.reason());
    return Response.noContent().build();
  }

  /** Imports quotas from an Excel workbook (all or nothing; 422 with the rows' errors). */
  @POST
  @Path("/quotas/import")
  @Consumes({XLSX, MediaType.APPLICATION_OCTET_STREAM})
  @MaxBody(5L * 1024 * 1024)
  @Allow(Role.OFFICER)
  public Response importQuotas(@QueryParam("lang") String lang, InputStream content) {
    var report = admin.importQuotas(read(content), locale(lang));
    return Response.status(report.imported() ? 200 : 422).entity(report).build();
  }

  @GET
  @Path("/dashboard")
  @Allow(Role.OFFICER)
  public Response dashboard() {
    return Response.ok(admin.dashboard()).build();
  }

  @POST
  @Path("/recommenders/{id}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response reopen(@PathParam("id") long id, Reopen body) {
    java.time.Instant until = null;
    if (body != null && body.until() != null && !body.until().isBlank()) {
      try {
        until =
            LocalDateTime.parse(body.until().trim())
                .atZone(io.hezuo.kernel.time.Zones.SHANGHAI)
                .toInstant();
      } catch (DateTimeParseException e) {
        throw new io.hezuo.kernel.rule.RuleViolationException(
            io.hezuo.kernel.rule.RuleViolation.error(
                "D1", "until", "recommendation.reopen.untilFuture"));
      }
    }
    admin.reopen(id, until, body == null ? null : body.reason());
    return Response.noContent().build();
  }

  @POST
  @Path("/recommenders/{id}/remind")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response remind(@PathParam("id") long id, Note body) {
    admin.remind(id, body == null ? null : body.note());
    return Response.noContent().build();
  }

  @GET
  @Path("/recommenders/{id}/summary.pdf")
  @Produces("application/pdf")
  @Allow(Role.OFFICER)
  public Response summaryOf(@PathParam("id") long id, @QueryParam("lang") String lang) {
    SummaryTable t = documents.summaryOf(id);
    return Response.ok(documents.summaryPdf(t, locale(lang)), "application/pdf")
        .header("Content-Disposition", ContentDisposition.attachment("推荐汇总表.pdf"))
        .build();
  }

  private static Locale locale(String lang) {
    return "en".equalsIgnoreCase(lang) ? Messages.ENGLISH : Messages.CHINESE;
  }

  private static byte[] read(InputStream in) {
    try (in) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
