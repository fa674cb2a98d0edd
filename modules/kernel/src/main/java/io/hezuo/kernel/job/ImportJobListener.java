package io.hezuo.kernel.job;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * The listener of every import job ({@code <listener ref="importJobListener"/>}): an execution that
 * FAILED fails its import (nothing imported). A stopped execution leaves it RUNNING, to be
 * restarted; one that completed has ended its import in its last step.
 */
@Named("importJobListener")
@Dependent
public class ImportJobListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(ImportJobListener.class.getName());

  @Inject JobContext job;
  @Inject ImportJobs jobs;

  @Override
  public void afterJob() {
    long id = ImportJobs.jobId(job);
    BatchStatus status = job.getBatchStatus();
    if (status == BatchStatus.FAILED) {
      LOG.warning("import job " + id + " failed: " + job.getExitStatus());
      jobs.failed(id, job.getExitStatus() == null ? "FAILED" : job.getExitStatus());
    } else if (status == BatchStatus.COMPLETED && jobs.view(id).running()) {
      // the last step did not end the import: a job without a publishing step is a fault
      jobs.failed(id, "the job completed without publishing or refusing");
    }
  }
}
