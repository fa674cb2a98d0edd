package io.hezuo.call.service;

import io.hezuo.call.domain.Call;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Holds the current call as an immutable {@link CatalogueSnapshot} so that pages and the public
 * endpoint read it without touching the database.
 *
 * <p>Freshness: on this node an officer's edit ({@link CallEditing#save}) drops the snapshot once
 * its transaction has committed, and the next reader builds the new one. For a change made on
 * another node (or by SQL), the snapshot is checked against the database at most once per {@link
 * #TTL_PROPERTY} (default 1000 ms): one small query reads the published call's id and the sum of
 * its own and its lines' versions ({@code @Version} columns only grow); when either differs the
 * call is read again. So another node's edit is seen within a second, and a node under load asks
 * the database one cheap question a second instead of reading the call for every page.
 */
@ApplicationScoped
public class CatalogueSnapshots {

  /** System property: milliseconds between checks of the database version (0: every read). */
  public static final String TTL_PROPERTY = "hezuo.call.snapshot.ttl-ms";

  static final String STAMP_SQL =
      "select c.id, c.version + coalesce((select sum(l.version) from call_line l"
          + " where l.call_id = c.id), 0) from call_call c where c.status = 'PUBLISHED'"
          + " order by c.call_year desc, c.id desc limit 1";

  @PersistenceContext(unitName = "call")
  EntityManager em;

  private final long ttlNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong(TTL_PROPERTY, 1000L));

  private final Jsonb jsonb = JsonbBuilder.create();

  private volatile CatalogueSnapshot snapshot;
  private volatile long checkedAt;

  /** The current snapshot (its {@code call} is null when no call is published). */
  public CatalogueSnapshot current() {
    CatalogueSnapshot s = snapshot;
    if (s != null && System.nanoTime() - checkedAt < ttlNanos) {
      return s;
    }
    return refresh();
  }

  private synchronized CatalogueSnapshot refresh() {
    CatalogueSnapshot s = snapshot;
    if (s != null && System.nanoTime() - checkedAt < ttlNanos) {
      return s;
    }
    long[] idAndStamp = stamp();
    if (s == null || s.callId() != idAndStamp[0] || s.stamp() != idAndStamp[1]) {
      s = load(idAndStamp[0], idAndStamp[1]);
    }
    snapshot = s;
    checkedAt = System.nanoTime();
    return s;
  }

  /** The published call's id and version stamp, or {@code -1, -1} when none is published. */
  long[] stamp() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(STAMP_SQL).getResultList();
    if (rows.isEmpty()) {
      return new long[] {-1, -1};
    }
    Object[] row = rows.get(0);
    return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
  }

  private CatalogueSnapshot load(long callId, long stamp) {
    if (callId < 0) {
      return CatalogueSnapshot.none(stamp);
    }
    // read after the stamp: if an edit commits in between, the data is newer than the stamp and
    // the next check reads it again, never the other way round
    return CatalogueService.withBatch(
            em.createQuery("select c from Call c where c.id = :id", Call.class))
        .setParameter("id", callId)
        .getResultStream()
        .findFirst()
        .map(Call::toView)
        .map(v -> CatalogueSnapshot.of(stamp, v, jsonb.toJson(v)))
        .orElseGet(() -> CatalogueSnapshot.none(stamp));
  }

  /** Drops the snapshot once an edit has committed; the next reader builds the new one. */
  synchronized void changed(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged event) {
    snapshot = null;
  }

  /** Drops the snapshot (tests, and an administrator after changing the catalogue by SQL). */
  public synchronized void drop() {
    snapshot = null;
  }

  @PreDestroy
  void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      // nothing held
    }
  }
}
