package io.hezuo.directory.service;

import io.hezuo.directory.api.OtherPlanMatch;
import io.hezuo.directory.api.OtherPlanPiView;
import io.hezuo.directory.api.OtherPlans;
import io.hezuo.directory.domain.IdDocumentType;
import io.hezuo.directory.domain.OtherPlanKind;
import io.hezuo.directory.domain.OtherPlanPi;
import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The applicant lists of other provincial plans and of the provincial Natural Science Foundation
 * (G2): what the submission module asks ({@link OtherPlans#find}), the officer's and formal
 * reviewer's list, and the officer's Excel import.
 *
 * <p>An import is all-or-nothing. For every list the file holds (a year and a plan kind) it
 * replaces all rows of that year and kind; lists the file does not hold stay as they are. It is
 * audited with the counts of each list before and after.
 */
@ApplicationScoped
public class OtherPlansService implements OtherPlans {

  /** What one list (year, kind) of an import became. */
  public record ListOutcome(int year, String planKind, long before, int after)
      implements Serializable {}

  /** What an import did. */
  public record ImportOutcome(String batch, int rows, List<ListOutcome> lists)
      implements Serializable {}

  /** One list as it stands: its size and when it was imported last. */
  public record ListSummary(
      int year, String planKind, long rows, Instant importedAt, String importedBy, String source)
      implements Serializable {}

  /** Rows written between two flushes of the persistence context. */
  static final int CHUNK = 500;

  @PersistenceContext(unitName = "directory")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Clock clock;
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

  /**
   * Imports lists from an .xlsx file (OFFICER only). Reads at most {@link
   * OtherPlansWorkbook#MAX_BYTES} + 1 bytes.
   *
   * @throws io.hezuo.kernel.error.AccessDeniedException when the caller is not an officer
   * @throws RuleViolationException (rule F-OPL) listing every problem; nothing is saved
   */
  @Transactional
  public ImportOutcome importWorkbook(InputStream in, String fileName, String note) {
    String officer = requireOfficer();
    XlsxUpload upload = XlsxUpload.read(OtherPlansWorkbook.IMPORT, in, fileName, note);
    LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
    OtherPlansWorkbook.Parsed parsed = OtherPlansWorkbook.parse(upload.content(), today);

    String batch = UUID.randomUUID().toString();
    Instant now = clock.instant();
    String source = upload.source();
    List<ListOutcome> lists = new ArrayList<>();
    for (Map.Entry<OtherPlansWorkbook.ListKey, Integer> e : parsed.lists().entrySet()) {
      OtherPlansWorkbook.ListKey k = e.getKey();
      long before =
          em.createQuery(
                  "select count(p) from OtherPlanPi p where p.planYear = :y and p.planKind = :k",
                  Long.class)
              .setParameter("y", k.year())
              .setParameter("k", k.planKind())
              .getSingleResult();
      em.createQuery("delete from OtherPlanPi p where p.planYear = :y and p.planKind = :k")
          .setParameter("y", k.year())
          .setParameter("k", k.planKind())
          .executeUpdate();
      lists.add(new ListOutcome(k.year(), k.planKind().name(), before, e.getValue()));
    }
    int n = 0;
    for (OtherPlansWorkbook.PiRow r : parsed.rows()) {
      em.persist(new OtherPlanPi(r, batch, source, now, officer));
      if (++n % CHUNK == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();

    ImportOutcome outcome = new ImportOutcome(batch, parsed.rows().size(), List.copyOf(lists));
    audit.record(
        upload.audit(
            officer,
            "OtherPlans",
            batch,
            lists.stream()
                .map(l -> l.year() + " " + l.planKind() + ": " + l.before())
                .collect(Collectors.joining("; ")),
            lists.stream()
                .map(l -> l.year() + " " + l.planKind() + ": " + l.after())
                .collect(Collectors.joining("; "))));
    return outcome;
  }

  private String requireOfficer() {
    if (!caller.isSignedIn() || !caller.hasRole(Role.OFFICER)) {
      throw new AccessDeniedException(
          "only a programme officer may import the lists of other plans");
    }
    return caller.name();
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
