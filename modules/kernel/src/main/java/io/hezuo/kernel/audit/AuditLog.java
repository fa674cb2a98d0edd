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

  /** The newest entries of all kinds, for the administrator's audit view. */
  public List<AuditRecord> latest(int first, int max) {
    return em.createQuery("select a from AuditRecord a order by a.id desc", AuditRecord.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }
}
