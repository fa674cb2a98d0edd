package io.hezuo.submission.service;

import io.hezuo.kernel.money.Money;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.api.ApplicationStatus;
import java.time.Instant;

/**
 * Applications read for a list as the columns a row shows (never the entities with their texts,
 * budget, targets, team and attachments): the select and the mapping, for every list.
 */
final class ApplicationRows {

  /** The columns {@link #of} maps, to be followed by {@code " from Application a ..."}. */
  static final String SELECT =
      "select a.id, a.callId, a.lineCode, a.status, a.acceptanceNo, a.titleZh, a.titleEn,"
          + " a.piName, a.organisationId, a.subsidy, a.submittedAt";

  private ApplicationRows() {}

  /** The applying unit's id of a row of {@link #SELECT}. */
  static long unitOf(Object[] r) {
    return (Long) r[8];
  }

  /** A row of {@link #SELECT} with the names the query could not read (null when unknown). */
  static ApplicationRow of(
      Object[] r, String unitName, Long recommenderId, String recommenderName) {
    return new ApplicationRow(
        (Long) r[0],
        (Long) r[1],
        (String) r[2],
        ((ApplicationStatus) r[3]).name(),
        (String) r[4],
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (Long) r[8],
        unitName,
        recommenderId,
        recommenderName,
        (Money) r[9],
        (Instant) r[10]);
  }
}
