package io.hezuo.recommendation.api;

import java.io.Serializable;
import java.util.List;

/**
 * The result of an Excel import of quotas: nothing is imported when any row has an error; each
 * error names its row (from 1, as Excel counts, the header being row 1), its column and the message
 * in the caller's language.
 */
public record QuotaImportReport(int rows, boolean imported, List<RowError> errors)
    implements Serializable {

  public QuotaImportReport {
    errors = List.copyOf(errors);
  }

  public record RowError(int row, String column, String message) implements Serializable {}
}
