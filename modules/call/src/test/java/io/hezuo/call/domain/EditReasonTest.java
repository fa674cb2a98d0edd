package io.hezuo.call.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EditReasonTest {

  @Test
  void c4ReasonIsRequiredAndAtMost1000Characters() {
    assertEquals("C4", EditReason.check(null).orElseThrow().ruleId());
    assertEquals("C4", EditReason.check("   ").orElseThrow().ruleId());
    assertEquals("C4", EditReason.check("x".repeat(1001)).orElseThrow().ruleId());
    assertTrue(EditReason.check("x".repeat(1000)).isEmpty());
    assertTrue(EditReason.check("按厅务会决定调整").isEmpty());
  }
}
