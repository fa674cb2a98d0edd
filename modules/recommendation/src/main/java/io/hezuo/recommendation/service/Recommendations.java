package io.hezuo.recommendation.service;

import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.PlatformHostView;
import io.hezuo.call.api.PlatformKind;
import io.hezuo.call.api.PlatformView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.BadRequestException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Role;
import io.hezuo.recommendation.api.DecisionView;
import io.hezuo.recommendation.api.DocumentView;
import io.hezuo.recommendation.api.RecommendationPage;
import io.hezuo.recommendation.api.RecommendationRow;
import io.hezuo.recommendation.api.RoundView;
import io.hezuo.recommendation.domain.Decision;
import io.hezuo.recommendation.domain.DecisionKind;
import io.hezuo.recommendation.domain.DocumentKind;
import io.hezuo.recommendation.domain.Quota;
import io.hezuo.recommendation.domain.QuotaRules;
import io.hezuo.recommendation.domain.Round;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationLifecycle.Actor;
import io.hezuo.submission.api.ApplicationPage;
import io.hezuo.submission.api.ApplicationQuery;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recommending unit's use cases (R1, R2, D1): its applications, its decisions within its
 * quotas, the ranking, and handing in. Every change locks the recommender's round first.
 */
@ApplicationScoped
public class Recommendations {

  /** The entity type the audit log names a recommender's round by. */
  public static final String ROUND = "RecommendationRound";

  /** A round's states as the audit log records them (labelled by web.audit.code.*). */
  static final String ROUND_OPEN = "RECOMMENDATION_OPEN";

  static final String ROUND_SUBMITTED = "RECOMMENDATION_SUBMITTED";

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject RecommenderContext context;
  @Inject io.hezuo.call.api.CallCatalogue calls;
  @Inject Rounds rounds;
  @Inject ApplicationLifecycle applications;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * The round as the recommender sees it: status, deadline, quotas, documents (a recommender that
   * has not acted yet has an open round that is not stored: reading writes nothing).
   */
  public RoundView round() {
    RecommenderContext.Me me = context.me();
    return view(me, rounds.current(me.call().id(), me.id()));
  }

  RoundView view(RecommenderContext.Me me, Round r) {
    CallView call = me.call();
    List<Decision> decisions = rounds.decisions(call.id(), me.id());
    long confirmed =
        applications
            .find(
                ApplicationQuery.ofCall(call.id())
                    .withStatus(ApplicationStatus.CONFIRMED.name())
                    .withRecommendingUnit(me.id())
                    .withPage(0, 1))
            .total();
    List<Decision> recommended =
        decisions.stream().filter(d -> d.getDecision() == DecisionKind.RECOMMENDED).toList();
    List<DocumentView> docs = rounds.documentViews(call.id(), me.id());
    return new RoundView(
        call.id(),
        me.id(),
        me.unit().name(),
        r.getStatus().name(),
        r.closesAt(call.recommendationClosesAt()),
        rounds.isOpen(r, call),
        r.getSubmittedAt(),
        r.getSubmittedBy(),
        r.getReopenReason(),
        rounds.setHash(recommended),
        rounds.quotaUse(call, me.id(), decisions),
        docs,
        confirmed,
        recommended.size());
  }

  /**
   * The applications the recommender's applying units confirmed (and what became of them), filtered
   * and paged in SQL, each with the recommender's decision.
   */
  public RecommendationPage find(ApplicationQuery query) {
    RecommenderContext.Me me = context.me();
    ApplicationQuery q =
        (query == null ? ApplicationQuery.ofCall(me.call().id()) : query)
            .withRecommendingUnit(me.id());
    if (q.callId() == null) {
      q =
          new ApplicationQuery(
              me.call().id(),
              q.lineCode(),
              q.status(),
              q.applyingUnitId(),
              q.recommendingUnitId(),
              q.text(),
              q.page(),
              q.size(),
              q.sort(),
              q.ascending());
    }
    ApplicationPage page = applications.find(q);
    Map<Long, Decision> byApp = new HashMap<>();
    if (!page.rows().isEmpty()) {
      em.createQuery("select d from Decision d where d.applicationId in :ids", Decision.class)
          .setParameter("ids", page.rows().stream().map(ApplicationRow::id).toList())
          .getResultList()
          .forEach(d -> byApp.put(d.getApplicationId(), d));
    }
    List<RecommendationRow> rows = new ArrayList<>();
    for (ApplicationRow a : page.rows()) {
      Decision d = byApp.get(a.id());
      rows.add(new RecommendationRow(a, d == null ? null : view(d)));
    }
    return new RecommendationPage(rows, page.total());
  }

