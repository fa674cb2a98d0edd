package io.hezuo.recommendation.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.directory.api.RecommenderChange;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.UnitStatusCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses (R1) a change of who recommends whose applications that would orphan the current call's
 * recommendation work: an applying unit cannot move to another recommending unit once its
 * applications have been decided on (recommended or not, or further along), and a recommending unit
 * cannot lose its right to recommend once it has decided on applications of the call. The officer
 * first has the decisions taken back (or reopens the round).
 */
@ApplicationScoped
class RecommenderChangeGuard {

  /** The statuses of an application a recommending unit has decided on, or later. */
  private static final Set<ApplicationStatus> DECIDED =
      EnumSet.of(
          ApplicationStatus.RECOMMENDED,
          ApplicationStatus.NOT_RECOMMENDED,
          ApplicationStatus.FORMAL_PASSED,
          ApplicationStatus.FORMAL_FAILED,
          ApplicationStatus.APPROVED,
          ApplicationStatus.NOT_APPROVED);

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;

  void onChange(@Observes RecommenderChange change) {
    Optional<CallView> call = calls.current();
    if (call.isEmpty()) {
      return;
    }
    long callId = call.get().id();
    switch (change.kind()) {
      case REPORTS_TO -> {
        if (change.fromRecommenderId() == null) {
          return;
        }
        long decided =
            applications.countsByApplyingUnit(callId).stream()
                .filter(c -> c.organisationId() == change.unitId())
                .filter(c -> DECIDED.contains(ApplicationStatus.valueOf(c.status())))
                .mapToLong(UnitStatusCount::count)
                .sum();
        if (decided > 0) {
          throw new RuleViolationException(
              RuleViolation.error(
                  "R1", "recommenderId", "recommendation.units.unitDecided", decided));
        }
      }
      case WITHDRAWN -> {
        long decisions =
            em.createQuery(
                    "select count(d) from Decision d where d.callId = :c and d.recommenderId = :r",
                    Long.class)
                .setParameter("c", callId)
                .setParameter("r", change.unitId())
                .getSingleResult();
        if (decisions > 0) {
          throw new RuleViolationException(
              RuleViolation.error(
                  "R1", "recommending", "recommendation.units.recommenderDecided", decisions));
        }
      }
      default -> {}
    }
  }
}
