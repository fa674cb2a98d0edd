package io.hezuo.formalreview.service;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