  /** The recommended applications of a group in ranking order (with their rows). */
  public List<RecommendationRow> ranking(String group) {
    RecommenderContext.Me me = context.me();
    List<RecommendationRow> out = new ArrayList<>();
    for (Decision d : rounds.recommended(me.call().id(), me.id())) {
      if (group == null || d.getRankGroup().equals(group)) {
        ApplicationView a = applications.read(d.getApplicationId());
        out.add(new RecommendationRow(row(a), view(d)));
      }
    }
    return out;
  }

  /** One application in full, if it belongs to the recommender's area (else 404). */
  public ApplicationView read(long applicationId) {
    return own(context.me(), applicationId);
  }

  /** An attachment of one of the recommender's applications. */
  public ApplicationLifecycle.AttachmentContent attachment(long applicationId, long attachmentId) {
    own(context.me(), applicationId);
    return applications.attachment(applicationId, attachmentId);
  }

  /** The recommender's decision on one of its applications, or empty. */
  public Optional<DecisionView> decision(long applicationId) {
    own(context.me(), applicationId);
    return Optional.ofNullable(em.find(Decision.class, applicationId)).map(Recommendations::view);
  }

  /** R1: recommends a confirmed application within the quota of its group. */
  @Transactional
  public DecisionView recommend(long applicationId) {
    RecommenderContext.Me me = context.me();
    ApplicationView a = own(me, applicationId);
    Round round = rounds.locked(me.call().id(), me.id());
    rounds.requireOpen(round, me.call());
    requireConfirmed(a);
    LineView line = line(me.call(), a.lineCode());
    String group = Rounds.group(line);
    QuotaRules.Limit limit = Rounds.limit(line);
    // a locking read: it sees what the transactions this one waited for (the round's lock)
    // committed, whatever the isolation level
    long used =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM rec_decision WHERE call_id = ?1 AND recommender_id = ?2"
                            + " AND rank_group = ?3 AND decision = 'RECOMMENDED' LOCK IN SHARE MODE")
                    .setParameter(1, me.call().id())
                    .setParameter(2, me.id())
                    .setParameter(3, group)
                    .getSingleResult())
            .longValue();
    Integer places =
        Optional.ofNullable(rounds.quotas(me.call().id(), me.id()).get(group))
            .map(Quota::getPlaces)
            .orElse(null);
    QuotaRules.oneMore(limit, groupLabel(group), places, used)
        .ifPresent(
            v -> {
              throw new RuleViolationException(v);
            });
    String platformKey = null;
    if (limit == QuotaRules.Limit.PER_PLATFORM) {
      platformKey = claimPlatform(me, a, line);
    }
    Decision d =
        new Decision(
            applicationId,
            me.call().id(),
            me.id(),
            a.lineCode(),
            group,
            DecisionKind.RECOMMENDED,
            null,
            (int) used + 1,
            platformKey,
            me.username(),
            clock.instant());
    em.persist(d);
    em.flush();
    applications.markRecommended(applicationId, actor(me), null);
    rounds.voidStaleDocuments(me.call().id(), me.id());
    return view(d);
  }

  /** Does not recommend a confirmed application; the reason is required. */
  @Transactional
  public DecisionView notRecommend(long applicationId, String reason) {
    RecommenderContext.Me me = context.me();
    String why = requireReason(reason);
    ApplicationView a = own(me, applicationId);
    Round round = rounds.locked(me.call().id(), me.id());
    rounds.requireOpen(round, me.call());
    requireConfirmed(a);
    Decision d = decided(me, a, DecisionKind.NOT_RECOMMENDED, why);
    applications.markNotRecommended(applicationId, actor(me), why);
    return view(d);
  }

  /**
   * Returns a confirmed application to its PI for revision (reason required; D1: only while the PI
   * can still resubmit — submission refuses it otherwise).
   */
  @Transactional
  public DecisionView returnForRevision(long applicationId, String reason) {
    RecommenderContext.Me me = context.me();
    String why = requireReason(reason);
    ApplicationView a = own(me, applicationId);
    Round round = rounds.locked(me.call().id(), me.id());
    rounds.requireOpen(round, me.call());
    requireConfirmed(a);
    applications.returnByRecommender(applicationId, actor(me), why);
    // the PI's resubmission comes back as a new confirmation: no decision is kept
    return new DecisionView(
        applicationId,
        DecisionKind.RETURNED.name(),
        why,
        null,
        null,
        me.username(),
        clock.instant());
  }

  /**
   * Takes back a decision (recommended or not) before handing in: the application is confirmed
   * again, its platform place (A2) is free, and the ranking closes the gap.
   */
  @Transactional
  public void reconsider(long applicationId, String reason) {
    RecommenderContext.Me me = context.me();
    own(me, applicationId);
    Round round = rounds.locked(me.call().id(), me.id());
    rounds.requireOpen(round, me.call());
    Decision d = em.find(Decision.class, applicationId);
    if (d == null || d.getDecision() == DecisionKind.RETURNED) {
      throw new RuleViolationException(
          RuleViolation.error("R1", null, "recommendation.rule.nothingToReconsider"));
    }
    String group = d.getRankGroup();
    boolean wasRecommended = d.getDecision() == DecisionKind.RECOMMENDED;
    em.remove(d);
    em.createNativeQuery("DELETE FROM rec_platform_claim WHERE application_id = ?1")
        .setParameter(1, applicationId)
        .executeUpdate();
    em.flush();
    if (wasRecommended) {
      renumber(me, group);
    }
    applications.reconsider(applicationId, actor(me), blankToNull(reason));
    rounds.voidStaleDocuments(me.call().id(), me.id());
  }

  /**
   * Sets the ranking of a group: {@code order} lists every recommended application of the group
   * once, first to last.
   */
  @Transactional
  public List<RecommendationRow> rank(String group, List<Long> order) {
    RecommenderContext.Me me = context.me();
    Round round = rounds.locked(me.call().id(), me.id());
    rounds.requireOpen(round, me.call());
    List<Decision> current =
        rounds.recommended(me.call().id(), me.id()).stream()
            .filter(d -> d.getRankGroup().equals(group))
            .toList();
    List<Long> ids = current.stream().map(Decision::getApplicationId).sorted().toList();
    if (order == null
        || order.size() != ids.size()
        || !order.stream().sorted().toList().equals(ids)) {
      throw new RuleViolationException(
          RuleViolation.error("R1", "order", "recommendation.rule.rankingIncomplete", group));
    }
    Map<Long, Decision> byId = new HashMap<>();
    current.forEach(d -> byId.put(d.getApplicationId(), d));
    List<String> before = current.stream().map(d -> String.valueOf(d.getApplicationId())).toList();
    for (int i = 0; i < order.size(); i++) {
      byId.get(order.get(i)).rankAs(i + 1);
    }
    em.flush();
    if (!before.equals(order.stream().map(String::valueOf).toList())) {
      audit.record(
          new AuditEntry(
              me.username(),
              Role.RECOMMENDER,
              ROUND,
              String.valueOf(round.getId()),
              "rank",
              String.join(",", before),
              order.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse(""),
              group));
      rounds.voidStaleDocuments(me.call().id(), me.id());
    }
    return ranking(group);
  }

  /** Moves a recommended application one place up ({@code delta} -1) or down (+1) in its group. */
  @Transactional
  public List<RecommendationRow> move(long applicationId, int delta) {
    RecommenderContext.Me me = context.me();
    own(me, applicationId);
    Decision d = em.find(Decision.class, applicationId);
    if (d == null || d.getDecision() != DecisionKind.RECOMMENDED) {
      throw new NotFoundException("no recommended application " + applicationId);
    }
    List<Long> order =
        new ArrayList<>(
            rounds.recommended(me.call().id(), me.id()).stream()
                .filter(x -> x.getRankGroup().equals(d.getRankGroup()))
                .map(Decision::getApplicationId)
                .toList());
    int i = order.indexOf(applicationId);
    int j = i + Integer.signum(delta);
    if (j >= 0 && j < order.size()) {
      order.set(i, order.get(j));
      order.set(j, applicationId);
    }
    return rank(d.getRankGroup(), order);
  }

  /**
   * Hands in the recommendation (R1, R2, D1): every confirmed application decided, quotas held, the
   * three documents uploaded for the current set; then the set is locked.
   */
  @Transactional
  public RoundView submit() {
    RecommenderContext.Me me = context.me();
    Round round = rounds.locked(me.call().id(), me.id());
    rounds.requireOpen(round, me.call());
    List<RuleViolation> v = new ArrayList<>();
    long undecided =
        applications
            .find(
                ApplicationQuery.ofCall(me.call().id())
                    .withStatus(ApplicationStatus.CONFIRMED.name())
                    .withRecommendingUnit(me.id())
                    .withPage(0, 1))
            .total();
    if (undecided > 0) {
      v.add(RuleViolation.error("R1", null, "recommendation.rule.undecided", undecided));
    }
    List<Decision> decisions = rounds.decisions(me.call().id(), me.id());
    List<Decision> recommended =
        decisions.stream().filter(d -> d.getDecision() == DecisionKind.RECOMMENDED).toList();
    if (recommended.isEmpty()) {
      v.add(RuleViolation.error("R1", null, "recommendation.rule.noneRecommended"));
    }
    rounds
        .quotaUse(me.call(), me.id(), decisions)
        .forEach(
            q -> {
              if (q.places() != null && q.used() > q.places()) {
                v.add(
                    RuleViolation.error(
                        "R1",
                        null,
                        "recommendation.rule.r1.over",
                        groupLabel(q.group()),
                        q.places(),
                        q.used()));
              }
            });
    String hash = rounds.setHash(recommended);
    List<DocumentView> docs = rounds.documentViews(me.call().id(), me.id());
    for (DocumentKind k : DocumentKind.values()) {
      Optional<DocumentView> doc = docs.stream().filter(d -> d.kind().equals(k.name())).findFirst();
      if (doc.isEmpty()) {
        v.add(
            RuleViolation.error(
                "R2", "document" + k.name(), "recommendation.rule.r2.missing." + k.name()));
      } else if (!doc.get().valid()) {
        v.add(
            RuleViolation.error(
                "R2", "document" + k.name(), "recommendation.rule.r2.void." + k.name()));
      }
    }
    RuleViolationException.throwIfErrors(v);
    round.submit(hash, me.username(), clock.instant());
    em.flush();
    audit.record(
        new AuditEntry(
            me.username(),
            Role.RECOMMENDER,
            ROUND,
            String.valueOf(round.getId()),
            "recommendation-submit",
            ROUND_OPEN,
            ROUND_SUBMITTED,
            "推荐 "
                + recommended.size()
                + " 项，名单校验码 "
                + hash.substring(0, 12)
                + " / "
                + recommended.size()
                + " recommended, list check code "
                + hash.substring(0, 12)));
    return view(me, round);
  }

  // ---- helpers

  private Decision decided(
      RecommenderContext.Me me, ApplicationView a, DecisionKind kind, String reason) {
    LineView line = line(me.call(), a.lineCode());
    Decision d =
        new Decision(
            a.id(),
            me.call().id(),
            me.id(),
            a.lineCode(),
            Rounds.group(line),
            kind,
            reason,
            null,
            null,
            me.username(),
            clock.instant());
    Decision old = em.find(Decision.class, a.id());
    if (old != null) {
      em.remove(old);
      em.flush();
    }
    em.persist(d);
    em.flush();
    return d;
  }

  /**
   * G9 / R1 for A2: takes the platform's (or carrier's) place across the province; the primary key
   * of rec_platform_claim lets exactly one of two racing recommenders have it.
   */
  private String claimPlatform(RecommenderContext.Me me, ApplicationView a, LineView line) {
    String code = a.form().platformCode();
    PlatformView platform =
        line.platforms().stream()
            .filter(p -> p.code().equals(code))
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        RuleViolation.error(
                            "G9", "platformCode", "recommendation.rule.g9.noPlatform")));
    boolean perCarrier = platform.kind() == PlatformKind.CARRIER_KIND;
    String carrier = null;
    if (perCarrier) {
      carrier =
          calls.platformHosts(me.call().id(), line.code()).stream()
              .filter(
                  h -> code.equals(h.platformCode()) && h.organisationId() == a.organisationId())
              .map(PlatformHostView::carrierName)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(String.valueOf(a.organisationId()));
    }
    String key = QuotaRules.platformKey(code, perCarrier, carrier);
    int taken =
        em.createNativeQuery(
                "INSERT IGNORE INTO rec_platform_claim"
                    + " (call_id, platform_key, application_id, recommender_id, claimed_at)"
                    + " VALUES (?1, ?2, ?3, ?4, UTC_TIMESTAMP(6))")
            .setParameter(1, me.call().id())
            .setParameter(2, key)
            .setParameter(3, a.id())
            .setParameter(4, me.id())
            .executeUpdate();
    if (taken == 0) {
      throw new RuleViolationException(
          RuleViolation.error(
              "R1",
              null,
              "recommendation.rule.g9.taken",
              platform.name().zh(),
              groupLabel(Rounds.group(line))));
    }
    return key;
  }

  private void renumber(RecommenderContext.Me me, String group) {
    int i = 1;
    for (Decision d : rounds.recommended(me.call().id(), me.id())) {
      if (d.getRankGroup().equals(group)) {
        d.rankAs(i++);
      }
    }
    em.flush();
  }

  private ApplicationView own(RecommenderContext.Me me, long applicationId) {
    ApplicationView a;
    try {
      a = applications.read(applicationId);
    } catch (NotFoundException e) {
      throw new NotFoundException("no application " + applicationId);
    }
    boolean visible =
        me.area().contains(a.organisationId())
            && a.callId() == me.call().id()
            && !List.of("DRAFT", "SUBMITTED", "RETURNED", "WITHDRAWN").contains(a.status());
    if (!visible) {
      // the same answer as for an id that does not exist: guessing ids tells nothing
      throw new NotFoundException("no application " + applicationId);
    }
    return a;
  }

  private static void requireConfirmed(ApplicationView a) {
    if (!ApplicationStatus.CONFIRMED.name().equals(a.status())) {
      throw new RuleViolationException(
          RuleViolation.error(
              "F-STATE", null, "recommendation.rule.notConfirmed", a.acceptanceNo()));
    }
  }

  private static LineView line(CallView call, String code) {
    return call.lines().stream()
        .filter(l -> l.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new BadRequestException("unknown line " + code));
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "reason", "recommendation.rule.reasonRequired"));
    }
    String r = reason.trim();
    if (r.length() > 1000) {
      throw new RuleViolationException(
          RuleViolation.error("F-LEN", "reason", "recommendation.rule.reasonTooLong", 1000));
    }
    return r;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** A group as messages name it: the group code (A1, A2, A3, B). */
  static String groupLabel(String group) {
    return group;
  }

  static Actor actor(RecommenderContext.Me me) {
    return new Actor(me.username(), Role.RECOMMENDER.name());
  }

  static DecisionView view(Decision d) {
    return new DecisionView(
        d.getApplicationId(),
        d.getDecision().name(),
        d.getReason(),
        d.getRankGroup(),
        d.getRankNo(),
        d.getDecidedBy(),
        d.getDecidedAt());
  }

  static ApplicationRow row(ApplicationView a) {
    return new ApplicationRow(
        a.id(),
        a.callId(),
        a.lineCode(),
        a.status(),
        a.acceptanceNo(),
        a.form().titleZh(),
        a.form().titleEn(),
        a.piName(),
        a.organisationId(),
        null,
        null,
        null,
        subsidy(a),
        a.submittedAt());
  }

  static io.hezuo.kernel.money.Money subsidy(ApplicationView a) {
    String s = a.form().subsidy();
    try {
      return s == null || s.isBlank() ? null : io.hezuo.kernel.money.Money.of(s.replace(",", ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
