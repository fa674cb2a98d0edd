package io.hezuo.formalreview.domain;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The second half of rule G1 as a checklist item ({@code G1-FIELD}): the white-listed platform base
 * the application relies on must be related to the project's field. Whether two fields are related
 * is a person's judgement, so the item shows both side by side: the platform's fields (as the white
 * list was imported, in Chinese) and the project's field (A3: the field of cooperation chosen; B
 * lines: the topic; other lines name none). It passes only when one of the platform's fields is the
 * project's field itself (compared with compatibility forms, spaces and case folded); otherwise, or
 * when either side is missing, it is a WARNING for the reviewer, never a failure by itself. A1 is
 * exempt.
 */
public final class PlatformField {

  /** The rule id of the item. */
  public static final String RULE = "G1-FIELD";

  private PlatformField() {}

  /** The chosen platform base: its name and its fields (possibly none). */
  public record Platform(String name, List<String> fields) implements Serializable {
    public Platform {
      fields = List.copyOf(fields);
    }
  }

  /** What the project's field is (A3 field or B topic). */
  public enum Kind {
    FIELD,
    TOPIC
  }

  /** The project's field in both languages and what it is. */
  public record ProjectField(Kind kind, String nameZh, String nameEn) implements Serializable {}

  /**
   * The item for an application of {@code line}; {@code platform} is null when the application
   * names no platform base of its unit's (G1 then fails on its own), {@code project} null when the
   * line's form has no field.
   */
  public static RuleCheck check(LineKind line, Platform platform, ProjectField project) {
    if (line.whiteListExempt()) {
      return new RuleCheck(
          RULE, Outcome.PASS, "formalreview.check.g1field.exempt", List.of(line.code()), List.of());
    }
    List<RuleCheck.Evidence> evidence = new java.util.ArrayList<>();
    if (platform == null) {
      evidence.add(new RuleCheck.Evidence("formalreview.evidence.noBasePlatform", List.of()));
    } else if (platform.fields().isEmpty()) {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.platformNoFields", List.of(platform.name())));
    } else {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.platformFields",
              List.of(platform.name(), String.join("；", platform.fields()))));
    }
    if (project == null) {
      evidence.add(
          new RuleCheck.Evidence("formalreview.evidence.projectNoField", List.of(line.code())));
    } else {
      evidence.add(
          new RuleCheck.Evidence(
              "formalreview.evidence.projectField."
                  + project.kind().name().toLowerCase(Locale.ROOT),
              List.of(project.nameZh(), project.nameEn() == null ? "" : project.nameEn())));
    }
    String key;
    Outcome o;
    if (platform == null) {
      key = "formalreview.check.g1field.noPlatform";
      o = Outcome.WARNING;
    } else if (project == null || platform.fields().isEmpty()) {
      key = "formalreview.check.g1field.unknown";
      o = Outcome.WARNING;
    } else if (platform.fields().stream()
        .anyMatch(f -> same(f, project.nameZh()) || same(f, project.nameEn()))) {
      key = "formalreview.check.g1field.same";
      o = Outcome.PASS;
    } else {
      key = "formalreview.check.g1field.differs";
      o = Outcome.WARNING;
    }
    return new RuleCheck(RULE, o, key, List.of(), evidence);
  }

  /** Whether two field names are the same name: compatibility forms, spaces and case folded. */
  static boolean same(String a, String b) {
    String x = fold(a);
    return !x.isEmpty() && x.equals(fold(b));
  }

  private static String fold(String s) {
    return s == null
        ? ""
        : Normalizer.normalize(s, Normalizer.Form.NFKC)
            .replaceAll("\\s+", "")
            .toLowerCase(Locale.ROOT);
  }
}
