package io.hezuo.recommendation.api;

import io.hezuo.submission.api.ApplicationRow;
import java.io.Serializable;

/** An application in a recommender's list, with its decision (null while undecided). */
public record RecommendationRow(ApplicationRow application, DecisionView decision)
    implements Serializable {}
