package io.hezuo.submission.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountDirectory.UnitWithRecommender;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.BadRequestException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationCount;
import io.hezuo.submission.api.ApplicationPage;
import io.hezuo.submission.api.ApplicationQuery;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.UnitStatusCount;
import io.hezuo.submission.domain.Deadlines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applications found by criteria ({@link ApplicationQuery}): filtered, ordered, paged and counted
 * in the database, for the screens and for downstream modules. Who sees what: officers and formal
 * reviewers every application of a call (never a draft); a unit admin its own unit's; a
 * recommending unit those of the units that report to it; anyone else nothing (403).
 */
@ApplicationScoped
public class ApplicationSearch {

  @PersistenceContext(unitName = "submission")
  EntityManager em;

  @Inject Caller caller;
  @Inject Applications apps;
  @Inject AccountDirectory accounts;
  @Inject CallCatalogue calls;
  @Inject java.time.Clock clock;

  /** A page of the applications matching the query, with the number matching in all. */
  public ApplicationPage find(ApplicationQuery q) {
    Where w = where(scoped(q));
    if (w == null) {
      return new ApplicationPage(List.of(), 0);
    }
    TypedQuery<Long> count =
        em.createQuery("select count(a) from Application a where " + w.jpql, Long.class);
    w.bind(count);
    long total = count.getSingleResult();
    if (total == 0) {
      return new ApplicationPage(List.of(), 0);
    }
    TypedQuery<Object[]> rows =
        em.createQuery(
            ApplicationRows.SELECT
                + " from Application a"
                + " where "
                + w.jpql
                + " order by "
                + order(q.sort(), q.ascending()),
            Object[].class);
    w.bind(rows);
    List<Object[]> found =
        rows.setFirstResult(q.page() * q.size()).setMaxResults(q.size()).getResultList();
    Map<Long, UnitWithRecommender> units =
        accounts.unitsWithRecommender(found.stream().map(r -> (Long) r[8]).toList());
    List<ApplicationRow> out = new ArrayList<>();
    for (Object[] r : found) {
      UnitWithRecommender u = units.get((Long) r[8]);
      out.add(
          ApplicationRows.of(
              r,
              u == null ? null : u.unit().name(),
              u == null || u.recommender() == null ? null : u.recommender().id(),
              u == null || u.recommender() == null ? null : u.recommender().name()));
    }
    return new ApplicationPage(out, total);
  }

  /**
   * The list rows of the given applications, in one query (and one for their units), in the order
   * of their ids; ids that do not exist are left out. Role and ownership are the caller's to check.
   */
  public List<ApplicationRow> rows(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Object[]> found =
        em.createQuery(
                ApplicationRows.SELECT + " from Application a where a.id in :ids order by a.id",
                Object[].class)
            .setParameter("ids", List.copyOf(new java.util.HashSet<>(ids)))
            .getResultList();
    Map<Long, UnitWithRecommender> units =
        accounts.unitsWithRecommender(found.stream().map(r -> (Long) r[8]).toList());
    List<ApplicationRow> out = new ArrayList<>();
    for (Object[] r : found) {
      UnitWithRecommender u = units.get((Long) r[8]);
      out.add(
          ApplicationRows.of(
              r,
              u == null ? null : u.unit().name(),
              u == null || u.recommender() == null ? null : u.recommender().id(),
              u == null || u.recommender() == null ? null : u.recommender().name()));
    }
    return out;
  }

  /**
   * How many applications of the call (null: the current call) the caller may see are in each line
   * and status (drafts not counted), ordered by line and status; one query.
   */
  public List<ApplicationCount> counts(Long callId) {
    return countedBy(callId, "lineCode").stream()
        .map(
            r ->
                new ApplicationCount((String) r[0], ((ApplicationStatus) r[1]).name(), (Long) r[2]))
        .toList();
  }

  /**
   * How many applications of the call (null: the current call) the caller may see each applying
   * unit has in each status (drafts not counted), ordered by unit and status; one query.
   */
  public List<UnitStatusCount> countsByApplyingUnit(Long callId) {
    return countedBy(callId, "organisationId").stream()
        .map(r -> new UnitStatusCount((Long) r[0], ((ApplicationStatus) r[1]).name(), (Long) r[2]))
        .toList();
  }

