package io.hezuo.directory.service;

import io.hezuo.kernel.job.ImportJobs;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The other-plans import's writer: stages a chunk of rows ({@link OtherPlansImportWork#stage}). */
@Named("dirOtherPlansWriter")
@Dependent
public class OtherPlansImportWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject OtherPlansImportWork work;

  @Override
  public void writeItems(List<Object> items) throws InterruptedException {
    work.stage(
        ImportJobs.jobId(job), items.stream().map(OtherPlansImportWork.Row.class::cast).toList());
    long pause = ImportJobs.parameter(job, "pauseMillis", 0);
    if (pause > 0) {
      Thread.sleep(Math.min(pause, 60_000));
    }
  }
}
