package io.hezuo.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hezuo.kernel.i18n.Messages;
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
        MessagesBundleTest.class.getResourceAsStream("/io/hezuo/scoring/" + name)) {
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
}
