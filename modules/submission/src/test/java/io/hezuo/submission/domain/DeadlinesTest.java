package io.hezuo.submission.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC D1 for withdraw, confirm and return, at every boundary, in Beijing time. */
class DeadlinesTest {

  static Instant beijing(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }

  static final Instant OPENS = beijing("2025-08-22T00:00:00");
  static final Instant SUBMISSION = beijing("2025-09-15T17:30:00");
  static final Instant RECOMMENDATION = beijing("2025-09-19T17:30:00");

  static final Deadlines CALL = new Deadlines(OPENS, SUBMISSION, null, RECOMMENDATION);

  static Deadlines extendedTo(String until) {
    return new Deadlines(OPENS, SUBMISSION, beijing(until), RECOMMENDATION);
  }

  @Test
  void withdrawUntilTheSubmissionDeadline() {
    assertEquals(Optional.empty(), CALL.withdraw(beijing("2025-09-15T17:29:59")));
    assertEquals(Optional.empty(), CALL.withdraw(beijing("2025-09-15T17:29:59").plusMillis(999)));
    RuleViolation refused = CALL.withdraw(beijing("2025-09-15T17:30:00")).orElseThrow();
    assertEquals("D1", refused.ruleId());
    assertTrue(refused.isError());
    assertTrue(CALL.withdraw(beijing("2025-09-18T10:00:00")).isPresent());
    // before the call opens nothing is open either
    assertTrue(CALL.withdraw(OPENS.minusSeconds(1)).isPresent());
  }

  @Test
  void withdrawRefusalNamesTheDeadlineInBeijingTimeInBothLanguages() {
    RuleViolation refused = CALL.withdraw(beijing("2025-09-15T17:30:00")).orElseThrow();
    String zh = Messages.describe(Messages.CHINESE, refused);
    String en = Messages.describe(Messages.ENGLISH, refused);
    assertTrue(
        zh.startsWith("[D1] ") && zh.contains("2025-09-15 17:30:00") && zh.contains("北京时间"), zh);
    assertTrue(zh.contains("撤回"), zh);
    assertTrue(en.startsWith("[D1] ") && en.contains("2025-09-15 17:30:00"), en);
    assertTrue(en.contains("Beijing time") && en.contains("withdrawn"), en);
  }

  @Test
  void anExtensionOfTheUnitMovesThePisDeadline() {
    Deadlines extended = extendedTo("2025-09-17T12:00:00");
    assertEquals(beijing("2025-09-17T12:00:00"), extended.piClosesAt());
    assertEquals(Optional.empty(), extended.withdraw(beijing("2025-09-15T17:30:00")));
    assertEquals(Optional.empty(), extended.withdraw(beijing("2025-09-17T11:59:59")));
    RuleViolation refused = extended.withdraw(beijing("2025-09-17T12:00:00")).orElseThrow();
    assertTrue(
        Messages.describe(Messages.ENGLISH, refused).contains("2025-09-17 12:00:00"),
        Messages.describe(Messages.ENGLISH, refused));
    // an "extension" before the call's own deadline never shortens it
    Deadlines earlier = extendedTo("2025-09-10T00:00:00");
    assertEquals(SUBMISSION, earlier.piClosesAt());
    assertEquals(Optional.empty(), earlier.withdraw(beijing("2025-09-15T17:29:59")));
  }

  @Test
  void confirmUntilTheRecommendationDeadline() {
    // after the submission deadline the unit still confirms
    assertEquals(Optional.empty(), CALL.confirm(beijing("2025-09-15T17:30:00")));
    assertEquals(Optional.empty(), CALL.confirm(beijing("2025-09-19T17:29:59")));
    RuleViolation refused = CALL.confirm(beijing("2025-09-19T17:30:00")).orElseThrow();
    assertEquals("D1", refused.ruleId());
    String zh = Messages.describe(Messages.CHINESE, refused);
    String en = Messages.describe(Messages.ENGLISH, refused);
    assertTrue(zh.contains("推荐截止时间") && zh.contains("2025-09-19 17:30:00"), zh);
    assertTrue(en.contains("recommendation deadline") && en.contains("2025-09-19 17:30:00"), en);
  }

