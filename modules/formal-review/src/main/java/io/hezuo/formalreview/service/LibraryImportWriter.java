package io.hezuo.formalreview.service;

import io.hezuo.kernel.job.ImportJobs;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The library import's writer: stages a chunk of documents ({@link LibraryImportWork#stage}). */
@Named("frLibraryWriter")
@Dependent
public class LibraryImportWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject LibraryImportWork work;

  @Override
  public void writeItems(List<Object> items) throws InterruptedException {
    work.stage(
        ImportJobs.jobId(job), items.stream().map(LibraryImportWork.Document.class::cast).toList());
    long pause = ImportJobs.parameter(job, "pauseMillis", 0);
    if (pause > 0) {
      Thread.sleep(Math.min(pause, 60_000));
    }
  }
}
