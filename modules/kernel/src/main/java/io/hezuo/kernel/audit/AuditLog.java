package io.hezuo.kernel.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The append-only audit log ({@code krn_audit}). Rows are only ever inserted. */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "kernel")
  EntityManager em;

  @Inject Clock clock;

  /** Records the entry in the caller's transaction (or a new one when there is none). */
  @Transactional(Transactional.TxType.REQUIRED)
  public void record(AuditEntry entry) {
    em.persist(new AuditRecord(entry, clock.instant()));
  }

  /**
   * Records the entry in a transaction of its own, so that it stays even when the caller's
   * transaction is rolled back (failed logins, refused input).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordAlways(AuditEntry entry) {
    em.persist(new AuditRecord(entry, clock.instant()));
  }

  /** The newest entries about one entity, newest first. */
  public List<AuditRecord> forEntity(String entityType, String entityId, int max) {
    return em.createQuery(
            "select a from AuditRecord a where a.entityType = :t and a.entityId = :i"
                + " order by a.id desc",
            AuditRecord.class)
        .setParameter("t", entityType)
        .setParameter("i", entityId)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many entries the log holds. */
  public long count() {
    return em.createQuery("select count(a) from AuditRecord a", Long.class).getSingleResult();
  }

  /** How many entries match the filter. */
  public long count(AuditFilter f) {
    if (f.actors() != null && f.actors().isEmpty()) {
      return 0;
    }
    jakarta.persistence.TypedQuery<Long> q =
        em.createQuery("select count(a) from AuditRecord a" + where(f), Long.class);
    bind(q, f);
    return q.getSingleResult();
  }

  /** The entries that match the filter, newest first, {@code first} and {@code max} of them. */
  public List<AuditRecord> search(AuditFilter f, int first, int max) {
    if (f.actors() != null && f.actors().isEmpty()) {
      return List.of();
    }
    jakarta.persistence.TypedQuery<AuditRecord> q =
        em.createQuery(
            "select a from AuditRecord a" + where(f) + " order by a.id desc", AuditRecord.class);
    bind(q, f);
    return q.setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** The actions the log holds, for the action filter. */
  public List<String> actions() {
    return em.createQuery(
            "select distinct a.action from AuditRecord a order by a.action", String.class)
        .getResultList();
  }

  private static String where(AuditFilter f) {
    java.util.StringJoiner w = new java.util.StringJoiner(" and ", " where ", "").setEmptyValue("");
    if (f.actors() != null) {
      w.add("a.actor in :actors");
    }
    if (f.action() != null) {
      w.add("a.action = :action");
    }
    if (f.from() != null) {
      w.add("a.at >= :from");
    }
    if (f.until() != null) {
      w.add("a.at < :until");
    }
    return w.toString();
  }

  private static void bind(jakarta.persistence.Query q, AuditFilter f) {
    if (f.actors() != null) {
      q.setParameter("actors", f.actors());
    }
    if (f.action() != null) {
      q.setParameter("action", f.action());
    }
    if (f.from() != null) {
      q.setParameter("from", f.from());
    }
    if (f.until() != null) {
      q.setParameter("until", f.until());
    }
  }

  /** The newest entries of all kinds, for the administrator's audit view. */
  public List<AuditRecord> latest(int first, int max) {
    return em.createQuery("select a from AuditRecord a order by a.id desc", AuditRecord.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }
}
