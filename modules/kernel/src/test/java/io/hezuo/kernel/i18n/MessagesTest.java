package io.hezuo.kernel.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.rule.RuleViolation;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void chineseIsTheDefaultAndEnglishTheSwitch() {
    assertEquals("必填", Messages.get(Locale.SIMPLIFIED_CHINESE, "kernel.required"));
    assertEquals("必填", Messages.get(Locale.GERMAN, "kernel.required"));
    assertEquals("Required", Messages.get(Locale.ENGLISH, "kernel.required"));
    assertEquals("Required", Messages.get(Locale.US, "kernel.required"));
  }

  @Test
  void argumentsAndMissingKeys() {
    assertEquals("At most 5 characters", Messages.get(Locale.ENGLISH, "kernel.tooLong", 5));
    assertEquals("???kernel.nope???", Messages.get(Locale.ENGLISH, "kernel.nope"));
    assertEquals("???nomodule.x???", Messages.get(Locale.ENGLISH, "nomodule.x"));
  }

  @Test
  void violationIsDescribedInBothLanguagesWithRuleId() {
    String s =
        Messages.describeBilingual(RuleViolation.error("F1", "title", "kernel.tooLong", 200));
    assertTrue(s.startsWith("[F1] title: 长度不能超过 200 个字符 / [F1] title: At most 200"), s);
  }

  @Test
  void rowsOfRepeatedGroupsAndKeyedEntriesAreNamedByTheirLabels() {
    RuleViolation member = RuleViolation.error("F-ID", "team_1_idNumber", "kerneltest.required");
    assertEquals("[F-ID] 团队成员 2 · 证件号码: 必填", Messages.describe(Locale.SIMPLIFIED_CHINESE, member));
    assertEquals(
        "[F-ID] Team member 2 · ID number: Required", Messages.describe(Locale.ENGLISH, member));
    RuleViolation budget =
        RuleViolation.error("F-BUDGET", "budget_EQUIPMENT", "kerneltest.required");
    assertEquals(
        "[F-BUDGET] Budget breakdown · Equipment: Required",
        Messages.describe(Locale.ENGLISH, budget));
    RuleViolation target = RuleViolation.error("G7", "target_trained", "kerneltest.required");
    assertEquals("[G7] 绩效目标: 必填", Messages.describe(Locale.SIMPLIFIED_CHINESE, target));
    RuleViolation unknown = RuleViolation.error("F1", "other_3_thing", "kerneltest.required");
    assertEquals("[F1] other_3_thing: Required", Messages.describe(Locale.ENGLISH, unknown));
  }
}
