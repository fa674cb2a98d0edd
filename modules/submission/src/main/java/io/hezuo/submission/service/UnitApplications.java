package io.hezuo.submission.service;

import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.domain.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The applying unit's admin (screen 单位申报管理): the unit's applications, confirm, return to the PI
 * with a reason. Only applications of the admin's own unit, never a PI's draft.
 */
@ApplicationScoped
public class UnitApplications {

  @PersistenceContext(unitName = "submission")
  EntityManager em;

  @Inject Applications apps;
  @Inject Clock clock;
  @Inject ApplicationMessages messages;

  public List<ApplicationView> ofMyUnit(String status, String lineCode) {
    return ofMyUnit(status, lineCode, null);
  }

  /**
   * The unit's applications (drafts are the PI's own), by status, line and a text that the title,
   * the acceptance number or the PI's name contains.
   */
  public List<ApplicationView> ofMyUnit(String status, String lineCode, String text) {
    AccountView admin = apps.caller(Role.UNIT_ADMIN);
    var query = filtered("select a", admin, status, lineCode, text, Application.class);
    return apps.views(query.getResultList());
  }

  /**
   * The same applications as {@link #ofMyUnit(String, String, String)}, as the rows the unit's
   * screen shows: the columns only, in one statement (not the entities with their texts, budget,
   * targets, team and attachments).
   */
  public List<ApplicationRow> rowsOfMyUnit(String status, String lineCode, String text) {
    AccountView admin = apps.caller(Role.UNIT_ADMIN);
    var query = filtered(ApplicationRows.SELECT, admin, status, lineCode, text, Object[].class);
    return query.getResultList().stream()
        .map(r -> ApplicationRows.of(r, admin.organisationName(), null, null))
        .toList();
  }

  private <T> TypedQuery<T> filtered(
      String select,
      AccountView admin,
      String status,
      String lineCode,
      String text,
      Class<T> type) {
    StringBuilder q =
        new StringBuilder(select).append(" from Application a where a.organisationId = :org");
    if (status != null && !status.isBlank()) {
      q.append(" and a.status = :status");
    } else {
      q.append(" and a.status <> :draft");
    }
    if (lineCode != null && !lineCode.isBlank()) {
      q.append(" and a.lineCode = :line");
    }
    if (text != null && !text.isBlank()) {
      q.append(
          " and (lower(a.titleZh) like :text or lower(a.titleEn) like :text"
              + " or lower(a.acceptanceNo) like :text or lower(a.piName) like :text)");
    }
    TypedQuery<T> query =
        em.createQuery(q.append(" order by a.id desc").toString(), type)
            .setParameter("org", admin.organisationId());
    if (status != null && !status.isBlank()) {
      query.setParameter("status", ApplicationStatus.valueOf(status));
    } else {
      query.setParameter("draft", ApplicationStatus.DRAFT);
    }
    if (lineCode != null && !lineCode.isBlank()) {
      query.setParameter("line", lineCode.trim());
    }
    if (text != null && !text.isBlank()) {
      String escaped =
          text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      query.setParameter("text", "%" + escaped + "%");
    }
    return query;
  }

  @Transactional
  public ApplicationView confirm(long id) {
    AccountView admin = apps.caller(Role.UNIT_ADMIN);
    Application a = apps.ofUnit(admin, id);
    Instant now = clock.instant();
    a.confirmByUnit(apps.deadlines(a), now);
    apps.record(admin, a, "confirm", "SUBMITTED", "CONFIRMED", null);
    apps.statusChanged(a, ApplicationStatus.SUBMITTED, admin.username(), null);
    messages.tellPi(a, "submission.notice.confirmed", a.getAcceptanceNo(), admin.username());
    return apps.view(a);
  }

  @Transactional
  public ApplicationView returnToPi(long id, String reason) {
    AccountView admin = apps.caller(Role.UNIT_ADMIN);
    Application a = apps.ofUnit(admin, id);
    Instant now = clock.instant();
    a.returnToPi(apps.deadlines(a), now, reason);
    apps.record(admin, a, "return", "SUBMITTED", "RETURNED", reason.trim());
    apps.statusChanged(a, ApplicationStatus.SUBMITTED, admin.username(), reason.trim());
    messages.tellPi(a, "submission.notice.returned", a.getAcceptanceNo(), reason.trim());
    return apps.view(a);
  }
}
