package io.hezuo.submission.rest;

import io.hezuo.kernel.error.BadRequestException;
import io.hezuo.kernel.message.MessageView;
import io.hezuo.kernel.rest.ContentDisposition;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.MaxBody;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationQuery;
import io.hezuo.submission.document.PdfAttachmentCheck;
import io.hezuo.submission.domain.AttachmentKind;
import io.hezuo.submission.service.ApplicationDocument;
import io.hezuo.submission.service.ApplicationMessages;
import io.hezuo.submission.service.ApplicationSearch;
import io.hezuo.submission.service.Applications;
import io.hezuo.submission.service.AttachmentFiles;
import io.hezuo.submission.service.Attachments;
import io.hezuo.submission.service.Extensions;
import io.hezuo.submission.service.PiApplications;
import io.hezuo.submission.service.UnitApplications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * Applications over REST, under the same checks, roles and ownership as the screens: {@code
 * /api/v1/submission/applications}. Errors are {@code application/problem+json} listing every
 * violated rule; an id that is not the caller's answers 404, exactly like one that does not exist.
 */
@Path("/v1/submission")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

  /** Body of a create call. */
  public record NewApplication(String lineCode) {}

  /** Body of submit. */
  public record Submit(long version) {}

  /** Body of withdraw, return and extension calls. */
  public record Reason(String reason) {}

  /** Body of an extension: organisation, new deadline as Asia/Shanghai local date-time. */
  public record ExtensionRequest(long organisationId, String until, String reason) {}

  @Inject Applications applications;
  @Inject PiApplications pi;
  @Inject UnitApplications unit;
  @Inject Extensions extensions;
  @Inject Attachments attachments;
  @Inject ApplicationDocument document;
  @Inject ApplicationMessages messages;
  @Inject AttachmentFiles files;
  @Inject ApplicationSearch search;

  /** Body of a message. */
  public record NewMessage(String body) {}

  /** A message as the API shows it: a notice of the system has no sender. */
  public record MessageJson(
      long id,
      String at,
      String sender,
      String senderName,
      String senderRole,
      boolean notice,
      String textZh,
      String textEn) {

    static MessageJson of(MessageView m) {
      return new MessageJson(
          m.id(),
          m.at().toString(),
          m.senderUsername(),
          m.senderName(),
          m.senderRole(),
          m.isNotice(),
          m.text(io.hezuo.kernel.i18n.Messages.CHINESE),
          m.text(io.hezuo.kernel.i18n.Messages.ENGLISH));
    }
  }

  /** The application's messages, oldest first, for whoever may read the application. */
  @GET
  @Path("/applications/{id}/messages")
  @Allow({Role.APPLICANT, Role.UNIT_ADMIN})
  public Response messages(@PathParam("id") long id) {
    return run(
        () -> Response.ok(messages.thread(id).stream().map(MessageJson::of).toList()).build());
  }

  /** The PI writes to the unit's admins; a unit admin writes to the PI. */
  @POST
  @Path("/applications/{id}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow({Role.APPLICANT, Role.UNIT_ADMIN})
  public Response write(@PathParam("id") long id, NewMessage body) {
    return run(
        () ->
            Response.status(201)
                .entity(MessageJson.of(messages.write(id, body == null ? null : body.body())))
                .build());
  }

  @POST
  @Path("/applications")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.APPLICANT)
  public Response create(NewApplication body) {
    return run(
        () ->
            Response.status(201)
                .entity(pi.createDraft(body == null ? null : body.lineCode()))
                .build());
  }

  @GET
  @Path("/applications")
  @Allow(Role.APPLICANT)
  public Response mine() {
    return run(() -> Response.ok(pi.mine()).build());
  }

  @GET
  @Path("/applications/{id}")
  @Allow({Role.APPLICANT, Role.UNIT_ADMIN, Role.OFFICER, Role.FORMAL_REVIEWER})
  public Response get(@PathParam("id") long id) {
    return run(() -> Response.ok(applications.get(id)).build());
  }

  @PUT
  @Path("/applications/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.APPLICANT)
  public Response save(
      @PathParam("id") long id, @HeaderParam("Prefer") String prefer, ApplicationForm form) {
    if (form == null) {
      throw new BadRequestException("A JSON body (ApplicationForm) is required");
    }
    // RFC 7240: an autosaving client needs only the new version
    if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("return=minimal")) {
      return run(
          () ->
              Response.ok(pi.saveDraft(id, form))
                  .header("Preference-Applied", "return=minimal")
                  .build());
    }
    return run(() -> Response.ok(pi.save(id, form)).build());
  }

  @GET
  @Path("/applications/{id}/checks")
  @Allow({Role.APPLICANT, Role.UNIT_ADMIN})
  public Response checks(@PathParam("id") long id) {
    return run(
        () -> {
          List<RuleViolation> vs = applications.check(id);
          JsonArrayBuilder list = Json.createArrayBuilder();
          for (RuleViolation v : vs) {
            list.add(
                Json.createObjectBuilder()
                    .add("ruleId", v.ruleId())
                    .add("severity", v.severity().name())
                    .add("field", v.field() == null ? "" : v.field())
                    .add(
                        "message_zh",
                        io.hezuo.kernel.i18n.Messages.describe(
                            io.hezuo.kernel.i18n.Messages.CHINESE, v))
                    .add(
                        "message_en",
                        io.hezuo.kernel.i18n.Messages.describe(
                            io.hezuo.kernel.i18n.Messages.ENGLISH, v)));
          }
          return Response.ok(
                  Json.createObjectBuilder()
                      .add("canSubmit", vs.stream().noneMatch(RuleViolation::isError))
                      .add("violations", list)
                      .build()
                      .toString())
              .build();
        });
  }

  @POST
  @Path("/applications/{id}/submit")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.APPLICANT)
  public Response submit(@PathParam("id") long id, Submit body) {
    return run(() -> Response.ok(pi.submit(id, body == null ? -1 : body.version())).build());
  }

  @POST
  @Path("/applications/{id}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.APPLICANT)
  public Response withdraw(@PathParam("id") long id, Reason body) {
    return run(() -> Response.ok(pi.withdraw(id, body == null ? null : body.reason())).build());
  }

  @POST
  @Path("/applications/{id}/attachments")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @Allow(Role.APPLICANT)
  @MaxBody(PdfAttachmentCheck.MAX_BYTES)
  public Response attach(
      @PathParam("id") long id,
      @QueryParam("kind") String kind,
      @QueryParam("fileName") String fileName,
      InputStream content) {
    // the body is a stream: the service checks the caller's ownership and the name before it
    // reads a byte of it
    AttachmentKind k;
    try {
      k = AttachmentKind.valueOf(kind);
    } catch (RuntimeException e) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "kind", "submission.attachment.kind"));
    }
    return Response.ok(attachments.attach(id, k, fileName, content)).build();
  }

  @GET
  @Path("/applications/{id}/pdf")
  @Produces("application/pdf")
  @Allow({Role.APPLICANT, Role.UNIT_ADMIN, Role.OFFICER, Role.FORMAL_REVIEWER})
  public Response pdf(@PathParam("id") long id) {
    return run(
        () ->
            Response.ok(document.pdf(id), "application/pdf")
                .header(
                    "Content-Disposition", ContentDisposition.inline("application-" + id + ".pdf"))
                .build());
  }

  /**
   * An attachment's exact bytes, shown in the browser ({@code inline}) or saved ({@code
   * ?download=true}); for the PI, the PI's unit admin, officers and formal reviewers.
   */
  @GET
  @Path("/applications/{id}/attachments/{attachmentId}")
  @Produces("application/pdf")
  @Allow({Role.APPLICANT, Role.UNIT_ADMIN, Role.OFFICER, Role.FORMAL_REVIEWER})
  public Response attachment(
      @PathParam("id") long id,
      @PathParam("attachmentId") long attachmentId,
      @QueryParam("download") boolean download) {
    AttachmentFiles.File f = files.content(id, attachmentId);
    return Response.ok(f.content(), "application/pdf")
        .header(
            "Content-Disposition",
            download
                ? ContentDisposition.attachment(f.fileName())
                : ContentDisposition.inline(f.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  /**
   * Applications of the current call by criteria, a page at a time (officers and formal reviewers:
   * all; a unit admin: its unit's; a recommending unit: those of its units).
   */
  @GET
  @Path("/search")
  @Allow({Role.OFFICER, Role.FORMAL_REVIEWER, Role.UNIT_ADMIN, Role.RECOMMENDER})
  public Response search(
      @QueryParam("line") String line,
      @QueryParam("status") String status,
      @QueryParam("unit") Long unit,
      @QueryParam("recommender") Long recommender,
      @QueryParam("q") String text,
      @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
      @QueryParam("size") @jakarta.ws.rs.DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > ApplicationQuery.MAX_SIZE) {
      throw new BadRequestException("page ≥ 0, size 1…" + ApplicationQuery.MAX_SIZE);
    }
    return Response.ok(
            search.find(
                new ApplicationQuery(
                    null, line, status, unit, recommender, text, page, size, null, false)))
        .build();
  }

  @GET
  @Path("/unit/applications")
  @Allow(Role.UNIT_ADMIN)
  public Response ofMyUnit(
      @QueryParam("status") String status,
      @QueryParam("line") String line,
      @QueryParam("q") String text) {
    return run(() -> Response.ok(unit.ofMyUnit(status, line, text)).build());
  }

  @POST
  @Path("/applications/{id}/confirm")
  @Allow(Role.UNIT_ADMIN)
  public Response confirm(@PathParam("id") long id) {
    return run(() -> Response.ok(unit.confirm(id)).build());
  }

  @POST
  @Path("/applications/{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.UNIT_ADMIN)
  public Response returnToPi(@PathParam("id") long id, Reason body) {
    return run(() -> Response.ok(unit.returnToPi(id, body == null ? null : body.reason())).build());
  }

  @POST
  @Path("/extensions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response extend(ExtensionRequest body) {
    // the role is checked first (in the service): a caller who may not extend learns nothing of
    // what the request lacks
    return run(
        () -> {
          extensions.grantExtension(
              body == null ? 0 : body.organisationId(),
              body == null || body.until() == null ? null : until(body.until()),
              body == null ? null : body.reason());
          return Response.noContent().build();
        });
  }

  private static java.time.Instant until(String text) {
    try {
      return LocalDateTime.parse(text).atZone(Zones.SHANGHAI).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new RuleViolationException(
          RuleViolation.error("D1", "until", "submission.extensions.until"));
    }
  }

  /**
   * Runs an action; exceptions go to kernel's mappers (problem+json with the status of their type:
   * 401, 403, 404, 409, 413, 422).
   */
  private static Response run(Supplier<Response> action) {
    return action.get();
  }
}
