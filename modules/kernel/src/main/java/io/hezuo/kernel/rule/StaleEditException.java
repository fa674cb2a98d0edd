package io.hezuo.kernel.rule;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Someone saved the same record since the caller read it (optimistic locking): REST answers 409,
 * Faces shows the violation (rule {@code F-STALE}) like any other.
 */
@ApplicationException(rollback = true)
public class StaleEditException extends RuleViolationException {

  private static final long serialVersionUID = 1L;

  public StaleEditException(RuleViolation violation) {
    super(List.of(violation));
  }
}
