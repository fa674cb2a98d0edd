package io.hezuo.scoring.web;

import io.hezuo.call.api.LineView;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.scoring.service.Panels;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Backing bean of {@code app/scoring/ranking.xhtml}: the officer chooses a line and sees its
 * ranking (places with ties marked, panel scores, medians, each expert's score with the outliers
 * marked, fund votes), the distribution of the panel scores as a bar chart, writes a consensus
 * remark per application, and exports the table to Excel. Read once per view and after each change.
 */
@Named("scRanking")
@ViewScoped
public class ScoringRankingPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Panels panels;

  private List<LineView> lines = List.of();
  private String line;
  private Panels.LineRanking ranking;
  private Long editing;
  private String remark;
  private long remarkVersion;

  public void load() {
    if (ranking != null) {
      return;
    }
    try {
      lines = panels.lines();
      if (line == null && !lines.isEmpty()) {
        line = lines.get(0).code();
      }
      read();
    } catch (HezuoException e) {
      FacesViolations.error("scoring.web.noCall");
    }
  }

  public void choose() {
    read();
  }

  private void read() {
    ranking = line == null ? null : panels.ranking(line);
  }

  public void edit(Panels.Row row) {
    editing = row.applicationId();
    remark = row.remark();
    remarkVersion = row.remarkVersion();
  }

  public void saveRemark() {
    if (editing == null) {
      return;
    }
    try {
      panels.remark(editing, remark, remarkVersion);
      editing = null;
      read();
      FacesViolations.info("scoring.web.ranking.remarkSaved");
    } catch (RuleViolationException e) {
      FacesViolations.show("remarkForm", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("scoring.web.work.notAllowed");
    }
  }

  /**
   * The export's options: every cell as the text the table shows (a panel score keeps its four
   * decimals, not turned into a number).
   */
  public org.primefaces.component.export.ExcelOptions getExcelOptions() {
    org.primefaces.component.export.ExcelOptions o =
        new org.primefaces.component.export.ExcelOptions();
    o.setStronglyTypedCells(false);
    return o;
  }

  /** The widest bar of the distribution (at least 1), for the bars' lengths. */
  public int getMaxBar() {
    int max = 1;
    if (ranking != null) {
      for (Panels.Bar b : ranking.distribution()) {
        max = Math.max(max, b.count());
      }
    }
    return max;
  }

  /** A score as shown: four decimals for a panel score, two for an expert's. */
  public String show(BigDecimal x, int decimals) {
    return x == null ? "" : x.setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  /** The experts' scores of a row as one text (name score, an outlier marked). */
  public String scores(Panels.Row row, String outlierMark) {
    StringBuilder b = new StringBuilder();
    for (Panels.ExpertScore s : row.scores()) {
      b.append(b.length() == 0 ? "" : "；")
          .append(s.expertName())
          .append(' ')
          .append(show(s.total(), 2))
          .append(s.outlier() ? outlierMark : "");
    }
    return b.toString();
  }

  public List<LineView> getLines() {
    return lines;
  }

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public Panels.LineRanking getRanking() {
    return ranking;
  }

  public Long getEditing() {
    return editing;
  }

  public String getRemark() {
    return remark;
  }

  public void setRemark(String remark) {
    this.remark = remark;
  }
}
