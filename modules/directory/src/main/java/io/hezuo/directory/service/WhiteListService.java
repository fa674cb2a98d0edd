package io.hezuo.directory.service;

import io.hezuo.directory.api.PlatformView;
import io.hezuo.directory.api.WhiteList;
import io.hezuo.directory.domain.IdDocumentType;
import io.hezuo.directory.domain.Organisation;
import io.hezuo.directory.domain.Platform;
import io.hezuo.directory.domain.PlatformLevel;
import io.hezuo.directory.domain.PlatformMember;
import io.hezuo.directory.domain.WhiteListWorkbook;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The white list of platform bases (G1): what the submission module asks ({@link WhiteList}), the
 * public list, and the officer's Excel import.
 *
 * <p>An import is all-or-nothing and replaces the current list: the platforms of the file are
 * updated or added by (name, host unit), the platforms missing from the file are withdrawn (kept,
 * inactive, so that ids held by applications stay valid), and the members of every platform are
 * replaced by those of the file. It is audited with the counts before and after.
 */
@ApplicationScoped
public class WhiteListService implements WhiteList {

  /** What an import did. */
  public record ImportOutcome(
      String batch,
      int platforms,
      int members,
      long platformsBefore,
      long membersBefore,
      int withdrawn)
      implements java.io.Serializable {}

  @PersistenceContext(unitName = "directory")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Caller caller;

  @Override
  public List<PlatformView> platformsOfUnit(long organisationId) {
    return views(
        em.createQuery(
                "select p from Platform p where p.active = true and p.hostOrganisationId = :o"
                    + " order by p.name",
                Platform.class)
            .setParameter("o", organisationId)
            .getResultList());
  }