  /**
   * (column, status, count) of the call's applications the caller may see, grouped by {@code
   * column} (an attribute name of this class's own choosing, never input) and status; one query.
   */
  private List<Object[]> countedBy(Long callId, String column) {
    ApplicationQuery q =
        scoped(new ApplicationQuery(callId, null, null, null, null, null, 0, 1, null, false));
    Where w = where(q);
    if (w == null) {
      return List.of();
    }
    String c = "a." + column;
    TypedQuery<Object[]> query =
        em.createQuery(
            "select "
                + c
                + ", a.status, count(a) from Application a where "
                + w.jpql
                + " group by "
                + c
                + ", a.status order by "
                + c
                + ", a.status",
            Object[].class);
    w.bind(query);
    return query.getResultList();
  }

  /** The signed-in PI's own applications (drafts included), newest first, as list rows. */
  public List<ApplicationRow> mine() {
    AccountView pi = apps.caller(Role.APPLICANT);
    // the columns the rows show, not the entities with their budget, targets and team
    return em
        .createQuery(
            ApplicationRows.SELECT
                + " from Application a"
                + " where a.piUsername = :u order by a.id desc",
            Object[].class)
        .setParameter("u", pi.username())
        .setMaxResults(200)
        .getResultList()
        .stream()
        .map(r -> ApplicationRows.of(r, pi.organisationName(), null, null))
        .toList();
  }

  /**
   * D1 for the signed-in person's unit in the current call: the submission window with the unit's
   * extension, if any (empty when no call is published or the person has no unit).
   */
  public Optional<Window> windowOfMyUnit() {
    if (!caller.isSignedIn()) {
      return Optional.empty();
    }
    Optional<CallView> call = calls.current();
    Long org = accounts.account(caller.name()).map(AccountView::organisationId).orElse(null);
    if (call.isEmpty() || org == null) {
      return Optional.empty();
    }
    Instant extended =
        em
            .createQuery(
                "select e.until from Extension e where e.callId = :c and e.organisationId = :o",
                Instant.class)
            .setParameter("c", call.get().id())
            .setParameter("o", org)
            .getResultList()
            .stream()
            .max(Instant::compareTo)
            .orElse(null);
    Deadlines d =
        new Deadlines(
            call.get().submissionOpensAt(),
            call.get().submissionClosesAt(),
            extended,
            call.get().recommendationClosesAt());
    Instant now = clock.instant();
    return Optional.of(
        new Window(
            d.opensAt(),
            d.submissionClosesAt(),
            d.piClosesAt(),
            d.piClosesAt().isAfter(d.submissionClosesAt()),
            d.piWindowOpen(now),
            now.isBefore(d.opensAt())));
  }

  /**
   * The PI's submission window (D1) as the unit's people see it now: when it opens, when the call
   * closes, when it closes for this unit (later when extended), whether it is open now.
   */
  public record Window(
      Instant opensAt,
      Instant callClosesAt,
      Instant closesAt,
      boolean extended,
      boolean open,
      boolean notYetOpen)
      implements java.io.Serializable {}

  // ---- scope and criteria -----------------------------------------------------------------------

  /**
   * The query narrowed to what the caller may see (a unit admin: its unit; a recommending unit: the
   * units reporting to it), on the current call when it names none; null when it can match nothing.
   */
  private ApplicationQuery scoped(ApplicationQuery q) {
    if (!caller.isSignedIn()) {
      throw new AccessDeniedException("log in first");
    }
    ApplicationQuery s = q;
    if (s.callId() == null) {
      Long current = calls.current().map(CallView::id).orElse(null);
      s =
          new ApplicationQuery(
              current,
              s.lineCode(),
              s.status(),
              s.applyingUnitId(),
              s.recommendingUnitId(),
              s.text(),
              s.page(),
              s.size(),
              s.sort(),
              s.ascending());
    }
    if (caller.hasRole(Role.OFFICER) || caller.hasRole(Role.FORMAL_REVIEWER)) {
      return s;
    }
    if (caller.hasRole(Role.UNIT_ADMIN)) {
      Long org = apps.caller(Role.UNIT_ADMIN).organisationId();
      if (org == null || (s.applyingUnitId() != null && !s.applyingUnitId().equals(org))) {
        return null;
      }
      return s.withApplyingUnit(org);
    }
    if (caller.hasRole(Role.RECOMMENDER)) {
      Long org = apps.caller(Role.RECOMMENDER).organisationId();
      if (org == null || (s.recommendingUnitId() != null && !s.recommendingUnitId().equals(org))) {
        return null;
      }
      return s.withRecommendingUnit(org);
    }
    throw new AccessDeniedException("finding applications needs an officer's or a unit's role");
  }

