package io.hezuo.directory.web;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.RegistrationView;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Backing bean of {@code app/directory/registrations.xhtml}: the unit admin decides. */
@Named("directoryRegistrations")
@ViewScoped
public class DirectoryRegistrations implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountDirectory directory;

  private List<RegistrationView> pending;
  private final Map<Long, String> reasons = new HashMap<>();

  @Inject io.hezuo.kernel.security.Caller caller;

  private Boolean officer;

  /**
   * The unit admin's pending registrations; for an officer (who decides nothing here), the pending
   * registrations of every unit whose ID document another account has too.
   */
  public List<RegistrationView> getPending() {
    if (pending == null) {
      pending = isOfficer() ? directory.idClashes() : directory.pendingRegistrations();
    }
    return pending;
  }

  public boolean isOfficer() {
    if (officer == null) {
      officer = !caller.hasRole(Role.UNIT_ADMIN) && caller.hasRole(Role.OFFICER);
    }
    return officer;
  }

  public Map<Long, String> getReasons() {
    return reasons;
  }

  public void approve(RegistrationView r) {
    decide(r, true);
  }

  public void reject(RegistrationView r) {
    decide(r, false);
  }

  private void decide(RegistrationView r, boolean approve) {
    try {
      directory.decide(r.accountId(), approve, reasons.get(r.accountId()));
      FacesViolations.info(
          approve ? "directory.registrations.approved" : "directory.registrations.rejected",
          r.username());
      pending = null;
      reasons.remove(r.accountId());
    } catch (RuleViolationException e) {
      FacesViolations.show("regs", e.violations());
    }
  }

  public String format(Instant at) {
    return Zones.format(at);
  }
}
