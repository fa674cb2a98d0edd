package io.hezuo.kernel.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sender's short transactions on the outbox, each its own (never the caller's, never around an
 * SMTP conversation): claim due rows, record a success or a failure, find when the next row is due.
 */
@ApplicationScoped
public class OutboxStore {

  /** A claimed row: what to send, and the token that proves the claim. */
  public record Claimed(
      long id,
      String token,
      String to,
      String subject,
      String body,
      String entityType,
      String entityId,
      int attempts) {}

  @PersistenceContext(unitName = "kernel")
  EntityManager em;

  /**
   * Claims up to {@code max} due rows for this node for {@code lease}: a conditional UPDATE that
   * writes this claim's token only where the row is still pending, due and unclaimed (or its lease
   * ran out), so that two nodes never claim the same row; then reads back the rows with the token.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Claimed> claim(Instant now, Duration lease, int max) {
    List<Long> due =
        em.createQuery(
                "select m.id from OutboxMail m where m.status = :pending"
                    + " and m.nextAttemptAt <= :now"
                    + " and (m.claimedUntil is null or m.claimedUntil < :now)"
                    + " order by m.nextAttemptAt, m.id",
                Long.class)
            .setParameter("pending", OutboxMail.Status.PENDING)
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    if (due.isEmpty()) {
      return List.of();
    }
    String token = UUID.randomUUID().toString();
    int claimed =
        em.createQuery(
                "update OutboxMail m set m.claimToken = :token, m.claimedUntil = :until"
                    + " where m.id in :ids and m.status = :pending"
                    + " and (m.claimedUntil is null or m.claimedUntil < :now)")
            .setParameter("token", token)
            .setParameter("until", now.plus(lease))
            .setParameter("ids", due)
            .setParameter("pending", OutboxMail.Status.PENDING)
            .setParameter("now", now)
            .executeUpdate();
    if (claimed == 0) {
      return List.of();
    }
    return em
        .createQuery(
            "select m from OutboxMail m where m.claimToken = :token order by m.id",
            OutboxMail.class)
        .setParameter("token", token)
        .getResultList()
        .stream()
        .map(
            m ->
                new Claimed(
                    m.getId(),
                    token,
                    m.getToAddress(),
                    m.getSubject(),
                    m.getBody(),
                    m.getEntityType(),
                    m.getEntityId(),
                    m.getAttempts()))
        .toList();
  }

  /** The claimed row was sent. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void sent(Claimed c, Instant now) {
    OutboxMail m = em.find(OutboxMail.class, c.id());
    if (m != null && c.token().equals(m.claimToken())) {
      m.sent(now);
    }
  }

  /**
   * An attempt at the claimed row failed: returns when it is tried again, or empty when it was
   * given up (FAILED).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Instant> failed(Claimed c, Instant now, String error) {
    OutboxMail m = em.find(OutboxMail.class, c.id());
    if (m == null || !c.token().equals(m.claimToken())) {
      return Optional.empty();
    }
    m.failed(now, error);
    return m.getStatus() == OutboxMail.Status.PENDING
        ? Optional.of(m.getNextAttemptAt())
        : Optional.empty();
  }

  /** When the earliest pending row is due (empty: none is pending). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Instant> earliestPending() {
    return em
        .createQuery(
            "select m.nextAttemptAt from OutboxMail m where m.status = :pending"
                + " order by m.nextAttemptAt",
            Instant.class)
        .setParameter("pending", OutboxMail.Status.PENDING)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }
}
