package io.hezuo.formalreview.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.Category;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.PartnerView;
import io.hezuo.call.api.PlatformHostView;
import io.hezuo.call.api.PlatformKind;
import io.hezuo.call.api.PlatformView;
import io.hezuo.directory.api.WhiteList;
import io.hezuo.formalreview.domain.Checklist;
import io.hezuo.formalreview.domain.DualSubmission;
import io.hezuo.formalreview.domain.FormChecks;
import io.hezuo.formalreview.domain.FormFinding;
import io.hezuo.formalreview.domain.LineKind;
import io.hezuo.formalreview.domain.PlatformField;
import io.hezuo.formalreview.domain.PlatformLimit;
import io.hezuo.formalreview.domain.RecommendationChecks;
import io.hezuo.formalreview.domain.RuleCheck;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.recommendation.api.RecommendationRecord;
import io.hezuo.recommendation.api.RecommendationRecords;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.api.PiDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One application's full checklist at formal review: the submission rules re-run through the
 * submission facade (completeness, G1, G4 … G7 and the form's own rules, as {@link FormChecks}),
 * the platform's field beside the project's ({@link PlatformField}), G2 over the round ({@link
 * RoundG2}), G3 within the round ({@link RoundSimilarity}), G8's dual submission ({@link
 * DualSubmission}), G9's platform limits across the round ({@link PlatformLimit}), and the
 * recommendation's R1, R2 and D1 ({@link RecommendationChecks}). The round's members and ID
 * documents are read once, the application once, the call's recommendation records and deadline
 * extensions once ({@link Facts}), and for G9 only the other applications of the same A2 line. For
 * formal reviewers and officers only; an application outside the current call's round is not found.
 */
@ApplicationScoped
public class RoundChecklist {

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject WhiteList whiteList;
  @Inject RoundG2 g2;
  @Inject RoundSimilarity g3;
  @Inject RecommendationRecords recommendations;
  @Inject Clock clock;

  /**
   * What R1, R2 and D1 read of the whole call, once for many applications: the recommendation
   * records by application id and the submission deadline extensions by applying unit.
   */
  record Facts(Map<Long, RecommendationRecord> records, Map<Long, Instant> extensions) {

    /**
     * What R1, R2 and D1 of one application depend on at {@code now} (part of a run's inputs: a
     * change recomputes it): its recommendation, whether its round's deadline has passed, and the
     * call's extensions (rare: one recomputes every application).
     */
    String signature(long applicationId, Instant now) {
      RecommendationRecord r = records.get(applicationId);
      return (r == null ? "-" : r.signature() + "/" + now.isBefore(r.roundClosesAt()))
          + "|"
          + new java.util.TreeMap<>(extensions);
    }
  }

  /** The call's {@link Facts}. */
  Facts facts(CallView call) {
    return new Facts(
        recommendations.recommended(call.id()), applications.submissionExtensions(call.id()));
  }

  /** An application's checklist with what identifies the application. */
  public record Result(
      long applicationId,
      String acceptanceNo,
      String lineCode,
      String titleZh,
      String status,
      Checklist checklist)
      implements Serializable {}

  /** The checklist of one application of the current call's round. */
  public Result of(long applicationId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    CallView call = calls.current().orElseThrow(() -> new NotFoundException("no published call"));
    List<PiDocument> round = applications.piDocuments(call.id(), RoundG2.ROUND);
    if (round.stream().noneMatch(d -> d.applicationId() == applicationId)) {
      throw new NotFoundException("not in the round: " + applicationId);
    }
    return build(
        call,
        round,
        applicationId,
        g2.of(call, round, applicationId),
        g3.of(call, round.stream().map(PiDocument::applicationId).toList(), applicationId),
        facts(call));
  }

  /**
   * The checklist of one application of {@code round} with its G2 and G3 results as given (the
   * batch run computes them for a chunk at once; it has no signed-in caller: the run checked the
   * role when it started).
   */
  Result build(
      CallView call,
      List<PiDocument> round,
      long applicationId,
      RuleCheck g2check,
      RuleCheck g3check,
      Facts facts) {
    ApplicationView v = applications.read(applicationId);
    LineView line =
        call.line(v.lineCode()).orElseThrow(() -> new NotFoundException("no line " + v.lineCode()));
    LineKind kind =
        new LineKind(
            line.code(),
            line.groupCode(),
            line.category() == Category.INTERNATIONAL,
            line.whiteListExempt());
    List<FormFinding> findings =
        applications.reviewFindings(applicationId).stream()
            .map(
                f ->
                    new FormFinding(
                        f.ruleId(),
                        f.isError(),
                        f.field(),
                        f.message(Messages.CHINESE),
                        f.message(Messages.ENGLISH)))
            .toList();
    ApplicationForm form = v.form();
    LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.SHANGHAI);

