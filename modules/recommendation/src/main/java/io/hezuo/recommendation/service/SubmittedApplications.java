package io.hezuo.recommendation.service;

import io.hezuo.recommendation.domain.SubmittedApplication;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Recommendation learns of each submitted application from submission's {@link
 * ApplicationSubmitted}, after the submission committed ({@code AFTER_SUCCESS}: a submission that
 * was rolled back is never seen), and records it in a transaction of its own. It reads the
 * application through submission's API, which already shows the committed status.
 */
@ApplicationScoped
public class SubmittedApplications {

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject ApplicationLifecycle applications;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void onSubmitted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ApplicationSubmitted e) {
    String status = applications.read(e.applicationId()).status();
    em.persist(
        new SubmittedApplication(
            e.applicationId(),
            e.callId(),
            e.lineCode(),
            e.acceptanceNo(),
            e.at(),
            status,
            clock.instant()));
  }
}
