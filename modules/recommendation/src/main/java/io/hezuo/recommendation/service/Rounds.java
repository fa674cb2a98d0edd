package io.hezuo.recommendation.service;

import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.recommendation.api.DocumentView;
import io.hezuo.recommendation.api.QuotaUse;
import io.hezuo.recommendation.domain.Decision;
import io.hezuo.recommendation.domain.DecisionKind;
import io.hezuo.recommendation.domain.Quota;
import io.hezuo.recommendation.domain.QuotaRules;
import io.hezuo.recommendation.domain.RecommendationDocument;
import io.hezuo.recommendation.domain.Round;
import io.hezuo.recommendation.domain.RoundStatus;
import io.hezuo.submission.api.ApplicationLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the recommender's and the officer's use cases share: a recommender's round (created on first
 * use, locked for a change), its deadline (D1), the quotas in use (R1), the recommended set's hash
 * and the voiding of documents bound to an older hash (R2).
 */
@ApplicationScoped
class Rounds {

  /** The rank groups in the order screens and the summary table show them. */
  static final List<String> GROUP_ORDER = List.of("A1", "A2", "A3", "B");

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject ApplicationLifecycle applications;
  @Inject Clock clock;

  /**
   * The round as it is, for reading: a recommender that has not done anything yet has an open round
   * that is not stored (nothing is written outside a transaction).
   */
  Round current(long callId, long recommenderId) {
    return em.createQuery(
            "select r from Round r where r.callId = :c and r.recommenderId = :r", Round.class)
        .setParameter("c", callId)
        .setParameter("r", recommenderId)
        .getResultStream()
        .findFirst()
        .orElseGet(() -> new Round(callId, recommenderId));
  }

  /**
   * The stored rounds of every recommender of a call, by recommender id, in one query (a
   * recommender without one has an open round that is not stored: see {@link #current}).
   */
  Map<Long, Round> currentByRecommender(long callId) {
    Map<Long, Round> out = new HashMap<>();
    em.createQuery("select r from Round r where r.callId = :c", Round.class)
        .setParameter("c", callId)
        .getResultList()
        .forEach(r -> out.put(r.getRecommenderId(), r));
    return out;
  }

  /** The round, created if it does not exist yet (a concurrent creation is harmless). */
  Round round(long callId, long recommenderId) {
    List<Round> found =
        em.createQuery(
                "select r from Round r where r.callId = :c and r.recommenderId = :r", Round.class)
            .setParameter("c", callId)
            .setParameter("r", recommenderId)
            .getResultList();
    if (!found.isEmpty()) {
      return found.get(0);
    }
    em.createNativeQuery(
            "INSERT IGNORE INTO rec_round (call_id, recommender_id, status, version)"
                + " VALUES (?1, ?2, 'OPEN', 0)")
        .setParameter(1, callId)
        .setParameter(2, recommenderId)
        .executeUpdate();
    return em.createQuery(
            "select r from Round r where r.callId = :c and r.recommenderId = :r", Round.class)
        .setParameter("c", callId)
        .setParameter("r", recommenderId)
        .getSingleResult();
  }

  /**
   * The round locked for a change (SELECT … FOR UPDATE): a recommender's decisions, ranking,
   * uploads and submission happen one at a time, so a quota is never overrun by two tabs.
   */
  Round locked(long callId, long recommenderId) {
    Round r = round(callId, recommenderId);
    em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
    return r;
  }

  /** D1 and the lock of a submitted round: may the recommender still change anything? */
  void requireOpen(Round r, CallView call) {
    Instant now = clock.instant();
    if (r.getStatus() == RoundStatus.SUBMITTED) {
      throw new RuleViolationException(
          RuleViolation.error(
              "R2", null, "recommendation.rule.submitted", Zones.format(r.getSubmittedAt())));
    }
    Instant closes = r.closesAt(call.recommendationClosesAt());
    if (!now.isBefore(closes)) {
      throw new RuleViolationException(
          RuleViolation.error("D1", null, "recommendation.rule.d1.closed", Zones.format(closes)));
    }
  }

