package io.hezuo.call.service;

import io.hezuo.call.api.CallAccessDeniedException;
import io.hezuo.call.api.PlatformHostView;
import io.hezuo.call.api.PlatformKind;
import io.hezuo.call.api.Text;
import io.hezuo.call.domain.PlatformHost;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programme officer records who hosts each A2 platform (依托单位): the applicant of an A2
 * application must be its host unit (checked while drafting), and a provincial international joint
 * lab applies with its overseas co-builder (G9). Every addition and removal is audited; a removal
 * keeps the row.
 */
@ApplicationScoped
public class PlatformHosting {

  static final String ENTITY = "PlatformHost";

  @PersistenceContext(unitName = "call")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject AccountDirectory accounts;

  /** An A2 platform (or kind of carrier) of the call, for the officer's choice. */
  public record PlatformOption(
      long platformId,
      String lineCode,
      String code,
      PlatformKind kind,
      Text name,
      boolean requiresOverseasCoBuilder)
      implements Serializable {}

  /** A recorded host with its platform and its unit, for the officer's list. */
  public record HostRow(PlatformHostView host, PlatformOption platform, OrganisationView unit)
      implements Serializable {}

  /** The call's A2 platforms in catalogue order. */
  public List<PlatformOption> platforms(long callId) {
    return em
        .createQuery(
            "select p.id, p.line.code, p.code, p.kind, p.nameZh, p.nameEn,"
                + " p.requiresOverseasCoBuilder from Platform p where p.callId = :c"
                + " order by p.line.sortOrder, p.sortOrder",
            Object[].class)
        .setParameter("c", callId)
        .getResultList()
        .stream()
        .map(
            r ->
                new PlatformOption(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    (PlatformKind) r[3],
                    new Text((String) r[4], (String) r[5]),
                    (Boolean) r[6]))
        .toList();
  }

  /** Every recorded (not removed) host of the call's A2 platforms, by platform (officers). */
  public List<HostRow> hosts(long callId) {
    requireOfficer();
    List<PlatformOption> all = platforms(callId);
    Map<Long, PlatformOption> byId = new HashMap<>();
    for (PlatformOption p : all) {
      byId.put(p.platformId(), p);
    }
    if (byId.isEmpty()) {
      return List.of();
    }
    List<HostRow> rows = new ArrayList<>();
    Map<Long, OrganisationView> units = new HashMap<>();
    for (PlatformHost h :
        em.createQuery(
                "select h from PlatformHost h where h.platformId in :p and h.removedAt is null"
                    + " order by h.platformId, h.id",
                PlatformHost.class)
            .setParameter("p", byId.keySet())
            .getResultList()) {
      PlatformOption p = byId.get(h.getPlatformId());
      rows.add(
          new HostRow(
              h.toView(p.lineCode(), p.code()),
              p,
              units.computeIfAbsent(
                  h.getOrganisationId(), o -> accounts.organisation(o).orElse(null))));
    }
    rows.sort(java.util.Comparator.comparingInt((HostRow r) -> all.indexOf(r.platform())));
    return rows;
  }

  /**
   * Records a host unit (by its unified social credit code) of a platform. Refused with C8 (not a
   * registered applying unit), C9 (carrier's name or overseas co-builder missing), C10 (recorded
   * already), C4 (reason too long); nothing is saved then.
   */
  @Transactional
  public PlatformHostView add(
      long platformId,
      String creditCode,
      String carrierName,
      String overseasCoBuilder,
      String reason) {
    String actor = requireOfficer();
    Object[] p =
        em.createQuery(
                "select p.id, p.line.code, p.code, p.kind, p.requiresOverseasCoBuilder"
                    + " from Platform p where p.id = :id",
                Object[].class)
            .setParameter("id", platformId)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        RuleViolation.error("C9", "platform", "call.hosts.platformRequired")));
    List<RuleViolation> v =
        new ArrayList<>(
            PlatformHost.check(
                (PlatformKind) p[3], (Boolean) p[4], carrierName, overseasCoBuilder, reason));
    Optional<OrganisationView> unit = accounts.organisationByCreditCode(creditCode);
    if (creditCode == null || creditCode.isBlank()) {
      v.add(RuleViolation.error("C8", "creditCode", "call.hosts.creditCodeRequired"));
    } else if (unit.isEmpty() || "GOVERNMENT".equals(unit.get().type())) {
      v.add(
          RuleViolation.error(
              "C8", "creditCode", "call.hosts.unitUnknown", creditCode.strip().toUpperCase()));
    }
    RuleViolationException.throwIfErrors(v);
    // one writer at a time per platform, so that two officers cannot record the same host twice
    em.createQuery("select p from Platform p where p.id = :id")
        .setParameter("id", platformId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getSingleResult();
    long orgId = unit.get().id();
    boolean duplicate =
        em
            .createQuery(
                "select h from PlatformHost h where h.platformId = :p and h.removedAt is null",
                PlatformHost.class)
            .setParameter("p", platformId)
            .getResultList()
            .stream()
            .anyMatch(h -> h.sameAs(orgId, carrierName));
    if (duplicate) {
      throw new RuleViolationException(
          RuleViolation.error("C10", "creditCode", "call.hosts.duplicate", unit.get().name()));
    }
    PlatformHost h =
        new PlatformHost(
            platformId, orgId, carrierName, overseasCoBuilder, actor, clock.instant(), reason);
    em.persist(h);
    em.flush();
    audit.record(
        new AuditEntry(
            actor,
            CallEditing.ROLE,
            ENTITY,
            String.valueOf(h.getId()),
            "add",
            null,
            p[1]
                + " "
                + p[2]
                + ": "
                + unit.get().name()
                + " ("
                + unit.get().creditCode()
                + ")"
                + (h.getCarrierName() == null ? "" : " / " + h.getCarrierName())
                + (h.getOverseasCoBuilder() == null ? "" : " / " + h.getOverseasCoBuilder()),
            h.toView((String) p[1], (String) p[2]).reason()));
    return h.toView((String) p[1], (String) p[2]);
  }

  /** Removes a recorded host with a reason (C4); the row stays, marked removed. */
  @Transactional
  public void remove(long hostId, String reason) {
    String actor = requireOfficer();
    if (reason == null || reason.isBlank()) {
      throw new RuleViolationException(
          RuleViolation.error("C4", "reason", "call.hosts.reasonRequired"));
    }
    if (reason.strip().length() > PlatformHost.MAX_REASON) {
      throw new RuleViolationException(
          RuleViolation.error("C4", "reason", "call.hosts.tooLong", PlatformHost.MAX_REASON));
    }
    PlatformHost h = em.find(PlatformHost.class, hostId, LockModeType.PESSIMISTIC_WRITE);
    if (h == null || h.isRemoved()) {
      throw new RuleViolationException(RuleViolation.error("C5", null, "call.hosts.gone"));
    }
    h.remove(actor, clock.instant(), reason);
    audit.record(
        new AuditEntry(
            actor,
            CallEditing.ROLE,
            ENTITY,
            String.valueOf(h.getId()),
            "remove",
            "organisation " + h.getOrganisationId(),
            "removed",
            reason.strip()));
  }

  private String requireOfficer() {
    if (!caller.isSignedIn() || !caller.hasRole(CallEditing.ROLE)) {
      throw new CallAccessDeniedException(
          "Only a programme officer (role OFFICER) may record platform host units"
              + " / 只有项目管理处室人员（OFFICER）可以维护平台依托单位");
    }
    return caller.name();
  }
}
