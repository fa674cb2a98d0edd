package io.hezuo.formalreview.domain;

import io.hezuo.directory.api.IdDocuments;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Rule G2 over the whole round: a researcher may be PI of only one provincial S&T plan application
 * a year, and may not apply here and to another provincial plan or the provincial Natural Science
 * Foundation in the same year. The person is known by ID document (type and number, normalised),
 * never by name: two applications of this call under one ID document both fail, whatever their
 * lines, and so does an application whose PI is on an imported list of another plan of the year.
 * The same ID document under another name is flagged for a person to look at (a typing error in the
 * number, or two people), and an application without an ID document is a warning.
 */
public final class OnePiOneProject {

  private OnePiOneProject() {}

  /** An application of the round as G2 sees it. */
  public record Applicant(
      long applicationId,
      String acceptanceNo,
      String lineCode,
      String idType,
      String idNumber,
      String name) {}

  /** An entry of another plan's imported list that names the same ID document. */
  public record Listed(String planKind, String planName, String projectTitle, String name) {}

  /**
   * The finding for one application: its result, the other applications of the round under the same
   * ID document, the other plans' entries naming it, and whether any of them gives another name.
   */
  public record Finding(
      long applicationId,
      Outcome result,
      List<Applicant> sameIdInRound,
      List<Listed> otherPlans,
      boolean nameDiffers) {}

  /**
   * G2 for every application of {@code round}; {@code listsOf} gives the other plans' entries of
   * the call's year for an ID document (type, normalised number). The findings keep the round's
   * order.
   */
  public static List<Finding> check(
      List<Applicant> round, Function<Applicant, List<Listed>> listsOf) {
    Map<String, List<Applicant>> byId = new LinkedHashMap<>();
    for (Applicant a : round) {
      key(a).ifPresent(k -> byId.computeIfAbsent(k, x -> new ArrayList<>()).add(a));
    }
    List<Finding> out = new ArrayList<>();
    for (Applicant a : round) {
      var k = key(a);
      if (k.isEmpty()) {
        out.add(new Finding(a.applicationId(), Outcome.WARNING, List.of(), List.of(), false));
        continue;
      }
      List<Applicant> others =
          byId.get(k.get()).stream().filter(o -> o.applicationId() != a.applicationId()).toList();
      List<Listed> listed = listsOf.apply(a);
      boolean differs =
          others.stream().anyMatch(o -> !sameName(o.name(), a.name()))
              || listed.stream().anyMatch(l -> !sameName(l.name(), a.name()));
      Outcome r = others.isEmpty() && listed.isEmpty() ? Outcome.PASS : Outcome.FAIL;
      out.add(new Finding(a.applicationId(), r, others, listed, differs));
    }
    return out;
  }

  /** The finding as a checklist item, with the other applications and lists as evidence. */
  public static RuleCheck asCheck(Finding f) {
    List<RuleCheck.Evidence> evidence = new ArrayList<>();
    for (Applicant o : f.sameIdInRound()) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.sameId", List.of(o.acceptanceNo(), o.lineCode(), o.name())));
    }
    for (Listed l : f.otherPlans()) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.otherPlan",
              List.of(l.planName(), l.projectTitle(), l.name())));
    }
    if (f.nameDiffers()) {
      evidence.add(new RuleCheck.Evidence("formalreview.evidence.nameDiffers", List.of()));
    }
    String key =
        switch (f.result()) {
          case PASS -> "formalreview.check.g2.pass";
          case WARNING -> "formalreview.check.g2.noId";
          case FAIL -> "formalreview.check.g2.fail";
        };
    return new RuleCheck("G2", f.result(), key, List.of(), evidence);
  }

  /** The ID document as one key (type and normalised number), empty when it is missing. */
  static java.util.Optional<String> key(Applicant a) {
    if (a.idType() == null
        || a.idType().isBlank()
        || a.idNumber() == null
        || a.idNumber().isBlank()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        a.idType().trim() + ":" + IdDocuments.normalise(a.idType().trim(), a.idNumber()));
  }

  /**
   * Whether two names are the same person's as written: compatibility forms folded (full-width
   * letters), spaces and the middle dots of transcribed names ignored, Latin letters in any case.
   */
  static boolean sameName(String x, String y) {
    return fold(x).equals(fold(y));
  }

  private static String fold(String name) {
    if (name == null) {
      return "";
    }
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .replaceAll("[\\s·•・‧.]", "")
        .toLowerCase(Locale.ROOT);
  }
}