  @Override
  public boolean isMember(long platformId, String idType, String idNumber) {
    IdDocumentType type;
    try {
      type = IdDocumentType.valueOf(idType);
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
    return !em.createQuery(
            "select m.id from PlatformMember m, Platform p where p.id = m.platformId"
                + " and p.active = true and m.platformId = :p and m.idType = :t"
                + " and m.idNumber = :n",
            Long.class)
        .setParameter("p", platformId)
        .setParameter("t", type)
        .setParameter("n", type.normalise(idNumber))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<PlatformView> search(String query, int first, int max) {
    TypedQuery<Platform> q =
        filtered("select p from Platform p", query, " order by p.name, p.id", Platform.class);
    return views(
        q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(0, max)).getResultList());
  }

  @Override
  public long count(String query) {
    return filtered("select count(p) from Platform p", query, "", Long.class).getSingleResult();
  }

  /** Active platforms and their members now. */
  public long[] counts() {
    return new long[] {count(null), activeMembers()};
  }

  /** The empty import template. */
  public byte[] template() {
    return WhiteListWorkbook.template();
  }

  /**
   * Imports the white list from an .xlsx file (OFFICER only). Reads at most {@link
   * WhiteListWorkbook#MAX_BYTES} + 1 bytes.
   *
   * @throws io.hezuo.kernel.error.AccessDeniedException when the caller is not an officer
   * @throws RuleViolationException (rule F-WL) listing every problem; nothing is saved
   */
  @Transactional
  public ImportOutcome importWorkbook(InputStream in, String fileName, String note) {
    String officer = requireOfficer();
    XlsxUpload upload = XlsxUpload.read(WhiteListWorkbook.IMPORT, in, fileName, note);
    Map<String, Long> hosts = new HashMap<>();
    for (Object[] row :
        em.createQuery("select o.creditCode, o.id from Organisation o", Object[].class)
            .getResultList()) {
      hosts.put((String) row[0], (Long) row[1]);
    }
    LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
    WhiteListWorkbook.Parsed parsed = WhiteListWorkbook.parse(upload.content(), hosts, today);

    long platformsBefore = count(null);
    long membersBefore = activeMembers();
    String batch = UUID.randomUUID().toString();
    Instant now = clock.instant();
    String source = upload.source();

    Map<String, Platform> existing = new HashMap<>();
    for (Platform p : em.createQuery("select p from Platform p", Platform.class).getResultList()) {
      existing.put(p.getName() + "\u0000" + p.getHostOrganisationId(), p);
    }
    Map<String, Long> idByName = new HashMap<>();
    Set<Long> kept = new HashSet<>();
    for (WhiteListWorkbook.PlatformRow r : parsed.platforms()) {
      Platform p = existing.get(r.name() + "\u0000" + r.hostOrganisationId());
      if (p == null) {
        p = new Platform(r.name(), r.hostOrganisationId());
        p.imported(r.level(), r.fields(), batch, source, now);
        em.persist(p);
      } else {
        p.imported(r.level(), r.fields(), batch, source, now);
      }
      em.flush();
      idByName.put(r.name(), p.getId());
      kept.add(p.getId());
    }
    int withdrawn = 0;
    for (Platform p : existing.values()) {
      if (p.isActive() && !kept.contains(p.getId())) {
        p.withdraw();
        withdrawn++;
      }
    }
    em.createQuery("delete from PlatformMember m").executeUpdate();
    for (WhiteListWorkbook.MemberRow m : parsed.members()) {
      em.persist(
          new PlatformMember(idByName.get(m.platformName()), m.idType(), m.idNumber(), m.name()));
    }
    em.flush();

    ImportOutcome outcome =
        new ImportOutcome(
            batch,
            parsed.platforms().size(),
            parsed.members().size(),
            platformsBefore,
            membersBefore,
            withdrawn);
    audit.record(
        upload.audit(
            officer,
            "WhiteList",
            batch,
            platformsBefore + " platforms, " + membersBefore + " members",
            outcome.platforms()
                + " platforms, "
                + outcome.members()
                + " members, "
                + withdrawn
                + " withdrawn"));
    return outcome;
  }

  private String requireOfficer() {
    if (!caller.isSignedIn() || !caller.hasRole(Role.OFFICER)) {
      throw new AccessDeniedException("only a programme officer may import the white list");
    }
    return caller.name();
  }

  private long activeMembers() {
    return em.createQuery(
            "select count(m) from PlatformMember m, Platform p where p.id = m.platformId"
                + " and p.active = true",
            Long.class)
        .getSingleResult();
  }

  /** Active platforms whose name, host unit's name, fields or level match the query. */
  private <T> TypedQuery<T> filtered(String select, String query, String order, Class<T> type) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      return em.createQuery(select + " where p.active = true" + order, type);
    }
    Optional<PlatformLevel> level = levelOf(q);
    String where =
        " where p.active = true and (lower(p.name) like :q or lower(p.fields) like :q"
            + " or exists (select o.id from Organisation o where o.id = p.hostOrganisationId"
            + " and (lower(o.name) like :q or lower(o.nameEn) like :q))"
            + (level.isPresent() ? " or p.level = :level" : "")
            + ")";
    TypedQuery<T> tq =
        em.createQuery(select + where + order, type).setParameter("q", "%" + escape(q) + "%");
    level.ifPresent(l -> tq.setParameter("level", l));
    return tq;
  }

  /** A query that names a level (省级, provincial, PROVINCIAL) also finds the platforms of it. */
  private static Optional<PlatformLevel> levelOf(String q) {
    Optional<PlatformLevel> l = PlatformLevel.parse(q);
    if (l.isPresent()) {
      return l;
    }
    return switch (q) {
      case "national" -> Optional.of(PlatformLevel.NATIONAL);
      case "ministerial" -> Optional.of(PlatformLevel.MINISTERIAL);
      case "provincial" -> Optional.of(PlatformLevel.PROVINCIAL);
      case "department" -> Optional.of(PlatformLevel.DEPARTMENT);
      default -> Optional.empty();
    };
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private List<PlatformView> views(List<Platform> platforms) {
    if (platforms.isEmpty()) {
      return List.of();
    }
    List<Long> ids = platforms.stream().map(Platform::getId).toList();
    Set<Long> hostIds = new HashSet<>();
    platforms.forEach(p -> hostIds.add(p.getHostOrganisationId()));
    Map<Long, String> hosts = new HashMap<>();
    for (Organisation o :
        em.createQuery("select o from Organisation o where o.id in :ids", Organisation.class)
            .setParameter("ids", hostIds)
            .getResultList()) {
      hosts.put(o.getId(), o.getName());
    }
    Map<Long, Long> members = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select m.platformId, count(m) from PlatformMember m where m.platformId in :ids"
                    + " group by m.platformId",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      members.put((Long) row[0], (Long) row[1]);
    }
    List<PlatformView> out = new ArrayList<>();
    for (Platform p : platforms) {
      out.add(
          new PlatformView(
              p.getId(),
              p.getName(),
              p.getLevel().name(),
              p.getHostOrganisationId(),
              hosts.getOrDefault(p.getHostOrganisationId(), ""),
              p.getFields(),
              members.getOrDefault(p.getId(), 0L).intValue()));
    }
    return out;
  }
}
