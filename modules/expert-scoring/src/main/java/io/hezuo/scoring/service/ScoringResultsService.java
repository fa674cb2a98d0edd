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
