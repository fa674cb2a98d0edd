package io.hezuo.scoring.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The ranking of a line by its expert panels, for the modules downstream (approval): inject it with
 * {@code @Inject ScoringResults results}. Officers only (the implementation checks the role).
 */
public interface ScoringResults {

  /**
   * The line's applications that went to experts, best first, in the places of the declared tie
   * rules (the same ranking the officer's ranking screen shows). Only the current call is ranked: a
   * call that is not the current one, or an unknown line, is not found.
   */
  List<Ranked> ranking(long callId, String lineCode);

  /**
   * The lines of a call whose ranking is complete: at least one application went to experts and
   * every expert assigned has submitted their sheet. One query, for the home page.
   */
  Set<String> completeLines(long callId);

  /**
   * An application's place in its line's ranking.
   *
   * @param place the rank (1 for the best; tied applications share one), null when not ranked (no
   *     sheet submitted)
   * @param tied whether it shares its rank with another application
   * @param panelScore the panel score (four decimals), null when not ranked
   * @param fundVotes the experts recommending funding
   * @param submitted the experts' sheets submitted
   * @param assigned the experts assigned (sheets submitted or not)
   */
  record Ranked(
      long applicationId,
      Integer place,
      boolean tied,
      BigDecimal panelScore,
      int fundVotes,
      int submitted,
      int assigned)
      implements Serializable {

    /** Every assigned expert has submitted their sheet. */
    public boolean complete() {
      return assigned > 0 && submitted >= assigned;
    }
  }
}
