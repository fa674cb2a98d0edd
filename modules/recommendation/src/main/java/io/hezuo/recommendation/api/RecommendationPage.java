package io.hezuo.recommendation.api;

import java.io.Serializable;
import java.util.List;

/** One page of a recommender's applications with their decisions, and how many match in all. */
public record RecommendationPage(List<RecommendationRow> rows, long total) implements Serializable {

  public RecommendationPage {
    rows = List.copyOf(rows);
  }
}
