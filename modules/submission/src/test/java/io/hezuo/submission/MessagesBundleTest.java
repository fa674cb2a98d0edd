package io.hezuo.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The submission bundles: the same keys in both languages, apostrophes that show as written. */
class MessagesBundleTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        MessagesBundleTest.class.getResourceAsStream("/io/hezuo/submission/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertEquals(load("messages.properties").keySet(), load("messages_en.properties").keySet());
  }

  /**
   * A pattern with arguments goes through MessageFormat (an apostrophe is written {@code ''}); one
   * without is shown as written (an apostrophe is {@code '}). Either way no {@code ''} and no lost
   * apostrophe reaches the screen.
   */
  @Test
  void apostrophesShowAsWritten() throws IOException {
    List<String> bad = new ArrayList<>();
    for (String file : List.of("messages.properties", "messages_en.properties")) {
      Properties p = load(file);
      for (String key : p.stringPropertyNames()) {
        String pattern = p.getProperty(key);
        boolean formatted = PLACEHOLDER.matcher(pattern).find();
        if (!formatted && pattern.contains("''")) {
          bad.add(file + " " + key + ": '' without arguments shows twice");
        }
        if (formatted && pattern.replace("''", "").contains("'")) {
          bad.add(file + " " + key + ": a single ' with arguments is swallowed");
        }
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void theUnitTypeRefusalReadsUnitsWithOneApostrophe() {
    String en =
        Messages.describe(
            Messages.ENGLISH, RuleViolation.error("G6", null, "submission.rule.g6.unitType"));
    assertTrue(en.contains("Your unit's type"), en);
    assertFalse(en.contains("''"), en);
  }

  @Test
  void everyStatusHasALabelAndARefusalInBothLanguages() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String file : List.of("messages.properties", "messages_en.properties")) {
      Properties p = load(file);
      for (io.hezuo.submission.api.ApplicationStatus s :
          io.hezuo.submission.api.ApplicationStatus.values()) {
        for (String key :
            List.of("submission.status." + s.name(), "submission.rule.wrongState." + s.name())) {
          if (!p.containsKey(key)) {
            missing.add(file + " " + key);
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
