package io.hezuo.call.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hezuo.kernel.rule.RuleViolation;
import org.junit.jupiter.api.Test;

class CallEditBeanTest {

  @Test
  void violationsAreShownNextToTheirField() {
    assertEquals(
        "callEditForm:cap_A2_1",
        CallEditBean.clientId(
            RuleViolation.error("C3", "cap", "call.edit.error.cap", "A2.1", "0")));
    assertEquals(
        "callEditForm:submissionClosesAt",
        CallEditBean.clientId(
            RuleViolation.error("C1", "submissionClosesAt", "call.edit.error.closesBeforeOpens")));
    assertEquals(
        "callEditForm:reason",
        CallEditBean.clientId(RuleViolation.error("C4", "reason", "call.edit.error.reason")));
    assertNull(
        CallEditBean.clientId(RuleViolation.error("C5", null, "call.edit.error.concurrent", "A1")));
  }

  @Test
  void cnyIsShownWithThousandsSeparators() {
    assertEquals("1,500,000.00", CallCatalogueBean.cny(io.hezuo.kernel.money.Money.wan("150")));
  }
}
