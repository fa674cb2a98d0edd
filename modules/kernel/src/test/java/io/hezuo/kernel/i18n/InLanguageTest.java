package io.hezuo.kernel.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hezuo.kernel.rule.RuleViolation;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Texts recorded in both languages are shown in the user's language only. */
class InLanguageTest {

  @Test
  void eachBilingualLineGivesTheHalfOfTheUsersLanguage() {
    RuleViolation a = RuleViolation.warning("F1", "title", "kernel.tooLong", 200);
    RuleViolation b = RuleViolation.warning("G8", null, "kernel.required");
    String recorded = Messages.describeBilingual(a) + "\n" + Messages.describeBilingual(b);
    assertEquals(
        Messages.describe(Messages.CHINESE, a) + "\n" + Messages.describe(Messages.CHINESE, b),
        Messages.inLanguage(Locale.SIMPLIFIED_CHINESE, recorded));
    assertEquals(
        Messages.describe(Messages.ENGLISH, a) + "\n" + Messages.describe(Messages.ENGLISH, b),
        Messages.inLanguage(Locale.ENGLISH, recorded));
  }

  @Test
  void typedReasonsStayAsTheyAre() {
    assertEquals("请补充预算 / budget", Messages.inLanguage(Locale.ENGLISH, "请补充预算 / budget"));
    assertEquals("[G1] 一 / [G2] two", Messages.inLanguage(Locale.ENGLISH, "[G1] 一 / [G2] two"));
    assertEquals("第一行\n\n第三行", Messages.inLanguage(Locale.ENGLISH, "第一行\n\n第三行"));
    assertNull(Messages.inLanguage(Locale.ENGLISH, null));
  }
}
