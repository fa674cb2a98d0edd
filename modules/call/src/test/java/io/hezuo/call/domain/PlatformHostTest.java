package io.hezuo.call.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.call.api.PlatformKind;
import io.hezuo.kernel.rule.RuleViolation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformHostTest {

  static List<String> ids(List<RuleViolation> vs) {
    return vs.stream().map(v -> v.ruleId() + ":" + v.field()).toList();
  }

  @Test
  void aKindOfCarrierNeedsTheCarrierAndAJointLabItsCoBuilder() {
    assertEquals(List.of(), ids(PlatformHost.check(PlatformKind.CENTRE, false, null, null, null)));
    assertEquals(
        List.of("C9:carrierName"),
        ids(PlatformHost.check(PlatformKind.CARRIER_KIND, false, "  ", null, null)));
    assertEquals(
        List.of("C9:carrierName", "C9:overseasCoBuilder"),
        ids(PlatformHost.check(PlatformKind.CARRIER_KIND, true, null, "", null)));
    assertEquals(
        List.of(), ids(PlatformHost.check(PlatformKind.CARRIER_KIND, true, "某实验室", "TU Wien", "")));
  }

  @Test
  void namesAndReasonsHaveLimits() {
    assertEquals(
        List.of(),
        ids(PlatformHost.check(PlatformKind.CARRIER_KIND, false, "名".repeat(300), null, null)));
    assertEquals(
        List.of("C9:carrierName"),
        ids(PlatformHost.check(PlatformKind.CARRIER_KIND, false, "名".repeat(301), null, null)));
    assertEquals(
        List.of("C4:reason"),
        ids(PlatformHost.check(PlatformKind.CENTRE, false, null, null, "因".repeat(1001))));
  }

  @Test
  void sameUnitAndCarrierIsADuplicateAndARemovalIsKept() {
    PlatformHost h = new PlatformHost(1, 7, " 基地甲 ", null, "officer", Instant.EPOCH, " ");
    assertEquals("基地甲", h.getCarrierName());
    assertTrue(h.sameAs(7, "基地甲"));
    assertFalse(h.sameAs(7, "基地乙"));
    assertFalse(h.sameAs(8, "基地甲"));
    h.remove("officer", Instant.EPOCH, " 依托单位变更 ");
    assertTrue(h.isRemoved());
  }
}
