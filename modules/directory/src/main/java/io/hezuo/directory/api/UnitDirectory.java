package io.hezuo.directory.api;

import java.util.List;

/**
 * The Department's list of units (单位名单) and who recommends whose applications: officers search the
 * units, enter a new one, let a unit recommend (推荐单位) or withdraw that, and set the recommending
 * unit each unit's applications go to. Every change needs a reason and is audited; {@link
 * RecommenderChange} lets other modules refuse a change that would orphan their work. Every method
 * checks that the caller is an officer (403 otherwise) before it reads its input.
 */
public interface UnitDirectory {

  /** Which units a search lists. */
  enum Filter {
    ALL,
    /** Units that may recommend. */
    RECOMMENDING,
    /** Applying units that report to no recommending unit yet. */
    WITHOUT_RECOMMENDER
  }

  /** Units by name, credit code or city (contains, case-insensitive), by name, one page. */
  UnitAdminView.Page units(String query, Filter filter, int first, int size);

  /**
   * How many applying units report to no recommending unit (the officer's pending work: nobody can
   * recommend what they confirm); one count.
   */
  long withoutRecommender();

  /** The units that may recommend, by name (for a choice of recommending unit). */
  List<UnitAdminView> recommendingUnits();

  /** Enters a unit; refuses a bad or already known credit code (field-level errors). */
  long create(NewUnit unit);

  /** Lets a unit recommend, or withdraws that (refused while units still report to it). */
  void setRecommending(long unitId, boolean recommending, String reason);

  /** Sets the recommending unit a unit reports to ({@code null}: none). */
  void setRecommender(long unitId, Long recommenderId, String reason);
}
