package io.hezuo.scoring.web;

import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.time.Zones;
import io.hezuo.scoring.service.ExpertWork;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Backing bean of {@code app/scoring/mine.xhtml}: the expert's assignments in the current call,
 * with their status, weighted total and the review's deadline; read once per view.
 */
@Named("scMine")
@ViewScoped
public class ScoringMinePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ExpertWork work;

  private List<ExpertWork.Mine> rows = List.of();
  private List<ExpertWork.Mine> filtered;
  private Instant closesAt;

  public void load() {
    try {
      rows = work.mine();
      closesAt = rows.isEmpty() ? null : rows.get(0).closesAt();
    } catch (HezuoException e) {
      rows = List.of();
      FacesViolations.error("scoring.web.noCall");
    }
  }

  public List<ExpertWork.Mine> getRows() {
    return rows;
  }

  public List<ExpertWork.Mine> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<ExpertWork.Mine> filtered) {
    this.filtered = filtered;
  }

  public long getOpen() {
    return rows.stream().filter(r -> !"SUBMITTED".equals(r.status())).count();
  }

  public String getDeadline() {
    return closesAt == null ? null : Zones.format(closesAt);
  }

  public String format(Instant i) {
    return i == null ? "" : Zones.format(i);
  }
}
