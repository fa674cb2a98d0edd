package io.hezuo.formalreview.domain;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rule G9 over the whole round: an A2 platform takes at most its limit of applications (one per
 * centre, per Belt and Road joint lab, per carrier of a kind of carriers), across the province.
 * When more applications of the round take one place than its limit, every one of them fails, each
 * naming the others (the reviewer decides which stays). The submission rules' G9 findings (a
 * provincial international joint lab without its overseas co-builder as partner) are added as they
 * stand. Not an A2 application: the rule does not apply.
 */
public final class PlatformLimit {

  private PlatformLimit() {}

  /**
   * An A2 application of the round: its line and platform, the carrier it applies for when the
   * platform is a kind of carrier (else null), the platform's names and its limit.
   */
  public record Claim(
      long applicationId,
      String acceptanceNo,
      String lineCode,
      String platformCode,
      String carrier,
      String platformZh,
      String platformEn,
      int limit)
      implements Serializable {

    /** The place it takes: the line's platform, and for a kind of carriers the carrier. */
    String place() {
      return lineCode + "|" + platformCode + (carrier == null ? "" : "|" + fold(carrier));
    }
  }

  /**
   * For each application of {@code round} over its place's limit, the other applications that take
   * the same place; an application within its limit maps to an empty list.
   */
  public static Map<Long, List<Claim>> over(List<Claim> round) {
    Map<String, List<Claim>> byPlace = new LinkedHashMap<>();
    for (Claim c : round) {
      if (c.platformCode() != null && !c.platformCode().isBlank()) {
        byPlace.computeIfAbsent(c.place(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<Long, List<Claim>> out = new LinkedHashMap<>();
    for (Claim c : round) {
      List<Claim> same = byPlace.getOrDefault(c.place(), List.of());
      int limit = Math.max(c.limit(), 1);
      out.put(
          c.applicationId(),
          same.size() > limit
              ? same.stream().filter(o -> o.applicationId() != c.applicationId()).toList()
              : List.of());
    }
    return out;
  }

  /**
   * The G9 item of one application: {@code self} its claim (null when it is not an A2 application
   * or names no platform), {@code others} the applications over the limit with it, {@code findings}
   * the submission rules' G9 findings.
   */
  public static RuleCheck check(
      LineKind line, Claim self, List<Claim> others, List<FormFinding> findings) {
    if (!line.isA2() && findings.isEmpty()) {
      return new RuleCheck("G9", Outcome.PASS, "formalreview.check.g9.na", List.of(), List.of());
    }
    List<RuleCheck.Evidence> evidence = new ArrayList<>();
    findings.forEach(f -> evidence.add(f.evidence()));
    Outcome o = FormChecks.worst(findings, Set.of());
    List<String> args = List.of();
    if (self != null && !others.isEmpty()) {
      o = Outcome.FAIL;
      args =
          List.of(
              self.platformZh(),
              self.platformEn(),
              String.valueOf(Math.max(self.limit(), 1)),
              String.valueOf(others.size() + 1));
      for (Claim c : others) {
        evidence.add(
            new RuleCheck.Evidence(
                "formalreview.evidence.samePlatform",
                List.of(
                    c.acceptanceNo() == null ? "#" + c.applicationId() : c.acceptanceNo(),
                    c.lineCode(),
                    c.platformZh(),
                    c.platformEn())));
      }
      return new RuleCheck("G9", o, "formalreview.check.g9.over", args, evidence);
    }
    return new RuleCheck("G9", o, "formalreview.check.g9." + FormChecks.lower(o), args, evidence);
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }
}
