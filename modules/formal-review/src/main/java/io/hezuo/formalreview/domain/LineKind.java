package io.hezuo.formalreview.domain;

import java.io.Serializable;

/**
 * What the checklist needs to know of an application's line: its code and group (A1, A2, A3, B1 …
 * B4), whether it is an international (A) line, and whether it is exempt from the white-list rule
 * G1 (A1).
 */
public record LineKind(
    String code, String groupCode, boolean international, boolean whiteListExempt)
    implements Serializable {

  public boolean isA1() {
    return "A1".equals(groupCode);
  }

  public boolean isA2() {
    return "A2".equals(groupCode);
  }
}
