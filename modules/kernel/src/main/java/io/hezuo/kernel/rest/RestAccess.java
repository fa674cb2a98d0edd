package io.hezuo.kernel.rest;

import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.PayloadTooLargeException;
import io.hezuo.kernel.security.Allow;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.MaxBody;
import io.hezuo.kernel.security.Public;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Before any REST method reads its body: the caller's role ({@link Allow} / {@link Public}, fail
 * closed) and the body's size ({@link MaxBody}). Refusals are typed exceptions, which kernel's
 * mappers answer as problem+json (401 with {@code WWW-Authenticate}, 403, 413).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RestAccess implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject Caller caller;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method == null || type == null) {
      return; // not a resource method (e.g. an OPTIONS answered by JAX-RS itself)
    }
    checkRole(method, type);
    long max = maxBody(method, type);
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        length = Long.MAX_VALUE;
      }
      if (length > max) {
        throw new PayloadTooLargeException("body of " + declared + " bytes, limit " + max);
      }
    }
    if (request.hasEntity()) {
      InputStream body = new Limited(request.getEntityStream(), max);
      jakarta.ws.rs.core.MediaType media = request.getMediaType();
      if (media != null && media.getSubtype().toLowerCase().endsWith("json")) {
        body = new JsonDepthLimit(body);
      }
      request.setEntityStream(body);
    }
  }

  private void checkRole(Method method, Class<?> type) {
    Allow allow = method.getAnnotation(Allow.class);
    boolean isPublic = method.isAnnotationPresent(Public.class);
    if (allow == null && !isPublic) {
      allow = type.getAnnotation(Allow.class);
      isPublic = allow == null && type.isAnnotationPresent(Public.class);
    }
    if (isPublic) {
      return;
    }
    if (allow == null) {
      throw new AccessDeniedException("no access rule declared for " + method);
    }
    if (allow.value().length == 0) {
      caller.name();
    } else {
      caller.require(allow.value());
    }
  }

  static long maxBody(Method method, Class<?> type) {
    MaxBody m = method.getAnnotation(MaxBody.class);
    if (m == null) {
      m = type.getAnnotation(MaxBody.class);
    }
    return m == null ? MaxBody.DEFAULT : m.value();
  }

  /** A body cut off at the limit: reading past it is a 413, never a larger buffer. */
  static final class Limited extends FilterInputStream {
    private final long max;
    private long read;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, (int) Math.min(len, Math.max(1, max - read + 1)));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new PayloadTooLargeException("body over the limit of " + max + " bytes");
      }
    }
  }
}
