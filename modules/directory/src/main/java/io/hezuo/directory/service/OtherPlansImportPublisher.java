package io.hezuo.directory.service;

import io.hezuo.kernel.job.ImportJobs;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The other-plans import's last step: replaces the lists the file holds, or refuses it all. */
@Named("dirOtherPlansPublisher")
@Dependent
public class OtherPlansImportPublisher extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject OtherPlansImportWork work;

  @Override
  public String process() {
    work.publish(ImportJobs.jobId(job));
    return "COMPLETED";
  }
}
