package io.hezuo.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OpenApiTagsTest {

  @Test
  void theModuleIsTheSegmentAfterApiV1() {
    assertEquals("submission", OpenApiTags.module("/api/v1/submission/applications/{id}"));
    assertEquals("call", OpenApiTags.module("/api/v1/call"));
    assertNull(OpenApiTags.module("/api/test/clock"));
    assertNull(OpenApiTags.module(null));
  }
}
