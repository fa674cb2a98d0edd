package io.hezuo.scoring.web;

import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.scoring.domain.ScoreSheet;
import io.hezuo.scoring.service.ScoreSheets;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backing bean of {@code app/scoring/sheets.xhtml}: the officer chooses a line and edits its score
 * sheet — criteria with weights (their sum shown as they are typed), scales and bands (one per
 * line: {@code 0-3 差：明显不足 | Poor: clearly insufficient}), the comment rule — and saves it with a
 * reason. Each problem is shown beside its field; nothing is stored until all are fixed.
 */
@Named("scSheets")
@ViewScoped
public class ScoringSheetsPage implements Serializable {

  private static final Pattern ROW = Pattern.compile("criteria\\[(\\d+)]\\.(\\w+)");
  private static final Pattern BAND =
      Pattern.compile("\\s*(\\d+)\\s*[-–~～]\\s*(\\d+)\\s+([^|]+?)\\s*\\|\\s*(.+?)\\s*");

  @Inject ScoreSheets sheets;
  @Inject io.hezuo.directory.api.AccountDirectory accounts;

  private List<ScoreSheets.LineSheet> lines;
  private String line;
  private ScoreSheets.LineSheet current;
  private List<Row> rows;
  private boolean commentRequired;
  private Integer minComment;
  private String reason;
  private String updatedBy;

  /** One criterion as edited (numbers may be empty while typing). */
  public static class Row implements Serializable {
    private String code;
    private String nameZh;
    private String nameEn;
    private Integer weight;
    private Integer min;
    private Integer max;
    private String bands;

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getNameZh() {
      return nameZh;
    }

    public void setNameZh(String nameZh) {
      this.nameZh = nameZh;
    }

    public String getNameEn() {
      return nameEn;
    }

    public void setNameEn(String nameEn) {
      this.nameEn = nameEn;
    }

    public Integer getWeight() {
      return weight;
    }

    public void setWeight(Integer weight) {
      this.weight = weight;
    }

    public Integer getMin() {
      return min;
    }

    public void setMin(Integer min) {
      this.min = min;
    }

    public Integer getMax() {
      return max;
    }

    public void setMax(Integer max) {
      this.max = max;
    }

    public String getBands() {
      return bands;
    }

    public void setBands(String bands) {
      this.bands = bands;
    }
  }

  public void load() {
    if (lines != null) {
      return;
    }
    try {
      lines = sheets.all();
    } catch (HezuoException e) {
      lines = List.of();
      FacesViolations.error("scoring.web.noCall");
      return;
    }
    if (line == null && !lines.isEmpty()) {
      line = lines.get(0).lineCode();
    }
    choose();
  }

  /** Shows the chosen line's sheet for editing. */
  public void choose() {
    current = lines.stream().filter(l -> l.lineCode().equals(line)).findFirst().orElse(null);
    if (current == null) {
      rows = new ArrayList<>();
      return;
    }
    edit(current.sheet());
    reason = null;
    named();
  }

