package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.scoring.api.ScoringResults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** {@link ScoringResults} by the officer's ranking ({@link Panels#ranking}). */
@ApplicationScoped
public class ScoringResultsService implements ScoringResults {

  @Inject Panels panels;
  @Inject CallCatalogue calls;
  @Inject io.hezuo.kernel.security.Caller caller;

  @jakarta.persistence.PersistenceContext(unitName = "scoring")
  jakarta.persistence.EntityManager em;

  @Override
  public java.util.Set<String> completeLines(long callId) {
    caller.require(io.hezuo.kernel.security.Role.OFFICER);
    java.util.Set<String> out = new java.util.TreeSet<>();
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
}
