package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.api.ScoringProgress;
import io.hezuo.submission.api.ApplicationCount;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The officer's pending work on the expert review, counted in a few queries (not the whole
 * overview): applications short of experts and sheets overdue.
 */
@ApplicationScoped
public class ScoringHome implements ScoringProgress {

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject ReviewSettings settings;
  @Inject Clock clock;
  @Inject ExpertWork experts;

  @Override
  public io.hezuo.scoring.api.ExpertPending expertPending() {
    return experts.expertPending();
  }

  @Override
  public Pending pending() {
    caller.require(Role.OFFICER);
    Optional<CallView> call = calls.current();
    if (call.isEmpty()) {
      return new Pending(0, 0);
    }
    long callId = call.get().id();
    ReviewSettings.Review review = settings.of(callId);
    long passed = 0;
    for (ApplicationCount c : applications.counts(callId)) {
      if (ApplicationStatus.FORMAL_PASSED.name().equals(c.status())) {
        passed += c.count();
      }
    }
    long full =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from (select application_id from sc_assignment where"
                            + " call_id = ? and status in ('ASSIGNED', 'DRAFT', 'SUBMITTED')"
                            + " group by application_id having count(*) >= ?) f")
                    .setParameter(1, callId)
                    .setParameter(2, review.perApplication())
                    .getSingleResult())
            .longValue();
    long overdue =
        !review.closed(clock.instant())
            ? 0
            : ((Number)
                    em.createNativeQuery(
                            "select count(*) from sc_assignment where call_id = ? and status in"
                                + " ('ASSIGNED', 'DRAFT')")
                        .setParameter(1, callId)
                        .getSingleResult())
                .longValue();
    return new Pending(Math.max(0, passed - full), overdue);
  }
}
