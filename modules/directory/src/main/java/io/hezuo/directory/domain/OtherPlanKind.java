package io.hezuo.directory.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of another plan whose applicant list is imported for rule G2: the provincial Natural
 * Science Foundation (省自然科学基金) or another provincial S&amp;T plan (其他省级科技计划).
 */
public enum OtherPlanKind {
  NSFC("省自然科学基金"),
  PROVINCIAL_PLAN("其他省级科技计划");

  private final String chinese;

  OtherPlanKind(String chinese) {
    this.chinese = chinese;
  }

  /** The Chinese label as the import file writes it. */
  public String chinese() {
    return chinese;
  }

  /**
   * The kind written in Chinese (省自然科学基金, 浙江省自然科学基金, 自然科学基金; 其他省级科技计划, 省级科技计划) or as its code
   * (NSFC, PROVINCIAL_PLAN), any case.
   */
  public static Optional<OtherPlanKind> parse(String raw) {
    String s = raw == null ? "" : raw.strip();
    return switch (s) {
      case "省自然科学基金", "浙江省自然科学基金", "自然科学基金", "省自然基金" -> Optional.of(NSFC);
      case "其他省级科技计划", "其它省级科技计划", "省级科技计划", "其他省科技计划", "省科技计划" -> Optional.of(PROVINCIAL_PLAN);
      default -> byCode(s);
    };
  }

  private static Optional<OtherPlanKind> byCode(String s) {
    try {
      return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
