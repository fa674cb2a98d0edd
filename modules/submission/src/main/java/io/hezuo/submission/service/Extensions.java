package io.hezuo.submission.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.domain.Extension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The officer's extensions of the submission deadline for one applying unit (screen 延长期限). */
@ApplicationScoped
public class Extensions {

  @PersistenceContext(unitName = "submission")
  EntityManager em;

  @Inject Applications apps;
  @Inject CallCatalogue calls;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject ApplicationMessages messages;

  /** An officer extends the submission deadline for one applying unit, with a reason. */
  @Transactional
  public void grantExtension(long organisationId, Instant until, String reason) {
    AccountView officer = apps.caller(Role.OFFICER);
    List<RuleViolation> bad = new ArrayList<>();
    if (organisationId <= 0) {
      bad.add(RuleViolation.error("D1", "organisationId", "submission.rule.required"));
    }
    if (until == null) {
      bad.add(RuleViolation.error("D1", "until", "submission.rule.required"));
    }
    if (reason == null || reason.isBlank()) {
      bad.add(RuleViolation.error("D1", "reason", "submission.rule.reasonRequired"));
    }
    RuleViolationException.throwIfErrors(bad);
    CallView call = calls.current().orElseThrow();
    em.persist(
        new Extension(
            call.id(), organisationId, until, reason.trim(), officer.username(), clock.instant()));
    audit.record(
        new AuditEntry(
            officer.username(),
            Role.OFFICER,
            "Extension",
            String.valueOf(organisationId),
            "extend",
            Zones.format(call.submissionClosesAt()),
            Zones.format(until),
            reason.trim()));
    messages.tellUnitOfExtension(organisationId, until, reason.trim());
  }

  /** The extensions granted in the current call, newest first (officers only). */
  public List<ExtensionView> extensions() {
    apps.caller(Role.OFFICER);
    CallView call = calls.current().orElseThrow();
    return em
        .createQuery(
            "select e from Extension e where e.callId = :c order by e.id desc", Extension.class)
        .setParameter("c", call.id())
        .getResultList()
        .stream()
        .map(
            e ->
                new ExtensionView(
                    e.getOrganisationId(),
                    e.getUntil(),
                    e.getReason(),
                    e.getGrantedBy(),
                    e.getGrantedAt()))
        .toList();
  }

  /** An extension as the officer's screen lists it. */
  public record ExtensionView(
      long organisationId, Instant until, String reason, String grantedBy, Instant grantedAt)
      implements java.io.Serializable {}
}
