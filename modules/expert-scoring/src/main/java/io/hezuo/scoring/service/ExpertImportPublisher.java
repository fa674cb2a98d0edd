package io.hezuo.scoring.service;

import io.hezuo.kernel.job.ImportJobs;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The pool import's last step: adds and updates the file's experts, or refuses it all. */
@Named("scExpertImportPublisher")
@Dependent
public class ExpertImportPublisher extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject ExpertImportWork work;

  @Override
  public String process() {
    work.publish(ImportJobs.jobId(job));
    return "COMPLETED";
  }
}
