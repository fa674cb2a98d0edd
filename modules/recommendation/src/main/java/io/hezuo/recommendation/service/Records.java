package io.hezuo.recommendation.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.recommendation.api.DocumentView;
import io.hezuo.recommendation.api.QuotaUse;
import io.hezuo.recommendation.api.RecommendationRecord;
import io.hezuo.recommendation.api.RecommendationRecords;
import io.hezuo.recommendation.domain.Decision;
import io.hezuo.recommendation.domain.DecisionKind;
import io.hezuo.recommendation.domain.Quota;
import io.hezuo.recommendation.domain.Round;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The recommendation of a call's recommended applications (see {@link RecommendationRecords}). */
@ApplicationScoped
public class Records implements RecommendationRecords {

  @Inject Rounds rounds;
  @Inject CallCatalogue calls;

  @Override
  public Map<Long, RecommendationRecord> recommended(long callId) {
    CallView call = calls.find(callId).orElseThrow(() -> new NotFoundException("no such call"));
    Map<Long, List<Decision>> decisions = rounds.decisionsByRecommender(callId);
    Map<Long, Map<String, Quota>> quotas = rounds.quotasByRecommender(callId);
    Map<Long, List<DocumentView>> documents = rounds.documentViewsByRecommender(callId);
    Map<Long, Round> stored = rounds.currentByRecommender(callId);
    Map<Long, RecommendationRecord> out = new HashMap<>();
    decisions.forEach(
        (recommender, ds) -> {
          Round round = stored.getOrDefault(recommender, new Round(callId, recommender));
          Map<String, QuotaUse> use = new HashMap<>();
          rounds
              .quotaUse(call, quotas.getOrDefault(recommender, Map.of()), ds)
              .forEach(q -> use.put(q.group(), q));
          for (Decision d : ds) {
            if (d.getDecision() != DecisionKind.RECOMMENDED) {
              continue;
            }
            out.put(
                d.getApplicationId(),
                new RecommendationRecord(
                    d.getApplicationId(),
                    recommender,
                    d.getRankGroup(),
                    d.getRankNo(),
                    d.getDecidedAt(),
                    round.getStatus().name(),
                    round.getSubmittedAt(),
                    round.closesAt(call.recommendationClosesAt()),
                    use.get(d.getRankGroup()),
                    documents.getOrDefault(recommender, List.of())));
          }
        });
    return out;
  }
}
