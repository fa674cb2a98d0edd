package io.hezuo.kernel.rest;

import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.rule.StaleEditException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP answers for every module's REST resources: always
 * {@code application/problem+json}, the status from the exception's type (never from its message),
 * and never a 500 for a client's mistake. Resources simply let exceptions through.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  /** What a 401 carries so that a machine client knows it may sign in with HTTP Basic. */
  public static final String WWW_AUTHENTICATE = "Basic realm=\"hezuo\", charset=\"UTF-8\"";

  private ProblemMappers() {}

  /** Typed refusals: 400, 401 (with {@code WWW-Authenticate}), 403, 404, 413. */
  @Provider
  public static class Typed implements ExceptionMapper<HezuoException> {
    @Override
    public Response toResponse(HezuoException e) {
      Response.ResponseBuilder b = Problems.keyed(e.status(), e.title(), e.messageKey());
      if (e.status() == 401) {
        b.header("WWW-Authenticate", WWW_AUTHENTICATE);
      }
      return b.build();
    }
  }

  /** Broken rules: 422 listing them; an edit that lost the optimistic-locking race: 409. */
  @Provider
  public static class Rules implements ExceptionMapper<RuleViolationException> {
    @Override
    public Response toResponse(RuleViolationException e) {
      return e instanceof StaleEditException
          ? Problems.of(409, "Conflict", "Saved elsewhere since / 已在别处保存", e.violations())
          : Problems.unprocessable(e.violations());
    }
  }

  /**
   * What JAX-RS itself refuses (unknown path 404, wrong method 405, content type 415, a path or
   * query parameter of the wrong type): the same status, as problem+json, keeping headers such as
   * {@code Allow}.
   */
  @Provider
  public static class Jaxrs implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      int status = original == null ? 500 : original.getStatus();
      if (status >= 500) {
        LOG.log(Level.SEVERE, "REST request failed", e);
      }
      Response.ResponseBuilder b = Problems.keyed(status, title(status), key(status));
      if (original != null) {
        original
            .getStringHeaders()
            .forEach(
                (name, values) -> {
                  if (!name.equalsIgnoreCase("Content-Type")
                      && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> b.header(name, v));
                  }
                });
      }
      return b.build();
    }
  }

  /**
   * Everything else: a body that cannot be read (malformed JSON, {@code []} for an object, wrong
   * types, too deep) is 400; a lost optimistic-locking race detected at commit is 409; the rest is
   * logged and answered 500 without details.
   */
  @Provider
  public static class Fallback implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof HezuoException h) {
          return new Typed().toResponse(h);
        }
        if (t instanceof RuleViolationException r) {
          return new Rules().toResponse(r);
        }
        if (t instanceof OptimisticLockException
            || t.getClass()
                .getName()
                .equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
          return Problems.of(409, "Conflict", "Saved elsewhere since / 已在别处保存", List.of());
        }
        if (t instanceof JsonbException
            || t instanceof JsonException
            || t instanceof ProcessingException
            || t instanceof StackOverflowError) {
          return Problems.keyed(400, "Bad request", "kernel.error.badRequest").build();
        }
      }
      LOG.log(Level.SEVERE, "REST request failed", e);
      return Problems.keyed(500, "Internal server error", "kernel.error.internal").build();
    }
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Conflict";
      case 413 -> "Content too large";
      case 415 -> "Unsupported media type";
      default -> status >= 500 ? "Internal server error" : "Error";
    };
  }

  static String key(int status) {
    return switch (status) {
      case 400 -> "kernel.error.badRequest";
      case 401 -> "kernel.error.unauthenticated";
      case 403 -> "kernel.error.forbidden";
      case 404 -> "kernel.error.notFound";
      case 405 -> "kernel.error.methodNotAllowed";
      case 406 -> "kernel.error.notAcceptable";
      case 409 -> "kernel.error.conflict";
      case 413 -> "kernel.error.tooLarge";
      case 415 -> "kernel.error.unsupportedType";
      default -> "kernel.error.internal";
    };
  }
}
