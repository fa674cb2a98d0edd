package io.hezuo.directory.api;

/**
 * Fired synchronously (plain {@code @Observes}) before the Department changes who recommends a
 * unit's applications, inside the transaction that changes it. An observer that owns work bound to
 * the present arrangement (e.g. the recommendation's decisions of the current call) vetoes the
 * change by throwing a {@code RuleViolationException}; nothing is then changed.
 *
 * @param unitId the unit concerned
 * @param kind what changes
 * @param fromRecommenderId the recommending unit it reported to (REPORTS_TO), or the unit itself
 *     (WITHDRAWN)
 * @param toRecommenderId the recommending unit it is to report to (REPORTS_TO; null: none)
 */
public record RecommenderChange(
    long unitId, Kind kind, Long fromRecommenderId, Long toRecommenderId) {

  /** What changes. */
  public enum Kind {
    /** The unit's applications are to go to another recommending unit (or to none). */
    REPORTS_TO,
    /** The unit may no longer recommend. */
    WITHDRAWN
  }
}
