package io.hezuo.submission.domain;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.submission.api.ApplicationStatus;

/**
 * A transition the application's current status does not allow (rule {@code F-STATE}), e.g.
 * confirming an application that is still a draft.
 *
 * <p>A {@link RuleViolationException} on purpose: {@code kernel.rest.ProblemMappers.Rules} answers
 * it 422 with the violation (a request that is well-formed but breaks a rule of the current state,
 * the same answer the service gave before the state machine moved into the domain), Faces shows it
 * with {@code FacesViolations} like any other rule, and the transaction is rolled back. An {@code
 * IllegalStateException} would fall through to the mappers' fallback and answer 500 for a client's
 * mistake. The message names the current status by its label ({@code
 * submission.rule.wrongState.<STATUS>}), never by the enum's name.
 */
public class TransitionRefusedException extends RuleViolationException {

  private static final long serialVersionUID = 1L;
  private final ApplicationStatus from;
  private final String transition;

  public TransitionRefusedException(String transition, ApplicationStatus from, String key) {
    super(RuleViolation.error("F-STATE", null, key));
    this.transition = transition;
    this.from = from;
  }

  public TransitionRefusedException(String transition, ApplicationStatus from) {
    this(transition, from, "submission.rule.wrongState." + from.name());
  }

  /** The status the application was in. */
  public ApplicationStatus from() {
    return from;
  }

  /** The refused transition, e.g. {@code confirmByUnit}. */
  public String transition() {
    return transition;
  }
}
