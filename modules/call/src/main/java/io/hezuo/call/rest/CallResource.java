package io.hezuo.call.rest;

import io.hezuo.call.api.CallAccessDeniedException;
import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.service.CallEdit;
import io.hezuo.call.service.CallEditing;
import io.hezuo.call.service.CatalogueSnapshot;
import io.hezuo.call.service.CatalogueSnapshots;
import io.hezuo.kernel.rest.Problems;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Public;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * The catalogue over REST, under {@code /api/v1/call}. Reading is public; {@code PUT /calls/{id}}
 * is the officer's edit with the same checks as the screen. Errors are {@code
 * application/problem+json} (RFC 9457) with a {@code violations} list.
 */
@Path("/v1/call")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

  static final String PROBLEM = Problems.TYPE;

  @Inject CallCatalogue catalogue;

  @Inject CallEditing editing;

  @Inject io.hezuo.call.service.PlatformHosting hosting;

  @Inject CatalogueSnapshots snapshots;

  /** How a client may keep the public catalogue: store it, but ask (with the ETag) before use. */
  static final String REVALIDATE = "no-cache";

  /**
   * The current call with all its lines, from the catalogue snapshot: the JSON built once per
   * version. {@code ETag} is the version stamp and a hash of the JSON; a request whose {@code
   * If-None-Match} names it gets 304 without a body. {@code Cache-Control: no-cache}: clients and
   * proxies may keep it but revalidate every time.
   */
  @GET
  @Path("calls/current")
  @Public
  public Response current(@HeaderParam("If-None-Match") String ifNoneMatch) {
    CatalogueSnapshot s = snapshots.current();
    if (s.call() == null) {
      return notFound("No call has been published / 暂无已发布的申报批次");
    }
    return cached(s, ifNoneMatch);
  }

  static Response cached(CatalogueSnapshot s, String ifNoneMatch) {
    if (s.matches(ifNoneMatch)) {
      return Response.notModified()
          .header(HttpHeaders.ETAG, s.etag())
          .header(HttpHeaders.CACHE_CONTROL, REVALIDATE)
          .build();
    }
    return Response.ok((StreamingOutput) s::writeJson, MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.ETAG, s.etag())
        .header(HttpHeaders.CACHE_CONTROL, REVALIDATE)
        .build();
  }

  @GET
  @Path("calls/{id}")
  @Public
  public Response call(@PathParam("id") long id, @HeaderParam("If-None-Match") String inm) {
    CatalogueSnapshot s = snapshots.current();
    if (s.call() != null && s.callId() == id) {
      return cached(s, inm);
    }
    return catalogue
        .find(id)
        .map(c -> Response.ok(c).build())
        .orElseGet(() -> notFound("No call " + id));
  }

  @GET
  @Path("calls/{id}/lines/{code}")
  @Public
  public Response line(@PathParam("id") long id, @PathParam("code") String code) {
    return catalogue
        .line(id, code)
        .map(l -> Response.ok(l).build())
        .orElseGet(() -> notFound("No line " + code + " in call " + id));
  }

  /**
   * The officer's edit: the body is a {@link CallEdit} (its callId is taken from the path). 200
   * with the call as it now is; 403 without the role OFFICER; 409 when someone else saved first
   * (C5); 422 when a rule refuses the input.
   */
  @PUT
  @Path("calls/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response edit(@PathParam("id") long id, CallEdit body) {
    if (body == null) {
      return problem(400, "Bad request", "A JSON body (CallEdit) is required", List.of());
    }
    CallEdit edit =
        new CallEdit(
            id,
            body.version(),
            body.submissionOpensAt(),
            body.submissionClosesAt(),
            body.recommendationClosesAt(),
            body.lines(),
            body.reason());
    try {
      CallView saved = editing.save(edit);
      return Response.ok(saved).build();
    } catch (CallAccessDeniedException e) {
      return problem(403, "Forbidden", e.getMessage(), List.of());
    } catch (RuleViolationException e) {
      boolean concurrent = e.violations().stream().anyMatch(v -> "C5".equals(v.ruleId()));
      return concurrent
          ? problem(409, "Conflict", "Changed by someone else / 已被他人修改", e.violations())
          : problem(
              422,
              "Unprocessable content",
              "The edit breaks one or more rules / 修改不符合规则",
              e.violations());
    } catch (IllegalArgumentException e) {
      return problem(400, "Bad request", e.getMessage(), List.of());
    }
  }

  /**
   * Body of a host unit to record: the platform's id, the unit's credit code, the rest optional.
   */
  public record NewHost(
      long platformId,
      String creditCode,
      String carrierName,
      String overseasCoBuilder,
      String reason) {}

  /** Body of a removal. */
  public record Removal(String reason) {}

  /** A recorded host unit as the API lists it. */
  public record HostJson(
      long id,
      String lineCode,
      String platformCode,
      long platformId,
      long organisationId,
      String organisationName,
      String creditCode,
      String carrierName,
      String overseasCoBuilder,
      String addedBy,
      String addedAt) {}

  /** The A2 platforms of the call with their ids, for recording hosts (public, like the guide). */
  @GET
  @Path("calls/{id}/platforms")
  @Public
  public Response platforms(@PathParam("id") long id) {
    return Response.ok(hosting.platforms(id)).build();
  }

  /** The recorded host units of the call's A2 platforms (officers). */
  @GET
  @Path("calls/{id}/platform-hosts")
  @Allow(Role.OFFICER)
  public Response hosts(@PathParam("id") long id) {
    try {
      return Response.ok(
              hosting.hosts(id).stream()
                  .map(
                      r ->
                          new HostJson(
                              r.host().id(),
                              r.host().lineCode(),
                              r.host().platformCode(),
                              r.platform().platformId(),
                              r.host().organisationId(),
                              r.unit() == null ? null : r.unit().name(),
                              r.unit() == null ? null : r.unit().creditCode(),
                              r.host().carrierName(),
                              r.host().overseasCoBuilder(),
                              r.host().addedBy(),
                              r.host().addedAt().toString()))
                  .toList())
          .build();
    } catch (CallAccessDeniedException e) {
      return problem(403, "Forbidden", e.getMessage(), List.of());
    }
  }

  /** Records a host unit: 201; 403 without OFFICER; 422 with C4/C8/C9/C10. */
  @POST
  @Path("platform-hosts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response addHost(NewHost body) {
    if (body == null) {
      return problem(400, "Bad request", "A JSON body (NewHost) is required", List.of());
    }
    try {
      return Response.status(201)
          .entity(
              hosting.add(
                  body.platformId(),
                  body.creditCode(),
                  body.carrierName(),
                  body.overseasCoBuilder(),
                  body.reason()))
          .build();
    } catch (CallAccessDeniedException e) {
      return problem(403, "Forbidden", e.getMessage(), List.of());
    } catch (RuleViolationException e) {
      return problem(
          422,
          "Unprocessable content",
          "The input breaks one or more rules / 输入不符合规则",
          e.violations());
    }
  }

  /** Removes a recorded host unit with a reason: 204; 403 without OFFICER; 422 with C4/C5. */
  @POST
  @Path("platform-hosts/{hostId}/removal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(Role.OFFICER)
  public Response removeHost(@PathParam("hostId") long hostId, Removal body) {
    try {
      hosting.remove(hostId, body == null ? null : body.reason());
      return Response.noContent().build();
    } catch (CallAccessDeniedException e) {
      return problem(403, "Forbidden", e.getMessage(), List.of());
    } catch (RuleViolationException e) {
      return problem(
          422,
          "Unprocessable content",
          "The input breaks one or more rules / 输入不符合规则",
          e.violations());
    }
  }

  private static Response notFound(String detail) {
    return problem(404, "Not found", detail, List.of());
  }

  static Response problem(int status, String title, String detail, List<RuleViolation> vs) {
    return Problems.of(status, title, detail, vs);
  }
}
