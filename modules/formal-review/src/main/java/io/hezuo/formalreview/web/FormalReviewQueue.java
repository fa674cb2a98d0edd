package io.hezuo.formalreview.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.formalreview.api.QueueRow;
import io.hezuo.formalreview.api.RunView;
import io.hezuo.formalreview.service.Decisions;
import io.hezuo.formalreview.service.Queue;
import io.hezuo.formalreview.service.Runs;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.faces.PagedModel;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Backing bean of {@code app/formal-review/queue.xhtml}: the round's applications with their
 * automatic results and decisions, filtered and paged; the batch run with its progress bar (start,
 * stop, resume); the bulk pass of the green ones among the filtered. Reads the run, the lines and
 * the recommending units once per request.
 */
@Named("frQueue")
@ViewScoped
public class FormalReviewQueue implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Queue queue;
  @Inject Runs runs;
  @Inject Decisions decisions;
  @Inject CallCatalogue calls;
  @Inject AccountDirectory directory;

  private String line;
  private Long recommenderId;
  private String automatic;
  private String rule;
  private String text;

  private transient RunView run;
  private transient boolean runRead;
  private transient List<String[]> lines;
  private transient List<OrganisationView> recommenders;

  private final PagedModel<QueueRow> model =
      new PagedModel<>(
          (first, size) -> {
            QueueRow.Page p = queue.find(filter(), first, size);
            return new PagedModel.Page<>(p.total(), p.rows());
          },
          QueueRow::applicationId);

  private Queue.Filter filter() {
    return new Queue.Filter(line, recommenderId, automatic, rule, text);
  }

  public PagedModel<QueueRow> getModel() {
    return model;
  }

  /** The latest run of the call (null: none yet), read once per request. */
  public RunView getRun() {
    if (!runRead) {
      run = runs.current().orElse(null);
      runRead = true;
    }
    return run;
  }

  /** Whether the run is working now (the page polls its progress meanwhile). */
  public boolean isRunning() {
    RunView r = getRun();
    return r != null && "RUNNING".equals(r.status()) && !r.stalled();
  }

  /** The call's lines as code and label. */
  public List<String[]> getLines() {
    if (lines == null) {
      lines = new ArrayList<>();
      java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
      calls
          .current()
          .ifPresent(
              c -> {
                for (LineView l : c.lines()) {
                  lines.add(new String[] {l.code(), l.code() + " " + l.name().in(locale)});
                }
              });
    }
    return lines;
  }

  public List<OrganisationView> getRecommenders() {
    if (recommenders == null) {
      recommenders = directory.recommendingUnits();
    }
    return recommenders;
  }

  public List<String> getOutcomes() {
    return List.of("PASS", "WARNING", "FAIL", "UNCHECKED");
  }

  public List<String> getRules() {
    return io.hezuo.formalreview.domain.Checklist.DECIDABLE;
  }

  public void search() {
    model.refresh();
  }

  /** Polled while the run works: the progress and the table are read again. */
  public void refresh() {
    model.refresh();
    runRead = false;
  }

  public void start() {
    try {
      runs.start(null, null);
      FacesViolations.info("formalreview.web.started");
    } catch (RuleViolationException e) {
      FacesViolations.show(null, e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("formalreview.web.notAllowed");
    }
    refresh();
  }

  public void stop() {
    RunView r = getRun();
    if (r == null) {
      return;
    }
    try {
      runs.stop(r.id());
      FacesViolations.info("formalreview.web.stopping");
    } catch (RuleViolationException e) {
      FacesViolations.show(null, e.violations());
    }
    refresh();
  }

  public void resume() {
    RunView r = getRun();
    if (r == null) {
      return;
    }
    try {
      runs.resume(r.id());
      FacesViolations.info("formalreview.web.resumed");
    } catch (RuleViolationException e) {
      FacesViolations.show(null, e.violations());
    }
    refresh();
  }

  /** Passes the green undecided ones among the applications the filter shows. */
  public void passGreen() {
    List<Long> ids = new ArrayList<>();
    for (int first = 0; ; first += 500) {
      QueueRow.Page p = queue.find(filter(), first, 500);
      p.rows().forEach(r -> ids.add(r.applicationId()));
      if (p.rows().size() < 500) {
        break;
      }
    }
    try {
      int n = ids.isEmpty() ? 0 : decisions.passAllGreen(ids);
      FacesViolations.info("formalreview.web.passedGreen", n);
    } catch (RuleViolationException e) {
      FacesViolations.show(null, e.violations());
    }
    refresh();
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public Long getRecommenderId() {
    return recommenderId;
  }

  public void setRecommenderId(Long recommenderId) {
    this.recommenderId = recommenderId;
  }

  public String getAutomatic() {
    return automatic;
  }

  public void setAutomatic(String automatic) {
    this.automatic = automatic;
  }

  public String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