  boolean isOpen(Round r, CallView call) {
    return r.getStatus() == RoundStatus.OPEN
        && clock.instant().isBefore(r.closesAt(call.recommendationClosesAt()));
  }

  /** The rank group of a line of the call. */
  static String group(LineView l) {
    return QuotaRules.rankGroup(l.quotaGroup(), l.groupCode(), l.code());
  }

  static QuotaRules.Limit limit(LineView l) {
    return QuotaRules.Limit.valueOf(l.quotaKind().name());
  }

  /** How each rank group of the call is limited (a group takes its first line's kind). */
  static Map<String, QuotaRules.Limit> groups(CallView call) {
    Map<String, QuotaRules.Limit> g = new LinkedHashMap<>();
    for (String name : GROUP_ORDER) {
      for (LineView l : call.lines()) {
        if (group(l).equals(name)) {
          g.putIfAbsent(name, limit(l));
        }
      }
    }
    for (LineView l : call.lines()) {
      g.putIfAbsent(group(l), limit(l));
    }
    return g;
  }

  List<Decision> decisions(long callId, long recommenderId) {
    return em.createQuery(
            "select d from Decision d where d.callId = :c and d.recommenderId = :r"
                + " order by d.rankGroup, d.rankNo, d.applicationId",
            Decision.class)
        .setParameter("c", callId)
        .setParameter("r", recommenderId)
        .getResultList();
  }

  /** The decisions of every recommender of a call, by recommender id, in one query. */
  Map<Long, List<Decision>> decisionsByRecommender(long callId) {
    Map<Long, List<Decision>> out = new HashMap<>();
    em.createQuery(
            "select d from Decision d where d.callId = :c"
                + " order by d.recommenderId, d.rankGroup, d.rankNo, d.applicationId",
            Decision.class)
        .setParameter("c", callId)
        .getResultList()
        .forEach(d -> out.computeIfAbsent(d.getRecommenderId(), k -> new ArrayList<>()).add(d));
    return out;
  }

  List<Decision> recommended(long callId, long recommenderId) {
    return decisions(callId, recommenderId).stream()
        .filter(d -> d.getDecision() == DecisionKind.RECOMMENDED)
        .toList();
  }

  Map<String, Quota> quotas(long callId, long recommenderId) {
    Map<String, Quota> q = new LinkedHashMap<>();
    em.createQuery(
            "select q from Quota q where q.callId = :c and q.recommenderId = :r", Quota.class)
        .setParameter("c", callId)
        .setParameter("r", recommenderId)
        .getResultList()
        .forEach(x -> q.put(x.getQuotaGroup(), x));
    return q;
  }

  /** The quotas of every recommender of a call, by recommender id and group, in one query. */
  Map<Long, Map<String, Quota>> quotasByRecommender(long callId) {
    Map<Long, Map<String, Quota>> out = new HashMap<>();
    em.createQuery("select q from Quota q where q.callId = :c", Quota.class)
        .setParameter("c", callId)
        .getResultList()
        .forEach(
            x ->
                out.computeIfAbsent(x.getRecommenderId(), k -> new LinkedHashMap<>())
                    .put(x.getQuotaGroup(), x));
    return out;
  }

  /** R1 per group: places, used, remaining. */
  List<QuotaUse> quotaUse(CallView call, long recommenderId, List<Decision> decisions) {
    return quotaUse(call, quotas(call.id(), recommenderId), decisions);
  }

  /** R1 per group from a recommender's quotas (by group) and decisions, read already. */
  List<QuotaUse> quotaUse(CallView call, Map<String, Quota> quotas, List<Decision> decisions) {
    List<QuotaUse> out = new ArrayList<>();
    groups(call)
        .forEach(
            (group, limit) -> {
              long used =
                  decisions.stream()
                      .filter(d -> d.getDecision() == DecisionKind.RECOMMENDED)
                      .filter(d -> d.getRankGroup().equals(group))
                      .count();
              Integer places = null;
              Integer remaining = null;
              if (limit.hasPlaces()) {
                Quota q = quotas.get(group);
                places = q == null ? 0 : q.getPlaces();
                remaining = (int) Math.max(0, places - used);
              }
              out.add(new QuotaUse(group, limit.name(), places, used, remaining));
            });
    return out;
  }

