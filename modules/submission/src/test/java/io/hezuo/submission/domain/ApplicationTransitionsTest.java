package io.hezuo.submission.domain;

import static io.hezuo.submission.api.ApplicationStatus.APPROVED;
import static io.hezuo.submission.api.ApplicationStatus.CONFIRMED;
import static io.hezuo.submission.api.ApplicationStatus.DRAFT;
import static io.hezuo.submission.api.ApplicationStatus.FORMAL_FAILED;
import static io.hezuo.submission.api.ApplicationStatus.FORMAL_PASSED;
import static io.hezuo.submission.api.ApplicationStatus.NOT_APPROVED;
import static io.hezuo.submission.api.ApplicationStatus.NOT_RECOMMENDED;
import static io.hezuo.submission.api.ApplicationStatus.RECOMMENDED;
import static io.hezuo.submission.api.ApplicationStatus.RECOMMENDER_RETURNED;
import static io.hezuo.submission.api.ApplicationStatus.RETURNED;
import static io.hezuo.submission.api.ApplicationStatus.SUBMITTED;
import static io.hezuo.submission.api.ApplicationStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.submission.api.ApplicationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application's state machine: every transition from every status, allowed (the status it lands
 * in) or refused (a {@link TransitionRefusedException} naming the status by its label key, the
 * status unchanged).
 */
class ApplicationTransitionsTest {

  static final Instant OPENS = Instant.parse("2025-08-22T00:00:00Z");
  static final Instant CLOSES = Instant.parse("2025-09-15T09:30:00Z");
  static final Instant REC_CLOSES = Instant.parse("2025-09-19T09:30:00Z");
  static final Deadlines DEADLINES = new Deadlines(OPENS, CLOSES, null, REC_CLOSES);
  static final Instant NOW = Instant.parse("2025-09-01T02:00:00Z");

  /** A transition under test: its name and how to perform it (with a reason where one is asked). */
  record Transition(String name, Consumer<Application> perform) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Transition> TRANSITIONS =
      List.of(
          new Transition("submit", a -> a.submit("HZ2026-A1-000001", "ab", NOW, null)),
          new Transition("withdraw", a -> a.withdraw(DEADLINES, NOW)),
          new Transition("confirmByUnit", a -> a.confirmByUnit(DEADLINES, NOW)),
          new Transition("returnToPi", a -> a.returnToPi(DEADLINES, NOW, "fix the budget")),
          new Transition("markRecommended", a -> a.markRecommended(NOW)),
          new Transition("markNotRecommended", a -> a.markNotRecommended(NOW, "quota")),
          new Transition(
              "returnByRecommender", a -> a.returnByRecommender(DEADLINES, NOW, "letter")),
          new Transition("reconsider", a -> a.reconsider(NOW)),
          new Transition("markFormallyPassed", a -> a.markFormallyPassed(NOW)),
          new Transition("markFormallyFailed", a -> a.markFormallyFailed(NOW, "G3 31 %")),
          new Transition("markApproved", a -> a.markApproved(NOW)),
          new Transition("markNotApproved", a -> a.markNotApproved(NOW, "ranked too low")));

  /** The allowed transitions: from → transition → to. Everything not listed is refused. */
  static final Map<ApplicationStatus, Map<String, ApplicationStatus>> ALLOWED =
      new EnumMap<>(ApplicationStatus.class);

