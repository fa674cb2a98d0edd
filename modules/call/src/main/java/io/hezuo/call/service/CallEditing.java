package io.hezuo.call.service;

import io.hezuo.call.api.CallAccessDeniedException;
import io.hezuo.call.api.CallView;
import io.hezuo.call.domain.Call;
import io.hezuo.call.domain.EditReason;
import io.hezuo.call.domain.Line;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The programme officer's edits of a call: deadlines, caps and texts, with a reason. Everything is
 * checked first, then saved in one transaction together with its audit rows, or nothing is.
 */
@ApplicationScoped
public class CallEditing {

  public static final Role ROLE = Role.OFFICER;

  @PersistenceContext(unitName = "call")
  EntityManager em;

  @Inject Caller caller;

  @Inject AuditLog auditLog;

  @Inject jakarta.enterprise.event.Event<CatalogueChanged> changed;

  /** Whether the caller may edit calls. */
  public boolean mayEdit() {
    return caller.isSignedIn() && caller.hasRole(ROLE);
  }

  /**
   * Saves the edit and returns the call as it now is.
   *
   * @throws CallAccessDeniedException when the caller is not an officer
   * @throws RuleViolationException with C1…C6 when the edit breaks a rule or someone else changed
   *     the call or a line in the meantime (C5); nothing is saved then
   */
  @Transactional
  public CallView save(CallEdit edit) {
    if (!mayEdit()) {
      throw new CallAccessDeniedException(
          "Only a programme officer (role OFFICER) may edit a call / 只有项目管理处室人员（OFFICER）可以修改申报批次");
    }
    String actor = caller.name();

    List<RuleViolation> violations = new ArrayList<>();
    EditReason.check(edit.reason()).ifPresent(violations::add);
    violations.addAll(
        Call.checkSchedule(
            edit.submissionOpensAt(), edit.submissionClosesAt(), edit.recommendationClosesAt()));
    List<Money> caps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LineEdit le : edit.lines()) {
      if (!seen.add(le.code())) {
        throw new IllegalArgumentException("line " + le.code() + " edited twice");
      }
      caps.add(Line.parseCap(le.code(), le.cap(), violations));
      violations.addAll(
          Line.checkTexts(le.code(), le.nameZh(), le.nameEn(), le.contentZh(), le.contentEn()));
    }
    RuleViolationException.throwIfErrors(violations);

    Call call = em.find(Call.class, edit.callId());
    if (call == null) {
      throw new IllegalArgumentException("no call " + edit.callId());
    }
    if (call.getVersion() != edit.version()) {
      throw concurrent(call.getCode());
    }
    String reason = edit.reason().strip();
    List<AuditEntry> audit = new ArrayList<>();
    call.reschedule(
            edit.submissionOpensAt(), edit.submissionClosesAt(), edit.recommendationClosesAt())
        .ifPresent(ch -> audit.add(entry(actor, "Call", call.getId(), ch, reason)));
    boolean callChanged = !audit.isEmpty();

    for (int i = 0; i < edit.lines().size(); i++) {
      LineEdit le = edit.lines().get(i);
      Line line =
          call.line(le.code())
              .orElseThrow(() -> new IllegalArgumentException("no line " + le.code()));
      if (line.getVersion() != le.version()) {
        throw concurrent(le.code());
      }
      Optional<String[]> changes =
          line.revise(caps.get(i), le.nameZh(), le.nameEn(), le.contentZh(), le.contentEn());
      changes.ifPresent(ch -> audit.add(entry(actor, "Line", line.getId(), ch, reason)));
      if (changes.isEmpty()) {
        // untouched lines still must not have changed under us: check their version at commit
        em.lock(line, LockModeType.OPTIMISTIC);
      }
    }
    if (!callChanged) {
      em.lock(call, LockModeType.OPTIMISTIC);
    }
    if (audit.isEmpty()) {
      throw new RuleViolationException(
          RuleViolation.error("C7", null, "call.edit.error.nothingChanged"));
    }
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw concurrent(call.getCode());
    } catch (PersistenceException e) {
      if (e.getCause() instanceof OptimisticLockException) {
        throw concurrent(call.getCode());
      }
      throw e;
    }
    audit.forEach(auditLog::record);
    // the snapshot is replaced once this transaction has committed (CatalogueSnapshots)
    changed.fire(new CatalogueChanged(call.getId()));
    return call.toView();
  }

  private static RuleViolationException concurrent(String what) {
    return new RuleViolationException(
        RuleViolation.error("C5", null, "call.edit.error.concurrent", what));
  }

  private static AuditEntry entry(
      String actor, String type, Long id, String[] beforeAfter, String reason) {
    return new AuditEntry(
        actor, ROLE, type, String.valueOf(id), "update", beforeAfter[0], beforeAfter[1], reason);
  }

  /** The caller's name, for screens. */
  public Optional<String> caller() {
    return caller.username();
  }
}
