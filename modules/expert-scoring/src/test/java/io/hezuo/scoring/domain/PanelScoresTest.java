package io.hezuo.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Panel scores on worked examples: the trimmed mean, z-score normalisation, outliers. */
class PanelScoresTest {

  static List<BigDecimal> d(String... xs) {
    return java.util.Arrays.stream(xs).map(BigDecimal::new).toList();
  }

  @Test
  void fiveScoresDropTheHighestAndTheLowest() {
    // 60, 78, 80, 82, 95: (78 + 80 + 82) / 3 = 80
    assertEquals(
        new BigDecimal("80.0000"), PanelScores.trimmedMean(d("95", "60", "80", "78", "82")));
    // equal extremes: only one of each is dropped. 70, 70, 80, 90, 90 → (70 + 80 + 90) / 3 = 80
    assertEquals(
        new BigDecimal("80.0000"), PanelScores.trimmedMean(d("70", "70", "80", "90", "90")));
  }

  @Test
  void fewerThanFiveScoresAreAllCounted() {
    // 60, 80, 95, 90: 325 / 4 = 81.25
    assertEquals(new BigDecimal("81.2500"), PanelScores.trimmedMean(d("60", "80", "95", "90")));
    // thirds are rounded half up at the fourth decimal: 80, 81, 81 → 80.6667
    assertEquals(new BigDecimal("80.6667"), PanelScores.trimmedMean(d("80", "81", "81")));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(0, new BigDecimal("85").compareTo(PanelScores.median(d("60", "80", "95", "90"))));
    assertEquals(new BigDecimal("80"), PanelScores.median(d("95", "60", "80")));
  }

  @Test
  void normalisationTakesOutAnExpertsOwnLevelAndSpread() {
    // expert 1 is harsh (60, 70), expert 2 generous (80, 90): both rank application 11 above 10
    // by the same margin; normalised, both give the same two scores
    List<PanelScores.Score> s =
        List.of(
            new PanelScores.Score(1, 10, new BigDecimal("60")),
            new PanelScores.Score(1, 11, new BigDecimal("70")),
            new PanelScores.Score(2, 10, new BigDecimal("80")),
            new PanelScores.Score(2, 11, new BigDecimal("90")));
    List<PanelScores.Score> n = PanelScores.normalised(s);
    // pool: mean 75, population sd = sqrt(125) = 11.1803…; each expert: mean ± 5, sd 5
    // → 75 ∓ 11.1803…
    assertEquals(0, n.get(0).total().compareTo(n.get(2).total()));
    assertEquals(0, n.get(1).total().compareTo(n.get(3).total()));
    assertEquals("63.82", n.get(0).total().setScale(2, java.math.RoundingMode.HALF_UP).toString());
    assertEquals("86.18", n.get(1).total().setScale(2, java.math.RoundingMode.HALF_UP).toString());
  }

  @Test
  void anExpertWithoutSpreadIsOnlyShiftedByTheMeans() {
    List<PanelScores.Score> s =
        List.of(
            new PanelScores.Score(1, 10, new BigDecimal("70")),
            new PanelScores.Score(1, 11, new BigDecimal("70")),
            new PanelScores.Score(2, 10, new BigDecimal("80")),
            new PanelScores.Score(2, 11, new BigDecimal("90")));
    // pool mean 77.5; expert 1's mean 70: its scores become 77.5
    assertEquals(0, new BigDecimal("77.5").compareTo(PanelScores.normalised(s).get(0).total()));
  }

  @Test
  void aScoreFarFromTheMedianIsAnOutlier() {
    List<PanelScores.Score> s = new ArrayList<>();
    String[] xs = {"80", "82", "79", "81", "50"};
    for (int i = 0; i < xs.length; i++) {
      s.add(new PanelScores.Score(i + 1, 7, new BigDecimal(xs[i])));
    }
    Map<Long, PanelScores.Panel> p = PanelScores.panels(s, false, new BigDecimal("15"));
    PanelScores.Panel panel = p.get(7L);
    // median 80; 50 is 30 away; trimmed: (79 + 80 + 81) / 3
    assertEquals(new BigDecimal("80.0000"), panel.score());
    assertTrue(panel.trimmed());
    assertEquals(1, panel.outliers().size());
    assertEquals(5, panel.outliers().get(0).expertId());
    assertEquals(new BigDecimal("30.00"), panel.outliers().get(0).distance());
    // at exactly the threshold: not an outlier
    assertTrue(PanelScores.panels(s, false, new BigDecimal("30")).get(7L).outliers().isEmpty());
    assertFalse(PanelScores.panels(s.subList(0, 4), false, new BigDecimal("15")).get(7L).trimmed());
  }
}
