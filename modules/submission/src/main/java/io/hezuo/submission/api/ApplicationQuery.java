package io.hezuo.submission.api;

/**
 * Criteria for finding applications (for the screens and for downstream modules): every criterion
 * that is null or blank is left out. {@code status} is a status name ({@code SUBMITTED}, {@code
 * CONFIRMED}, …); drafts are never found (they are the PI's own). {@code text} is contained in the
 * title (either language), the acceptance number or the PI's name. {@code page} counts from 0;
 * {@code size} is 1…500.
 */
public record ApplicationQuery(
    Long callId,
    String lineCode,
    String status,
    Long applyingUnitId,
    Long recommendingUnitId,
    String text,
    int page,
    int size,
    Sort sort,
    boolean ascending) {

  /** What the applications are ordered by (then by id, so that paging is stable). */
  public enum Sort {
    ID,
    ACCEPTANCE_NO,
    TITLE,
    LINE,
    STATUS,
    PI_NAME,
    SUBMITTED_AT
  }

  public static final int MAX_SIZE = 500;

  public ApplicationQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must be ≥ 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1…" + MAX_SIZE);
    }
    sort = sort == null ? Sort.ID : sort;
    lineCode = blankToNull(lineCode);
    status = blankToNull(status);
    text = blankToNull(text);
  }

  /** All applications of a call, newest first, 20 a page. */
  public static ApplicationQuery ofCall(Long callId) {
    return new ApplicationQuery(callId, null, null, null, null, null, 0, 20, Sort.ID, false);
  }

  public ApplicationQuery withLine(String line) {
    return new ApplicationQuery(
        callId,
        line,
        status,
        applyingUnitId,
        recommendingUnitId,
        text,
        page,
        size,
        sort,
        ascending);
  }

  public ApplicationQuery withStatus(String s) {
    return new ApplicationQuery(
        callId, lineCode, s, applyingUnitId, recommendingUnitId, text, page, size, sort, ascending);
  }

  public ApplicationQuery withApplyingUnit(Long unit) {
    return new ApplicationQuery(
        callId, lineCode, status, unit, recommendingUnitId, text, page, size, sort, ascending);
  }

  public ApplicationQuery withRecommendingUnit(Long unit) {
    return new ApplicationQuery(
        callId, lineCode, status, applyingUnitId, unit, text, page, size, sort, ascending);
  }

  public ApplicationQuery withText(String t) {
    return new ApplicationQuery(
        callId,
        lineCode,
        status,
        applyingUnitId,
        recommendingUnitId,
        t,
        page,
        size,
        sort,
        ascending);
  }

  public ApplicationQuery withPage(int p, int s) {
    return new ApplicationQuery(
        callId, lineCode, status, applyingUnitId, recommendingUnitId, text, p, s, sort, ascending);
  }

  public ApplicationQuery sortedBy(Sort by, boolean asc) {
    return new ApplicationQuery(
        callId, lineCode, status, applyingUnitId, recommendingUnitId, text, page, size, by, asc);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