  static {
    allow(DRAFT, "submit", SUBMITTED);
    allow(DRAFT, "withdraw", WITHDRAWN);
    allow(SUBMITTED, "withdraw", WITHDRAWN);
    allow(SUBMITTED, "confirmByUnit", CONFIRMED);
    allow(SUBMITTED, "returnToPi", RETURNED);
    allow(RETURNED, "submit", SUBMITTED);
    allow(RETURNED, "withdraw", WITHDRAWN);
    allow(CONFIRMED, "markRecommended", RECOMMENDED);
    allow(CONFIRMED, "markNotRecommended", NOT_RECOMMENDED);
    allow(CONFIRMED, "returnByRecommender", RECOMMENDER_RETURNED);
    allow(RECOMMENDED, "reconsider", CONFIRMED);
    allow(NOT_RECOMMENDED, "reconsider", CONFIRMED);
    allow(RECOMMENDER_RETURNED, "submit", SUBMITTED);
    allow(RECOMMENDER_RETURNED, "withdraw", WITHDRAWN);
    allow(RECOMMENDED, "markFormallyPassed", FORMAL_PASSED);
    allow(RECOMMENDED, "markFormallyFailed", FORMAL_FAILED);
    allow(FORMAL_PASSED, "markApproved", APPROVED);
    allow(FORMAL_PASSED, "markNotApproved", NOT_APPROVED);
  }

  static void allow(ApplicationStatus from, String transition, ApplicationStatus to) {
    ALLOWED.computeIfAbsent(from, k -> new java.util.HashMap<>()).put(transition, to);
  }

  /** How to bring a new application into each status, through allowed transitions only. */
  static final Map<ApplicationStatus, List<String>> PATH =
      Map.ofEntries(
          Map.entry(DRAFT, List.of()),
          Map.entry(SUBMITTED, List.of("submit")),
          Map.entry(WITHDRAWN, List.of("withdraw")),
          Map.entry(RETURNED, List.of("submit", "returnToPi")),
          Map.entry(CONFIRMED, List.of("submit", "confirmByUnit")),
          Map.entry(RECOMMENDED, List.of("submit", "confirmByUnit", "markRecommended")),
          Map.entry(NOT_RECOMMENDED, List.of("submit", "confirmByUnit", "markNotRecommended")),
          Map.entry(
              RECOMMENDER_RETURNED, List.of("submit", "confirmByUnit", "returnByRecommender")),
          Map.entry(
              FORMAL_PASSED,
              List.of("submit", "confirmByUnit", "markRecommended", "markFormallyPassed")),
          Map.entry(
              FORMAL_FAILED,
              List.of("submit", "confirmByUnit", "markRecommended", "markFormallyFailed")),
          Map.entry(
              APPROVED,
              List.of(
                  "submit",
                  "confirmByUnit",
                  "markRecommended",
                  "markFormallyPassed",
                  "markApproved")),
          Map.entry(
              NOT_APPROVED,
              List.of(
                  "submit",
                  "confirmByUnit",
                  "markRecommended",
                  "markFormallyPassed",
                  "markNotApproved")));

