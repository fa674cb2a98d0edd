package io.hezuo.formalreview.service;

import io.hezuo.formalreview.api.IntegrityRecordView;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The integrity records (科研诚信) for officers and formal reviewers, newest first. */
@ApplicationScoped
public class IntegrityRecords {

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject Caller caller;
  @Inject ApplicationLifecycle applications;

  public List<IntegrityRecordView> all() {
    caller.require(Role.OFFICER, Role.FORMAL_REVIEWER);
    List<IntegrityRecordView> out = new ArrayList<>();
    List<?> records =
        em.createNativeQuery(
                "select id, application_id, rule_id, percent, sources, recorded_by, recorded_at"
                    + " from fr_integrity_record order by recorded_at desc, id desc")
            .getResultList();
    // the applications' list rows in one query, not each application read in full
    Map<Long, ApplicationRow> rows = new HashMap<>();
    applications
        .rows(records.stream().map(o -> ((Number) ((Object[]) o)[1]).longValue()).toList())
        .forEach(a -> rows.put(a.id(), a));
    for (Object o : records) {
      Object[] r = (Object[]) o;
      long appId = ((Number) r[1]).longValue();
      ApplicationRow a = rows.get(appId);
      if (a == null) {
        continue;
      }
      out.add(
          new IntegrityRecordView(
              ((Number) r[0]).longValue(),
              appId,
              a.acceptanceNo(),
              a.titleZh(),
              a.piName(),
              a.lineCode(),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              r[6] instanceof Timestamp t
                  ? t.toInstant()
                  : r[6] instanceof java.time.LocalDateTime l
                      ? l.toInstant(java.time.ZoneOffset.UTC)
                      : (java.time.Instant) r[6]));
    }
    return out;
  }
}
