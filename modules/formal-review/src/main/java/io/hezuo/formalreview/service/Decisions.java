package io.hezuo.formalreview.service;

import io.hezuo.formalreview.domain.Outcome;
import io.hezuo.formalreview.domain.RuleCheck;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationLifecycle.Actor;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The formal reviewer's decisions: pass or fail one application of the round with the rule ids and
 * reasons (the automatic result's failed rules prefilled on the screen); overriding the automatic
 * result (passing a FAIL, failing a PASS) needs a written reason and is audited as an override; a
 * bulk pass of every undecided application whose automatic result is all green. A failure on
 * similarity (G3) creates an integrity record (科研诚信). The application's status moves through
 * submission's API, which tells the PI and the applying unit.
 */
@ApplicationScoped
public class Decisions {

  private static final Pattern RULE = Pattern.compile("(G[1-9]|R[12]|D1|F-[A-Z]+)");

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject Caller caller;
  @Inject ApplicationLifecycle applications;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** What a decision did. */
  public record Decided(long applicationId, String decision, boolean overridden) {}

  /** Passes or fails one application (PASS | FAIL), with rule ids (FAIL) and a reason. */
  @Transactional
  public Decided decide(long applicationId, String decision, List<String> ruleIds, String reason) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    ApplicationView app = inRound(applicationId);
    String d = decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT);
    String why = reason == null ? "" : reason.trim();
    List<RuleViolation> v = new ArrayList<>();
    if (!d.equals("PASS") && !d.equals("FAIL")) {
      v.add(RuleViolation.error("F-REQ", "decision", "formalreview.decision.choose"));
    }
    Set<String> rules = new LinkedHashSet<>();
    for (String r : ruleIds == null ? List.<String>of() : ruleIds) {
      String id = r == null ? "" : r.trim().toUpperCase(Locale.ROOT);
      if (!RULE.matcher(id).matches()) {
        v.add(RuleViolation.error("F-REQ", "ruleIds", "formalreview.decision.unknownRule", id));
      } else {
        rules.add(id);
      }
    }
    Stored stored = stored(applicationId);
    if (stored == null) {
      v.add(RuleViolation.error("F-RUN", null, "formalreview.decision.notChecked"));
    }
    if (d.equals("FAIL") && rules.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", "ruleIds", "formalreview.decision.rulesRequired"));
    }
    if (d.equals("FAIL") && why.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", "reason", "formalreview.decision.reasonRequired"));
    }
    boolean overridden =
        stored != null
            && ((d.equals("PASS") && stored.automatic() == Outcome.FAIL)
                || (d.equals("FAIL") && stored.automatic() == Outcome.PASS));
    if (overridden && why.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", "reason", "formalreview.decision.overrideReason"));
    }
    if (why.length() > 2000) {
      v.add(RuleViolation.error("F-LEN", "reason", "formalreview.decision.tooLong", 2000));
    }
    RuleViolationException.throwIfErrors(v);
    return record(app, d, rules, why, stored, overridden);
  }

  /**
   * Passes every application of the round (or of the given selection, e.g. the queue as filtered)
   * that is still undecided and whose stored automatic result is all green; answers how many.
   */
  @Transactional
  public int passAllGreen(java.util.Collection<Long> selection) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    Set<Long> only = selection == null || selection.isEmpty() ? null : Set.copyOf(selection);
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "select r.application_id from fr_result r left join fr_decision d"
                    + " on d.application_id = r.application_id where r.automatic = 'PASS'"
                    + " and d.application_id is null order by r.application_id")
            .getResultList();
    int n = 0;
    for (Object o : ids) {
      long id = ((Number) o).longValue();
      if (only != null && !only.contains(id)) {
        continue;
      }
      ApplicationView app = applications.read(id);
      if (!ApplicationStatus.RECOMMENDED.name().equals(app.status())) {
        continue;
      }
      record(app, "PASS", Set.of(), "", stored(id), false);
      n++;
    }
    return n;
  }

  private Decided record(
      ApplicationView app,
      String d,
      Set<String> rules,
      String why,
      Stored stored,
      boolean overridden) {
    Actor actor = new Actor(caller.name(), role());
    String text =
        d.equals("FAIL") ? "[" + String.join(", ", rules) + "] " + why : why.isEmpty() ? null : why;
    if (d.equals("PASS")) {
      applications.markFormallyPassed(app.id(), actor, text);
    } else {
      applications.markFormallyFailed(app.id(), actor, text);
    }
    em.createNativeQuery(
            "insert into fr_decision (application_id, call_id, decision, rule_ids, reason,"
                + " automatic, overridden, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")
        .setParameter(1, app.id())
        .setParameter(2, stored == null ? 0L : stored.callId())
        .setParameter(3, d)
        .setParameter(4, String.join(",", rules))
        .setParameter(5, why.isEmpty() ? null : why)
        .setParameter(6, stored == null ? null : stored.automatic().name())
        .setParameter(7, overridden)
        .setParameter(8, caller.name())
        .setParameter(9, Timestamp.from(clock.instant()))
        .executeUpdate();
    if (overridden) {
      audit.record(
          new AuditEntry(
              caller.name(),
              role(),
              "Application",
              String.valueOf(app.id()),
              "formal-override",
              stored.automatic().name(),
              d,
              why));
    }
    if (d.equals("FAIL") && rules.contains("G3") && stored != null) {
      integrity(app, stored);
    }
    return new Decided(app.id(), d, overridden);
  }

  /** The integrity record of a similarity failure, with the figure and sources as stored. */
  private void integrity(ApplicationView app, Stored stored) {
    RuleCheck g3 =
        stored.checks().stream().filter(c -> c.ruleId().equals("G3")).findFirst().orElse(null);
    String percent = g3 == null || g3.args().isEmpty() ? "" : g3.args().get(0);
    StringBuilder sources = new StringBuilder();
    if (g3 != null) {
      for (RuleCheck.Evidence e : g3.evidence()) {
        if (sources.length() > 0) {
          sources.append("; ");
        }
        sources.append(String.join(" ", e.args()));
      }
    }
    em.createNativeQuery(
            "insert ignore into fr_integrity_record (application_id, call_id, rule_id, percent,"
                + " sources, recorded_by, recorded_at) values (?, ?, 'G3', ?, ?, ?, ?)")
        .setParameter(1, app.id())
        .setParameter(2, stored.callId())
        .setParameter(3, percent.length() > 10 ? percent.substring(0, 10) : percent)
        .setParameter(4, sources.length() > 2000 ? sources.substring(0, 2000) : sources.toString())
        .setParameter(5, caller.name())
        .setParameter(6, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /**
   * One application of the round as the reviewer sees it: what identifies it, its stored automatic
   * result and checks (null when not checked yet) and the decision if made.
   */
  public record Review(
      long applicationId,
      String acceptanceNo,
      String titleZh,
      String lineCode,
      String status,
      String automatic,
      List<RuleCheck> checks,
      List<String> failedRules,
      String decision,
      String decisionRules,
      String decisionReason,
      boolean overridden)
      implements java.io.Serializable {}

  /** An application of the round with its checks and decision (formal reviewers, officers). */
  public Review review(long applicationId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    ApplicationView app = applications.read(applicationId);
    if (RoundG2.ROUND.stream().noneMatch(s -> s.name().equals(app.status()))) {
      throw new NotFoundException("not in the round");
    }
    Stored stored = stored(applicationId);
    List<?> d =
        em.createNativeQuery(
                "select decision, rule_ids, reason, overridden from fr_decision"
                    + " where application_id = ?")
            .setParameter(1, applicationId)
            .getResultList();
    Object[] dec = d.isEmpty() ? null : (Object[]) d.get(0);
    List<RuleCheck> checks = stored == null ? List.of() : stored.checks();
    return new Review(
        app.id(),
        app.acceptanceNo(),
        app.form().titleZh(),
        app.lineCode(),
        app.status(),
        stored == null ? null : stored.automatic().name(),
        checks,
        checks.stream()
            .filter(c -> c.outcome() == Outcome.FAIL)
            .map(RuleCheck::ruleId)
            .distinct()
            .toList(),
        dec == null ? null : (String) dec[0],
        dec == null ? null : (String) dec[1],
        dec == null ? null : (String) dec[2],
        dec != null
            && (dec[3] instanceof Boolean b
                ? b
                : dec[3] != null && ((Number) dec[3]).intValue() != 0));
  }

  /** An application of the round that can still be decided (RECOMMENDED), else 404 / 422. */
  private ApplicationView inRound(long id) {
    ApplicationView app = applications.read(id);
    if (!RoundG2.ROUND.stream().anyMatch(s -> s.name().equals(app.status()))) {
      throw new NotFoundException("not in the round");
    }
    if (!ApplicationStatus.RECOMMENDED.name().equals(app.status())) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", "decision", "formalreview.decision.alreadyDecided"));
    }
    return app;
  }

  /** An application's stored automatic result. */
  record Stored(long callId, Outcome automatic, List<RuleCheck> checks) {}

  Stored stored(long applicationId) {
    List<?> rows =
        em.createNativeQuery(
                "select call_id, automatic, checks from fr_result where application_id = ?")
            .setParameter(1, applicationId)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = (Object[]) rows.get(0);
    return new Stored(
        ((Number) r[0]).longValue(), Outcome.valueOf((String) r[1]), RunWork.checks((String) r[2]));
  }

  private String role() {
    return caller.hasRole(Role.OFFICER) ? Role.OFFICER.name() : Role.FORMAL_REVIEWER.name();
  }
}