  static Transition transition(String name) {
    return TRANSITIONS.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  static Application in(ApplicationStatus status) {
    Application a = new Application(1L, "A1", "pi", 7L, OPENS);
    PATH.get(status).forEach(t -> transition(t).perform().accept(a));
    assertEquals(status, a.getStatus(), "path to " + status);
    return a;
  }

  /** Every (status, transition) pair: 12 × 11 = 132 cases. */
  static Stream<Arguments> everyPair() {
    List<Arguments> all = new ArrayList<>();
    for (ApplicationStatus s : ApplicationStatus.values()) {
      for (Transition t : TRANSITIONS) {
        all.add(Arguments.of(s, t));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} --{1}-->")
  @MethodSource("everyPair")
  void everyTransitionFromEveryStatus(ApplicationStatus from, Transition t) {
    Application a = in(from);
    ApplicationStatus to = ALLOWED.getOrDefault(from, Map.of()).get(t.name());
    if (to != null) {
      t.perform().accept(a);
      assertEquals(to, a.getStatus());
      assertEquals(NOW, a.getUpdatedAt());
    } else {
      TransitionRefusedException e =
          assertThrows(TransitionRefusedException.class, () -> t.perform().accept(a));
      assertEquals(from, a.getStatus(), "a refused transition changes nothing");
      assertEquals(from, e.from());
      assertEquals(t.name(), e.transition());
      assertEquals("F-STATE", e.violations().get(0).ruleId());
      assertTrue(
          e.violations().get(0).messageKey().startsWith("submission.rule."),
          e.violations().get(0).messageKey());
    }
  }

  @Test
  void everyStatusIsReachable() {
    assertEquals(ApplicationStatus.values().length, PATH.size());
  }

  @Test
  void refusalsNameTheStatusByItsLabelKeyOrTheSpecificMessage() {
    assertEquals(
        "submission.rule.wrongState.DRAFT",
        assertThrows(
                TransitionRefusedException.class, () -> in(DRAFT).confirmByUnit(DEADLINES, NOW))
            .violations()
            .get(0)
            .messageKey());
    assertEquals(
        "submission.rule.notEditable",
        assertThrows(
                TransitionRefusedException.class, () -> in(CONFIRMED).submit("x", "y", NOW, null))
            .violations()
            .get(0)
            .messageKey());
    assertEquals(
        "submission.rule.cannotWithdraw",
        assertThrows(TransitionRefusedException.class, () -> in(CONFIRMED).withdraw(DEADLINES, NOW))
            .violations()
            .get(0)
            .messageKey());
  }

  @Test
  void submitRecordsTheAcceptanceNumberAndTheHash() {
    Application a = in(DRAFT);
    a.submit("HZ2026-A1-000009", "cafe", NOW, null);
    assertEquals("HZ2026-A1-000009", a.getAcceptanceNo());
    assertEquals("cafe", a.getContentSha256());
    assertEquals(NOW, a.getSubmittedAt());
  }

  @Test
  void transitionsThatNeedAReasonRefuseABlankOne() {
    List<Consumer<Application>> blank =
        List.of(
            a -> a.returnToPi(DEADLINES, NOW, " "),
            a -> a.markNotRecommended(NOW, null),
            a -> a.returnByRecommender(DEADLINES, NOW, ""),
            a -> a.markFormallyFailed(NOW, "  "),
            a -> a.markNotApproved(NOW, null));
    List<ApplicationStatus> from =
        List.of(SUBMITTED, CONFIRMED, CONFIRMED, RECOMMENDED, FORMAL_PASSED);
    for (int i = 0; i < blank.size(); i++) {
      Application a = in(from.get(i));
      Consumer<Application> t = blank.get(i);
      RuleViolationException e = assertThrows(RuleViolationException.class, () -> t.accept(a));
      assertEquals("F-REQ", e.violations().get(0).ruleId());
      assertEquals("reason", e.violations().get(0).field());
      assertEquals(from.get(i), a.getStatus());
    }
  }

  @Test
  void theDeadlinesOfD1AreCheckedAfterTheStatus() {
    Instant late = Instant.parse("2025-09-20T00:00:00Z");
    RuleViolationException withdraw =
        assertThrows(RuleViolationException.class, () -> in(SUBMITTED).withdraw(DEADLINES, late));
    assertEquals("D1", withdraw.violations().get(0).ruleId());
    RuleViolationException confirm =
        assertThrows(
            RuleViolationException.class, () -> in(SUBMITTED).confirmByUnit(DEADLINES, late));
    assertEquals("D1", confirm.violations().get(0).ruleId());
    Instant afterPiWindow = Instant.parse("2025-09-16T00:00:00Z");
    Application a = in(SUBMITTED);
    RuleViolationException ret =
        assertThrows(
            RuleViolationException.class, () -> a.returnToPi(DEADLINES, afterPiWindow, "why"));
    assertEquals("D1", ret.violations().get(0).ruleId());
    assertEquals(SUBMITTED, a.getStatus());
    // a wrong status is named before a passed deadline
    assertThrows(
        TransitionRefusedException.class, () -> in(CONFIRMED).confirmByUnit(DEADLINES, late));
    assertNull(in(DRAFT).getAcceptanceNo());
  }
}
