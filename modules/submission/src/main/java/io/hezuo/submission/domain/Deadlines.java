package io.hezuo.submission.domain;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.time.Zones;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * SPEC D1 for the steps after a draft: nothing changes state after its deadline except by the
 * Department. The PI's steps (submit, withdraw) follow the submission deadline, or a later one the
 * Department granted the applying unit; the unit's confirm and return follow the recommendation
 * deadline, and a return only while the PI can still resubmit. An extension that reaches past the
 * recommendation deadline carries the unit's steps with it (else what the PI submits under it could
 * never be confirmed). A deadline of 17:30:00 still accepts 17:29:59.999 and refuses 17:30:00. Each
 * refusal names rule D1 and the deadline that applies, in Beijing time.
 *
 * @param opensAt when online submission opens
 * @param submissionClosesAt the call's submission deadline
 * @param extendedUntil the latest deadline the Department granted the applying unit, or null
 * @param recommendationClosesAt the call's recommendation deadline
 */
public record Deadlines(
    Instant opensAt,
    Instant submissionClosesAt,
    Instant extendedUntil,
    Instant recommendationClosesAt) {

  public Deadlines {
    Objects.requireNonNull(opensAt, "opensAt");
    Objects.requireNonNull(submissionClosesAt, "submissionClosesAt");
    Objects.requireNonNull(recommendationClosesAt, "recommendationClosesAt");
  }

  /** The PI's deadline: the call's, or the unit's extension when that is later. */
  public Instant piClosesAt() {
    return extendedUntil != null && extendedUntil.isAfter(submissionClosesAt)
        ? extendedUntil
        : submissionClosesAt;
  }

  /** Whether the PI may still submit (or resubmit): {@code opensAt <= now < piClosesAt()}. */
  public boolean piWindowOpen(Instant now) {
    return !now.isBefore(opensAt) && now.isBefore(piClosesAt());
  }

  /** The PI withdraws: only while the PI's window is open. */
  public Optional<RuleViolation> withdraw(Instant now) {
    return piWindowOpen(now)
        ? Optional.empty()
        : Optional.of(
            RuleViolation.error("D1", null, "submission.rule.d1.withdraw", shown(piClosesAt())));
  }

  /**
   * The applying unit's deadline: the recommendation deadline, or the PI's extended one when that
   * is later.
   */
  public Instant unitClosesAt() {
    Instant pi = piClosesAt();
    return pi.isAfter(recommendationClosesAt) ? pi : recommendationClosesAt;
  }

  /** The applying unit confirms: until the recommendation deadline. */
  public Optional<RuleViolation> confirm(Instant now) {
    return now.isBefore(unitClosesAt())
        ? Optional.empty()
        : Optional.of(
            RuleViolation.error("D1", null, "submission.rule.d1.confirm", shown(unitClosesAt())));
  }

  /**
   * The applying unit returns the application to the PI: until the recommendation deadline, and
   * only while the PI could still resubmit it.
   */
  public Optional<RuleViolation> returnToPi(Instant now) {
    if (!now.isBefore(unitClosesAt())) {
      return Optional.of(
          RuleViolation.error(
              "D1", null, "submission.rule.d1.returnClosed", shown(unitClosesAt())));
    }
    if (!piWindowOpen(now)) {
      return Optional.of(
          RuleViolation.error("D1", null, "submission.rule.d1.returnTooLate", shown(piClosesAt())));
    }
    return Optional.empty();
  }

  /**
   * The recommending unit returns a confirmed application to the PI: only while the PI could still
   * resubmit it (the recommending unit's own deadline is the recommendation module's rule).
   */
  public Optional<RuleViolation> returnByRecommender(Instant now) {
    return piWindowOpen(now)
        ? Optional.empty()
        : Optional.of(
            RuleViolation.error(
                "D1", null, "submission.rule.d1.recommenderReturnTooLate", shown(piClosesAt())));
  }

  /** An instant as the messages show it: {@code 2025-09-15 17:30:00} in Beijing time. */
  static String shown(Instant at) {
    return Zones.format(at);
  }
}
