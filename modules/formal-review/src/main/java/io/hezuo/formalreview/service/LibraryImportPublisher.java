package io.hezuo.formalreview.service;

import io.hezuo.kernel.job.ImportJobs;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The library import's last step: publishes or refuses what it staged. */
@Named("frLibraryPublisher")
@Dependent
public class LibraryImportPublisher extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject LibraryImportWork work;

  @Override
  public String process() {
    work.publish(ImportJobs.jobId(job));
    return "COMPLETED";
  }
}