  @Test
  void returnOnlyWhileThePiCanStillResubmit() {
    assertEquals(Optional.empty(), CALL.returnToPi(beijing("2025-09-15T17:29:59")));
    // the recommendation window is still open, but the PI could no longer resubmit
    RuleViolation tooLate = CALL.returnToPi(beijing("2025-09-15T17:30:00")).orElseThrow();
    assertEquals("D1", tooLate.ruleId());
    assertEquals("submission.rule.d1.returnTooLate", tooLate.messageKey());
    String en = Messages.describe(Messages.ENGLISH, tooLate);
    assertTrue(en.contains("2025-09-15 17:30:00") && en.contains("PI's"), en);
    assertFalse(en.contains("''"), en);
    assertTrue(
        Messages.describe(Messages.CHINESE, tooLate).contains("2025-09-15 17:30:00"),
        Messages.describe(Messages.CHINESE, tooLate));
    // with the unit's extension the PI can resubmit, so the unit can return
    Deadlines extended = extendedTo("2025-09-17T12:00:00");
    assertEquals(Optional.empty(), extended.returnToPi(beijing("2025-09-17T11:59:59")));
    assertTrue(extended.returnToPi(beijing("2025-09-17T12:00:00")).isPresent());
  }

  @Test
  void theRecommenderReturnsOnlyWhileThePiCanStillResubmit() {
    assertEquals(Optional.empty(), CALL.returnByRecommender(beijing("2025-09-15T17:29:59")));
    RuleViolation late = CALL.returnByRecommender(beijing("2025-09-15T17:30:00")).orElseThrow();
    assertEquals("D1", late.ruleId());
    assertEquals("submission.rule.d1.recommenderReturnTooLate", late.messageKey());
    Deadlines extended =
        new Deadlines(OPENS, SUBMISSION, beijing("2025-09-25T12:00:00"), RECOMMENDATION);
    assertEquals(Optional.empty(), extended.returnByRecommender(beijing("2025-09-25T11:59:59")));
    assertTrue(extended.returnByRecommender(beijing("2025-09-25T12:00:00")).isPresent());
  }

  @Test
  void returnAfterTheRecommendationDeadlineNamesThatDeadline() {
    // the PI's window would be open (an extension), the recommendation deadline has passed
    RuleViolation refused =
        new Deadlines(OPENS, SUBMISSION, beijing("2025-09-19T17:30:00"), RECOMMENDATION)
            .returnToPi(beijing("2025-09-19T17:30:00"))
            .orElseThrow();
    assertEquals("submission.rule.d1.returnClosed", refused.messageKey());
    assertTrue(
        Messages.describe(Messages.ENGLISH, refused).contains("2025-09-19 17:30:00"),
        Messages.describe(Messages.ENGLISH, refused));
    assertEquals(
        "submission.rule.d1.returnClosed",
        CALL.returnToPi(beijing("2025-09-19T17:30:00")).orElseThrow().messageKey());
  }

  @Test
  void anExtensionPastTheRecommendationDeadlineCarriesTheUnitsStepsWithIt() {
    Deadlines late = extendedTo("2025-09-25T12:00:00");
    assertEquals(beijing("2025-09-25T12:00:00"), late.unitClosesAt());
    assertEquals(RECOMMENDATION, CALL.unitClosesAt());
    assertEquals(Optional.empty(), late.confirm(beijing("2025-09-25T11:59:59")));
    assertEquals(Optional.empty(), late.returnToPi(beijing("2025-09-25T11:59:59")));
    RuleViolation confirm = late.confirm(beijing("2025-09-25T12:00:00")).orElseThrow();
    assertTrue(
        Messages.describe(Messages.CHINESE, confirm).contains("2025-09-25 12:00:00"),
        Messages.describe(Messages.CHINESE, confirm));
    assertTrue(late.returnToPi(beijing("2025-09-25T12:00:00")).isPresent());
    // an extension that ends before the recommendation deadline changes nothing for the unit
    assertEquals(RECOMMENDATION, extendedTo("2025-09-17T12:00:00").unitClosesAt());
  }
}
