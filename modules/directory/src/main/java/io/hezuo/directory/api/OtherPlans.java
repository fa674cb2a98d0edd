package io.hezuo.directory.api;

import java.util.List;

/**
 * The imported applicant lists of other provincial S&amp;T plans and of the provincial Natural
 * Science Foundation (rule G2 across plans): who, by ID document, applied to which of them in a
 * year. A programme officer imports the lists; the submission check warns a PI found on one.
 */
public interface OtherPlans {

  /**
   * The lists of {@code year} that name the person (by ID document type and number; never by name),
   * empty when none or when the type is unknown. No role is needed: callers are modules checking
   * their own user's applications.
   */
  List<OtherPlanMatch> find(int year, String idType, String idNumber);

  /**
   * The listed PIs, ID numbers masked, filtered by year and plan kind ({@code NSFC} or {@code
   * PROVINCIAL_PLAN}; null for all) and a query over name, project, plan, unit or the exact ID
   * number, paged. OFFICER or FORMAL_REVIEWER only.
   *
   * @throws io.hezuo.kernel.error.AccessDeniedException for any other caller
   */
  List<OtherPlanPiView> search(Integer year, String planKind, String query, int first, int max);

  /** How many {@link #search} finds. OFFICER or FORMAL_REVIEWER only. */
  long count(Integer year, String planKind, String query);
}
