package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.api.ScoringResults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@link ScoringResults} by the officer's ranking ({@link Panels#ranking}). Officers only. */
@ApplicationScoped
public class ScoringResultsService implements ScoringResults {

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Panels panels;
  @Inject CallCatalogue calls;
  @Inject Caller caller;

  @Override
  public List<Ranked> ranking(long callId, String lineCode) {
    long current =
        calls.current().orElseThrow(() -> new NotFoundException("no published call")).id();
    if (current != callId) {
      throw new NotFoundException("call " + callId + " is not the current call");
    }
    return panels.ranking(lineCode).rows().stream()
        .map(
            r ->
                new Ranked(
                    r.applicationId(),
                    r.rank(),
                    r.tied(),
                    r.score(),
                    r.fundVotes(),
                    r.submitted(),
                    r.assigned()))
        .toList();
  }

  @Override
  public Set<String> completeLines(long callId) {
    caller.require(Role.OFFICER);
    Set<String> out = new TreeSet<>();
    for (Object o :
        em.createNativeQuery(
                "select line_code from sc_assignment where call_id = ? and status in ('ASSIGNED',"
                    + " 'DRAFT', 'SUBMITTED') group by line_code having sum(status <> 'SUBMITTED')"
                    + " = 0")
            .setParameter(1, callId)
            .getResultList()) {
      out.add((String) o);
    }
    return out;
  }
}
