package io.hezuo.scoring.web;

import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.faces.PagedModel;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.scoring.service.Assignments;
import io.hezuo.scoring.service.ReviewSettings;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Backing bean of {@code app/scoring/assignments.xhtml} (officers): the review settings card; the
 * automatic assignment (confirmed first) with its summary; the applications of the review with
 * their experts (fit and status), searched, filtered by line, by needing reassignment or by
 * shortfall, paged and exported; adding an expert (the conflict reasons shown when refused) and
 * removing one with a reason; a second tab with each expert's progress, reminders and the reopening
 * of a submitted sheet. Everything is read once per request and held in the view.
 */
@Named("scAssign")
@ViewScoped
public class ScoringAssignmentsPage implements Serializable {

  /** The filters of the applications' table. */
  public enum Show {
    ALL,
    REASSIGN,
    SHORT
  }

  @Inject ReviewSettings settings;
  @Inject Assignments assignments;

  // settings
  private ReviewSettings.Review review;
  private LocalDateTime opensAt;
  private LocalDateTime closesAt;
  private Integer perApplication;
  private boolean blind;
  private boolean sameCity;
  private boolean normalise;
  private BigDecimal outlierThreshold;
  private String reason;

  // lists
  private List<Assignments.ApplicationProgress> all;
  private List<Assignments.ExpertProgress> experts;
  private String text;
  private String line;
  private Show show = Show.ALL;
  private Assignments.Summary summary;

  // dialogs
  private Long addTo;
  private Long expertId;
  private Long target;
  private String targetLabel;
  private String actionReason;

  private final PagedModel<Assignments.ApplicationProgress> model =
      new PagedModel<>(
          (first, size) -> {
            List<Assignments.ApplicationProgress> rows = filtered();
            return new PagedModel.Page<>(
                rows.size(),
                rows.subList(Math.min(first, rows.size()), Math.min(rows.size(), first + size)));
          },
          Assignments.ApplicationProgress::applicationId);

  public void load() {
    if (review != null) {
      return;
    }
    try {
      review = settings.current();
      edit(review);
      reload();
    } catch (io.hezuo.kernel.error.NotFoundException e) {
      FacesViolations.error("scoring.web.noCall");
    }
  }

  private void edit(ReviewSettings.Review r) {
    opensAt = local(r.opensAt());
    closesAt = local(r.closesAt());
    perApplication = r.perApplication();
    blind = r.blind();
    sameCity = r.sameCityConflict();
    normalise = r.normalise();
    outlierThreshold = r.outlierThreshold();
  }

  private void reload() {
    all = assignments.overview();
    experts = assignments.experts();
    model.refresh();
  }

  /** The applications that match the search and the filters (in memory: read once). */
  List<Assignments.ApplicationProgress> filtered() {
    if (all == null) {
      return List.of();
    }
    String t = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
    List<Assignments.ApplicationProgress> out = new ArrayList<>();
    for (Assignments.ApplicationProgress a : all) {
      if (line != null && !line.isBlank() && !line.equals(a.lineCode())) {
        continue;
      }
      if (show == Show.REASSIGN && !a.needsReassignment()) {
        continue;
      }
      if (show == Show.SHORT && a.shortfall() == 0) {
        continue;
      }
      if (t != null
          && !(contains(a.acceptanceNo(), t)
              || contains(a.titleZh(), t)
              || contains(a.titleEn(), t)
              || a.experts().stream().anyMatch(e -> contains(e.expertName(), t)))) {
        continue;
      }
      out.add(a);
    }
    return out;
  }

  private static boolean contains(String s, String t) {
    return s != null && s.toLowerCase(Locale.ROOT).contains(t);
  }

  public void search() {
    model.refresh();
  }

  public void saveSettings() {
    try {
      review =
          settings.save(
              new ReviewSettings.Change(
                  instant(opensAt),
                  instant(closesAt),
                  perApplication,
                  blind,
                  sameCity,
                  normalise,
                  outlierThreshold,
                  review.version(),
                  reason));
      edit(review);
      reason = null;
      reload();
      FacesViolations.info("scoring.web.review.saved");
    } catch (RuleViolationException e) {
      FacesViolations.show("settings", e.violations());
    }
  }

