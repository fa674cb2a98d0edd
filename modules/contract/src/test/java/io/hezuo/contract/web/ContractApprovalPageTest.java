package io.hezuo.contract.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hezuo.kernel.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What the officer types: 元 or 万元, separators ignored, over-precise kept for the rule. */
class ContractApprovalPageTest {

  @Test
  void amountsAreReadInYuanOrWan() {
    assertEquals(
        0, new BigDecimal("1200000").compareTo(ContractApprovalPage.parse("120", Money.Unit.WAN)));
    assertEquals(
        0,
        new BigDecimal("1200000.5")
            .compareTo(ContractApprovalPage.parse("1,200,000.50", Money.Unit.YUAN)));
    assertEquals(
        0,
        new BigDecimal("12.3456789")
            .compareTo(ContractApprovalPage.parse("0.00123456789", Money.Unit.WAN)));
    assertNull(ContractApprovalPage.parse("一百万", Money.Unit.YUAN));
    assertNull(ContractApprovalPage.parse(" ", Money.Unit.WAN));
  }
}
