package io.hezuo.call.web;

import io.hezuo.call.api.CallAccessDeniedException;
import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.service.PlatformHosting;
import io.hezuo.call.service.PlatformHosting.HostRow;
import io.hezuo.call.service.PlatformHosting.PlatformOption;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Backing bean of {@code app/call/platform-hosts.xhtml}: the officer records and removes the host
 * units of the A2 platforms. Ids for tests (form {@code hosts}): {@code platform}, {@code
 * creditCode}, {@code carrierName}, {@code overseasCoBuilder}, {@code reason}, {@code add}; the
 * list {@code hostList} with a {@code remove} button per row that opens {@code removeDialog}
 * ({@code removeReason}, {@code removeYes}).
 */
@Named("callPlatformHosts")
@ViewScoped
public class CallPlatformHosts implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CallCatalogue catalogue;
  @Inject PlatformHosting hosting;

  private Long callId;
  private List<PlatformOption> platforms = List.of();
  private List<HostRow> rows = List.of();

  private Long platformId;
  private String creditCode;
  private String carrierName;
  private String overseasCoBuilder;
  private String reason;

  private Long removeId;
  private String removeReason;

  @PostConstruct
  void init() {
    callId = catalogue.current().map(CallView::id).orElse(null);
    if (callId != null) {
      platforms = hosting.platforms(callId);
      reload();
    }
  }

  private void reload() {
    try {
      rows = hosting.hosts(callId);
    } catch (CallAccessDeniedException e) {
      rows = List.of();
    }
  }

  public void add() {
    try {
      hosting.add(
          platformId == null ? -1 : platformId, creditCode, carrierName, overseasCoBuilder, reason);
      creditCode = null;
      carrierName = null;
      overseasCoBuilder = null;
      reason = null;
      reload();
      FacesViolations.info("call.hosts.added");
    } catch (RuleViolationException e) {
      FacesViolations.show("hosts", e.violations());
    } catch (CallAccessDeniedException e) {
      FacesViolations.error("call.edit.forbidden");
    }
  }

  public void prepareRemove(long id) {
    removeId = id;
    removeReason = null;
  }

  public void remove() {
    try {
      hosting.remove(removeId == null ? -1 : removeId, removeReason);
      removeId = null;
      reload();
      FacesViolations.info("call.hosts.removed");
    } catch (RuleViolationException e) {
      FacesViolations.show("removeForm", e.violations());
    } catch (CallAccessDeniedException e) {
      FacesViolations.error("call.edit.forbidden");
    }
  }

  /** The chosen platform, to show which extra fields it needs. */
  public PlatformOption getPlatform() {
    return platforms.stream()
        .filter(p -> platformId != null && p.platformId() == platformId)
        .findFirst()
        .orElse(null);
  }

  public String name(PlatformOption p) {
    return p == null ? "" : p.lineCode() + " · " + (english() ? p.name().en() : p.name().zh());
  }

  public String format(Instant at) {
    return Zones.format(at);
  }

  private boolean english() {
    return Messages.ENGLISH.equals(
        Messages.normalise(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
  }

  public boolean isLoaded() {
    return callId != null;
  }

  public List<PlatformOption> getPlatforms() {
    return platforms;
  }

  public List<HostRow> getRows() {
    return rows;
  }

  public Long getPlatformId() {
    return platformId;
  }

  public void setPlatformId(Long platformId) {
    this.platformId = platformId;
  }

  public String getCreditCode() {
    return creditCode;
  }

  public void setCreditCode(String creditCode) {
    this.creditCode = creditCode;
  }

  public String getCarrierName() {
    return carrierName;
  }

  public void setCarrierName(String carrierName) {
    this.carrierName = carrierName;
  }

  public String getOverseasCoBuilder() {
    return overseasCoBuilder;
  }

  public void setOverseasCoBuilder(String overseasCoBuilder) {
    this.overseasCoBuilder = overseasCoBuilder;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getRemoveReason() {
    return removeReason;
  }

  public void setRemoveReason(String removeReason) {
    this.removeReason = removeReason;
  }
}