  /** Statuses a recommending unit does not see: its applying units have not confirmed them. */
  static final List<ApplicationStatus> UNCONFIRMED =
      List.of(
          ApplicationStatus.DRAFT,
          ApplicationStatus.SUBMITTED,
          ApplicationStatus.RETURNED,
          ApplicationStatus.WITHDRAWN);

  private boolean recommenderOnly() {
    return caller.hasRole(Role.RECOMMENDER)
        && !caller.hasRole(Role.OFFICER)
        && !caller.hasRole(Role.FORMAL_REVIEWER)
        && !caller.hasRole(Role.UNIT_ADMIN);
  }

  private Where where(ApplicationQuery q) {
    if (q == null || q.callId() == null) {
      return null;
    }
    Where w = new Where();
    w.add("a.callId = :call", "call", q.callId());
    if (q.status() != null) {
      ApplicationStatus s;
      try {
        s = ApplicationStatus.valueOf(q.status());
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("unknown status " + q.status());
      }
      if (s == ApplicationStatus.DRAFT) {
        return null;
      }
      w.add("a.status = :status", "status", s);
    } else {
      w.add("a.status <> :draft", "draft", ApplicationStatus.DRAFT);
    }
    if (recommenderOnly()) {
      // a recommending unit sees what its applying units confirmed, not what waits for them
      w.add("a.status not in :unconfirmed", "unconfirmed", UNCONFIRMED);
    }
    if (q.lineCode() != null) {
      w.add("a.lineCode = :line", "line", q.lineCode());
    }
    if (q.applyingUnitId() != null) {
      w.add("a.organisationId = :org", "org", q.applyingUnitId());
    }
    if (q.recommendingUnitId() != null) {
      List<Long> units = accounts.unitsRecommendedBy(q.recommendingUnitId());
      if (units.isEmpty()) {
        return null;
      }
      w.add("a.organisationId in :orgs", "orgs", units);
    }
    if (q.text() != null) {
      String escaped =
          q.text()
              .toLowerCase(Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      w.add(
          "(lower(a.titleZh) like :text or lower(a.titleEn) like :text"
              + " or lower(a.acceptanceNo) like :text or lower(a.piName) like :text)",
          "text",
          "%" + escaped + "%");
    }
    return w;
  }

  private static String order(ApplicationQuery.Sort sort, boolean ascending) {
    String dir = ascending ? " asc" : " desc";
    String col =
        switch (sort) {
          case ID -> "a.id";
          case ACCEPTANCE_NO -> "a.acceptanceNo";
          case TITLE -> "a.titleZh";
          case LINE -> "a.lineCode";
          case STATUS -> "a.status";
          case PI_NAME -> "a.piName";
          case SUBMITTED_AT -> "a.submittedAt";
        };
    return sort == ApplicationQuery.Sort.ID ? col + dir : col + dir + ", a.id" + dir;
  }

  /** JPQL conditions joined by {@code and}, with their parameters. */
  private static final class Where {
    private final StringBuilder jpql0 = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String jpql = "";

    void add(String condition, String name, Object value) {
      if (jpql0.length() > 0) {
        jpql0.append(" and ");
      }
      jpql0.append(condition);
      params.put(name, value);
      jpql = jpql0.toString();
    }

    void bind(TypedQuery<?> q) {
      params.forEach(q::setParameter);
    }
  }
}
