package io.hezuo.contract.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a contract (任务书) stands: generated as a DRAFT, reviewed by the lead unit, its signed and
 * stamped scan uploaded, countersigned by the officer and then IN_FORCE.
 *
 * <p>The officer may return an uploaded scan (a missing stamp, an unreadable page) to the lead unit
 * (SIGNED_UPLOADED → UNIT_REVIEWED), and the lead unit may reopen its review before uploading
 * (UNIT_REVIEWED → DRAFT). A contract in force changes only through change requests.
 */
public enum ContractState {
  DRAFT,
  UNIT_REVIEWED,
  SIGNED_UPLOADED,
  IN_FORCE;

  /** The states this one may move to. */
  public Set<ContractState> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(UNIT_REVIEWED);
      case UNIT_REVIEWED -> EnumSet.of(SIGNED_UPLOADED, DRAFT);
      case SIGNED_UPLOADED -> EnumSet.of(IN_FORCE, UNIT_REVIEWED);
      case IN_FORCE -> EnumSet.noneOf(ContractState.class);
    };
  }

  public boolean canMoveTo(ContractState to) {
    return next().contains(to);
  }

  /** Empty when the move is allowed, else F-STATE naming both states. */
  public List<RuleViolation> checkMove(ContractState to) {
    return canMoveTo(to)
        ? List.of()
        : List.of(
            RuleViolation.error("F-STATE", null, "contract.state.illegal", name(), to.name()));
  }
}
