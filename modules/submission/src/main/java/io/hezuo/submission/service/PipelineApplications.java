package io.hezuo.submission.service;

import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.domain.Application;
import io.hezuo.submission.domain.Attachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * The facade for downstream modules ({@link ApplicationLifecycle}): reads an application in full
 * and moves its status through the domain's transitions, audited with the actor and the reason.
 * Role and ownership are the calling module's to check (see the interface).
 */
@ApplicationScoped
public class PipelineApplications implements ApplicationLifecycle {

  @PersistenceContext(unitName = "submission")
  EntityManager em;

  @Inject Applications apps;
  @Inject ApplicationSearch search;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject ApplicationMessages messages;
  @Inject ApplicationDocument document;
  @Inject io.hezuo.call.api.CallCatalogue calls;

  @Override
  public io.hezuo.submission.api.ApplicationPage find(
      io.hezuo.submission.api.ApplicationQuery query) {
    return search.find(query);
  }

  @Override
  public java.util.List<io.hezuo.submission.api.ApplicationCount> counts(Long callId) {
    return search.counts(callId);
  }

  @Override
  public java.util.List<io.hezuo.submission.api.UnitStatusCount> countsByApplyingUnit(Long callId) {
    return search.countsByApplyingUnit(callId);
  }

  @Override
  public ApplicationView read(long applicationId) {
    return apps.view(apps.find(applicationId));
  }

  @Override
  public byte[] pdf(long applicationId, java.util.function.UnaryOperator<String> redact) {
    ApplicationView a = read(applicationId);
    if (io.hezuo.submission.api.ApplicationStatus.DRAFT.name().equals(a.status())) {
      throw new NotFoundException("no application " + applicationId);
    }
    return document.pdf(a, redact);
  }

  @Override
  public AttachmentContent attachment(long applicationId, long attachmentId) {
    Attachment t = em.find(Attachment.class, attachmentId);
    if (t == null || t.getApplicationId() != applicationId) {
      throw new NotFoundException("no attachment " + attachmentId + " of " + applicationId);
    }
    return new AttachmentContent(
        t.getId(),
        t.getApplicationId(),
        t.getKind().name(),
        t.getFileName(),
        t.getSha256(),
        t.getContent());
  }

  @Override
  public java.util.Map<Long, io.hezuo.submission.api.ContentStamp> stamps(
      java.util.Collection<Long> applicationIds) {
    java.util.Map<Long, io.hezuo.submission.api.ContentStamp> out = new java.util.HashMap<>();
    if (applicationIds == null || applicationIds.isEmpty()) {
      return out;
    }
    for (Object[] r :
        em.createQuery(
                "select a.id, a.acceptanceNo, a.contentSha256 from Application a where a.id in :ids",
                Object[].class)
            .setParameter("ids", java.util.List.copyOf(applicationIds))
            .getResultList()) {
      out.put(
          (Long) r[0],
          new io.hezuo.submission.api.ContentStamp((Long) r[0], (String) r[1], (String) r[2]));
    }
    return out;
  }

  @Override
  public java.util.Map<Long, io.hezuo.submission.api.ApplicationTexts> texts(
      java.util.Collection<Long> applicationIds) {
    java.util.Map<Long, io.hezuo.submission.api.ApplicationTexts> out = new java.util.HashMap<>();
    if (applicationIds == null || applicationIds.isEmpty()) {
      return out;
    }
    java.util.List<Long> ids = java.util.List.copyOf(applicationIds);
    for (int from = 0; from < ids.size(); from += 500) {
      for (Object[] r :
          em.createQuery(
                  "select a.id, a.acceptanceNo, a.titleZh, a.textBasis, a.textContent,"
                      + " a.textRoute, a.textCooperation, a.textOutcomes, a.textIndicators"
                      + " from Application a where a.id in :ids",
                  Object[].class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
              .getResultList()) {
        out.put(
            (Long) r[0],
            new io.hezuo.submission.api.ApplicationTexts(
                (Long) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7],
                (String) r[8]));
      }
    }
    return out;
  }

