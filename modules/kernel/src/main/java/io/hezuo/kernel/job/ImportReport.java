package io.hezuo.kernel.job;

import io.hezuo.kernel.i18n.Messages;
import java.time.Instant;
import java.util.List;

/**
 * An import job as the REST API shows it: its progress and, line by line, its report with each
 * reason in both languages.
 */
public record ImportReport(
    long id,
    String kind,
    String status,
    String fileName,
    Integer total,
    int done,
    int percent,
    int imported,
    int skipped,
    int refused,
    boolean stalled,
    int restarts,
    String startedBy,
    Instant startedAt,
    Instant finishedAt,
    String summary,
    String failure,
    Long readByLastExecution,
    List<Line> items) {

  /** One line of the report. */
  public record Line(
      int position,
      String name,
      String outcome,
      String ruleId,
      String messageZh,
      String messageEn) {}

  public static ImportReport of(ImportJobView v, List<ImportItem> items) {
    return new ImportReport(
        v.id(),
        v.kind(),
        v.status(),
        v.fileName(),
        v.total(),
        v.done(),
        v.percent(),
        v.imported(),
        v.skipped(),
        v.refused(),
        v.stalled(),
        v.restarts(),
        v.startedBy(),
        v.startedAt(),
        v.finishedAt(),
        v.summary(),
        v.failure(),
        v.readByLastExecution(),
        items.stream()
            .map(
                i ->
                    new Line(
                        i.position(),
                        i.name(),
                        i.outcome(),
                        i.ruleId(),
                        Messages.get(Messages.CHINESE, i.messageKey(), i.arguments()),
                        Messages.get(Messages.ENGLISH, i.messageKey(), i.arguments())))
            .toList());
  }
}
