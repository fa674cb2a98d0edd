package io.hezuo.scoring.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The panel's score of each application from its experts' submitted sheets (SPEC.md, "What the seed
 * leaves open"): the trimmed mean (with at least {@link #TRIM_FROM} scores the highest and the
 * lowest are dropped, one each), optionally after each expert's scores are normalised (z-scores: an
 * expert's own mean and spread taken out, the pool's put back), with the scores far from the
 * panel's median flagged as outliers.
 *
 * <p>Exact decimal arithmetic throughout (scores are decimals on the sheet's scale), {@link #MC}
 * for divisions and square roots; a panel score is kept to four decimals (ranking) and shown to
 * two.
 */
public final class PanelScores {

  private PanelScores() {}

  /** With this many scores or more the highest and the lowest are dropped. */
  public static final int TRIM_FROM = 5;

  static final MathContext MC = MathContext.DECIMAL64;

  /** One expert's submitted weighted total for one application. */
  public record Score(long expertId, long applicationId, BigDecimal total)
      implements Serializable {}

  /**
   * An application's panel: its score (four decimals; null without scores), the median of the
   * scores used, how many scores, whether the extremes were dropped, and the outliers.
   */
  public record Panel(
      long applicationId,
      BigDecimal score,
      BigDecimal median,
      int count,
      boolean trimmed,
      List<Outlier> outliers)
      implements Serializable {

    public Panel {
      outliers = List.copyOf(outliers);
    }
  }

  /** A score further than the threshold from its panel's median (both as used: raw or normal). */
  public record Outlier(long expertId, BigDecimal score, BigDecimal median, BigDecimal distance)
      implements Serializable {}

  /**
   * The trimmed mean of {@code scores}: their mean, after dropping the highest and the lowest (one
   * each) when there are at least {@link #TRIM_FROM}; four decimals, half up.
   */
  public static BigDecimal trimmedMean(List<BigDecimal> scores) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("no scores");
    }
    List<BigDecimal> sorted = new ArrayList<>(scores);
    sorted.sort(Comparator.naturalOrder());
    List<BigDecimal> kept =
        sorted.size() >= TRIM_FROM ? sorted.subList(1, sorted.size() - 1) : sorted;
    BigDecimal sum = kept.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(kept.size()), MC).setScale(4, RoundingMode.HALF_UP);
  }

  /** The median of {@code scores} (the mean of the two middle ones for an even count). */
  public static BigDecimal median(List<BigDecimal> scores) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("no scores");
    }
    List<BigDecimal> sorted = new ArrayList<>(scores);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
  }

  /**
   * Each score normalised by its expert: {@code poolMean + poolSd × (x − expertMean) / expertSd},
   * where the pool is every score given and an expert's mean and standard deviation (population)
   * are over that expert's own scores. An expert with a single score, or whose scores are all
   * equal, has no spread to take out: their scores only move by the difference of the means.
   * Without any spread in the pool, the scores stay as they are.
   */
  public static List<Score> normalised(List<Score> scores) {
    if (scores.isEmpty()) {
      return List.of();
    }
    List<BigDecimal> all = scores.stream().map(Score::total).toList();
    BigDecimal poolMean = mean(all);
    BigDecimal poolSd = sd(all, poolMean);
    Map<Long, List<BigDecimal>> byExpert = new HashMap<>();
    scores.forEach(
        s -> byExpert.computeIfAbsent(s.expertId(), k -> new ArrayList<>()).add(s.total()));
    Map<Long, BigDecimal[]> stats = new HashMap<>();
    byExpert.forEach(
        (e, xs) -> {
          BigDecimal m = mean(xs);
          stats.put(e, new BigDecimal[] {m, sd(xs, m)});
        });
    List<Score> out = new ArrayList<>();
    for (Score s : scores) {
      BigDecimal[] st = stats.get(s.expertId());
      BigDecimal n;
      if (poolSd.signum() == 0) {
        n = s.total();
      } else if (st[1].signum() == 0) {
        n = poolMean.add(s.total().subtract(st[0]));
      } else {
        n = poolMean.add(poolSd.multiply(s.total().subtract(st[0])).divide(st[1], MC), MC);
      }
      out.add(new Score(s.expertId(), s.applicationId(), n));
    }
    return out;
  }

  /**
   * The panel of every application with scores, in the order of their first score: the trimmed mean
   * of its scores ({@code normalise}: of the normalised ones) and the scores further than {@code
   * threshold} from the median of the same scores.
   */
  public static Map<Long, Panel> panels(
      List<Score> scores, boolean normalise, BigDecimal threshold) {
    List<Score> used = normalise ? normalised(scores) : scores;
    Map<Long, List<Score>> byApplication = new LinkedHashMap<>();
    used.forEach(
        s -> byApplication.computeIfAbsent(s.applicationId(), k -> new ArrayList<>()).add(s));
    Map<Long, Panel> out = new LinkedHashMap<>();
    byApplication.forEach(
        (app, ss) -> {
          List<BigDecimal> xs = ss.stream().map(Score::total).toList();
          BigDecimal median = median(xs);
          List<Outlier> outliers = new ArrayList<>();
          for (Score s : ss) {
            BigDecimal d = s.total().subtract(median).abs();
            if (d.compareTo(threshold) > 0) {
              outliers.add(
                  new Outlier(
                      s.expertId(),
                      s.total().setScale(2, RoundingMode.HALF_UP),
                      median.setScale(2, RoundingMode.HALF_UP),
                      d.setScale(2, RoundingMode.HALF_UP)));
            }
          }
          out.put(
              app,
              new Panel(
                  app,
                  trimmedMean(xs),
                  median.setScale(4, RoundingMode.HALF_UP),
                  xs.size(),
                  xs.size() >= TRIM_FROM,
                  outliers));
        });
    return out;
  }

  static BigDecimal mean(List<BigDecimal> xs) {
    return xs.stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(xs.size()), MC);
  }

  /** The population standard deviation of {@code xs} around {@code mean}. */
  static BigDecimal sd(List<BigDecimal> xs, BigDecimal mean) {
    BigDecimal sq = BigDecimal.ZERO;
    for (BigDecimal x : xs) {
      BigDecimal d = x.subtract(mean);
      sq = sq.add(d.multiply(d));
    }
    return sq.divide(BigDecimal.valueOf(xs.size()), MC).sqrt(MC);
  }
}
