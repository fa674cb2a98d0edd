package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.PanelScores;
import io.hezuo.scoring.domain.Ranking;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The panels and the ranking of a line (issue 13; officers): each application that went to experts
 * with its panel score from the submitted sheets ({@link PanelScores}: the trimmed mean, optionally
 * of per-expert z-scores as the call's review says), the median, the outliers against the call's
 * threshold, the experts recommending funding, the officer's consensus remark, and its place by the
 * declared tie rules ({@link Ranking}); with the distribution of the panel scores for the chart.
 * Read in a few queries per line, whatever its size.
 */
@ApplicationScoped
public class Panels {

  /** Width of a bar of the distribution (points of the 0–100 total). */
  public static final int BUCKET = 10;

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject AuditLog audit;
  @Inject ReviewSettings settings;
  @Inject Clock clock;

  /** One expert's score as the officer sees it in a panel. */
  public record ExpertScore(
      long expertId, String expertName, BigDecimal total, String verdict, boolean outlier)
      implements Serializable {}

  /** An application's row of the ranking. */
  public record Row(
      Integer rank,
      boolean tied,
      long applicationId,
      String acceptanceNo,
      String titleZh,
      String applyingUnit,
      @jakarta.json.bind.annotation.JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class)
          Money subsidy,
      BigDecimal score,
      BigDecimal median,
      int submitted,
      int assigned,
      boolean trimmed,
      int fundVotes,
      List<ExpertScore> scores,
      int outliers,
      String remark,
      long remarkVersion)
      implements Serializable {}

  /** A bar of the distribution: panel scores from {@code from} (included) to {@code to}. */
  public record Bar(int from, int to, int count) implements Serializable {}

  /** A line's ranking with the settings it was computed with. */
  public record LineRanking(
      String lineCode,
      String lineNameZh,
      String lineNameEn,
      boolean normalised,
      BigDecimal outlierThreshold,
      List<Row> rows,
      List<Bar> distribution)
      implements Serializable {}

  /** The lines of the current call (code and names), for the line chooser. */
  public List<LineView> lines() {
    caller.require(Role.OFFICER);
    return call().lines();
  }

  /** A line's ranking in the current call (officers); an unknown line is not found. */
  public LineRanking ranking(String lineCode) {
    caller.require(Role.OFFICER);
    CallView call = call();
    LineView line =
        call.line(lineCode).orElseThrow(() -> new NotFoundException("no line " + lineCode));
    ReviewSettings.Review review = settings.of(call.id());
    boolean normalise = review.normalise();
    BigDecimal threshold = review.outlierThreshold();
    // every submitted sheet of the call: an expert's z-scores read all of their scores
    List<PanelScores.Score> all = new ArrayList<>();
    Map<Long, List<Object[]>> sheetsOf = new HashMap<>();
    Map<Long, Integer> assigned = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select a.application_id, a.expert_id, a.status, a.total, a.verdict, e.name,"
                    + " a.line_code from sc_assignment a join sc_expert e on e.id = a.expert_id"
                    + " where a.call_id = ? and a.status in ('ASSIGNED', 'DRAFT', 'SUBMITTED')"
                    + " order by a.application_id, a.id")
            .setParameter(1, call.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      long app = ((Number) r[0]).longValue();
      boolean submitted = "SUBMITTED".equals(r[2]) && r[3] != null;
      if (submitted) {
        all.add(new PanelScores.Score(((Number) r[1]).longValue(), app, (BigDecimal) r[3]));
      }
      if (line.code().equals(r[6])) {
        assigned.merge(app, 1, Integer::sum);
        if (submitted) {
          sheetsOf.computeIfAbsent(app, k -> new ArrayList<>()).add(r);
        }
      }
    }
    Map<Long, PanelScores.Panel> panels = PanelScores.panels(all, normalise, threshold);
    Map<Long, String[]> remarks = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select application_id, remark, version from sc_panel_remark where call_id = ?")
            .setParameter(1, call.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      remarks.put(((Number) r[0]).longValue(), new String[] {(String) r[1], String.valueOf(r[2])});
    }
    Map<Long, ApplicationRow> rows = new HashMap<>();
    for (ApplicationRow r : applications.rows(assigned.keySet())) {
      rows.put(r.id(), r);
    }
    List<Ranking.Entry> entries = new ArrayList<>();
    for (long app : assigned.keySet()) {
      PanelScores.Panel p = panels.get(app);
      int fund = 0;
      for (Object[] s : sheetsOf.getOrDefault(app, List.of())) {
        if ("FUND".equals(s[4])) {
          fund++;
        }
      }
      ApplicationRow r = rows.get(app);
      entries.add(
          new Ranking.Entry(
              app,
              r == null ? String.valueOf(app) : r.acceptanceNo(),
              p == null ? null : p.score(),
              p == null ? null : p.median(),
              fund));
    }
    List<Row> out = new ArrayList<>();
    int[] buckets = new int[100 / BUCKET];
    for (Ranking.Place place : Ranking.of(entries)) {
      long app = place.entry().applicationId();
      PanelScores.Panel p = panels.get(app);
      List<ExpertScore> scores = new ArrayList<>();
      java.util.Set<Long> outlying = new java.util.HashSet<>();
      if (p != null) {
        p.outliers().forEach(x -> outlying.add(x.expertId()));
      }
      for (Object[] s : sheetsOf.getOrDefault(app, List.of())) {
        long expert = ((Number) s[1]).longValue();
        scores.add(
            new ExpertScore(
                expert,
                (String) s[5],
                (BigDecimal) s[3],
                (String) s[4],
                outlying.contains(expert)));
      }
      ApplicationRow r = rows.get(app);
      String[] remark = remarks.get(app);
      if (p != null && p.score() != null && !normalise) {
        int b = Math.min(buckets.length - 1, Math.max(0, p.score().intValue() / BUCKET));
        buckets[b]++;
      }
      out.add(
          new Row(
              place.rank(),
              place.tied(),
              app,
              place.entry().acceptanceNo(),
              r == null ? null : r.titleZh(),
              r == null ? null : r.applyingUnitName(),
              r == null ? null : r.subsidy(),
              p == null ? null : p.score(),
              p == null ? null : p.median(),
              scores.size(),
              assigned.getOrDefault(app, 0),
              p != null && p.trimmed(),
              place.entry().fundVotes(),
              scores,
              outlying.size(),
              remark == null ? null : remark[0],
              remark == null ? 0 : Long.parseLong(remark[1])));
    }
    List<Bar> distribution = new ArrayList<>();
    if (!normalise) {
      for (int i = 0; i < buckets.length; i++) {
        distribution.add(new Bar(i * BUCKET, (i + 1) * BUCKET, buckets[i]));
      }
    }
    return new LineRanking(
        line.code(), line.name().zh(), line.name().en(), normalise, threshold, out, distribution);
  }

  /**
   * The officer's consensus remark on an application's panel (an empty one removes it): versioned
   * ({@code version} 0 for the first), audited with the old and the new text.
   */
  @Transactional
  public void remark(long applicationId, String remark, long version) {
    caller.require(Role.OFFICER);
    CallView call = call();
    List<?> went =
        em.createNativeQuery(
                "select 1 from sc_assignment where call_id = ? and application_id = ? limit 1")
            .setParameter(1, call.id())
            .setParameter(2, applicationId)
            .getResultList();
    if (went.isEmpty()) {
      throw new NotFoundException("no panel for application " + applicationId);
    }
    String text = remark == null ? "" : remark.strip();
    if (text.length() > 2000) {
      throw new RuleViolationException(
          RuleViolation.error("F-LEN", "remark", "scoring.panel.remarkLong", 2000));
    }
    List<?> before =
        em.createNativeQuery(
                "select remark, version from sc_panel_remark where application_id = ? for update")
            .setParameter(1, applicationId)
            .getResultList();
    String old = before.isEmpty() ? null : (String) ((Object[]) before.get(0))[0];
    long current = before.isEmpty() ? 0 : ((Number) ((Object[]) before.get(0))[1]).longValue();
    if (current != version) {
      throw new io.hezuo.kernel.rule.StaleEditException(
          RuleViolation.error("F-STALE", "remark", "scoring.panel.remarkStale"));
    }
    Timestamp now = Timestamp.from(clock.instant());
    if (text.isEmpty()) {
      em.createNativeQuery("delete from sc_panel_remark where application_id = ?")
          .setParameter(1, applicationId)
          .executeUpdate();
    } else if (before.isEmpty()) {
      em.createNativeQuery(
              "insert into sc_panel_remark (application_id, call_id, remark, updated_by,"
                  + " updated_at, version) values (?, ?, ?, ?, ?, 1)")
          .setParameter(1, applicationId)
          .setParameter(2, call.id())
          .setParameter(3, text)
          .setParameter(4, caller.name())
          .setParameter(5, now)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "update sc_panel_remark set remark = ?, updated_by = ?, updated_at = ?, version ="
                  + " version + 1 where application_id = ?")
          .setParameter(1, text)
          .setParameter(2, caller.name())
          .setParameter(3, now)
          .setParameter(4, applicationId)
          .executeUpdate();
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER.name(),
            "Panel",
            String.valueOf(applicationId),
            "panel-remark",
            old,
            text.isEmpty() ? null : text,
            null));
  }

  private CallView call() {
    return calls.current().orElseThrow(() -> new NotFoundException("no published call"));
  }
}
