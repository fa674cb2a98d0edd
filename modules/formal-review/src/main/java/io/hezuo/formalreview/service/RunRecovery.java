package io.hezuo.formalreview.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resumes stalled formal review runs: every {@link #PERIOD} (half a minute), a RUNNING run whose
 * owner has not beaten its heart for {@link Runs#STALE} (its server died, or this server restarted)
 * is claimed by this server (one server wins the claim) and its job restarted from the last
 * checkpoint. A run a person stopped waits for a person to resume it.
 */
@Singleton
@Startup
public class RunRecovery {

  private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

  /**
   * How often stalled runs are looked for: 30 s, or the seconds in {@code
   * HEZUO_RUN_RECOVERY_SECONDS} (the integration tests shorten it).
   */
  static final Duration PERIOD = Runs.seconds("HEZUO_RUN_RECOVERY_SECONDS", Duration.ofSeconds(30));

  @Inject Runs runs;
  @Resource TimerService timers;

  @PostConstruct
  void schedule() {
    // not persistent: every server looks for itself from its start
    timers.createIntervalTimer(PERIOD.toMillis(), PERIOD.toMillis(), new TimerConfig(null, false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void resumeStalled() {
    List<Long> stalled;
    try {
      stalled = runs.stalled();
    } catch (RuntimeException e) {
      // the database not there yet (migrations still running at start-up) or down for a while:
      // the timer must not fail, or the container drops it after two failed deliveries and no run
      // is ever recovered on this server again
      LOG.log(Level.WARNING, "formal review runs not looked for now: " + e);
      return;
    }
    for (long runId : stalled) {
      try {
        if (!runs.recoverable(runId)) {
          continue;
        }
        runs.restart(runId);
        LOG.info("formal review run " + runId + " resumed on " + RunWork.NODE);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "formal review run " + runId + " not resumed here", e);
      }
    }
  }
}
