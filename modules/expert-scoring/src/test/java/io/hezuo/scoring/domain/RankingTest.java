package io.hezuo.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking per line and its declared tie rules. */
class RankingTest {

  static Ranking.Entry e(long id, String score, String median, int fund) {
    return new Ranking.Entry(
        id,
        "2026-" + id,
        score == null ? null : new BigDecimal(score),
        median == null ? null : new BigDecimal(median),
        fund);
  }

  static List<String> shown(List<Ranking.Place> places) {
    return places.stream()
        .map(p -> p.entry().applicationId() + ":" + p.rank() + (p.tied() ? "=" : ""))
        .toList();
  }

  @Test
  void theScoreThenTheMedianThenTheFundingVotes() {
    List<Ranking.Place> r =
        Ranking.of(
            List.of(
                e(1, "80.0000", "80", 3),
                e(2, "85.5000", "84", 2),
                e(3, "80.0000", "82", 1), // same score as 1, higher median
                e(4, "80.0000", "80", 4), // same score and median as 1, more votes
                e(5, null, null, 0))); // no sheet yet
    assertEquals(List.of("2:1", "3:2", "4:3", "1:4", "5:null"), shown(r));
  }

  @Test
  void equalOnEveryRuleShareARankAndAreMarked() {
    List<Ranking.Place> r =
        Ranking.of(
            List.of(
                e(1, "90.0000", "90", 5),
                e(2, "80.0000", "80", 3),
                e(3, "80.0000", "80", 3),
                e(4, "70.0000", "70", 1)));
    assertEquals(List.of("1:1", "2:2=", "3:2=", "4:4"), shown(r));
  }
}
