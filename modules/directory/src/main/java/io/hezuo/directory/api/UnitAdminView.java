package io.hezuo.directory.api;

import java.util.List;

/**
 * A unit as the Department's list of units shows it: whether it may recommend, the recommending
 * unit it reports to, and (for a recommending unit) how many units report to it.
 */
public record UnitAdminView(
    long id,
    String name,
    String creditCode,
    String type,
    String city,
    boolean recommending,
    Long recommenderId,
    String recommenderName,
    long reportingUnits)
    implements java.io.Serializable {

  /** One page of a search, with the number of all matches. */
  public record Page(long total, List<UnitAdminView> rows) {}
}
