package io.hezuo.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

  @Path("/v1/sample/")
  static class Sample {
    @GET
    public String root() {
      return "";
    }

    @GET
    @Path("items/{id: \\d+}/files/{name}")
    public String item() {
      return "";
    }
  }

  @Test
  void theTemplateNotTheUriNamesTheSeries() throws Exception {
    assertEquals(
        "/api/v1/sample", RequestMetrics.template(Sample.class, Sample.class.getMethod("root")));
    assertEquals(
        "/api/v1/sample/items/{id}/files/{name}",
        RequestMetrics.template(Sample.class, Sample.class.getMethod("item")));
  }
}