  public void auto() {
    try {
      summary = assignments.auto(null, true);
      reload();
      FacesViolations.info("scoring.web.assign.done", summary.assigned(), summary.averageFit());
    } catch (RuleViolationException e) {
      FacesViolations.show("assign", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("scoring.web.noCall");
    }
  }

  /** Opens the dialog to add an expert to an application. */
  public void startAdd(long applicationId) {
    addTo = applicationId;
    expertId = null;
  }

  public void add() {
    if (addTo == null || expertId == null) {
      FacesViolations.show(
          "addDialog",
          List.of(
              io.hezuo.kernel.rule.RuleViolation.error(
                  "F-REQ", "expert", "scoring.assign.pairRequired")));
      return;
    }
    try {
      assignments.add(addTo, expertId);
      reload();
      org.primefaces.PrimeFaces.current().executeScript("PF('addDlg').hide()");
      FacesViolations.info("scoring.web.assign.added");
    } catch (RuleViolationException e) {
      // each reason beside the expert's choice (conflicts, load, inactive, a full panel)
      FacesViolations.show(
          "addDialog",
          e.violations().stream()
              .map(
                  v ->
                      new io.hezuo.kernel.rule.RuleViolation(
                          v.ruleId(), v.severity(), "expert", v.messageKey(), v.args()))
              .toList());
    }
  }

  /** Opens the dialog to remove ({@code reopen} false) or reopen an assignment. */
  public void startAction(long assignmentId, String label) {
    target = assignmentId;
    targetLabel = label;
    actionReason = null;
  }

  public void remove() {
    try {
      assignments.remove(target, actionReason);
      reload();
      org.primefaces.PrimeFaces.current().executeScript("PF('removeDlg').hide()");
      FacesViolations.info("scoring.web.assign.removed");
    } catch (RuleViolationException e) {
      FacesViolations.show("removeDialog", e.violations());
    }
  }

  public void reopen() {
    try {
      assignments.reopen(target, actionReason);
      reload();
      org.primefaces.PrimeFaces.current().executeScript("PF('reopenDlg').hide()");
      FacesViolations.info("scoring.web.assign.reopened");
    } catch (RuleViolationException e) {
      FacesViolations.show("reopenDialog", e.violations());
    }
  }

  public void remind(Long expert) {
    int n = assignments.remind(expert == null ? null : List.of(expert));
    reload();
    FacesViolations.info("scoring.web.assign.reminded", n);
  }

  // ------------------------------------------------------------------------------ views

  public PagedModel<Assignments.ApplicationProgress> getModel() {
    return model;
  }

  public List<Assignments.ExpertProgress> getExperts() {
    return experts == null ? List.of() : experts;
  }

  /** The active experts to choose from when adding one, by name. */
  public List<Assignments.ExpertProgress> getChoosable() {
    return getExperts().stream().filter(Assignments.ExpertProgress::active).toList();
  }

  public List<String> getLines() {
    TreeSet<String> lines = new TreeSet<>();
    if (all != null) {
      all.forEach(a -> lines.add(a.lineCode()));
    }
    return List.copyOf(lines);
  }

  public Show[] getShows() {
    return Show.values();
  }

  /** The application the add dialog is for (its acceptance number), or empty. */
  public String getAddToLabel() {
    if (addTo == null || all == null) {
      return "";
    }
    return all.stream()
        .filter(a -> a.applicationId() == addTo)
        .map(Assignments.ApplicationProgress::acceptanceNo)
        .findFirst()
        .orElse("");
  }

  /** The experts of an application as one cell of the export: name (fit, status), … */
  public String expertsText(Assignments.ApplicationProgress a) {
    java.util.Locale locale =
        jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
    StringBuilder b = new StringBuilder();
    for (Assignments.Row e : a.experts()) {
      b.append(b.length() == 0 ? "" : "; ")
          .append(e.expertName())
          .append(" (")
          .append(io.hezuo.kernel.i18n.Messages.get(locale, "scoring.web.assign.fit." + e.fit()))
          .append(", ")
          .append(io.hezuo.kernel.i18n.Messages.get(locale, "scoring.status." + e.status()))
          .append(')');
    }
    return b.toString();
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }

  private static LocalDateTime local(Instant i) {
    return i == null ? null : LocalDateTime.ofInstant(i, Zones.SHANGHAI);
  }

  private static Instant instant(LocalDateTime d) {
    return d == null ? null : d.atZone(Zones.SHANGHAI).toInstant();
  }

  // ------------------------------------------------------------------------------ fields

  public ReviewSettings.Review getReview() {
    return review;
  }

  public LocalDateTime getOpensAt() {
    return opensAt;
  }

  public void setOpensAt(LocalDateTime opensAt) {
    this.opensAt = opensAt;
  }

  public LocalDateTime getClosesAt() {
    return closesAt;
  }

  public void setClosesAt(LocalDateTime closesAt) {
    this.closesAt = closesAt;
  }

  public Integer getPerApplication() {
    return perApplication;
  }

  public void setPerApplication(Integer perApplication) {
    this.perApplication = perApplication;
  }

  public boolean isBlind() {
    return blind;
  }

  public void setBlind(boolean blind) {
    this.blind = blind;
  }

  public boolean isSameCity() {
    return sameCity;
  }

  public void setSameCity(boolean sameCity) {
    this.sameCity = sameCity;
  }

  public boolean isNormalise() {
    return normalise;
  }

  public void setNormalise(boolean normalise) {
    this.normalise = normalise;
  }

  public BigDecimal getOutlierThreshold() {
    return outlierThreshold;
  }

  public void setOutlierThreshold(BigDecimal outlierThreshold) {
    this.outlierThreshold = outlierThreshold;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public Show getShow() {
    return show;
  }

  public void setShow(Show show) {
    this.show = show == null ? Show.ALL : show;
  }

  public Assignments.Summary getSummary() {
    return summary;
  }

  public Long getExpertId() {
    return expertId;
  }

  public void setExpertId(Long expertId) {
    this.expertId = expertId;
  }

  public String getTargetLabel() {
    return targetLabel;
  }

  public String getActionReason() {
    return actionReason;
  }

  public void setActionReason(String actionReason) {
    this.actionReason = actionReason;
  }
}
