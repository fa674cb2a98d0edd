package io.hezuo.submission.web;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.service.Extensions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Backing bean of {@code app/submission/extensions.xhtml}: an officer extends the submission
 * deadline for one applying unit, with a reason (D1); the list of extensions granted.
 */
@Named("submissionExtensions")
@ViewScoped
public class SubmissionExtensions implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject Extensions service;
  @Inject AccountDirectory directory;

  private Long organisationId;
  private String until;
  private String reason;
  private List<OrganisationView> units;
  private List<Extensions.ExtensionView> extensions;

  public List<OrganisationView> getUnits() {
    if (units == null) {
      units = directory.applyingUnits();
    }
    return units;
  }

  /** Read once; {@link #grant()} reads them again after a change. */
  public List<Extensions.ExtensionView> getExtensions() {
    if (extensions == null) {
      extensions = service.extensions();
    }
    return extensions;
  }

  public String unitName(long id) {
    return getUnits().stream()
        .filter(u -> u.id() == id)
        .map(OrganisationView::name)
        .findFirst()
        .orElse(String.valueOf(id));
  }

  public void grant() {
    if (organisationId == null) {
      FacesViolations.show(
          "ext", List.of(RuleViolation.error("F-REQ", "unit", "submission.rule.required")));
      return;
    }
    Instant at;
    try {
      at =
          LocalDateTime.parse(until == null ? "" : until.trim(), INPUT)
              .atZone(Zones.SHANGHAI)
              .toInstant();
    } catch (DateTimeParseException e) {
      FacesViolations.show(
          "ext", List.of(RuleViolation.error("D1", "until", "submission.extensions.until")));
      return;
    }
    try {
      service.grantExtension(organisationId, at, reason);
      extensions = null;
      FacesViolations.info(
          "submission.extensions.granted", unitName(organisationId), Zones.format(at));
      organisationId = null;
      until = null;
      reason = null;
    } catch (RuleViolationException e) {
      FacesViolations.show("ext", e.violations());
    }
  }

  public String format(Instant at) {
    return Zones.format(at);
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(Long organisationId) {
    this.organisationId = organisationId;
  }

  public String getUntil() {
    return until;
  }

  public void setUntil(String until) {
    this.until = until;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
