package io.hezuo.submission.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the rules need to know beyond the application and its line, gathered by the service: the
 * server's date in Asia/Shanghai, whether the window is open for this unit (D1, with an extension),
 * the applying unit's type, the attachments present, the white-list result (G1), the PI's other
 * applications (G2) and whether the chosen discipline code is one of the list (when one is chosen).
 */
public record CheckFacts(
    LocalDate today,
    boolean windowOpen,
    String unitType,
    Set<AttachmentKind> attachments,
    WhiteListResult whiteList,
    List<OtherApplication> otherApplicationsOfPi,
    List<String> importedPlansOfPi,
    PlatformHostResult platformHost,
    Instant piClosesAt,
    boolean disciplineKnown) {

  /** Facts where the discipline code, if any, is one of the list. */
  public CheckFacts(
      LocalDate today,
      boolean windowOpen,
      String unitType,
      Set<AttachmentKind> attachments,
      WhiteListResult whiteList,
      List<OtherApplication> otherApplicationsOfPi,
      List<String> importedPlansOfPi,
      PlatformHostResult platformHost,
      Instant piClosesAt) {
    this(
        today,
        windowOpen,
        unitType,
        attachments,
        whiteList,
        otherApplicationsOfPi,
        importedPlansOfPi,
        platformHost,
        piClosesAt,
        true);
  }

  /**
   * G2: another application of the same PI (by ID document) in the call: its id, its acceptance
   * number (or {@code #id}), its status's label in both languages, and whether it is the same
   * account's own (then the form links to it and advises to withdraw it).
   */
  public record OtherApplication(
      long id, String reference, String statusZh, String statusEn, boolean own)
      implements java.io.Serializable {}

  /**
   * A2: whether the applying unit is a recorded host unit of the chosen platform (the line's
   * applicant rule PLATFORM_HOST), with the carriers it hosts and their overseas co-builders.
   */
  public record PlatformHostResult(
      HostStatus status, List<String> carriers, List<String> overseasCoBuilders) {

    public static final PlatformHostResult NOT_APPLICABLE =
        new PlatformHostResult(HostStatus.NOT_APPLICABLE, List.of(), List.of());

    public PlatformHostResult {
      carriers = List.copyOf(carriers);
      overseasCoBuilders = List.copyOf(overseasCoBuilders);
    }
  }

  /** See {@link PlatformHostResult}. */
  public enum HostStatus {
    /** Not an A2 line, or no platform chosen yet. */
    NOT_APPLICABLE,
    /** The Department has recorded no host unit for the platform yet. */
    NONE_RECORDED,
    HOST,
    NOT_HOST
  }

  /** Facts without the PI's deadline (D1 then refuses without naming it). */
  public CheckFacts(
      LocalDate today,
      boolean windowOpen,
      String unitType,
      Set<AttachmentKind> attachments,
      WhiteListResult whiteList,
      List<OtherApplication> otherApplicationsOfPi,
      List<String> importedPlansOfPi,
      PlatformHostResult platformHost) {
    this(
        today,
        windowOpen,
        unitType,
        attachments,
        whiteList,
        otherApplicationsOfPi,
        importedPlansOfPi,
        platformHost,
        null);
  }

  /** Facts without an A2 platform host result (not an A2 application). */
  public CheckFacts(
      LocalDate today,
      boolean windowOpen,
      String unitType,
      Set<AttachmentKind> attachments,
      WhiteListResult whiteList,
      List<OtherApplication> otherApplicationsOfPi,
      List<String> importedPlansOfPi) {
    this(
        today,
        windowOpen,
        unitType,
        attachments,
        whiteList,
        otherApplicationsOfPi,
        importedPlansOfPi,
        PlatformHostResult.NOT_APPLICABLE,
        null);
  }

  /** G1: the applying unit's white-listed platforms and the PI's membership. */
  public enum WhiteListResult {
    EXEMPT,
    MEMBER,
    /** The unit has no platform base on the white list. */
    NO_PLATFORM,
    /** The unit has some, but the application names none. */
    NOT_CHOSEN,
    /** The named platform is not (or no longer) one of the unit's on the white list. */
    NOT_OF_UNIT,
    /** The PI is not a member of the named platform. */
    NOT_MEMBER
  }

  public CheckFacts {
    attachments = Set.copyOf(attachments);
    otherApplicationsOfPi = List.copyOf(otherApplicationsOfPi);
    importedPlansOfPi = List.copyOf(importedPlansOfPi);
    platformHost = platformHost == null ? PlatformHostResult.NOT_APPLICABLE : platformHost;
  }
}
