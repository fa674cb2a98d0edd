package io.hezuo.submission.api;

/**
 * Where an application stands, from the PI's draft to the Department's decision. Submission owns
 * the status; downstream modules move it only through {@link ApplicationLifecycle}, and only along
 * the transitions of {@code domain.Application} (one method per transition, each checking the
 * current status).
 *
 * <pre>
 * DRAFT ──submit──▶ SUBMITTED ──confirmByUnit──▶ CONFIRMED ──markRecommended──▶ RECOMMENDED
 *   │                 │  ▲                           │ │                          │      │
 *   │  withdraw       │  └──submit── RETURNED ◀──returnToPi                       │      │
 *   ▼                 ▼                               │ └─markNotRecommended─▶ NOT_RECOMMENDED
 * WITHDRAWN ◀─────withdraw (DRAFT, SUBMITTED,         └─returnByRecommender─▶ RECOMMENDER_RETURNED
 *                  RETURNED, RECOMMENDER_RETURNED)                               (submit again)
 * RECOMMENDED ──markFormallyPassed──▶ FORMAL_PASSED ──markApproved──▶ APPROVED
 *             └─markFormallyFailed──▶ FORMAL_FAILED   └─markNotApproved─▶ NOT_APPROVED
 * </pre>
 *
 * Stored by name in {@code sub_application.status} (at most 20 characters).
 */
public enum ApplicationStatus {
  DRAFT,
  SUBMITTED,
  WITHDRAWN,
  /** Returned to the PI by the applying unit. */
  RETURNED,
  CONFIRMED,
  RECOMMENDED,
  NOT_RECOMMENDED,
  /** Returned by the recommending unit: the PI may correct and submit again. */
  RECOMMENDER_RETURNED,
  FORMAL_PASSED,
  FORMAL_FAILED,
  APPROVED,
  NOT_APPROVED;

  /** The PI may edit a draft, and an application the unit or the recommender returned. */
  public boolean isEditable() {
    return this == DRAFT || this == RETURNED || this == RECOMMENDER_RETURNED;
  }

  /** The PI may withdraw an editable application and a submitted one the unit has not confirmed. */
  public boolean isWithdrawable() {
    return isEditable() || this == SUBMITTED;
  }

  /**
   * Whether the application counts as the PI's application of the call (G2): every status but a
   * draft and a withdrawn one.
   */
  public boolean isApplication() {
    return this != DRAFT && this != WITHDRAWN;
  }
}
