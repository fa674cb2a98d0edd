package io.hezuo.call.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.DisciplineView;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.PlatformHostView;
import io.hezuo.call.api.Text;
import io.hezuo.call.api.TopicView;
import io.hezuo.call.domain.Call;
import io.hezuo.call.domain.PlatformHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reads the catalogue for other modules, the screens and REST. */
@ApplicationScoped
public class CatalogueService implements CallCatalogue {

  @PersistenceContext(unitName = "call")
  EntityManager em;

  @Inject Clock clock;

  @Inject CatalogueSnapshots snapshots;

  /** Relationships read in one query each (EclipseLink batch fetching) instead of one per row. */
  static final List<String> BATCH =
      List.of(
          "c.lines",
          "c.lines.partners",
          "c.lines.platforms",
          "c.lines.fields",
          "c.lines.regions",
          "c.lines.topics",
          "c.lines.topics.targets");

  /** From the snapshot: no query but, at most once a second, the version check. */
  @Override
  public Optional<CallView> current() {
    return Optional.ofNullable(snapshots.current().call());
  }

  @Override
  public Optional<CallView> find(long callId) {
    CatalogueSnapshot s = snapshots.current();
    if (s.call() != null && s.callId() == callId) {
      return Optional.of(s.call());
    }
    return withBatch(em.createQuery("select c from Call c where c.id = :id", Call.class))
        .setParameter("id", callId)
        .getResultStream()
        .findFirst()
        .map(Call::toView);
  }

  static TypedQuery<Call> withBatch(TypedQuery<Call> q) {
    q.setHint("eclipselink.batch.type", "IN");
    for (String path : BATCH) {
      q.setHint("eclipselink.batch", path);
    }
    return q;
  }

  @Override
  public Optional<LineView> line(long callId, String lineCode) {
    return find(callId).flatMap(c -> c.line(lineCode));
  }

  @Override
  public List<TopicView> topics(long callId, String lineCode) {
    return line(callId, lineCode).map(LineView::topics).orElse(List.of());
  }

  @Override
  public boolean isSubmissionOpen(long callId) {
    CatalogueSnapshot s = snapshots.current();
    if (s.call() != null && s.callId() == callId) {
      return s.call().isSubmissionOpen(clock.instant());
    }
    Call call = em.find(Call.class, callId);
    return call != null && call.isSubmissionOpen(clock.instant());
  }

  @Override
  public boolean isRecommendationOpen(long callId) {
    CatalogueSnapshot s = snapshots.current();
    if (s.call() != null && s.callId() == callId) {
      return s.call().isRecommendationOpen(clock.instant());
    }
    Call call = em.find(Call.class, callId);
    return call != null && call.isRecommendationOpen(clock.instant());
  }

  /** The discipline codes, read once (a reference list; a migration changes it, with a restart). */
  private volatile List<DisciplineView> disciplines;

  @Override
  public List<DisciplineView> disciplines() {
    List<DisciplineView> d = disciplines;
    if (d == null) {
      java.util.Map<String, Text> sections = new java.util.HashMap<>();
      List<DisciplineView> out = new java.util.ArrayList<>();
      for (Object o :
          em.createNativeQuery(
                  "select code, section_code, level, name_zh, name_en from call_discipline"
                      + " order by sort_order")
              .getResultList()) {
        Object[] r = (Object[]) o;
        Text name = new Text((String) r[3], (String) r[4]);
        if (((Number) r[2]).intValue() == 1) {
          sections.put((String) r[1], name);
        } else {
          out.add(
              new DisciplineView((String) r[1], sections.get((String) r[1]), (String) r[0], name));
        }
      }
      d = List.copyOf(out);
      disciplines = d;
    }
    return d;
  }

  @Override
  public List<PlatformHostView> platformHosts(long callId, String lineCode) {
    List<Object[]> platforms =
        em.createQuery(
                "select p.id, p.code from Platform p where p.callId = :c and p.line.code = :l",
                Object[].class)
            .setParameter("c", callId)
            .setParameter("l", lineCode)
            .getResultList();
    if (platforms.isEmpty()) {
      return List.of();
    }
    java.util.Map<Long, String> codes = new java.util.HashMap<>();
    for (Object[] p : platforms) {
      codes.put((Long) p[0], (String) p[1]);
    }
    return em
        .createQuery(
            "select h from PlatformHost h where h.platformId in :p and h.removedAt is null"
                + " order by h.id",
            PlatformHost.class)
        .setParameter("p", codes.keySet())
        .getResultList()
        .stream()
        .map(h -> h.toView(lineCode, codes.get(h.getPlatformId())))
        .toList();
  }
}
