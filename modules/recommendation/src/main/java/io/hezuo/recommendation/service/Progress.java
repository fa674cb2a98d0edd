package io.hezuo.recommendation.service;

import io.hezuo.recommendation.api.DashboardRow;
import io.hezuo.recommendation.api.RecommendationProgress;
import io.hezuo.recommendation.api.RoundView;
import io.hezuo.recommendation.domain.RoundStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The home pages' view of recommendation (see {@link RecommendationProgress}). */
@ApplicationScoped
public class Progress implements RecommendationProgress {

  @Inject Recommendations recommendations;
  @Inject QuotaAdmin admin;

  @Override
  public RoundView myRound() {
    return recommendations.round();
  }

  @Override
  public Overall overall() {
    List<DashboardRow> rows = admin.dashboard();
    return new Overall(
        rows.size(),
        (int) rows.stream().filter(r -> RoundStatus.SUBMITTED.name().equals(r.status())).count(),
        rows.stream().mapToLong(DashboardRow::undecided).sum());
  }
}
