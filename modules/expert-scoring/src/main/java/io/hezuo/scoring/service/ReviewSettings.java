package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.Assignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The current call's review settings (issue 13, table {@code sc_review}, one row per call; the
 * defaults while the officer has set none): the window experts score in, experts per application
 * (at least {@link Assignment#MIN_PER_APPLICATION}), blind review, whether the same city counts as
 * a conflict, z-score normalisation and the outlier threshold. Officers change them (checked per
 * field with rule F-REVIEW, versioned: F-STALE, audited with the reason); officers and experts read
 * them.
 */
@ApplicationScoped
public class ReviewSettings {

  /** The default outlier threshold (points on the sheet's 0–100 total). */
  public static final BigDecimal DEFAULT_OUTLIER = new BigDecimal("15.00");

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * The settings of a call: {@code configured} false and version 0 while the defaults apply (the
   * first save must then say version 0).
   */
  public record Review(
      long callId,
      Instant opensAt,
      Instant closesAt,
      int perApplication,
      boolean blind,
      boolean sameCityConflict,
      boolean normalise,
      BigDecimal outlierThreshold,
      boolean configured,
      long version,
      String updatedBy,
      Instant updatedAt)
      implements Serializable {

    /** The defaults of a call without settings. */
    public static Review defaults(long callId) {
      return new Review(
          callId,
          null,
          null,
          Assignment.DEFAULT_PER_APPLICATION,
          false,
          false,
          false,
          DEFAULT_OUTLIER,
          false,
          0,
          null,
          null);
    }

    /** Whether experts may score at {@code now}: the window is set and {@code now} within it. */
    public boolean open(Instant now) {
      return opensAt != null
          && closesAt != null
          && !now.isBefore(opensAt)
          && now.isBefore(closesAt);
    }

    /** Whether the window has closed at {@code now} (sheets not submitted are then overdue). */
    public boolean closed(Instant now) {
      return closesAt != null && !now.isBefore(closesAt);
    }
  }

  /** What the officer sends: each value may be missing (then refused, named). */
  public record Change(
      Instant opensAt,
      Instant closesAt,
      Integer perApplication,
      Boolean blind,
      Boolean sameCityConflict,
      Boolean normalise,
      BigDecimal outlierThreshold,
      Long version,
      String reason)
      implements Serializable {}

  /** The current call's settings (officers and experts). */
  public Review current() {
    caller.require(Role.OFFICER, Role.EXPERT);
    return of(call().id());
  }

  /** A call's settings, for the module's services (no role check: they check their own). */
  Review of(long callId) {
    List<?> rows =
        em.createNativeQuery(
                "select opens_at, closes_at, per_application, blind, same_city_conflict,"
                    + " normalise, outlier_threshold, version, updated_by, updated_at"
                    + " from sc_review where call_id = ?")
            .setParameter(1, callId)
            .getResultList();
    if (rows.isEmpty()) {
      return Review.defaults(callId);
    }
    Object[] r = (Object[]) rows.get(0);
    return new Review(
        callId,
        Times.instant(r[0]),
        Times.instant(r[1]),
        ((Number) r[2]).intValue(),
        Times.bool(r[3]),
        Times.bool(r[4]),
        Times.bool(r[5]),
        r[6] == null ? DEFAULT_OUTLIER : new BigDecimal(r[6].toString()),
        true,
        ((Number) r[7]).longValue(),
        (String) r[8],
        Times.instant(r[9]));
  }

  /**
   * Stores the current call's settings (officers): every problem named per field, nothing stored
   * (F-REVIEW: fewer than three experts per application, a window that closes before it opens, a
   * negative threshold; F-REQ: a missing value or reason; F-STALE: changed since read); audited.
   */
  @Transactional
  public Review save(Change c) {
    caller.require(Role.OFFICER);
    CallView call = call();
    List<RuleViolation> problems = new ArrayList<>();
    if (c.perApplication() == null) {
      problems.add(RuleViolation.error("F-REQ", "perApplication", "scoring.review.required"));
    } else if (c.perApplication() < Assignment.MIN_PER_APPLICATION) {
      problems.add(
          RuleViolation.error(
              "F-REVIEW",
              "perApplication",
              "scoring.review.perApplication",
              Assignment.MIN_PER_APPLICATION,
              c.perApplication()));
    } else if (c.perApplication() > 50) {
      problems.add(
          RuleViolation.error(
              "F-REVIEW", "perApplication", "scoring.review.perApplicationMax", 50));
    }
    if ((c.opensAt() == null) != (c.closesAt() == null)) {
      problems.add(
          RuleViolation.error(
              "F-REQ", c.opensAt() == null ? "opensAt" : "closesAt", "scoring.review.window"));
    } else if (c.opensAt() != null && !c.closesAt().isAfter(c.opensAt())) {
      problems.add(RuleViolation.error("F-REVIEW", "closesAt", "scoring.review.closesBefore"));
    }
    if (c.outlierThreshold() == null) {
      problems.add(RuleViolation.error("F-REQ", "outlierThreshold", "scoring.review.required"));
    } else if (c.outlierThreshold().signum() <= 0
        || c.outlierThreshold().compareTo(new BigDecimal("100")) > 0
        || c.outlierThreshold().stripTrailingZeros().scale() > 2) {
      problems.add(RuleViolation.error("F-REVIEW", "outlierThreshold", "scoring.review.outlier"));
    }
    if (c.reason() == null || c.reason().isBlank()) {
      problems.add(RuleViolation.error("F-REQ", "reason", "scoring.review.reason"));
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    Review before = of(call.id());
    long version = c.version() == null ? -1 : c.version();
    if (before.version() != version) {
      throw new RuleViolationException(
          RuleViolation.error("F-STALE", null, "scoring.review.stale", before.updatedBy()));
    }
    Timestamp now = Timestamp.from(clock.instant());
    boolean blind = Boolean.TRUE.equals(c.blind());
    boolean sameCity = Boolean.TRUE.equals(c.sameCityConflict());
    boolean normalise = Boolean.TRUE.equals(c.normalise());
    int changed =
        !before.configured()
            ? em.createNativeQuery(
                    "insert ignore into sc_review (call_id, opens_at, closes_at, per_application,"
                        + " blind, same_city_conflict, normalise, outlier_threshold, updated_by,"
                        + " updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
                .setParameter(1, call.id())
                .setParameter(2, ts(c.opensAt()))
                .setParameter(3, ts(c.closesAt()))
                .setParameter(4, c.perApplication())
                .setParameter(5, blind)
                .setParameter(6, sameCity)
                .setParameter(7, normalise)
                .setParameter(8, c.outlierThreshold())
                .setParameter(9, caller.name())
                .setParameter(10, now)
                .executeUpdate()
            : em.createNativeQuery(
                    "update sc_review set opens_at = ?, closes_at = ?, per_application = ?,"
                        + " blind = ?, same_city_conflict = ?, normalise = ?,"
                        + " outlier_threshold = ?, updated_by = ?, updated_at = ?,"
                        + " version = version + 1 where call_id = ? and version = ?")
                .setParameter(1, ts(c.opensAt()))
                .setParameter(2, ts(c.closesAt()))
                .setParameter(3, c.perApplication())
                .setParameter(4, blind)
                .setParameter(5, sameCity)
                .setParameter(6, normalise)
                .setParameter(7, c.outlierThreshold())
                .setParameter(8, caller.name())
                .setParameter(9, now)
                .setParameter(10, call.id())
                .setParameter(11, version)
                .executeUpdate();
    if (changed != 1) {
      throw new RuleViolationException(
          RuleViolation.error("F-STALE", null, "scoring.review.stale", before.updatedBy()));
    }
    Review after = of(call.id());
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            "ScoringReview",
            String.valueOf(call.id()),
            "review-change",
            summary(before),
            summary(after),
            c.reason().trim()));
    return after;
  }

  static String summary(Review r) {
    return "window "
        + (r.opensAt() == null ? "–" : r.opensAt() + " – " + r.closesAt())
        + "; per application "
        + r.perApplication()
        + "; blind "
        + r.blind()
        + "; same city "
        + r.sameCityConflict()
        + "; z-scores "
        + r.normalise()
        + "; outlier "
        + r.outlierThreshold();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private CallView call() {
    return calls.current().orElseThrow(() -> new NotFoundException("no published call"));
  }
}
