package io.hezuo.call.domain;

import io.hezuo.call.api.PlatformHostView;
import io.hezuo.call.api.PlatformKind;
import io.hezuo.kernel.rule.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A host unit of an A2 platform as a programme officer recorded it. A removal is a new state
 * (removed at, by whom, why); the row stays.
 */
@Entity
@Table(name = "call_platform_host")
public class PlatformHost {

  public static final int MAX_NAME = 300;
  public static final int MAX_REASON = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "platform_id", nullable = false, updatable = false)
  private long platformId;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "carrier_name", length = MAX_NAME)
  private String carrierName;

  @Column(name = "overseas_cobuilder", length = MAX_NAME)
  private String overseasCoBuilder;

  @Column(name = "added_by", nullable = false, length = 100)
  private String addedBy;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  @Column(name = "reason", length = MAX_REASON)
  private String reason;

  @Column(name = "removed_at")
  private Instant removedAt;

  @Column(name = "removed_by", length = 100)
  private String removedBy;

  @Column(name = "removal_reason", length = MAX_REASON)
  private String removalReason;

  @Version private long version;

  protected PlatformHost() {}

  /**
   * The problems of a new host record, checked before anything is saved: C9 a carrier's name for a
   * kind of carrier, the overseas co-builder where the platform requires one; names at most 300
   * characters; C4 a reason at most 1000 characters.
   */
  public static List<RuleViolation> check(
      PlatformKind kind,
      boolean requiresOverseasCoBuilder,
      String carrierName,
      String overseasCoBuilder,
      String reason) {
    List<RuleViolation> v = new ArrayList<>();
    if (kind == PlatformKind.CARRIER_KIND && blank(carrierName)) {
      v.add(RuleViolation.error("C9", "carrierName", "call.hosts.carrierRequired"));
    }
    if (requiresOverseasCoBuilder && blank(overseasCoBuilder)) {
      v.add(RuleViolation.error("C9", "overseasCoBuilder", "call.hosts.coBuilderRequired"));
    }
    if (carrierName != null && carrierName.strip().length() > MAX_NAME) {
      v.add(RuleViolation.error("C9", "carrierName", "call.hosts.tooLong", MAX_NAME));
    }
    if (overseasCoBuilder != null && overseasCoBuilder.strip().length() > MAX_NAME) {
      v.add(RuleViolation.error("C9", "overseasCoBuilder", "call.hosts.tooLong", MAX_NAME));
    }
    if (reason != null && reason.strip().length() > MAX_REASON) {
      v.add(RuleViolation.error("C4", "reason", "call.hosts.tooLong", MAX_REASON));
    }
    return v;
  }

  public PlatformHost(
      long platformId,
      long organisationId,
      String carrierName,
      String overseasCoBuilder,
      String addedBy,
      Instant addedAt,
      String reason) {
    this.platformId = platformId;
    this.organisationId = organisationId;
    this.carrierName = strip(carrierName);
    this.overseasCoBuilder = strip(overseasCoBuilder);
    this.addedBy = addedBy;
    this.addedAt = addedAt;
    this.reason = strip(reason);
  }

  /** Whether this record names the same unit and carrier (both compared without case). */
  public boolean sameAs(long organisationId, String carrierName) {
    String a = this.carrierName == null ? "" : this.carrierName;
    String b = carrierName == null ? "" : carrierName.strip();
    return this.organisationId == organisationId && a.equalsIgnoreCase(b);
  }

  /** Removes the record with a reason (C4); a removed record stays removed. */
  public void remove(String by, Instant at, String why) {
    if (removedAt != null) {
      throw new IllegalStateException("already removed");
    }
    this.removedAt = at;
    this.removedBy = by;
    this.removalReason = why.strip();
  }

  public boolean isRemoved() {
    return removedAt != null;
  }

  public PlatformHostView toView(String lineCode, String platformCode) {
    return new PlatformHostView(
        id,
        lineCode,
        platformCode,
        organisationId,
        carrierName,
        overseasCoBuilder,
        addedBy,
        addedAt,
        reason);
  }

  public Long getId() {
    return id;
  }

  public long getPlatformId() {
    return platformId;
  }

  public long getOrganisationId() {
    return organisationId;
  }

  public String getCarrierName() {
    return carrierName;
  }

  public String getOverseasCoBuilder() {
    return overseasCoBuilder;
  }

  private static String strip(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
