package io.hezuo.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module's bundles: the same keys in Chinese and English, and every message reads without
 * doubled quotes or unfilled placeholders (no-arg messages with a single {@code '}, messages with
 * arguments with {@code ''}).
 */
class MessagesBundleTest {

  static final Pattern ARG = Pattern.compile("\\{(\\d+)}");

  static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in =
        MessagesBundleTest.class.getResourceAsStream("/io/hezuo/contract/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothLanguagesHaveTheSameKeysAndReadCleanly() throws Exception {
    Properties zh = load("messages.properties");
    Properties en = load("messages_en.properties");
    assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
    for (String key : zh.stringPropertyNames()) {
      for (Locale l : new Locale[] {Messages.CHINESE, Messages.ENGLISH}) {
        String pattern = (l == Messages.CHINESE ? zh : en).getProperty(key);
        int args = 0;
        Matcher m = ARG.matcher(pattern);
        while (m.find()) {
          args = Math.max(args, Integer.parseInt(m.group(1)) + 1);
        }
        // both languages take the same arguments: the most either pattern names
        for (Properties other : new Properties[] {zh, en}) {
          Matcher o = ARG.matcher(other.getProperty(key));
          while (o.find()) {
            args = Math.max(args, Integer.parseInt(o.group(1)) + 1);
          }
        }
        Object[] values = new Object[args];
        for (int i = 0; i < args; i++) {
          values[i] = "v" + i;
        }
        String text = Messages.get(l, key, values);
        assertFalse(text.contains("''") || text.contains("{"), l + " " + key + ": " + text);
        assertFalse(text.isBlank() || text.startsWith("???"), l + " " + key + ": " + text);
      }
    }
  }

  /** Every {@code contract.*} key the code names is in the bundle (checked on the sources). */
  @Test
  void everyKeyTheCodeNamesExists() throws Exception {
    Properties zh = load("messages.properties");
    Pattern key = Pattern.compile("\"(contract\\.[A-Za-z0-9.]+)\"");
    java.util.List<java.nio.file.Path> sources;
    try (java.util.stream.Stream<java.nio.file.Path> s =
        java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    int found = 0;
    for (java.nio.file.Path p : sources) {
      Matcher m = key.matcher(java.nio.file.Files.readString(p));
      while (m.find()) {
        found++;
        assertTrue(zh.containsKey(m.group(1)), p + ": " + m.group(1));
      }
    }
    assertTrue(found > 30, "keys found in the sources: " + found);
  }

  /** A violation reads with its rule id and its field's label in both languages. */
  @Test
  void aViolationNamesItsRuleAndField() {
    RuleViolation v =
        RuleViolation.error(
            "G5",
            "transferAmount",
            "contract.ledger.transferShare",
            "50",
            "300,000.00",
            "30",
            "0.00",
            "300,000.00");
    assertEquals(
        "[G5] 转拨金额: 转拨帮扶地合作方的金额合计不得超过财政补助经费的 50%，即 300,000.00 元（30 万元）："
            + "已转拨 0.00 元，本次最多可转拨 300,000.00 元",
        Messages.describe(Messages.CHINESE, v));
    assertTrue(
        Messages.describe(Messages.ENGLISH, v)
            .startsWith("[G5] Amount transferred: Transfers to the aided-region partner"));
    RuleViolation row =
        RuleViolation.error(
            "G6", "selection_1_approved", "contract.approval.cap", "600,000.00", "60");
    assertTrue(
        Messages.describe(Messages.CHINESE, row).startsWith("[G6] 第 2 个立项项目 · 批准的财政补助经费: "),
        Messages.describe(Messages.CHINESE, row));
  }
}
