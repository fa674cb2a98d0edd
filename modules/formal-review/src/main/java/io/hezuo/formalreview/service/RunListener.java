package io.hezuo.formalreview.service;

import jakarta.annotation.Resource;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Ends the run when its job execution ends: DONE when every application was checked, FAILED
 * otherwise. A stopped execution leaves the run RUNNING: it is resumed (by hand or when its owner's
 * heartbeat is stale).
 */
@Named("frRunListener")
@Dependent
public class RunListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(RunListener.class.getName());

  @Inject JobContext job;
  @Inject RunWork work;

  @Resource ManagedScheduledExecutorService scheduler;

  /** How often the heart beats while the run prepares (well within {@link Runs#STALE}). */
  static final Duration BEAT = Duration.ofSeconds(20);

  /**
   * Before the first chunk, outside its transaction: the similarity index with the library and the
   * round (at the first run after a start, or after a library import, that takes a while). In the
   * first chunk it ran into the chunk transaction's timeout on a busy machine, and a run whose
   * heart does not beat for {@link Runs#STALE} is taken for dead and started again, so the heart
   * beats while it prepares.
   */
  @Override
  public void beforeJob() {
    long runId = RunReader.runId(job);
    ScheduledFuture<?> beat =
        scheduler.scheduleAtFixedRate(
            () -> work.beat(runId), BEAT.toSeconds(), BEAT.toSeconds(), TimeUnit.SECONDS);
    ScheduledFuture<?> shown =
        scheduler.scheduleWithFixedDelay(() -> preparing(runId), 1, 1, TimeUnit.SECONDS);
    try {
      long t0 = System.nanoTime();
      work.prepare(runId);
      LOG.info(
          String.format(
              java.util.Locale.ROOT,
              "formal review run %d: the round and the library indexed in %.1f s",
              runId,
              (System.nanoTime() - t0) / 1e9));
    } catch (RuntimeException e) {
      // the first chunk tries again (and fails the run with the reason if it cannot)
      LOG.log(java.util.logging.Level.WARNING, "formal review run " + runId + ": not prepared", e);
    } finally {
      beat.cancel(false);
      shown.cancel(false);
      preparing(runId);
    }
  }

  /** The preparation's progress written for the run's view; a failure only waits for the next. */
  private void preparing(long runId) {
    try {
      work.preparing(runId);
    } catch (RuntimeException e) {
      LOG.log(
          java.util.logging.Level.FINE, "formal review run " + runId + ": progress not written", e);
    }
  }

  @Override
  public void afterJob() {
    long runId = RunReader.runId(job);
    BatchStatus status = job.getBatchStatus();
    if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
      LOG.info("formal review run " + runId + " stopped; it can be resumed");
      return;
    }
    work.finish(runId, status == BatchStatus.FAILED ? job.getExitStatus() : null);
  }
}
