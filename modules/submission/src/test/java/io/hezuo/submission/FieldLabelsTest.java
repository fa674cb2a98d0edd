package io.hezuo.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every field a submission rule names reaches the screen as a label in the user's language, never
 * as its id ({@code target_CONTROL_SYSTEM}, {@code budget_EQUIPMENT}, {@code team_1_idNumber}).
 */
class FieldLabelsTest {

  /**
   * The field ids {@code SubmissionRules}, {@code Deadlines} and the services put in violations.
   */
  static final List<String> FIELDS =
      List.of(
          "titleZh",
          "titleEn",
          "subsidy",
          "selfFunds",
          "startMonth",
          "endMonth",
          "partnerCode",
          "partnerName",
          "platformCode",
          "basePlatformId",
          "fieldCode",
          "regionCode",
          "topicCode",
          "foreignReference",
          "foreignDate",
          "transferAmount",
          "onsiteDays",
          "attachments",
          "textBasis",
          "textContent",
          "textRoute",
          "textCooperation",
          "textOutcomes",
          "textIndicators",
          "messageBody",
          "team_0_name",
          "team_1_unit",
          "team_2_idNumber",
          "team_3_months",
          "budget_EQUIPMENT",
          "budget_COOPERATION",
          "target_CONTROL_SYSTEM",
          "target_DEMO_BASE",
          "target_PAPERS");

  /** A code as it is stored: upper case with underscores, or a camel-case field id. */
  private static final Pattern RAW = Pattern.compile("[A-Z]{2,}_[A-Z_]+|[a-z]+_[A-Za-z0-9_]+");

  @Test
  void everyFieldIsShownByItsLabelInBothLanguages() {
    List<String> raw = new ArrayList<>();
    for (Locale locale : List.of(Messages.CHINESE, Messages.ENGLISH)) {
      for (String field : FIELDS) {
        String shown =
            Messages.describe(
                locale, RuleViolation.error("F-REQ", field, "submission.rule.required"));
        // an id of one lower-case word ("subsidy") may be an English word of its label
        boolean compound = !field.equals(field.toLowerCase(Locale.ROOT)) || field.contains("_");
        if ((compound && shown.contains(field)) || RAW.matcher(shown).find()) {
          raw.add(locale + " " + field + " → " + shown);
        }
      }
    }
    assertEquals(List.of(), raw);
  }

  @Test
  void aTargetShortfallNamesTheTargetsGroupAndTheTargetByItsLabel() {
    RuleViolation v =
        RuleViolation.error(
            "G7",
            "target_CONTROL_SYSTEM",
            "submission.rule.g7.minimum",
            "控制系统",
            1,
            "套",
            "control system",
            "set");
    String zh = Messages.describe(Messages.CHINESE, v);
    String en = Messages.describe(Messages.ENGLISH, v);
    assertEquals("[G7] 绩效目标: 绩效目标“控制系统”不得少于 1 套", zh);
    assertTrue(en.startsWith("[G7] Performance targets: "), en);
    assertTrue(en.contains("\"control system\""), en);
  }
}
