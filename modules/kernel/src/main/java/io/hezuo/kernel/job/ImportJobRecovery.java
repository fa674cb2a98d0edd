package io.hezuo.kernel.job;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Restarts stalled imports: every half minute, a RUNNING import whose owner has not beaten its
 * heart for {@link ImportJobs#STALE} (its server died, or this server restarted) is claimed by this
 * server (one server wins the claim) and its job restarted from the last checkpoint.
 */
@Singleton
public class ImportJobRecovery {

  private static final Logger LOG = Logger.getLogger(ImportJobRecovery.class.getName());

  @Inject ImportJobs jobs;

  @Schedule(hour = "*", minute = "*", second = "15/30", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void restartStalled() {
    java.util.List<Long> stalled;
    try {
      stalled = jobs.stalled();
    } catch (RuntimeException e) {
      // the database not there yet (migrations running at start-up) or away: the timer must not
      // fail (the container may drop a timer whose deliveries fail)
      LOG.log(Level.WARNING, "import jobs not looked for now: " + e);
      return;
    }
    for (long id : stalled) {
      try {
        if (jobs.restart(id)) {
          LOG.info("import job " + id + " restarted on " + ImportJobs.NODE);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "import job " + id + " not restarted here", e);
      }
    }
  }
}
