package io.hezuo.web.metrics;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts and times every REST request: the timer {@code rest.request} (at {@code /metrics}: {@code
 * rest_request_seconds_count}, {@code _sum}, {@code _max}; Payara prints the quantiles in
 * nanoseconds) tagged with the HTTP method, the endpoint's path template ({@code
 * /api/v1/submission/applications/{id}}, never the concrete URI, so the number of series stays
 * bounded) and the status code.
 */
@Provider
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

  static final String NAME = "rest.request";
  private static final String START = RequestMetrics.class.getName() + ".start";
  private static final Metadata METADATA =
      Metadata.builder()
          .withName(NAME)
          .withDescription(
              "REST requests by HTTP method, endpoint (path template) and status: count and"
                  + " latency")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();

  /** The path template of each resource method, computed once. */
  private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

  /** The application's registry, looked up once (a JAX-RS provider need not be a CDI bean). */
  private volatile MetricRegistry registry;

  @Context ResourceInfo resource;

  private MetricRegistry registry() {
    MetricRegistry r = registry;
    if (r == null) {
      r = CDI.current().select(ApplicationRegistry.class).get().get();
      registry = r;
    }
    return r;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(START, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object start = request.getProperty(START);
    if (!(start instanceof Long)) {
      return;
    }
    Method method = resource == null ? null : resource.getResourceMethod();
    String path =
        method == null
            ? "unmatched"
            : TEMPLATES.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
    registry()
        .timer(
            METADATA,
            new Tag("method", request.getMethod()),
            new Tag("path", path),
            new Tag("status", String.valueOf(response.getStatus())))
        .update(Duration.ofNanos(System.nanoTime() - (Long) start));
  }

  /** {@code /api} + the class's and the method's {@code @Path}, parameters as {@code {name}}. */
  static String template(Class<?> type, Method method) {
    StringBuilder b = new StringBuilder("/api");
    Path onClass = type == null ? null : type.getAnnotation(Path.class);
    Path onMethod = method.getAnnotation(Path.class);
    for (Path p : new Path[] {onClass, onMethod}) {
      if (p != null && !p.value().isBlank() && !"/".equals(p.value())) {
        b.append('/').append(p.value().replaceAll("^/+|/+$", ""));
      }
    }
    return b.toString().replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
  }
}
