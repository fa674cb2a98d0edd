package io.hezuo.formalreview.web;

import io.hezuo.formalreview.api.IntegrityRecordView;
import io.hezuo.formalreview.service.IntegrityRecords;
import io.hezuo.kernel.time.Zones;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Backing bean of {@code app/formal-review/integrity.xhtml}: the integrity records, read once. */
@Named("frIntegrity")
@ViewScoped
public class FormalReviewIntegrity implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject IntegrityRecords records;

  private List<IntegrityRecordView> rows;

  public List<IntegrityRecordView> getRows() {
    if (rows == null) {
      rows = records.all();
    }
    return rows;
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }
}
