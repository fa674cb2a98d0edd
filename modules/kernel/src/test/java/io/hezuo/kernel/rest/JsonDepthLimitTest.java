package io.hezuo.kernel.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hezuo.kernel.error.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonDepthLimitTest {

  private static byte[] read(String json) throws IOException {
    try (var in =
        new JsonDepthLimit(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
      return in.readAllBytes();
    }
  }

  @Test
  void depthAtTheLimitPassesUnchanged() throws IOException {
    String ok = "[".repeat(JsonDepthLimit.MAX_DEPTH) + "]".repeat(JsonDepthLimit.MAX_DEPTH);
    assertArrayEquals(ok.getBytes(StandardCharsets.UTF_8), read(ok));
    // siblings do not add up
    read("{\"a\":" + "[[]]".repeat(1000).replace("][", "],[") + "}");
  }

  @Test
  void oneLevelMoreIsABadRequest() {
    String deep =
        "[".repeat(JsonDepthLimit.MAX_DEPTH + 1) + "]".repeat(JsonDepthLimit.MAX_DEPTH + 1);
    assertThrows(BadRequestException.class, () -> read(deep));
    assertThrows(BadRequestException.class, () -> read("[".repeat(100_000)));
  }

  @Test
  void bracketsInStringsDoNotCount() throws IOException {
    read("{\"t\":\"" + "[{".repeat(1000) + "\\\"[[[" + "\"}");
    read("[\"\\\\\"," + "[]".repeat(10) + "]");
  }
}
