package io.hezuo.recommendation.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * R1 and G9 as plain Java: which quota group a line's recommendations count against, whether one
 * more fits, the key of an A2 platform place, and the hash of a recommended set in ranking order.
 */
public final class QuotaRules {

  /** The largest number of places the Department may set for one group. */
  public static final int MAX_PLACES = 10_000;

  private QuotaRules() {}

  /** How a line's recommendations are limited (the call's {@code QuotaKind}, by name). */
  public enum Limit {
    /** A1: no quota. */
    NONE,
    /** A2: one application per centre, lab or carrier across the province (G9). */
    PER_PLATFORM,
    /** A3: a number per recommender. */
    PER_UNIT,
    /** B1–B4: one number per recommender for the lines of the group. */
    COMBINED;

    /** Whether the recommender's own places (rec_quota) limit it. */
    public boolean hasPlaces() {
      return this == PER_UNIT || this == COMBINED;
    }
  }

  /**
   * The group a line's recommendations are ranked and counted in: the line's quota group (B for
   * B1–B4), else its group code (A1, A2 for A2.1–A2.3, A3).
   */
  public static String rankGroup(String quotaGroup, String groupCode, String lineCode) {
    if (quotaGroup != null && !quotaGroup.isBlank()) {
      return quotaGroup.trim();
    }
    if (groupCode != null && !groupCode.isBlank()) {
      return groupCode.trim();
    }
    return lineCode;
  }

  /**
   * R1: one more recommendation in a group with {@code places} (null: none set) of which {@code
   * used} are taken; the refusal names the group and the numbers.
   */
  public static Optional<RuleViolation> oneMore(
      Limit limit, String group, Integer places, long used) {
    if (!limit.hasPlaces()) {
      return Optional.empty();
    }
    int p = places == null ? 0 : places;
    if (used < p) {
      return Optional.empty();
    }
    return Optional.of(
        p == 0
            ? RuleViolation.error("R1", null, "recommendation.rule.r1.noPlaces", group)
            : RuleViolation.error("R1", null, "recommendation.rule.r1.full", group, p, used));
  }

  /**
   * G9: the place an A2 application takes. A named centre or lab is one place; a kind of carrier
   * has one place per carrier (the applying unit's carrier of that kind).
   */
  public static String platformKey(String platformCode, boolean perCarrier, String carrier) {
    if (!perCarrier) {
      return platformCode;
    }
    return platformCode + "|" + normalise(carrier);
  }

  static String normalise(String s) {
    return s == null
        ? ""
        : Normalizer.normalize(s, Normalizer.Form.NFKC)
            .replaceAll("\\s+", "")
            .toLowerCase(Locale.ROOT);
  }

  /** One recommended application as the set's hash sees it. */
  public record Ranked(
      String rankGroup, int rank, long applicationId, String acceptanceNo, String contentSha256) {}

  /**
   * The hash of a recommended set in ranking order (group, then rank): the uploads are bound to it,
   * so adding, removing or reordering an application (or a changed application content) changes it.
   * An empty set has a hash too.
   */
  public static String setHash(List<Ranked> set) {
    StringBuilder b = new StringBuilder("hezuo-recommended-set-v1\n");
    set.stream()
        .sorted(Comparator.comparing(Ranked::rankGroup).thenComparingInt(Ranked::rank))
        .forEach(
            r ->
                b.append(r.rankGroup())
                    .append('|')
                    .append(r.rank())
                    .append('|')
                    .append(r.applicationId())
                    .append('|')
                    .append(r.acceptanceNo())
                    .append('|')
                    .append(r.contentSha256() == null ? "" : r.contentSha256())
                    .append('\n'));
    return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
