package io.hezuo.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/io/hezuo/call/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Properties zh = load("messages.properties");
    Properties en = load("messages_en.properties");
    assertEquals(zh.keySet(), en.keySet());
    assertTrue(zh.keySet().stream().allMatch(k -> String.valueOf(k).startsWith("call.")));
  }

  @Test
  void ruleViolationsAreDescribedInBothLanguagesWithTheirField() {
    RuleViolation v = RuleViolation.error("C3", "cap", "call.edit.error.cap", "A1", "1.001");
    String s = Messages.describeBilingual(v);
    assertTrue(s.startsWith("[C3] 财政补助上限（元）: A1：财政补助上限“1.001”无效"), s);
    assertTrue(
        s.contains(" / [C3] Subsidy cap (CNY): A1: the subsidy cap \"1.001\" is not valid"), s);
    String c5 =
        Messages.describe(
            Messages.ENGLISH, RuleViolation.error("C5", null, "call.edit.error.concurrent", "B2"));
    assertEquals(
        "[C5] B2 was changed and saved by someone else. Your changes were not saved: reload and"
            + " edit again.",
        c5);
    for (String key :
        new String[] {
          "call.edit.error.required",
          "call.edit.error.closesBeforeOpens",
          "call.edit.error.recommendationBeforeSubmission",
          "call.edit.error.lineRequired",
          "call.edit.error.lineTooLong",
          "call.edit.error.reason",
          "call.edit.error.reasonTooLong",
          "call.edit.error.nothingChanged",
          "call.catalogue.title",
          "call.edit.title"
        }) {
      assertTrue(Messages.exists(key), key);
      assertFalse(Messages.get(Messages.ENGLISH, key, "x", "y").startsWith("???"), key);
    }
  }
}
