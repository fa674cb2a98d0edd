package io.hezuo.scoring.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking of one line's applications by their panels, with declared tie rules, in order:
 *
 * <ol>
 *   <li>the higher panel score (four decimals);
 *   <li>then the higher median of the scores;
 *   <li>then more experts recommending funding (the sheet's overall verdict).
 * </ol>
 *
 * Applications equal on all three share a rank (1, 2, 2, 4) and are marked tied: the officer
 * decides between them. An application without a panel score (no submitted sheet) is not ranked and
 * comes last, in the order of its acceptance number.
 */
public final class Ranking {

  private Ranking() {}

  /** One application of the line with what the tie rules read. */
  public record Entry(
      long applicationId, String acceptanceNo, BigDecimal score, BigDecimal median, int fundVotes)
      implements Serializable {}

  /** An application's place: rank null when not ranked; tied when it shares its rank. */
  public record Place(Entry entry, Integer rank, boolean tied) implements Serializable {}

  /** The declared order: better first. */
  static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::score, Comparator.reverseOrder())
          .thenComparing(Entry::median, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Entry::fundVotes, Comparator.reverseOrder());

  /** The line's ranking, best first. */
  public static List<Place> of(List<Entry> entries) {
    List<Entry> scored = new ArrayList<>();
    List<Entry> unscored = new ArrayList<>();
    for (Entry e : entries) {
      (e.score() == null ? unscored : scored).add(e);
    }
    scored.sort(ORDER.thenComparing(Entry::acceptanceNo));
    unscored.sort(Comparator.comparing(Entry::acceptanceNo));
    List<Place> out = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Entry e = scored.get(i);
      int first = i;
      while (first > 0 && ORDER.compare(scored.get(first - 1), e) == 0) {
        first--;
      }
      boolean tied =
          (i > 0 && ORDER.compare(scored.get(i - 1), e) == 0)
              || (i + 1 < scored.size() && ORDER.compare(scored.get(i + 1), e) == 0);
      out.add(new Place(e, first + 1, tied));
    }
    unscored.forEach(e -> out.add(new Place(e, null, false)));
    return out;
  }
}