  @Override
  public java.util.List<io.hezuo.submission.api.PiDocument> piDocuments(
      long callId, java.util.Collection<ApplicationStatus> statuses) {
    if (statuses == null || statuses.isEmpty()) {
      return java.util.List.of();
    }
    return em
        .createQuery(
            "select a.id, a.acceptanceNo, a.lineCode, a.status, a.piIdType, a.piIdNumber, a.piName"
                + " from Application a where a.callId = :c and a.status in :s order by a.id",
            Object[].class)
        .setParameter("c", callId)
        .setParameter("s", java.util.List.copyOf(statuses))
        .getResultList()
        .stream()
        .map(
            r ->
                new io.hezuo.submission.api.PiDocument(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((ApplicationStatus) r[3]).name(),
                    (String) r[4],
                    (String) r[5],
                    (String) r[6]))
        .toList();
  }

  @Override
  public java.util.List<io.hezuo.submission.api.ApplicationPeople> people(
      Long callId, java.util.Collection<ApplicationStatus> statuses) {
    if (statuses == null || statuses.isEmpty()) {
      return java.util.List.of();
    }
    java.util.List<String> names = statuses.stream().map(Enum::name).toList();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      in.append(i == 0 ? "?" : ", ?");
    }
    jakarta.persistence.Query q =
        em.createNativeQuery(
            "select id, call_id, line_code, status, acceptance_no, title_zh, title_en,"
                + " field_code, organisation_id, pi_id_number, pi_name, discipline_code"
                + " from sub_application"
                + " where status in ("
                + in
                + ")"
                + (callId == null ? "" : " and call_id = ?")
                + " order by id");
    for (int i = 0; i < names.size(); i++) {
      q.setParameter(i + 1, names.get(i));
    }
    if (callId != null) {
      q.setParameter(names.size() + 1, callId);
    }
    java.util.List<Object[]> apps = new java.util.ArrayList<>();
    for (Object o : q.getResultList()) {
      apps.add((Object[]) o);
    }
    java.util.Map<Long, java.util.List<String>> partners = new java.util.HashMap<>();
    java.util.Map<Long, java.util.List<io.hezuo.submission.api.TeamMemberForm>> team =
        new java.util.HashMap<>();
    java.util.List<Long> ids = apps.stream().map(r -> ((Number) r[0]).longValue()).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      java.util.List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      jakarta.persistence.Query p =
          em.createNativeQuery(
              "select application_id, name from sub_domestic_partner where application_id in ("
                  + marks
                  + ") order by application_id, position");
      jakarta.persistence.Query t =
          em.createNativeQuery(
              "select application_id, name, id_type, id_number, unit, role, months from"
                  + " sub_team_member where application_id in ("
                  + marks
                  + ") order by application_id, position");
      for (int i = 0; i < chunk.size(); i++) {
        p.setParameter(i + 1, chunk.get(i));
        t.setParameter(i + 1, chunk.get(i));
      }
      for (Object o : p.getResultList()) {
        Object[] r = (Object[]) o;
        partners
            .computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.ArrayList<>())
            .add((String) r[1]);
      }
      for (Object o : t.getResultList()) {
        Object[] r = (Object[]) o;
        team.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.ArrayList<>())
            .add(
                new io.hezuo.submission.api.TeamMemberForm(
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    r[6] == null ? null : ((Number) r[6]).intValue()));
      }
    }
    java.util.List<io.hezuo.submission.api.ApplicationPeople> out = new java.util.ArrayList<>();
    for (Object[] r : apps) {
      long id = ((Number) r[0]).longValue();
      out.add(
          new io.hezuo.submission.api.ApplicationPeople(
              id,
              ((Number) r[1]).longValue(),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7],
              (String) r[11],
              ((Number) r[8]).longValue(),
              (String) r[9],
              (String) r[10],
              partners.getOrDefault(id, java.util.List.of()),
              team.getOrDefault(id, java.util.List.of())));
    }
    return out;
  }

  @Override
  public java.util.List<io.hezuo.submission.api.ApplicationRow> rows(
      java.util.Collection<Long> applicationIds) {
    return search.rows(applicationIds);
  }

  @Override
  public java.util.Map<Long, java.time.Instant> submissionExtensions(long callId) {
    java.util.Map<Long, java.time.Instant> out = new java.util.HashMap<>();
    em.createQuery(
            "select e from Extension e where e.callId = :c",
            io.hezuo.submission.domain.Extension.class)
        .setParameter("c", callId)
        .getResultList()
        .forEach(
            e -> out.merge(e.getOrganisationId(), e.getUntil(), (x, y) -> x.isAfter(y) ? x : y));
    return out;
  }

  /** The rules the formal review re-runs itself or no longer applies: G2 (the round) and D1. */
  private static final java.util.Set<String> NOT_FOR_REVIEW = java.util.Set.of("D1", "G2");

  @Override
  public java.util.List<io.hezuo.submission.api.ReviewFinding> reviewFindings(long applicationId) {
    Application a = apps.find(applicationId);
    io.hezuo.call.api.CallView call = calls.find(a.getCallId()).orElseThrow();
    io.hezuo.call.api.LineView line = call.line(a.getLineCode()).orElseThrow();
    return io.hezuo.submission.domain.SubmissionRules.check(a, line, apps.facts(a, call, line))
        .stream()
        .filter(v -> !NOT_FOR_REVIEW.contains(v.ruleId()))
        .map(io.hezuo.submission.api.ReviewFinding::of)
        .toList();
  }

  @Override
  @Transactional
  public ApplicationView markRecommended(long applicationId, Actor actor, String reason) {
    return told(
        move(applicationId, actor, reason, "recommend", (a, now) -> a.markRecommended(now)),
        "submission.notice.recommended",
        reason);
  }

  @Override
  @Transactional
  public ApplicationView markNotRecommended(long applicationId, Actor actor, String reason) {
    return told(
        move(
            applicationId,
            actor,
            reason,
            "not-recommend",
            (a, now) -> a.markNotRecommended(now, reason)),
        "submission.notice.notRecommended",
        reason);
  }

  @Override
  @Transactional
  public ApplicationView returnByRecommender(long applicationId, Actor actor, String reason) {
    return told(
        move(
            applicationId,
            actor,
            reason,
            "return-by-recommender",
            (a, now) -> a.returnByRecommender(apps.deadlines(a), now, reason)),
        "submission.notice.returnedByRecommender",
        reason);
  }

  @Override
  @Transactional
  public ApplicationView reconsider(long applicationId, Actor actor, String reason) {
    return told(
        move(applicationId, actor, reason, "reconsider", (a, now) -> a.reconsider(now)),
        "submission.notice.reconsidered",
        reason);
  }

  @Override
  @Transactional
  public ApplicationView markFormallyPassed(long applicationId, Actor actor, String reason) {
    return told(
        move(applicationId, actor, reason, "formal-pass", (a, now) -> a.markFormallyPassed(now)),
        "submission.notice.formalPassed",
        reason);
  }

  @Override
  @Transactional
  public ApplicationView markFormallyFailed(long applicationId, Actor actor, String reason) {
    return told(
        move(
            applicationId,
            actor,
            reason,
            "formal-fail",
            (a, now) -> a.markFormallyFailed(now, reason)),
        "submission.notice.formalFailed",
        reason);
  }

  @Override
  @Transactional
  public ApplicationView markApproved(long applicationId, Actor actor, String reason) {
    return move(applicationId, actor, reason, "project-approve", (a, now) -> a.markApproved(now));
  }

  @Override
  @Transactional
  public ApplicationView markNotApproved(long applicationId, Actor actor, String reason) {
    return move(
        applicationId,
        actor,
        reason,
        "project-not-approve",
        (a, now) -> a.markNotApproved(now, reason));
  }

  /**
   * Tells the PI and the applying unit's admins of a recommender's or formal reviewer's decision,
   * in the app and by e-mail, in the decision's transaction (the e-mail is sent after commit; a
   * mail server that is down never undoes the decision).
   */
  private ApplicationView told(ApplicationView moved, String key, String reason) {
    Application a = apps.find(moved.id());
    String why = reason == null ? "" : reason.trim();
    messages.tellPi(a, key, a.getAcceptanceNo(), why);
    messages.tellUnit(a, key, a.getAcceptanceNo(), why);
    return moved;
  }

  /**
   * Locks the row (two reviewers cannot both move it), lets the domain check and make the move,
   * audits it and tells observers.
   */
  private ApplicationView move(
      long id,
      Actor actor,
      String reason,
      String action,
      BiConsumer<Application, Instant> transition) {
    if (actor == null) {
      throw new IllegalArgumentException("a move needs its actor");
    }
    Application a = apps.find(id);
    em.lock(a, LockModeType.PESSIMISTIC_WRITE);
    ApplicationStatus from = a.getStatus();
    String why = reason == null || reason.isBlank() ? null : reason.trim();
    transition.accept(a, clock.instant());
    em.flush();
    audit.record(
        new AuditEntry(
            actor.username(),
            actor.role(),
            Applications.ENTITY,
            String.valueOf(a.getId()),
            action,
            from.name(),
            a.getStatus().name(),
            why));
    apps.statusChanged(a, from, actor.username(), why);
    return apps.view(a);
  }
}
