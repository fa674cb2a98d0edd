package io.hezuo.submission.api;

/**
 * What downstream modules (recommendation, formal review, expert scoring, contracts) may do with
 * applications: read one in full and move its status along the state machine of {@link
 * ApplicationStatus}. Inject it with {@code @Inject ApplicationLifecycle applications}.
 *
 * <p>Every move checks the application's current status in the domain (a move the status does not
 * allow throws {@code TransitionRefusedException}, a {@code RuleViolationException} with rule
 * {@code F-STATE}: REST answers 422, Faces shows the message), joins the caller's transaction,
 * writes an audit row with the actor, the from → to and the reason, and fires {@link
 * ApplicationStatusChanged} (observers in other modules run after the commit: {@code during =
 * TransactionPhase.AFTER_SUCCESS}).
 *
 * <p>The facade does not look at the signed-in caller: role and ownership (the recommending unit's
 * area, the reviewer's assignment) are the calling module's service's to check before it calls; the
 * actor it passes is who the audit names. An unknown id throws {@code NotFoundException} (404).
 * {@link #find}, {@link #counts} and {@link #countsByApplyingUnit} are the exception: they answer
 * within what the signed-in caller may see (officers and formal reviewers: the whole call; a
 * recommending unit: the units that report to it; a unit admin: its own unit), so a downstream
 * screen cannot list more than its user may.
 */
public interface ApplicationLifecycle {

  /**
   * One application in full: the form (texts, partner, period, funding, budget lines, targets,
   * team, domestic partners), its status, acceptance number, the content's SHA-256, the warnings
   * recorded at submission and its attachments' metadata (never their bytes).
   */
  ApplicationView read(long applicationId);

  /**
   * Applications of a call by line, status, applying unit, recommending unit and text, filtered,
   * counted and paged in SQL; never drafts; within what the signed-in caller may see.
   */
  ApplicationPage find(ApplicationQuery query);

  /**
   * How many applications per line and status (drafts left out), within what the caller may see.
   */
  java.util.List<ApplicationCount> counts(Long callId);

  /**
   * How many applications per applying unit and status (drafts left out), within what the caller
   * may see; one query for the whole call, e.g. for a dashboard over every recommending unit.
   */
  java.util.List<UnitStatusCount> countsByApplyingUnit(Long callId);

  /**
   * The list rows of the given applications in one query (not each read in full), in the order of
   * their ids; ids that do not exist are left out. Role and ownership are the caller's to check.
   */
  java.util.List<ApplicationRow> rows(java.util.Collection<Long> applicationIds);

  /**
   * The content stamps of applications in one query (not each read in full), by id; ids that do not
   * exist are left out. Role and ownership are the caller's to check, as for {@link #read}.
   */
  java.util.Map<Long, ContentStamp> stamps(java.util.Collection<Long> applicationIds);

  /**
   * The acceptance numbers, titles and six text sections of applications, a few queries for many
   * (not each read in full), by id; ids that do not exist are left out. Role and ownership are the
   * caller's to check, as for {@link #read}.
   */
  java.util.Map<Long, ApplicationTexts> texts(java.util.Collection<Long> applicationIds);

  /**
   * The PIs' ID documents of a call's applications in the given statuses, in one query, for rule G2
   * over the round (formal review). Role is the caller's to check: ID numbers are personal data.
   */
  java.util.List<PiDocument> piDocuments(
      long callId, java.util.Collection<ApplicationStatus> statuses);

  /**
   * D1 at formal review: the latest extension of the submission deadline the Department granted
   * each applying unit in a call, by organisation id (units without one are left out), in one
   * query. An application submitted after its call's deadline is on time only until its unit's
   * extension.
   */
  java.util.Map<Long, java.time.Instant> submissionExtensions(long callId);

  /**
   * The submission rules re-run on the application as it stands, for formal review: the same checks
   * the PI saw (completeness, G1, G4 … G9, the form's own rules), with today's facts (the white
   * list, the platform hosts, the attachments present), errors and warnings alike. Left out: D1
   * (the submission window, closed by the time of formal review) and G2 (formal review judges it
   * over the whole round and the other plans' lists). Role is the caller's to check, as for {@link
   * #read}: only formal reviewers and officers should see another PI's findings. An unknown id
   * throws {@code NotFoundException} (404).
   */
  java.util.List<ReviewFinding> reviewFindings(long applicationId);

  /** An attachment's bytes, on request (e.g. to show the signed agreement to a reviewer). */
  AttachmentContent attachment(long applicationId, long attachmentId);

  /**
   * The application's PDF (申报书) as its PI files it, every printed text passed through {@code
   * redact} (a blind review removes names, units and ID numbers; identity: as it is). The calling
   * module has checked that its caller may read this application (e.g. an assigned expert); never a
   * draft.
   */
  byte[] pdf(long applicationId, java.util.function.UnaryOperator<String> redact);

  /** CONFIRMED → RECOMMENDED (the recommending unit; its quota, R1, is its own rule). */
  ApplicationView markRecommended(long applicationId, Actor actor, String reason);

  /** CONFIRMED → NOT_RECOMMENDED; a reason is required. */
  ApplicationView markNotRecommended(long applicationId, Actor actor, String reason);

  /**
   * CONFIRMED → RECOMMENDER_RETURNED: back to the PI for correction (editable; submitting again
   * makes it SUBMITTED for the unit to confirm again); a reason is required, and only while the PI
   * could still resubmit (D1: the PI's deadline or the unit's extension; refused with rule D1).
   */
  ApplicationView returnByRecommender(long applicationId, Actor actor, String reason);

  /**
   * RECOMMENDED or NOT_RECOMMENDED → CONFIRMED: the recommending unit takes back its decision
   * before it submits its recommendation.
   */
  ApplicationView reconsider(long applicationId, Actor actor, String reason);

  /** RECOMMENDED → FORMAL_PASSED. */
  ApplicationView markFormallyPassed(long applicationId, Actor actor, String reason);

  /** RECOMMENDED → FORMAL_FAILED; the reason (with the rule ids, e.g. G3) is required. */
  ApplicationView markFormallyFailed(long applicationId, Actor actor, String reason);

  /** FORMAL_PASSED → APPROVED (立项). */
  ApplicationView markApproved(long applicationId, Actor actor, String reason);

  /** FORMAL_PASSED → NOT_APPROVED; a reason is required. */
  ApplicationView markNotApproved(long applicationId, Actor actor, String reason);

  /** Who moves an application, as the audit records them: account name and role. */
  record Actor(String username, String role) {
    public Actor {
      if (username == null || username.isBlank() || role == null || role.isBlank()) {
        throw new IllegalArgumentException("an actor has a username and a role");
      }
    }
  }

  /** An attachment with its bytes. */
  record AttachmentContent(
      long id, long applicationId, String kind, String fileName, String sha256, byte[] content) {}
}