    List<RuleCheck> checks = new ArrayList<>(FormChecks.of(kind, findings, attached(v)));
    checks.add(PlatformField.check(kind, basePlatform(v), projectField(form, line)));
    if (g2check != null) {
      checks.add(g2check);
    }
    if (g3check != null) {
      checks.add(g3check);
    }
    checks.add(
        DualSubmission.check(
            kind,
            partner(line, form.partnerCode()),
            form.foreignReference(),
            form.foreignDate(),
            today,
            only(findings, "G8")));
    checks.add(g9(call, line, kind, v, round, only(findings, "G9")));
    RecommendationChecks.Recommendation rec = recommendation(facts.records().get(applicationId));
    checks.add(RecommendationChecks.r1(rec));
    checks.add(RecommendationChecks.r2(rec, clock.instant()));
    checks.add(
        RecommendationChecks.d1(
            v.submittedAt(),
            call.submissionClosesAt(),
            facts.extensions().get(v.organisationId()),
            rec));
    return new Result(
        applicationId,
        v.acceptanceNo(),
        v.lineCode(),
        form.titleZh(),
        v.status(),
        Checklist.ordered(applicationId, checks));
  }

  private static RecommendationChecks.Recommendation recommendation(RecommendationRecord r) {
    if (r == null) {
      return null;
    }
    return new RecommendationChecks.Recommendation(
        r.rankGroup(),
        r.rank(),
        r.decidedAt(),
        "SUBMITTED".equals(r.roundStatus()),
        r.roundSubmittedAt(),
        r.roundClosesAt(),
        r.quota() == null ? null : r.quota().places(),
        r.quota() == null ? 0 : r.quota().used(),
        r.documents().stream()
            .map(
                d ->
                    new RecommendationChecks.Document(
                        d.kind(), d.fileName(), d.uploadedAt(), d.valid(), d.voidReason()))
            .toList());
  }

  /** The attachments present, with their kinds' labels in both languages (never their bytes). */
  private static List<FormChecks.Attached> attached(ApplicationView v) {
    return v.attachments().stream()
        .map(
            a -> {
              String key = "submission.kind." + a.kind();
              boolean known = Messages.exists(key);
              return new FormChecks.Attached(
                  a.kind(),
                  known ? Messages.get(Messages.CHINESE, key) : a.kind(),
                  known ? Messages.get(Messages.ENGLISH, key) : a.kind(),
                  a.fileName(),
                  a.pages());
            })
        .toList();
  }

  /** The white-listed platform base the application names, if it is one of its unit's. */
  private PlatformField.Platform basePlatform(ApplicationView v) {
    Long chosen = v.form().basePlatformId();
    if (chosen == null) {
      return null;
    }
    return whiteList.platformsOfUnit(v.organisationId()).stream()
        .filter(p -> p.id() == chosen)
        .findFirst()
        .map(p -> new PlatformField.Platform(p.name(), p.fields()))
        .orElse(null);
  }

  /** The project's field: A3's field of cooperation, or a B line's topic; null for none. */
  private static PlatformField.ProjectField projectField(ApplicationForm form, LineView line) {
    if (form.fieldCode() != null) {
      var field = line.fields().stream().filter(f -> f.code().equals(form.fieldCode())).findFirst();
      if (field.isPresent()) {
        return new PlatformField.ProjectField(
            PlatformField.Kind.FIELD, field.get().name().zh(), field.get().name().en());
      }
    }
    if (form.topicCode() != null) {
      var topic = line.topic(form.topicCode());
      if (topic.isPresent()) {
        return new PlatformField.ProjectField(
            PlatformField.Kind.TOPIC, topic.get().name().zh(), topic.get().name().en());
      }
    }
    return null;
  }

  private static DualSubmission.Partner partner(LineView line, String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return line.partner(code)
        .map(
            (PartnerView p) ->
                new DualSubmission.Partner(
                    p.name().zh(),
                    p.name().en(),
                    p.agency() == null ? null : p.agency().zh(),
                    p.agency() == null ? null : p.agency().en(),
                    p.foreignDeadline(),
                    p.foreignDeadlineToBeAnnounced(),
                    p.isDual()))
        .orElse(null);
  }

  /**
   * G9 across the round: the A2 applications of the same line (read only for an A2 application),
   * each taking its platform's place, or its carrier's for a kind of carriers (the applying unit's
   * carrier as the officer recorded the hosts, as recommendation counts it).
   */
  private RuleCheck g9(
      CallView call,
      LineView line,
      LineKind kind,
      ApplicationView self,
      List<PiDocument> round,
      List<FormFinding> findings) {
    if (!kind.isA2() || blank(self.form().platformCode())) {
      return PlatformLimit.check(kind, null, List.of(), findings);
    }
    List<PlatformHostView> hosts = calls.platformHosts(call.id(), line.code());
    List<PlatformLimit.Claim> claims = new ArrayList<>();
    for (PiDocument d : round) {
      if (!line.code().equals(d.lineCode())) {
        continue;
      }
      ApplicationView a =
          d.applicationId() == self.id() ? self : applications.read(d.applicationId());
      claim(line, hosts, a).ifPresent(claims::add);
    }
    Map<Long, List<PlatformLimit.Claim>> over = PlatformLimit.over(claims);
    PlatformLimit.Claim mine =
        claims.stream().filter(c -> c.applicationId() == self.id()).findFirst().orElse(null);
    return PlatformLimit.check(kind, mine, over.getOrDefault(self.id(), List.of()), findings);
  }

  private static java.util.Optional<PlatformLimit.Claim> claim(
      LineView line, List<PlatformHostView> hosts, ApplicationView a) {
    String code = a.form().platformCode();
    if (blank(code)) {
      return java.util.Optional.empty();
    }
    return line.platform(code)
        .map(
            (PlatformView p) -> {
              String carrier = null;
              if (p.kind() == PlatformKind.CARRIER_KIND) {
                carrier =
                    hosts.stream()
                        .filter(
                            h ->
                                code.equals(h.platformCode())
                                    && h.organisationId() == a.organisationId())
                        .map(PlatformHostView::carrierName)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(String.valueOf(a.organisationId()));
              }
              return new PlatformLimit.Claim(
                  a.id(),
                  a.acceptanceNo(),
                  line.code(),
                  code,
                  carrier,
                  p.name().zh(),
                  p.name().en(),
                  p.applicationLimit());
            });
  }

  private static List<FormFinding> only(List<FormFinding> findings, String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
