package io.hezuo.directory.service;

import io.hezuo.directory.api.OtherPlanMatch;
import io.hezuo.directory.api.OtherPlanPiView;
import io.hezuo.directory.api.OtherPlans;
import io.hezuo.directory.domain.IdDocumentType;
import io.hezuo.directory.domain.OtherPlanKind;
import io.hezuo.directory.domain.OtherPlanPi;
import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The applicant lists of other provincial plans and of the provincial Natural Science Foundation
 * (G2): what the submission module asks ({@link OtherPlans#find}) and the officer's and formal
 * reviewer's list. The officer's Excel import is a batch job ({@link OtherPlansImports}): all or
 * nothing; every list the file holds (a year and a plan kind) replaces all rows of that year and
 * kind, lists the file does not hold stay as they are; audited with the counts before and after.
 */
@ApplicationScoped
public class OtherPlansService implements OtherPlans {

  /** One list as it stands: its size and when it was imported last. */
  public record ListSummary(
      int year, String planKind, long rows, Instant importedAt, String importedBy, String source)
      implements Serializable {}

  @PersistenceContext(unitName = "directory")
  EntityManager em;

  @Inject Caller caller;

  @Override
  public List<OtherPlanMatch> find(int year, String idType, String idNumber) {
    Optional<IdDocumentType> type = idType(idType);
    if (type.isEmpty() || idNumber == null || idNumber.isBlank()) {
      return List.of();
    }
    return em
        .createQuery(
            "select p from OtherPlanPi p where p.idType = :t and p.idNumber = :n and p.planYear = :y"
                + " order by p.planKind, p.planName, p.id",
            OtherPlanPi.class)
        .setParameter("t", type.get())
        .setParameter("n", type.get().normalise(idNumber))
        .setParameter("y", year)
        .getResultList()
        .stream()
        .map(
            p ->
                new OtherPlanMatch(
                    p.getPlanKind().name(),
                    p.getPlanName(),
                    p.getProjectTitle(),
                    p.getYear(),
                    p.getName()))
        .toList();
  }

  @Override
  public List<OtherPlanPiView> search(
      Integer year, String planKind, String query, int first, int max) {
    requireReader();
    return filtered(
            "select p from OtherPlanPi p",
            year,
            planKind,
            query,
            " order by p.planYear desc, p.planKind, p.planName, p.id",
            OtherPlanPi.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(0, max))
        .getResultList()
        .stream()
        .map(OtherPlansService::view)
        .toList();
  }

  @Override
  public long count(Integer year, String planKind, String query) {
    requireReader();
    return filtered("select count(p) from OtherPlanPi p", year, planKind, query, "", Long.class)
        .getSingleResult();
  }

  /** Every list held now (year, kind), newest year first. OFFICER or FORMAL_REVIEWER only. */
  public List<ListSummary> summary() {
    requireReader();
    List<ListSummary> out = new ArrayList<>();
    for (Object[] r :
        em.createQuery(
                "select p.planYear, p.planKind, count(p) from OtherPlanPi p"
                    + " group by p.planYear, p.planKind order by p.planYear desc, p.planKind",
                Object[].class)
            .getResultList()) {
      int year = (Integer) r[0];
      OtherPlanKind kind = (OtherPlanKind) r[1];
      // who imported it last, from which file (one row of the latest batch tells)
      OtherPlanPi latest =
          em.createQuery(
                  "select p from OtherPlanPi p where p.planYear = :y and p.planKind = :k"
                      + " order by p.importedAt desc, p.id desc",
                  OtherPlanPi.class)
              .setParameter("y", year)
              .setParameter("k", kind)
              .setMaxResults(1)
              .getSingleResult();
      out.add(
          new ListSummary(
              year,
              kind.name(),
              (Long) r[2],
              latest.getImportedAt(),
              latest.getImportedBy(),
              latest.getSource()));
    }
    return out;
  }

  /** The empty import template. */
  public byte[] template() {
    return OtherPlansWorkbook.template();
  }

  private void requireReader() {
    if (!caller.isSignedIn()
        || !(caller.hasRole(Role.OFFICER) || caller.hasRole(Role.FORMAL_REVIEWER))) {
      throw new AccessDeniedException(
          "only programme officers and formal reviewers may read the lists of other plans");
    }
  }

  /** Rows of the year and kind (when given) whose name, project, plan or unit match the query. */
  private <T> TypedQuery<T> filtered(
      String select, Integer year, String planKind, String query, String order, Class<T> type) {
    List<String> where = new ArrayList<>();
    if (year != null) {
      where.add("p.planYear = :yr");
    }
    Optional<OtherPlanKind> kind = OtherPlanKind.parse(planKind);
    if (kind.isPresent()) {
      where.add("p.planKind = :kind");
    }
    String q = query == null ? "" : query.strip();
    if (!q.isEmpty()) {
      where.add(
          "(lower(p.name) like :q or lower(p.projectTitle) like :q or lower(p.planName) like :q"
              + " or lower(p.unitName) like :q or p.idNumber = :exact)");
    }
    String jpql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order;
    TypedQuery<T> tq = em.createQuery(jpql, type);
    if (year != null) {
      tq.setParameter("yr", year);
    }
    kind.ifPresent(k -> tq.setParameter("kind", k));
    if (!q.isEmpty()) {
      tq.setParameter("q", "%" + escape(q.toLowerCase(Locale.ROOT)) + "%");
      tq.setParameter("exact", q.toUpperCase(Locale.ROOT).replace(" ", ""));
    }
    return tq;
  }

  private static Optional<IdDocumentType> idType(String raw) {
    try {
      return Optional.of(IdDocumentType.valueOf(raw));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static OtherPlanPiView view(OtherPlanPi p) {
    return new OtherPlanPiView(
        p.getId(),
        p.getYear(),
        p.getPlanKind().name(),
        p.getPlanName(),
        p.getProjectTitle(),
        p.getName(),
        p.getIdType().name(),
        p.getMaskedIdNumber(),
        p.getUnitName(),
        p.getImportedAt(),
        p.getImportedBy(),
        p.getSource());
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