  /** Who changed the sheet last, by name (read once when the line is chosen or saved). */
  private void named() {
    updatedBy = null;
    if (current != null && current.updatedBy() != null) {
      updatedBy =
          accounts
              .personNames(List.of(current.updatedBy()))
              .getOrDefault(current.updatedBy(), current.updatedBy());
    }
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  /** When the sheet was changed last, in Asia/Shanghai. */
  public String getUpdatedAt() {
    return current == null ? "" : io.hezuo.kernel.time.Zones.format(current.updatedAt());
  }

  private void edit(ScoreSheet s) {
    rows = new ArrayList<>();
    for (ScoreSheet.Criterion c : s.criteria()) {
      Row r = new Row();
      r.code = c.code();
      r.nameZh = c.nameZh();
      r.nameEn = c.nameEn();
      r.weight = c.weight();
      r.min = c.min();
      r.max = c.max();
      StringBuilder b = new StringBuilder();
      for (ScoreSheet.Descriptor d : c.descriptors()) {
        b.append(b.length() == 0 ? "" : "\n")
            .append(d.from())
            .append('-')
            .append(d.to())
            .append(' ')
            .append(d.zh())
            .append(" | ")
            .append(d.en());
      }
      r.bands = b.toString();
      rows.add(r);
    }
    commentRequired = s.commentRequired();
    minComment = s.minComment();
  }

  public void addRow() {
    Row r = new Row();
    r.min = 0;
    r.max = 10;
    r.bands = "";
    rows.add(r);
  }

  public void removeRow(int index) {
    if (index >= 0 && index < rows.size()) {
      rows.remove(index);
    }
  }

  /** The standard sheet in the editor (not saved until the officer saves it). */
  public void standard() {
    edit(ScoreSheet.standard());
  }

  /** The weights typed so far, added up. */
  public int getWeightSum() {
    return rows == null ? 0 : rows.stream().mapToInt(r -> r.weight == null ? 0 : r.weight).sum();
  }

  public void save() {
    FacesContext fc = FacesContext.getCurrentInstance();
    List<ScoreSheet.Criterion> criteria = new ArrayList<>();
    boolean badBands = false;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      List<ScoreSheet.Descriptor> bands = new ArrayList<>();
      for (String l : (r.bands == null ? "" : r.bands).split("\\R")) {
        if (l.isBlank()) {
          continue;
        }
        Matcher m = BAND.matcher(l);
        if (!m.matches()) {
          badBands = true;
          fc.addMessage(
              "sheet:criteria:" + i + ":bands",
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  Messages.describe(
                      fc.getViewRoot().getLocale(),
                      RuleViolation.error(
                          "F-SHEET", "bands", "scoring.web.bandLine", l.strip(), i + 1)),
                  null));
          break;
        }
        bands.add(
            new ScoreSheet.Descriptor(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                m.group(3),
                m.group(4)));
      }
      criteria.add(
          new ScoreSheet.Criterion(
              r.code == null ? null : r.code.trim(),
              r.nameZh,
              r.nameEn,
              r.weight == null ? -1 : r.weight,
              r.min == null ? -1 : r.min,
              r.max == null ? -1 : r.max,
              bands));
    }
    if (badBands) {
      fc.validationFailed();
      return;
    }
    try {
      current =
          sheets.save(
              line,
              new ScoreSheet(criteria, commentRequired, minComment == null ? -1 : minComment),
              current.version(),
              reason);
      lines = sheets.all();
      edit(current.sheet());
      reason = null;
      named();
      FacesViolations.info("scoring.web.saved");
    } catch (RuleViolationException e) {
      List<RuleViolation> rest = new ArrayList<>();
      for (RuleViolation v : e.violations()) {
        Matcher m = v.field() == null ? null : ROW.matcher(v.field());
        if (m != null && m.matches()) {
          String prop = m.group(2).equals("scale") ? "max" : m.group(2);
          prop = prop.equals("name") ? "nameZh" : prop.equals("descriptors") ? "bands" : prop;
          fc.addMessage(
              "sheet:criteria:" + m.group(1) + ":" + prop,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  Messages.describe(fc.getViewRoot().getLocale(), v),
                  null));
        } else {
          rest.add(v);
        }
      }
      FacesViolations.show("sheet", rest);
      fc.validationFailed();
    }
  }

  public List<ScoreSheets.LineSheet> getLines() {
    return lines;
  }

  public ScoreSheets.LineSheet getCurrent() {
    return current;
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public boolean isCommentRequired() {
    return commentRequired;
  }

  public void setCommentRequired(boolean commentRequired) {
    this.commentRequired = commentRequired;
  }

  public Integer getMinComment() {
    return minComment;
  }

  public void setMinComment(Integer minComment) {
    this.minComment = minComment;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
