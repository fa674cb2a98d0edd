package io.hezuo.scoring.service;

import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportJobs;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.scoring.domain.ExpertWorkbook;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The pool import's reader: checks the stored file as a whole (any problem: every problem is
 * reported and nothing is read), then gives its good rows in order; its checkpoint is the position
 * read last, so a restarted execution goes on after the last committed chunk.
 */
@Named("scExpertImportReader")
@Dependent
public class ExpertImportReader extends AbstractItemReader {

  @Inject JobContext job;
  @Inject ImportJobs jobs;
  @Inject ExpertImportWork work;

  private long jobId;
  private int last;
  private List<ExpertWorkbook.ExpertRow> rows = List.of();

  @Override
  public void open(Serializable checkpoint) throws IOException {
    jobId = ImportJobs.jobId(job);
    last = checkpoint == null ? 0 : (Integer) checkpoint;
    ImportJobView view = jobs.view(jobId);
    if (!view.running() || view.refused() > 0) {
      return;
    }
    try {
      rows = work.parse(jobId);
    } catch (RuleViolationException e) {
      work.refuse(jobId, e.violations());
      jobs.counted(jobId, 0);
      return;
    }
    if (view.total() == null) {
      jobs.counted(jobId, rows.size());
    }
  }

  @Override
  public Object readItem() {
    if (last >= rows.size()) {
      return null;
    }
    last++;
    return new ExpertImportWork.Item(last, rows.get(last - 1));
  }

  @Override
  public Serializable checkpointInfo() {
    return last;
  }
}