  /** The hash of the recommended set in ranking order (R2). */
  String setHash(List<Decision> recommended) {
    List<QuotaRules.Ranked> set = new ArrayList<>();
    // the stamps of the whole set in one query (reading each application in full sent statements
    // per recommended application, on every list render and every decision)
    java.util.Map<Long, io.hezuo.submission.api.ContentStamp> stamps =
        applications.stamps(recommended.stream().map(Decision::getApplicationId).toList());
    for (Decision d : recommended) {
      io.hezuo.submission.api.ContentStamp a = stamps.get(d.getApplicationId());
      if (a == null) {
        throw new io.hezuo.kernel.error.NotFoundException("no application " + d.getApplicationId());
      }
      set.add(
          new QuotaRules.Ranked(
              d.getRankGroup(),
              d.getRankNo() == null ? 0 : d.getRankNo(),
              d.getApplicationId(),
              a.acceptanceNo(),
              a.contentSha256()));
    }
    return QuotaRules.setHash(set);
  }

  /**
   * After the set or the ranking changed: every valid document bound to another hash is void (the
   * screen says why, and the recommender uploads again).
   */
  void voidStaleDocuments(long callId, long recommenderId) {
    String hash = setHash(recommended(callId, recommenderId));
    Instant now = clock.instant();
    for (RecommendationDocument d : documents(callId, recommenderId)) {
      if (d.isValid() && !d.getSetHash().equals(hash)) {
        d.voidBecause(RecommendationDocument.SET_CHANGED, now);
      }
    }
  }

  List<RecommendationDocument> documents(long callId, long recommenderId) {
    return em.createQuery(
            "select d from RecommendationDocument d where d.callId = :c and d.recommenderId = :r"
                + " order by d.id desc",
            RecommendationDocument.class)
        .setParameter("c", callId)
        .setParameter("r", recommenderId)
        .getResultList();
  }

  /** The latest document of each kind (valid or not), newest first within a kind. */
  List<DocumentView> documentViews(long callId, long recommenderId) {
    return latestOfEachKind(documents(callId, recommenderId));
  }

  /**
   * {@link #documentViews} of every recommender of a call, by recommender id, in one query (a
   * recommender without documents is absent).
   */
  Map<Long, List<DocumentView>> documentViewsByRecommender(long callId) {
    Map<Long, List<RecommendationDocument>> byRec = new HashMap<>();
    em.createQuery(
            "select d from RecommendationDocument d where d.callId = :c order by d.id desc",
            RecommendationDocument.class)
        .setParameter("c", callId)
        .getResultList()
        .forEach(d -> byRec.computeIfAbsent(d.getRecommenderId(), k -> new ArrayList<>()).add(d));
    Map<Long, List<DocumentView>> out = new HashMap<>();
    byRec.forEach((rec, docs) -> out.put(rec, latestOfEachKind(docs)));
    return out;
  }

  /** Of documents newest first: the first of each kind. */
  private static List<DocumentView> latestOfEachKind(List<RecommendationDocument> newestFirst) {
    Map<String, DocumentView> latest = new LinkedHashMap<>();
    for (RecommendationDocument d : newestFirst) {
      latest.putIfAbsent(
          d.getKind().name(),
          new DocumentView(
              d.getId(),
              d.getKind().name(),
              d.getFileName(),
              d.getSizeBytes(),
              d.getPages(),
              d.getSha256(),
              d.getUploadedAt(),
              d.getUploadedBy(),
              d.isValid(),
              d.getVoidReason()));
    }
    return List.copyOf(latest.values());
  }
}
