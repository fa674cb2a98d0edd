package io.hezuo.formalreview.service;

import io.hezuo.formalreview.api.IntegrityRecordView;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

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
    for (Object o :
        em.createNativeQuery(
                "select id, application_id, rule_id, percent, sources, recorded_by, recorded_at"
                    + " from fr_integrity_record order by recorded_at desc, id desc")
            .getResultList()) {
      Object[] r = (Object[]) o;
      long appId = ((Number) r[1]).longValue();
      ApplicationView a = applications.read(appId);
      out.add(
          new IntegrityRecordView(
              ((Number) r[0]).longValue(),
              appId,
              a.acceptanceNo(),
              a.form().titleZh(),
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
