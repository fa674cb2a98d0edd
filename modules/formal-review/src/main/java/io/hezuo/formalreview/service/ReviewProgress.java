package io.hezuo.formalreview.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.formalreview.api.FormalReviewProgress;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.PiDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The formal review's pending work (two queries and the latest run). */
@ApplicationScoped
public class ReviewProgress implements FormalReviewProgress {

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject Runs runs;

  @Override
  public Pending pending() {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    CallView call = calls.current().orElse(null);
    if (call == null) {
      return new Pending(0, 0, 0, null);
    }
    List<Long> undecided =
        applications.piDocuments(call.id(), List.of(ApplicationStatus.RECOMMENDED)).stream()
            .map(PiDocument::applicationId)
            .toList();
    Map<Long, String> automatic = new HashMap<>();
    for (Object o :
        em.createNativeQuery("select application_id, automatic from fr_result where call_id = ?")
            .setParameter(1, call.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      automatic.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    long unchecked = undecided.stream().filter(id -> !automatic.containsKey(id)).count();
    long failing = undecided.stream().filter(id -> "FAIL".equals(automatic.get(id))).count();
    return new Pending(undecided.size(), unchecked, failing, runs.current().orElse(null));
  }
}
