package io.hezuo.submission.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the rules need to know beyond the application and its line, gathered by the service: the
 * server's date in Asia/Shanghai, whether the window is open for this unit (D1, with an extension),
 * the applying unit's type, the attachments present, the white-list result (G1) and the PI's other
 * applications (G2).
 */
public record CheckFacts(
    LocalDate today,
    boolean windowOpen,
    String unitType,
    Set<AttachmentKind> attachments,
    WhiteListResult whiteList,
    List<String> otherApplicationsOfPi,
    List<String> importedPlansOfPi) {

  /** G1: the applying unit's white-listed platforms and the PI's membership. */
  public enum WhiteListResult {
    EXEMPT,
    MEMBER,
    NO_PLATFORM,
    NOT_MEMBER
  }

  public CheckFacts {
    attachments = Set.copyOf(attachments);
    otherApplicationsOfPi = List.copyOf(otherApplicationsOfPi);
    importedPlansOfPi = List.copyOf(importedPlansOfPi);
  }
}
