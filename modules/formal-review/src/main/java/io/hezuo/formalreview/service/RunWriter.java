package io.hezuo.formalreview.service;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The run's writer: checks and stores a chunk of applications (see {@link RunWork#process}). */
@Named("frRunWriter")
@Dependent
public class RunWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject RunWork work;

  @Override
  public void writeItems(List<Object> items) throws InterruptedException {
    long runId = RunReader.runId(job);
    work.process(runId, items.stream().map(RunWork.Item.class::cast).toList());
    long pause = RunReader.parameter(job, "pauseMillis", 0);
    if (pause > 0) {
      Thread.sleep(Math.min(pause, 60_000));
    }
  }
}
