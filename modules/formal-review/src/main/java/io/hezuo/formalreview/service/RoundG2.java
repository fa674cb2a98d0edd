package io.hezuo.formalreview.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.directory.api.OtherPlans;
import io.hezuo.formalreview.domain.OnePiOneProject;
import io.hezuo.formalreview.domain.OnePiOneProject.Applicant;
import io.hezuo.formalreview.domain.OnePiOneProject.Listed;
import io.hezuo.formalreview.domain.RuleCheck;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.PiDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rule G2 over the current call's round (the recommended applications, and those formal review has
 * already decided): one PI, one provincial project a year, by ID document across all lines and
 * against the imported lists of other provincial plans and the provincial NSFC of the call's year.
 * For formal reviewers and officers only (ID documents and other applicants' names are personal
 * data).
 */
@ApplicationScoped
public class RoundG2 {

  /** The statuses of the round formal review checks. */
  static final List<ApplicationStatus> ROUND =
      List.of(
          ApplicationStatus.RECOMMENDED,
          ApplicationStatus.FORMAL_PASSED,
          ApplicationStatus.FORMAL_FAILED);

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject OtherPlans otherPlans;

  /** One application's G2 result with what identifies it. */
  public record Row(
      long applicationId, String acceptanceNo, String lineCode, String piName, RuleCheck check)
      implements Serializable {}

  /** G2 for every application of the current call's round, in the order of their ids. */
  public List<Row> current() {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    CallView call = calls.current().orElseThrow(() -> new NotFoundException("no published call"));
    List<PiDocument> docs = applications.piDocuments(call.id(), ROUND);
    Map<Long, PiDocument> byId =
        docs.stream().collect(Collectors.toMap(PiDocument::applicationId, Function.identity()));
    List<Applicant> round = docs.stream().map(RoundG2::applicant).toList();
    List<Row> out = new ArrayList<>();
    for (OnePiOneProject.Finding f : OnePiOneProject.check(round, a -> listed(call.year(), a))) {
      PiDocument d = byId.get(f.applicationId());
      out.add(
          new Row(
              d.applicationId(),
              d.acceptanceNo(),
              d.lineCode(),
              d.piName(),
              OnePiOneProject.asCheck(f)));
    }
    return out;
  }

  /**
   * G2 for some applications of a call's round (the batch run: no signed-in caller; the run checked
   * the role when it started), judged against the round's ID documents as the caller read them; the
   * other plans' lists looked up for these applications only.
   */
  Map<Long, RuleCheck> of(int year, List<PiDocument> docs, java.util.Collection<Long> ids) {
    java.util.Set<Long> wanted = java.util.Set.copyOf(ids);
    List<Applicant> round = docs.stream().map(RoundG2::applicant).toList();
    Map<Long, RuleCheck> out = new java.util.HashMap<>();
    for (OnePiOneProject.Finding f :
        OnePiOneProject.check(
            round, a -> wanted.contains(a.applicationId()) ? listed(year, a) : List.of())) {
      if (wanted.contains(f.applicationId())) {
        out.put(f.applicationId(), OnePiOneProject.asCheck(f));
      }
    }
    return out;
  }

  /**
   * G2 for one application of the round, with the round's ID documents as the caller read them
   * (once, for the whole checklist); only that application's PI is looked up in the other plans'
   * lists. An application not in {@code round} is not found.
   */
  public RuleCheck of(CallView call, List<PiDocument> round, long applicationId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    List<Applicant> applicants = round.stream().map(RoundG2::applicant).toList();
    return OnePiOneProject.check(
            applicants,
            a -> a.applicationId() == applicationId ? listed(call.year(), a) : List.of())
        .stream()
        .filter(f -> f.applicationId() == applicationId)
        .findFirst()
        .map(OnePiOneProject::asCheck)
        .orElseThrow(() -> new NotFoundException("not in the round: " + applicationId));
  }

  private static Applicant applicant(PiDocument d) {
    return new Applicant(
        d.applicationId(), d.acceptanceNo(), d.lineCode(), d.idType(), d.idNumber(), d.piName());
  }

  private List<Listed> listed(int year, Applicant a) {
    if (a.idType() == null || a.idNumber() == null || a.idNumber().isBlank()) {
      return List.of();
    }
    return otherPlans.find(year, a.idType(), a.idNumber()).stream()
        .map(m -> new Listed(m.planKind(), m.planName(), m.projectTitle(), m.name()))
        .toList();
  }
}
