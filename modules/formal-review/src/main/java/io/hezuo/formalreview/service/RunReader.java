package io.hezuo.formalreview.service;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The run's reader: its applications in order, a page at a time; its checkpoint is the position
 * read last, so a restarted execution goes on after the last committed chunk.
 */
@Named("frRunReader")
@Dependent
public class RunReader extends AbstractItemReader {

  @Inject JobContext job;
  @Inject RunWork work;

  private long runId;
  private int last;
  private final Deque<RunWork.Item> buffer = new ArrayDeque<>();

  @Override
  public void open(Serializable checkpoint) {
    runId = runId(job);
    last = checkpoint == null ? 0 : (Integer) checkpoint;
  }

  @Override
  public Object readItem() {
    if (buffer.isEmpty()) {
      buffer.addAll(work.next(runId, last, 100));
      if (buffer.isEmpty()) {
        return null;
      }
    }
    RunWork.Item item = buffer.poll();
    last = item.position();
    return item;
  }

  @Override
  public Serializable checkpointInfo() {
    return last;
  }

  /** The run a job execution works for (its parameter {@code runId}). */
  static long runId(JobContext job) {
    return Long.parseLong(
        BatchRuntime.getJobOperator().getParameters(job.getExecutionId()).getProperty("runId"));
  }

  /** A long job parameter, or the default. */
  static long parameter(JobContext job, String name, long otherwise) {
    String v = BatchRuntime.getJobOperator().getParameters(job.getExecutionId()).getProperty(name);
    try {
      return v == null ? otherwise : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
