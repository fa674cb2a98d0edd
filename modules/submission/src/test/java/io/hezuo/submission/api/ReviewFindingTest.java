package io.hezuo.submission.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import org.junit.jupiter.api.Test;

/** A finding for formal review renders as the PI's checks do, in both languages. */
class ReviewFindingTest {

  @Test
  void rendersWithTheFieldsLabelAndWithoutOrWithTheRuleId() {
    ReviewFinding f =
        ReviewFinding.of(
            RuleViolation.error("G6", "subsidy", "submission.rule.g6.cap", "1,500,000.00", "150"));
    assertTrue(f.isError());
    assertEquals("ERROR", f.severity());
    assertEquals(
        "Fiscal subsidy asked: The fiscal subsidy is above this line's cap of 1,500,000.00 CNY"
            + " (150 x 10,000 CNY)",
        f.message(Messages.ENGLISH));
    assertEquals("[G6] " + f.message(Messages.ENGLISH), f.describe(Messages.ENGLISH));
    assertTrue(f.message(Messages.CHINESE).startsWith("申请财政补助经费: "), f.message(Messages.CHINESE));

    ReviewFinding whole =
        ReviewFinding.of(RuleViolation.warning("G8", null, "submission.rule.g8.tba"));
    assertFalse(whole.isError());
    assertEquals(
        "The foreign deadline is to be announced; watch the foreign agency",
        whole.message(Messages.ENGLISH));
  }
}
