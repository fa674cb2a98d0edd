package io.hezuo.scoring.web;

import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.scoring.domain.ScoreSheet;
import io.hezuo.scoring.service.ExpertWork;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of {@code app/scoring/work.xhtml}: one of the expert's assignments — the application
 * (blind where the call says so; its PDF), the line's score sheet with each criterion's scale and
 * bands, autosaved as it is filled in (a score off its scale is shown beside it and not saved), the
 * live weighted total, submission after a confirmation (then read-only), and the declaration of a
 * conflict of interest with its reason.
 */
@Named("scWork")
@ViewScoped
public class ScoringWorkPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ExpertWork work;

  private long id;
  private ExpertWork.Work current;
  private final Map<String, BigDecimal> scores = new LinkedHashMap<>();
  private String comment;
  private String verdict;
  private long version;
  private String savedAt;
  private String conflictReason;

  public void load() {
    if (current != null) {
      return;
    }
    try {
      take(work.open(id));
    } catch (HezuoException e) {
      current = null;
      FacesViolations.error("scoring.web.work.notFound");
    }
  }

  private void take(ExpertWork.Work w) {
    current = w;
    scores.clear();
    for (ScoreSheet.Criterion c : w.sheet().criteria()) {
      scores.put(c.code(), w.scores().get(c.code()));
    }
    comment = w.comment();
    verdict = w.verdict() == null ? null : w.verdict().name();
    version = w.version();
    savedAt = w.assignment().savedAt() == null ? null : Zones.format(w.assignment().savedAt());
  }

  /** The autosave: what is filled in so far, checked and stored as a draft. */
  public void autosave() {
    if (current == null || !current.editable()) {
      return;
    }
    try {
      take(work.save(id, entry()));
    } catch (RuleViolationException e) {
      show(e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("scoring.web.work.notAllowed");
    }
  }

  public void submit() {
    if (current == null) {
      return;
    }
    try {
      take(work.submit(id, entry()));
      FacesViolations.info("scoring.web.work.submitted");
    } catch (RuleViolationException e) {
      show(e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("scoring.web.work.notAllowed");
    }
  }

  public String declareConflict() {
    try {
      work.declareConflict(id, conflictReason);
      FacesContext fc = FacesContext.getCurrentInstance();
      fc.getExternalContext().getFlash().setKeepMessages(true);
      FacesViolations.info("scoring.web.work.conflictDeclared");
      return "mine?faces-redirect=true";
    } catch (RuleViolationException e) {
      FacesViolations.show("conflict", e.violations());
      return null;
    } catch (HezuoException e) {
      FacesViolations.error("scoring.web.work.notAllowed");
      return null;
    }
  }

  private ExpertWork.Entry entry() {
    Map<String, BigDecimal> given = new LinkedHashMap<>();
    scores.forEach(
        (k, v) -> {
          if (v != null) {
            given.put(k, v);
          }
        });
    ScoreSheet.Verdict v = null;
    if (verdict != null && !verdict.isBlank()) {
      v = ScoreSheet.Verdict.valueOf(verdict);
    }
    return new ExpertWork.Entry(given, comment, v, version);
  }

  /** Each problem beside its field: a criterion's score in its row, the rest by name. */
  private void show(List<RuleViolation> violations) {
    FacesContext fc = FacesContext.getCurrentInstance();
    List<RuleViolation> rest = new ArrayList<>();
    List<ScoreSheet.Criterion> criteria = current.sheet().criteria();
    for (RuleViolation v : violations) {
      int row = -1;
      if (v.field() != null && v.field().startsWith("score.")) {
        String code = v.field().substring("score.".length());
        for (int i = 0; i < criteria.size(); i++) {
          if (criteria.get(i).code().equals(code)) {
            row = i;
          }
        }
      }
      if (row < 0) {
        rest.add(v);
        continue;
      }
      fc.addMessage(
          "work:criteria:" + row + ":score",
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              // beside its criterion, whose name the text gives
              "["
                  + v.ruleId()
                  + "] "
                  + Messages.get(fc.getViewRoot().getLocale(), v.messageKey(), v.args().toArray()),
              null));
    }
    FacesViolations.show("work", rest);
  }

  /** The weighted total of what is filled in now (the live total). */
  public ScoreSheet.Total getTotal() {
    if (current == null) {
      return null;
    }
    Map<String, BigDecimal> given = new LinkedHashMap<>();
    for (ScoreSheet.Criterion c : current.sheet().criteria()) {
      BigDecimal v = scores.get(c.code());
      if (v != null
          && v.compareTo(BigDecimal.valueOf(c.min())) >= 0
          && v.compareTo(BigDecimal.valueOf(c.max())) <= 0) {
        given.put(c.code(), v);
      }
    }
    return current.sheet().total(given);
  }

  /** A criterion's band for the score entered, in the user's language (empty: none). */
  public String band(ScoreSheet.Criterion c) {
    BigDecimal v = scores.get(c.code());
    if (v == null) {
      return "";
    }
    ScoreSheet.Descriptor d = ScoreSheet.band(c, v);
    if (d == null) {
      return "";
    }
    boolean en =
        "en".equals(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    return en ? d.en() : d.zh();
  }

  /** A list of names as one line (the domestic partners). */
  public String join(List<String> names) {
    return names == null ? "" : String.join("、", names);
  }

  public List<String> getVerdicts() {
    List<String> out = new ArrayList<>();
    for (ScoreSheet.Verdict v : ScoreSheet.Verdict.values()) {
      out.add(v.name());
    }
    return out;
  }

  public String getDeadline() {
    return current == null || current.window().closesAt() == null
        ? null
        : Zones.format(current.window().closesAt());
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public ExpertWork.Work getCurrent() {
    return current;
  }

  public Map<String, BigDecimal> getScores() {
    return scores;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public String getVerdict() {
    return verdict;
  }

  public void setVerdict(String verdict) {
    this.verdict = verdict;
  }

  public String getSavedAt() {
    return savedAt;
  }

  public String getConflictReason() {
    return conflictReason;
  }

  public void setConflictReason(String conflictReason) {
    this.conflictReason = conflictReason;
  }
}
