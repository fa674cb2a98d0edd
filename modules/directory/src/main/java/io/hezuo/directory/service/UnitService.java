package io.hezuo.directory.service;

import io.hezuo.directory.api.NewUnit;
import io.hezuo.directory.api.RecommenderChange;
import io.hezuo.directory.api.UnitAdminView;
import io.hezuo.directory.api.UnitDirectory;
import io.hezuo.directory.domain.CreditCode;
import io.hezuo.directory.domain.Organisation;
import io.hezuo.directory.domain.OrganisationType;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Department's list of units and who recommends whose applications ({@link UnitDirectory}).
 * Officers only; every change is audited with its reason (entity type {@code Organisation}).
 */
@ApplicationScoped
public class UnitService implements UnitDirectory {

  static final String ORGANISATION = "Organisation";
  private static final int MAX_PAGE = 200;

  @PersistenceContext(unitName = "directory")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject AccountViews views;
  @Inject Event<RecommenderChange> changes;

  @Override
  public UnitAdminView.Page units(String query, Filter filter, int first, int size) {
    caller.require(Role.OFFICER);
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    Filter f = filter == null ? Filter.ALL : filter;
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (!q.isEmpty()) {
      where.append(
          " and (lower(o.name) like :q or lower(o.creditCode) like :q or lower(o.city) like :q)");
    }
    switch (f) {
      case RECOMMENDING -> where.append(" and o.recommender = true");
      case WITHOUT_RECOMMENDER -> where.append(" and o.recommenderId is null and o.type <> :gov");
      default -> {}
    }
    TypedQuery<Long> count =
        em.createQuery("select count(o) from Organisation o" + where, Long.class);
    TypedQuery<Organisation> page =
        em.createQuery(
            "select o from Organisation o" + where + " order by o.name, o.id", Organisation.class);
    if (!q.isEmpty()) {
      String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      count.setParameter("q", like);
      page.setParameter("q", like);
    }
    if (f == Filter.WITHOUT_RECOMMENDER) {
      count.setParameter("gov", OrganisationType.GOVERNMENT);
      page.setParameter("gov", OrganisationType.GOVERNMENT);
    }
    List<Organisation> rows =
        page.setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(MAX_PAGE, size)))
            .getResultList();
    return new UnitAdminView.Page(count.getSingleResult(), views(rows));
  }

  @Override
  public long withoutRecommender() {
    caller.require(Role.OFFICER);
    return em.createQuery(
            "select count(o) from Organisation o where o.recommenderId is null and o.type <> :gov",
            Long.class)
        .setParameter("gov", OrganisationType.GOVERNMENT)
        .getSingleResult();
  }

  @Override
  public List<UnitAdminView> recommendingUnits() {
    caller.require(Role.OFFICER);
    return views(
        em.createQuery(
                "select o from Organisation o where o.recommender = true order by o.name, o.id",
                Organisation.class)
            .getResultList());
  }

  /** The rows with their recommending units' names and the counts of units reporting to them. */
  private List<UnitAdminView> views(List<Organisation> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<Long> recIds =
        rows.stream()
            .map(Organisation::getRecommenderId)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    Map<Long, String> recNames = new HashMap<>();
    if (!recIds.isEmpty()) {
      for (Object[] r :
          em.createQuery(
                  "select o.id, o.name from Organisation o where o.id in :ids", Object[].class)
              .setParameter("ids", recIds)
              .getResultList()) {
        recNames.put((Long) r[0], (String) r[1]);
      }
    }
    Set<Long> recommending =
        rows.stream()
            .filter(Organisation::isRecommender)
            .map(Organisation::getId)
            .collect(Collectors.toSet());
    Map<Long, Long> reporting = new HashMap<>();
    if (!recommending.isEmpty()) {
      for (Object[] r :
          em.createQuery(
                  "select o.recommenderId, count(o) from Organisation o"
                      + " where o.recommenderId in :ids group by o.recommenderId",
                  Object[].class)
              .setParameter("ids", recommending)
              .getResultList()) {
        reporting.put((Long) r[0], (Long) r[1]);
      }
    }
    List<UnitAdminView> out = new ArrayList<>(rows.size());
    for (Organisation o : rows) {
      out.add(
          new UnitAdminView(
              o.getId(),
              o.getName(),
              o.getCreditCode(),
              o.getType().name(),
              o.getCity(),
              o.isRecommender(),
              o.getRecommenderId(),
              o.getRecommenderId() == null ? null : recNames.get(o.getRecommenderId()),
              reporting.getOrDefault(o.getId(), 0L)));
    }
    return out;
  }

  @Override
  @Transactional
  public long create(NewUnit unit) {
    caller.require(Role.OFFICER);
    List<RuleViolation> v = new ArrayList<>();
    String name = trim(unit == null ? null : unit.name());
    if (name.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", "unitName", "directory.units.required"));
    } else if (name.length() > 200) {
      v.add(RuleViolation.error("F-LEN", "unitName", "directory.tooLong", 200));
    }
    String code = CreditCode.normalise(unit == null ? null : unit.creditCode());
    if (code.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", "creditCode", "directory.units.required"));
    } else {
      Optional<CreditCode.Problem> p = CreditCode.check(code);
      if (p.isPresent()) {
        v.add(
            RuleViolation.error(
                "F-CODE",
                "creditCode",
                p.get() == CreditCode.Problem.FORMAT
                    ? "directory.whitelist.creditCode.format"
                    : "directory.whitelist.creditCode.checkCharacter",
                code));
      } else if (byCode(code).isPresent()) {
        v.add(
            RuleViolation.error(
                "F-DUP", "creditCode", "directory.units.duplicate", code, byCode(code).get()));
      }
    }
    OrganisationType type = parseType(unit == null ? null : unit.type());
    if (type == null) {
      v.add(RuleViolation.error("F-REQ", "unitType", "directory.units.typeRequired"));
    }
    String city = trim(unit == null ? null : unit.city());
    if (city.length() > 40) {
      v.add(RuleViolation.error("F-LEN", "city", "directory.tooLong", 40));
    }
    Long rec = unit == null ? null : unit.recommenderId();
    if (rec != null) {
      Organisation r = em.find(Organisation.class, rec);
      if (r == null || !r.isRecommender()) {
        v.add(RuleViolation.error("F-REC", "recommenderId", "directory.units.notRecommending"));
      }
    }
    if (!v.isEmpty()) {
      throw new RuleViolationException(v);
    }
    Organisation o = Organisation.of(name, code, type, city.isEmpty() ? null : city);
    o.allowRecommending(unit.recommending());
    o.reportTo(rec);
    em.persist(o);
    em.flush();
    record(o, "create-unit", null, name + " · " + code, null);
    if (unit.recommending()) {
      record(o, "recommending", "not recommending", "recommending", null);
    }
    if (rec != null) {
      record(o, "recommender", null, nameOf(rec), null);
    }
    views.forget();
    return o.getId();
  }

  @Override
  @Transactional
  public void setRecommending(long unitId, boolean recommending, String reason) {
    caller.require(Role.OFFICER);
    Organisation o = locked(unitId);
    String why = AccountService.requireReason(reason);
    if (o.isRecommender() == recommending) {
      return;
    }
    if (!recommending) {
      long others =
          em.createQuery(
                  "select count(o) from Organisation o where o.recommenderId = :r and o.id <> :r",
                  Long.class)
              .setParameter("r", unitId)
              .getSingleResult();
      if (others > 0) {
        throw new RuleViolationException(
            RuleViolation.error(
                "F-REC", "recommending", "directory.units.stillHasUnits", o.getName(), others));
      }
      changes.fire(new RecommenderChange(unitId, RecommenderChange.Kind.WITHDRAWN, unitId, null));
      if (o.getRecommenderId() != null && o.getRecommenderId() == unitId) {
        o.reportTo(null);
      }
    }
    o.allowRecommending(recommending);
    em.flush();
    record(
        o,
        "recommending",
        recommending ? "not recommending" : "recommending",
        recommending ? "recommending" : "not recommending",
        why);
    views.forget();
  }

  @Override
  @Transactional
  public void setRecommender(long unitId, Long recommenderId, String reason) {
    caller.require(Role.OFFICER);
    Organisation o = locked(unitId);
    String why = AccountService.requireReason(reason);
    Organisation to = null;
    if (recommenderId != null) {
      to = em.find(Organisation.class, recommenderId);
      if (to == null || !to.isRecommender()) {
        throw new RuleViolationException(
            RuleViolation.error("F-REC", "recommenderId", "directory.units.notRecommending"));
      }
    }
    Long from = o.getRecommenderId();
    if (java.util.Objects.equals(from, recommenderId)) {
      return;
    }
    changes.fire(
        new RecommenderChange(unitId, RecommenderChange.Kind.REPORTS_TO, from, recommenderId));
    String fromName = from == null ? null : nameOf(from);
    o.reportTo(recommenderId);
    em.flush();
    record(o, "recommender", fromName, to == null ? null : to.getName(), why);
    views.forget();
  }

  private Organisation locked(long unitId) {
    Organisation o = em.find(Organisation.class, unitId, LockModeType.PESSIMISTIC_WRITE);
    if (o == null) {
      throw new NotFoundException("no such unit");
    }
    return o;
  }

  private String nameOf(long id) {
    Organisation o = em.find(Organisation.class, id);
    return o == null ? null : o.getName();
  }

  private Optional<String> byCode(String code) {
    return em.createQuery("select o.name from Organisation o where o.creditCode = :c", String.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }

  private void record(Organisation o, String action, String from, String to, String why) {
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER.name(),
            ORGANISATION,
            o.getId().toString(),
            action,
            from,
            to,
            why));
  }

  private static OrganisationType parseType(String s) {
    try {
      return s == null || s.isBlank() ? null : OrganisationType.valueOf(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String trim(String s) {
    return s == null ? "" : s.strip();
  }
}
