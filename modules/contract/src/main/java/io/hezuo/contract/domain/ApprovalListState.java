package io.hezuo.contract.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a line's approval list stands: the officer SELECTED the projects and their subsidies,
 * PUBLISHED the list for its public notice period (公示), and made it FINAL once the period is over
 * ({@link Approval#checkFinalise}); then the applicants are told.
 *
 * <p>A published list may be withdrawn to SELECTED (an objection upheld during the notice period)
 * and published again, with a new notice period. A final list does not change.
 */
public enum ApprovalListState {
  SELECTED,
  PUBLISHED,
  FINAL;

  /** The states this one may move to. */
  public Set<ApprovalListState> next() {
    return switch (this) {
      case SELECTED -> EnumSet.of(PUBLISHED);
      case PUBLISHED -> EnumSet.of(FINAL, SELECTED);
      case FINAL -> EnumSet.noneOf(ApprovalListState.class);
    };
  }

  public boolean canMoveTo(ApprovalListState to) {
    return next().contains(to);
  }

  /** Whether the officer may still change the selection and the subsidies. */
  public boolean editable() {
    return this == SELECTED;
  }

  /** Empty when the move is allowed, else F-STATE naming both states. */
  public List<RuleViolation> checkMove(ApprovalListState to) {
    return canMoveTo(to)
        ? List.of()
        : List.of(
            RuleViolation.error(
                "F-STATE", null, "contract.approvalList.illegal", name(), to.name()));
  }
}
