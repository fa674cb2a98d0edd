package io.hezuo.submission.rest;

import io.hezuo.kernel.message.MessageView;
import io.hezuo.kernel.rest.Problems;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.domain.AttachmentKind;
import io.hezuo.submission.service.ApplicationDocument;
import io.hezuo.submission.service.ApplicationMessages;
import io.hezuo.submission.service.ApplicationService;
import io.hezuo.submission.service.Attachments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

  @Inject ApplicationService applications;
  @Inject Attachments attachments;
  @Inject ApplicationDocument document;
  @Inject ApplicationMessages messages;

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
  public Response messages(@PathParam("id") long id) {
    return run(
        () -> Response.ok(messages.thread(id).stream().map(MessageJson::of).toList()).build());
  }

  /** The PI writes to the unit's admins; a unit admin writes to the PI. */
  @POST
  @Path("/applications/{id}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
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
  public Response create(NewApplication body) {
    return run(
        () ->
            Response.status(201)
                .entity(applications.createDraft(body == null ? null : body.lineCode()))
                .build());
  }

  @GET
  @Path("/applications")
  public Response mine() {
    return run(() -> Response.ok(applications.mine()).build());
  }

  @GET
  @Path("/applications/{id}")
  public Response get(@PathParam("id") long id) {
    return run(() -> Response.ok(applications.get(id)).build());
  }

  @PUT
  @Path("/applications/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response save(@PathParam("id") long id, ApplicationForm form) {
    if (form == null) {
      return Problems.of(
          400, "Bad request", "A JSON body (ApplicationForm) is required", List.of());
    }
    return run(() -> Response.ok(applications.save(id, form)).build());
  }

  @GET
  @Path("/applications/{id}/checks")
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
  public Response submit(@PathParam("id") long id, Submit body) {
    return run(
        () -> Response.ok(applications.submit(id, body == null ? -1 : body.version())).build());
  }

  @POST
  @Path("/applications/{id}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response withdraw(@PathParam("id") long id, Reason body) {
    return run(
        () -> Response.ok(applications.withdraw(id, body == null ? null : body.reason())).build());
  }

  @POST
  @Path("/applications/{id}/attachments")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  public Response attach(
      @PathParam("id") long id,
      @QueryParam("kind") String kind,
      @QueryParam("fileName") String fileName,
      byte[] content) {
    AttachmentKind k;
    try {
      k = AttachmentKind.valueOf(kind);
    } catch (RuntimeException e) {
      return Problems.unprocessable(
          List.of(RuleViolation.error("F-REQ", "kind", "submission.attachment.kind")));
    }
    return run(() -> Response.ok(attachments.attach(id, k, fileName, content)).build());
  }

  @GET
  @Path("/applications/{id}/pdf")
  @Produces("application/pdf")
  public Response pdf(@PathParam("id") long id) {
    return run(
        () ->
            Response.ok(document.pdf(id), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"application-" + id + ".pdf\"")
                .build());
  }

  @GET
  @Path("/unit/applications")
  public Response ofMyUnit(
      @QueryParam("status") String status,
      @QueryParam("line") String line,
      @QueryParam("q") String text) {
    return run(() -> Response.ok(applications.ofMyUnit(status, line, text)).build());
  }

  @POST
  @Path("/applications/{id}/confirm")
  public Response confirm(@PathParam("id") long id) {
    return run(() -> Response.ok(applications.confirm(id)).build());
  }

  @POST
  @Path("/applications/{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response returnToPi(@PathParam("id") long id, Reason body) {
    return run(
        () ->
            Response.ok(applications.returnToPi(id, body == null ? null : body.reason())).build());
  }

  @POST
  @Path("/extensions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response extend(ExtensionRequest body) {
    // the role is checked first (in the service): a caller who may not extend learns nothing of
    // what the request lacks
    return run(
        () -> {
          applications.grantExtension(
              body == null ? 0 : body.organisationId(),
              body == null || body.until() == null
                  ? null
                  : LocalDateTime.parse(body.until()).atZone(Zones.SHANGHAI).toInstant(),
              body == null ? null : body.reason());
          return Response.noContent().build();
        });
  }

  private static Response run(Supplier<Response> action) {
    try {
      return action.get();
    } catch (RuleViolationException e) {
      boolean stale = e.violations().stream().anyMatch(v -> v.ruleId().equals("F-STALE"));
      return stale
          ? Problems.of(409, "Conflict", "Saved elsewhere since / 已在别处保存", e.violations())
          : Problems.unprocessable(e.violations());
    } catch (SecurityException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      return m.startsWith("no application")
          ? Problems.of(404, "Not found", "No such application / 没有该申报书", List.of())
          : Problems.forbidden(m);
    } catch (java.time.format.DateTimeParseException e) {
      return Problems.of(400, "Bad request", e.getMessage(), List.of());
    }
  }
}
