package io.hezuo.scoring.service;

import io.hezuo.kernel.job.ImportJobs;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The pool import's writer: checks a chunk of rows against the pool ({@link
 * ExpertImportWork#check}).
 */
@Named("scExpertImportWriter")
@Dependent
public class ExpertImportWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject ExpertImportWork work;

  @Override
  public void writeItems(List<Object> items) throws InterruptedException {
    work.check(
        ImportJobs.jobId(job), items.stream().map(ExpertImportWork.Item.class::cast).toList());
    long pause = ImportJobs.parameter(job, "pauseMillis", 0);
    if (pause > 0) {
      Thread.sleep(Math.min(pause, 60_000));
    }
  }
}
