package io.hezuo.recommendation.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.LineView;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.recommendation.api.DecisionView;
import io.hezuo.recommendation.api.RoundView;
import io.hezuo.recommendation.service.Recommendations;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.api.Budget;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Backing bean of {@code app/recommendation/view.xhtml?id=}: one application of the recommender's
 * area in full (sections, team, budget, attachments, the drafting-check warnings recorded at
 * submission) with the decision buttons; an id outside the area answers the not-found page.
 */
@Named("recommendationView")
@ViewScoped
public class RecommendationViewPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Recommendations service;
  @Inject CallCatalogue calls;

  private long id;
  private ApplicationView app;
  private DecisionView decision;
  private RoundView round;
  private String lineName;
  private String reason;
  private List<BudgetRow> budget = List.of();
  private Money budgetTotal;

  /** A budget line: its label and amount. */
  public record BudgetRow(String label, String amount) implements Serializable {}

  public void load() {
    try {
      read();
    } catch (NotFoundException e) {
      RecommenderFaces.notFound();
    }
  }

  private void read() {
    app = service.read(id);
    decision = service.decision(id).orElse(null);
    round = service.round();
    Locale l = RecommenderFaces.locale();
    LineView line = calls.line(app.callId(), app.lineCode()).orElse(null);
    lineName = line == null ? app.lineCode() : line.code() + " " + line.name().in(l);
    List<Budget.Line> lines = Budget.lines(app.form().budget());
    budget = lines.stream().map(x -> new BudgetRow(x.label(l), x.amount())).toList();
    budgetTotal = Budget.total(lines);
  }

  public void recommend() {
    try {
      service.recommend(id);
      FacesViolations.info("recommendation.web.recommended", app.acceptanceNo());
      read();
    } catch (RuleViolationException e) {
      FacesViolations.show("decide", e.violations());
    }
  }

  public void notRecommend() {
    try {
      service.notRecommend(id, reason);
      reason = null;
      FacesViolations.info("recommendation.web.notRecommended", app.acceptanceNo());
      read();
    } catch (RuleViolationException e) {
      FacesViolations.show("decide", e.violations());
    }
  }

  public void returnForRevision() {
    try {
      service.returnForRevision(id, reason);
      reason = null;
      FacesViolations.info("recommendation.web.returned", app.acceptanceNo());
      read();
    } catch (RuleViolationException e) {
      FacesViolations.show("decide", e.violations());
    }
  }

  public void reconsider() {
    try {
      service.reconsider(id, reason);
      reason = null;
      FacesViolations.info("recommendation.web.reconsidered", app.acceptanceNo());
      read();
    } catch (RuleViolationException e) {
      FacesViolations.show("decide", e.violations());
    }
  }

  public boolean isDecidable() {
    return round != null && round.open() && "CONFIRMED".equals(app.status());
  }

  public boolean isReconsiderable() {
    return round != null
        && round.open()
        && decision != null
        && !"RETURNED".equals(decision.decision());
  }

  /** A warning's message in the user's language. */
  public String warning(ApplicationView.WarningView w) {
    boolean en = Messages.ENGLISH.equals(RecommenderFaces.locale());
    return en && w.messageEn() != null ? w.messageEn() : w.messageZh();
  }

  public String format(Instant at) {
    return at == null ? "—" : Zones.format(at);
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public ApplicationView getApp() {
    return app;
  }

  public DecisionView getDecision() {
    return decision;
  }

  public String getLineName() {
    return lineName;
  }

  public List<BudgetRow> getBudget() {
    return budget;
  }

  public Money getBudgetTotal() {
    return budgetTotal;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
