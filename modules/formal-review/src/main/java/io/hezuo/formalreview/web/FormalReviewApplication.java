package io.hezuo.formalreview.web;

import io.hezuo.formalreview.domain.RuleCheck;
import io.hezuo.formalreview.service.Decisions;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backing bean of {@code app/formal-review/review.xhtml}: one application's checklist (every rule's
 * automatic result and its evidence, in the reader's language) and the reviewer's decision (the
 * failed rules prefilled; a decision against the automatic result needs a reason).
 */
@Named("frReview")
@ViewScoped
public class FormalReviewApplication implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Decisions decisions;
  @Inject io.hezuo.formalreview.service.RoundSimilarity similarity;

  private long id;
  private Decisions.Review review;
  private String decision;
  private List<String> ruleIds = new ArrayList<>();
  private String reason;

  /** One line of the checklist as shown. */
  public record Line(String ruleId, String outcome, String message, List<String> evidence)
      implements Serializable {}

  private List<Line> lines;
  private List<io.hezuo.formalreview.service.RoundSimilarity.Source> sources;

  public void load() {
    try {
      review = decisions.review(id);
    } catch (HezuoException e) {
      review = null;
      FacesViolations.error("formalreview.web.notFound");
      return;
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    lines = new ArrayList<>();
    for (RuleCheck c : review.checks()) {
      List<String> ev = new ArrayList<>();
      for (RuleCheck.Evidence e : c.evidence()) {
        ev.add(Messages.get(locale, e.key(), e.args().toArray()));
      }
      lines.add(
          new Line(
              c.ruleId(),
              c.outcome().name(),
              Messages.get(locale, c.messageKey(), c.args().toArray()),
              ev));
    }
    sources = similarity.sources(id);
    if (decision == null) {
      decision = review.failedRules().isEmpty() ? "PASS" : "FAIL";
      ruleIds = new ArrayList<>(review.failedRules());
    }
  }

  public void decide() {
    try {
      decisions.decide(id, decision, ruleIds, reason);
      FacesViolations.info("formalreview.web.decided");
      reason = null;
      load();
    } catch (RuleViolationException e) {
      FacesViolations.show("decide", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("formalreview.web.notAllowed");
    }
  }

  public List<String> getRules() {
    return io.hezuo.formalreview.domain.Checklist.DECIDABLE;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public Decisions.Review getReview() {
    return review;
  }

  /** The top similarity sources in the round, each to open side by side. */
  public List<io.hezuo.formalreview.service.RoundSimilarity.Source> getSources() {
    return sources;
  }

  public List<Line> getLines() {
    return lines;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public List<String> getRuleIds() {
    return ruleIds;
  }

  public void setRuleIds(List<String> ruleIds) {
    this.ruleIds = ruleIds == null ? new ArrayList<>() : ruleIds;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
