package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi} describes every REST endpoint of the WAR (found by reflection over the classes
 * annotated {@code @Path} in its module jars and classes), each with its HTTP method and path and
 * tagged with its module; {@code /metrics} answers with the JVM, the REST requests (count and
 * latency per endpoint) and the database connections.
 */
class OpenApiAndMetricsIT extends BrowserIT {

  /** "GET /api/v1/call/calls/{id}" for every resource method of the WAR. */
  static List<String> endpointsOfTheWar() throws Exception {
    return RestMethods.ofTheWar().stream().map(r -> r.http() + " " + r.path()).toList();
  }

  /** A path of the application (relative) or of the server ({@code /openapi}, {@code /metrics}). */
  private HttpResponse<String> get(String path, String accept) throws Exception {
    URI uri = Db.loopback(base).toURI().resolve(path);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).header("Accept", accept).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void openApiDescribesEveryJaxRsMethod() throws Exception {
    List<String> endpoints = endpointsOfTheWar();
    // the WAR has its REST endpoints in several modules: a scan that finds none proves nothing
    assertTrue(endpoints.size() >= 30, "endpoints found by reflection: " + endpoints);

    HttpResponse<String> r = get("/openapi", "application/json");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject doc = Json.createReader(new StringReader(r.body())).readObject();
    JsonObject paths = doc.getJsonObject("paths");
    List<String> missing = new ArrayList<>();
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      if (!paths.containsKey(path) || !paths.getJsonObject(path).containsKey(method)) {
        missing.add(endpoint);
      }
    }
    assertEquals(List.of(), missing, "not in /openapi; it has " + new TreeSet<>(paths.keySet()));

    // every operation is tagged with its module, and the module tags are described
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      String module = path.split("/")[3];
      assertEquals(
          List.of(module),
          paths.getJsonObject(path).getJsonObject(method).getJsonArray("tags").stream()
              .map(v -> ((jakarta.json.JsonString) v).getString())
              .toList(),
          endpoint);
    }
    assertTrue(
        doc.getJsonArray("tags").stream()
            .map(v -> v.asJsonObject().getString("name"))
            .toList()
            .containsAll(List.of("call", "directory", "submission", "recommendation")),
        doc.getJsonArray("tags").toString());
    assertEquals("v1", doc.getJsonObject("info").getString("version"));
  }

  @Test
  void metricsAnswerWithJvmRequestsAndConnections() throws Exception {
    // some REST traffic first: an endpoint that answers and one that does not exist
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get("api/v1/call/calls/current", "application/json").statusCode());
    }
    get("api/v1/no-such-endpoint", "application/json");

    HttpResponse<String> r = get("/metrics", "text/plain");
    assertEquals(200, r.statusCode(), r.body());
    String body = r.body();
    // JVM (base scope)
    for (String family :
        List.of("jvm_uptime_seconds", "memory_usedHeap_bytes", "thread_count", "gc_total")) {
      assertTrue(body.contains(family), family + " in\n" + body);
    }
    // REST requests: count and latency per endpoint template
    Matcher count =
        Pattern.compile(
                "rest_request_seconds_count\\{[^}]*path=\"/api/v1/call/calls/current\""
                    + "[^}]*status=\"200\"[^}]*}"
                    + " ([0-9.]+)")
            .matcher(body);
    assertTrue(count.find(), body);
    assertTrue(Double.parseDouble(count.group(1)) >= 3, count.group());
    assertTrue(
        body.matches("(?s).*rest_request_seconds_sum\\{[^}]*path=\"/api/v1/call/calls/current\".*"),
        body);
    // the slowest request, in seconds (Payara prints the timer's quantiles in nanoseconds)
    Matcher max =
        Pattern.compile(
                "rest_request_seconds_max\\{[^}]*path=\"/api/v1/call/calls/current\"[^}]*}"
                    + " ([0-9.E-]+)")
            .matcher(body);
    assertTrue(max.find(), body);
    assertTrue(
        Double.parseDouble(max.group(1)) > 0 && Double.parseDouble(max.group(1)) < 100,
        max.group());
    assertTrue(body.contains("method=\"GET\""), body);
    assertTrue(body.contains("status=\"200\""), body);
    // the connection pool
    Matcher open =
        Pattern.compile("db_connections\\{[^}]*state=\"open\"[^}]*} ([0-9.]+)").matcher(body);
    assertTrue(open.find(), body);
    assertTrue(Double.parseDouble(open.group(1)) >= 1, open.group());
    assertTrue(
        Pattern.compile("db_connections\\{[^}]*state=\"active\"").matcher(body).find(), body);
    assertTrue(body.contains("db_connections_max"), body);
  }
}
