package io.hezuo.formalreview.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.formalreview.api.QueueRow;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationPage;
import io.hezuo.submission.api.ApplicationQuery;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.api.ApplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The formal review queue: the current call's round (recommended, passed, failed) with each
 * application's stored automatic result and decision, filtered by line, recommending unit,
 * automatic result, failed rule and text, and paged. Reads the round a page of 500 at a time from
 * submission and the results in one query.
 */
@ApplicationScoped
public class Queue {

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;

  /** What the queue is filtered by (null or blank: any). */
  public record Filter(
      String lineCode, Long recommenderId, String automatic, String failedRule, String text) {}

  public QueueRow.Page find(Filter f, int first, int size) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    List<QueueRow> all = all(f == null ? new Filter(null, null, null, null, null) : f);
    int from = Math.max(0, Math.min(first, all.size()));
    int to = Math.min(all.size(), from + Math.max(1, Math.min(500, size)));
    return new QueueRow.Page(all.size(), List.copyOf(all.subList(from, to)));
  }

  private List<QueueRow> all(Filter f) {
    CallView call = calls.current().orElseThrow(() -> new NotFoundException("no published call"));
    List<ApplicationRow> round = new ArrayList<>();
    for (ApplicationStatus s : RoundG2.ROUND) {
      ApplicationQuery q =
          ApplicationQuery.ofCall(call.id())
              .withStatus(s.name())
              .withLine(f.lineCode())
              .withRecommendingUnit(f.recommenderId())
              .withText(f.text())
              .sortedBy(ApplicationQuery.Sort.ACCEPTANCE_NO, true);
      for (int page = 0; ; page++) {
        ApplicationPage p = applications.find(q.withPage(page, ApplicationQuery.MAX_SIZE));
        round.addAll(p.rows());
        if (p.rows().size() < ApplicationQuery.MAX_SIZE) {
          break;
        }
      }
    }
    Map<Long, Object[]> results = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select application_id, automatic, failed_rules from fr_result where call_id = ?")
            .setParameter(1, call.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      results.put(((Number) r[0]).longValue(), r);
    }
    Map<Long, Object[]> decisions = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select application_id, decision, overridden from fr_decision where call_id = ?")
            .setParameter(1, call.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      decisions.put(((Number) r[0]).longValue(), r);
    }
    String automatic = blank(f.automatic()) ? null : f.automatic().trim().toUpperCase(Locale.ROOT);
    String rule = blank(f.failedRule()) ? null : f.failedRule().trim().toUpperCase(Locale.ROOT);
    List<QueueRow> out = new ArrayList<>();
    for (ApplicationRow a : round) {
      Object[] r = results.get(a.id());
      Object[] d = decisions.get(a.id());
      String auto = r == null ? null : (String) r[1];
      List<String> failed =
          r == null || blank((String) r[2]) ? List.of() : Arrays.asList(((String) r[2]).split(","));
      if (automatic != null
          && !(automatic.equals("UNCHECKED") ? auto == null : automatic.equals(auto))) {
        continue;
      }
      if (rule != null && !failed.contains(rule)) {
        continue;
      }
      out.add(
          new QueueRow(
              a.id(),
              a.acceptanceNo(),
              a.lineCode(),
              a.titleZh(),
              a.piName(),
              a.applyingUnitName(),
              a.recommendingUnitId(),
              a.recommendingUnitName(),
              a.status(),
              auto,
              failed,
              d == null ? null : (String) d[1],
              d != null
                  && d[2] != null
                  && (d[2] instanceof Boolean b ? b : ((Number) d[2]).intValue() != 0)));
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
