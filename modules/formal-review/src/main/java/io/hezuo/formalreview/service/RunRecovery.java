package io.hezuo.formalreview.service;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resumes stalled formal review runs: every half minute, a RUNNING run whose owner has not beaten
 * its heart for {@link Runs#STALE} (its server died, or this server restarted) is claimed by this
 * server (one server wins the claim) and its job restarted from the last checkpoint.
 */
@Singleton
public class RunRecovery {

  private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

  @Inject Runs runs;

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void resumeStalled() {
    for (long runId : runs.stalled()) {
      try {
        runs.restart(runId);
        LOG.info("formal review run " + runId + " resumed on " + RunWork.NODE);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "formal review run " + runId + " not resumed here", e);
      }
    }
  }
}
