package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.rule.StaleEditException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.Blinding;
import io.hezuo.scoring.domain.ScoreSheet;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.api.TeamMemberForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An expert's own work (issue 13): the applications assigned to the signed-in expert, each opened
 * with its score sheet; drafts saved (autosave), submitted once (then read-only), or a conflict
 * declared (the application goes back to the officer for reassignment).
 *
 * <p>An expert reaches only assignments of their own that are neither removed nor declared in
 * conflict: anything else is "not found", so that guessing ids tells nothing. Where the call's
 * review is blind, what the expert reads (the sections, the team, the PDF) has the applicant's
 * names, units and ID numbers removed ({@link Blinding}). Deadlines are judged here, on the
 * server's clock.
 */
@ApplicationScoped
public class ExpertWork {

  /** Statuses of an assignment the expert sees. */
  static final List<String> VISIBLE = List.of("ASSIGNED", "DRAFT", "SUBMITTED");

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject AccountDirectory directory;
  @Inject ScoreSheets sheets;
  @Inject ReviewSettings settings;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The call's review window and whether it is blind (defaults when the officer set none). */
  public record Window(Instant opensAt, Instant closesAt, boolean blind) implements Serializable {

    /** Whether a sheet can be saved or submitted at {@code now}. */
    public boolean open(Instant now) {
      return (opensAt == null || !now.isBefore(opensAt))
          && (closesAt == null || now.isBefore(closesAt));
    }
  }

  /** One of my assignments, as my list shows it. */
  public record Mine(
      long id,
      long applicationId,
      String acceptanceNo,
      String title,
      String lineCode,
      String lineNameZh,
      String lineNameEn,
      String status,
      BigDecimal total,
      Instant savedAt,
      Instant submittedAt,
      Instant closesAt,
      boolean overdue)
      implements Serializable {}

  /** A team member as the expert reads them (never an ID number; blind: no name nor unit). */
  public record Member(String name, String unit, String role, Integer months)
      implements Serializable {}

  /** The application as the expert reads it (blind: identity removed). */
  public record Dossier(
      String acceptanceNo,
      String titleZh,
      String titleEn,
      String lineNameZh,
      String lineNameEn,
      String fieldNameZh,
      String fieldNameEn,
      String disciplineZh,
      String disciplineEn,
      String piName,
      String applyingUnit,
      String partnerName,
      String partnerCountry,
      String startMonth,
      String endMonth,
      String subsidy,
      String selfFunds,
      List<Member> team,
      List<String> domesticPartners,
      String basis,
      String content,
      String route,
      String cooperation,
      String outcomes,
      String indicators)
      implements Serializable {}

  /** One assignment opened: the application, the line's sheet and what I entered so far. */
  public record Work(
      Mine assignment,
      Dossier dossier,
      ScoreSheet sheet,
      Map<String, BigDecimal> scores,
      String comment,
      ScoreSheet.Verdict verdict,
      ScoreSheet.Total total,
      long version,
      boolean editable,
      Window window)
      implements Serializable {}

  /** What the expert entered: scores by criterion code (missing: not scored yet). */
  public record Entry(
      Map<String, BigDecimal> scores, String comment, ScoreSheet.Verdict verdict, long version)
      implements Serializable {

    public Entry {
      scores = scores == null ? Map.of() : new LinkedHashMap<>(scores);
    }
  }

  /** My assignments in the current call (experts), newest deadline first, then by number. */
  public List<Mine> mine() {
    caller.require(Role.EXPERT);
    CallView call = call();
    Window w = window(call.id());
    Instant now = clock.instant();
    List<Object[]> rows =
        rows(
            "select a.id, a.application_id, a.line_code, a.status, a.total, a.saved_at,"
                + " a.submitted_at from sc_assignment a join sc_expert e on e.id = a.expert_id"
                + " where e.username = ? and e.active and a.call_id = ? and a.status in"
                + " ('ASSIGNED', 'DRAFT', 'SUBMITTED') order by a.id",
            caller.name(),
            call.id());
    List<Long> ids = rows.stream().map(r -> ((Number) r[1]).longValue()).toList();
    Map<Long, io.hezuo.submission.api.ApplicationTexts> texts = applications.texts(ids);
    List<Mine> out = new ArrayList<>();
    for (Object[] r : rows) {
      long appId = ((Number) r[1]).longValue();
      io.hezuo.submission.api.ApplicationTexts t = texts.get(appId);
      out.add(
          mine(call, w, now, r, t == null ? "" : t.acceptanceNo(), t == null ? "" : t.titleZh()));
    }
    return out;
  }

  /** One of my assignments opened (experts); anyone else's, or a removed one, is not found. */
  public Work open(long assignmentId) {
    caller.require(Role.EXPERT);
    CallView call = call();
    Object[] r = mineRow(assignmentId, call.id());
    Window w = window(call.id());
    long appId = ((Number) r[1]).longValue();
    ApplicationView a = applications.read(appId);
    LineView line = call.line(a.lineCode()).orElseThrow();
    UnaryOperator<String> redact = redactor(a, w.blind());
    Dossier d = dossier(a, line, w.blind(), redact);
    Mine m = mine(call, w, clock.instant(), r, a.acceptanceNo(), d.titleZh());
    ScoreSheet sheet = sheets.of(a.lineCode()).sheet();
    Map<String, BigDecimal> scores = parse((String) r[7]);
    String verdict = (String) r[9];
    return new Work(
        m,
        d,
        sheet,
        scores,
        (String) r[8],
        verdict == null ? null : ScoreSheet.Verdict.valueOf(verdict),
        sheet.total(scores),
        ((Number) r[10]).longValue(),
        !"SUBMITTED".equals(m.status()) && w.open(clock.instant()),
        w);
  }

  /** The application's PDF as the expert may read it (blind: identity removed). */
  public byte[] pdf(long assignmentId) {
    caller.require(Role.EXPERT);
    CallView call = call();
    Object[] r = mineRow(assignmentId, call.id());
    long appId = ((Number) r[1]).longValue();
    ApplicationView a = applications.read(appId);
    return applications.pdf(appId, redactor(a, window(call.id()).blind()));
  }

  /**
   * Saves a draft (the autosave): each score given must be on its criterion's scale; nothing is
   * required yet. Refused once submitted, outside the review window, or when the sheet changed
   * since {@code entry.version} (another tab): nothing saved then.
   */
  @Transactional
  public Work save(long assignmentId, Entry entry) {
    caller.require(Role.EXPERT);
    CallView call = call();
    Object[] r = mineRow(assignmentId, call.id());
    ScoreSheet sheet = sheets.of((String) r[2]).sheet();
    List<RuleViolation> problems = new ArrayList<>(writable(call, r, entry.version()));
    problems.addAll(sheet.check(entry.scores(), entry.comment(), entry.verdict(), false));
    problems.addAll(commentLength(entry.comment()));
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    ScoreSheet.Total total = sheet.total(entry.scores());
    String from = (String) r[3];
    write(assignmentId, entry, "DRAFT", total, entry.version(), false);
    record(
        assignmentId,
        "sheet-save",
        from + " " + summary(parse((String) r[7]), r[9]),
        "DRAFT " + summary(entry.scores(), entry.verdict()),
        null);
    return open(assignmentId);
  }

  /**
   * Submits the sheet: every criterion scored on its scale, the comment and the verdict given;
   * within the review window. Then it is read-only (an officer may reopen it with a reason).
   */
  @Transactional
  public Work submit(long assignmentId, Entry entry) {
    caller.require(Role.EXPERT);
    CallView call = call();
    Object[] r = mineRow(assignmentId, call.id());
    ScoreSheet sheet = sheets.of((String) r[2]).sheet();
    List<RuleViolation> problems = new ArrayList<>(writable(call, r, entry.version()));
    problems.addAll(sheet.check(entry.scores(), entry.comment(), entry.verdict(), true));
    problems.addAll(commentLength(entry.comment()));
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    ScoreSheet.Total total = sheet.total(entry.scores());
    write(assignmentId, entry, "SUBMITTED", total, entry.version(), true);
    record(
        assignmentId,
        "sheet-submit",
        (String) r[3],
        "SUBMITTED " + total.value() + " " + summary(entry.scores(), entry.verdict()),
        null);
    return open(assignmentId);
  }

  /**
   * Declares a conflict of interest on an assigned application (a reason required): the expert no
   * longer sees it, it is never assigned to them again, and it goes back to the officer for
   * reassignment. Not once the sheet is submitted (the officer can reopen it first).
   */
  @Transactional
  public void declareConflict(long assignmentId, String reason) {
    caller.require(Role.EXPERT);
    CallView call = call();
    Object[] r = mineRow(assignmentId, call.id());
    List<RuleViolation> problems = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      problems.add(RuleViolation.error("F-REQ", "conflictReason", "scoring.conflict.reason"));
    } else if (reason.strip().length() > 500) {
      problems.add(RuleViolation.error("F-LEN", "conflictReason", "scoring.conflict.long", 500));
    }
    if ("SUBMITTED".equals(r[3])) {
      problems.add(RuleViolation.error("F-STATE", null, "scoring.conflict.submitted"));
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    long expertId = ((Number) r[11]).longValue();
    long appId = ((Number) r[1]).longValue();
    Timestamp now = Timestamp.from(clock.instant());
    em.createNativeQuery(
            "insert into sc_declared_conflict (expert_id, application_id, reason, declared_at)"
                + " values (?, ?, ?, ?) on duplicate key update reason = values(reason),"
                + " declared_at = values(declared_at)")
        .setParameter(1, expertId)
        .setParameter(2, appId)
        .setParameter(3, reason.strip())
        .setParameter(4, now)
        .executeUpdate();
    int changed =
        em.createNativeQuery(
                "update sc_assignment set status = 'CONFLICT', version = version + 1 where id = ?"
                    + " and status in ('ASSIGNED', 'DRAFT')")
            .setParameter(1, assignmentId)
            .executeUpdate();
    if (changed != 1) {
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "scoring.work.stale"));
    }
    record(assignmentId, "conflict-declare", (String) r[3], "CONFLICT", reason.strip());
  }

  /** My reviews to finish and submitted, with the deadline (the home page; one query). */
  public io.hezuo.scoring.api.ExpertPending expertPending() {
    caller.require(Role.EXPERT);
    CallView call = calls.current().orElse(null);
    if (call == null) {
      return new io.hezuo.scoring.api.ExpertPending(0, 0, null, false);
    }
    Object[] r =
        rows(
                "select coalesce(sum(a.status in ('ASSIGNED', 'DRAFT')), 0),"
                    + " coalesce(sum(a.status = 'SUBMITTED'), 0) from sc_assignment a join"
                    + " sc_expert e on e.id = a.expert_id where e.username = ? and e.active and"
                    + " a.call_id = ?",
                caller.name(),
                call.id())
            .get(0);
    Window w = window(call.id());
    return new io.hezuo.scoring.api.ExpertPending(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        w.closesAt(),
        w.closesAt() != null && !clock.instant().isBefore(w.closesAt()));
  }

  /** The review window of a call and whether it is blind, as {@link ReviewSettings} keeps them. */
  public Window window(long callId) {
    ReviewSettings.Review r = settings.of(callId);
    return new Window(r.opensAt(), r.closesAt(), r.blind());
  }

  // ---------------------------------------------------------------------------------------------

  private List<RuleViolation> writable(CallView call, Object[] r, long version) {
    List<RuleViolation> v = new ArrayList<>();
    if ("SUBMITTED".equals(r[3])) {
      v.add(RuleViolation.error("F-STATE", null, "scoring.work.submitted"));
      return v;
    }
    Window w = window(call.id());
    Instant now = clock.instant();
    if (w.opensAt() != null && now.isBefore(w.opensAt())) {
      v.add(
          RuleViolation.error(
              "F-WINDOW",
              null,
              "scoring.work.notOpen",
              io.hezuo.kernel.time.Zones.format(w.opensAt())));
    } else if (w.closesAt() != null && !now.isBefore(w.closesAt())) {
      v.add(
          RuleViolation.error(
              "F-DEADLINE",
              null,
              "scoring.work.closed",
              io.hezuo.kernel.time.Zones.format(w.closesAt())));
    }
    if (v.isEmpty() && ((Number) r[10]).longValue() != version) {
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "scoring.work.stale"));
    }
    return v;
  }

  private static List<RuleViolation> commentLength(String comment) {
    if (comment != null && comment.length() > 5000) {
      return List.of(RuleViolation.error("F-LEN", "comment", "scoring.comment.long", 5000));
    }
    return List.of();
  }

  private void write(
      long id, Entry e, String status, ScoreSheet.Total total, long version, boolean submit) {
    Timestamp now = Timestamp.from(clock.instant());
    int changed =
        em.createNativeQuery(
                "update sc_assignment set scores = ?, comment = ?, verdict = ?, total = ?,"
                    + " status = ?, saved_at = ?, submitted_at = ?, version = version + 1"
                    + " where id = ? and version = ? and status in ('ASSIGNED', 'DRAFT')")
            .setParameter(1, json(e.scores()))
            .setParameter(2, e.comment() == null ? null : e.comment().strip())
            .setParameter(3, e.verdict() == null ? null : e.verdict().name())
            .setParameter(4, total.value())
            .setParameter(5, status)
            .setParameter(6, now)
            .setParameter(7, submit ? now : null)
            .setParameter(8, id)
            .setParameter(9, version)
            .executeUpdate();
    if (changed != 1) {
      throw new StaleEditException(RuleViolation.error("F-STALE", null, "scoring.work.stale"));
    }
  }

  private void record(long id, String action, String from, String to, String why) {
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.EXPERT.name(),
            "Assignment",
            String.valueOf(id),
            action,
            from,
            to,
            why));
  }

  /**
   * My assignment's row: id, application, line, status, total, saved, submitted, scores, comment,
   * verdict, version, expert. Not mine, removed, in conflict, of another call, or my account
   * deactivated: not found.
   */
  private Object[] mineRow(long assignmentId, long callId) {
    List<Object[]> rows =
        rows(
            "select a.id, a.application_id, a.line_code, a.status, a.total, a.saved_at,"
                + " a.submitted_at, a.scores, a.comment, a.verdict, a.version, a.expert_id"
                + " from sc_assignment a join sc_expert e on e.id = a.expert_id where a.id = ?"
                + " and e.username = ? and e.active and a.call_id = ? and a.status in"
                + " ('ASSIGNED', 'DRAFT', 'SUBMITTED')",
            assignmentId,
            caller.name(),
            callId);
    if (rows.isEmpty()) {
      throw new NotFoundException("no assignment " + assignmentId + " for you");
    }
    return rows.get(0);
  }

  private Mine mine(CallView call, Window w, Instant now, Object[] r, String no, String title) {
    String code = (String) r[2];
    LineView line = call.line(code).orElse(null);
    String status = (String) r[3];
    return new Mine(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        no,
        title,
        code,
        line == null ? code : line.name().zh(),
        line == null ? code : line.name().en(),
        status,
        (BigDecimal) r[4],
        Times.instant(r[5]),
        Times.instant(r[6]),
        w.closesAt(),
        !"SUBMITTED".equals(status) && w.closesAt() != null && !now.isBefore(w.closesAt()));
  }

  /**
   * What identifies the applicant in an application: the PI's and the team's names and units, the
   * applying unit, the domestic partners (and, by their shape, ID numbers, credit codes, phones and
   * e-mail addresses). Identity when the review is not blind.
   */
  UnaryOperator<String> redactor(ApplicationView a, boolean blind) {
    if (!blind) {
      return UnaryOperator.identity();
    }
    Set<String> terms = new LinkedHashSet<>();
    terms.add(a.piName());
    directory.organisation(a.organisationId()).map(OrganisationView::name).ifPresent(terms::add);
    ApplicationForm f = a.form();
    for (TeamMemberForm m : f.team() == null ? List.<TeamMemberForm>of() : f.team()) {
      terms.add(m.name());
      terms.add(m.unit());
      terms.add(m.idNumber());
    }
    if (f.domesticPartners() != null) {
      terms.addAll(f.domesticPartners());
    }
    terms.removeIf(t -> t == null || t.isBlank());
    List<String> list = List.copyOf(terms);
    return t -> Blinding.redact(t, list);
  }

  private Dossier dossier(
      ApplicationView a, LineView line, boolean blind, UnaryOperator<String> x) {
    ApplicationForm f = a.form();
    String unit = directory.organisation(a.organisationId()).map(OrganisationView::name).orElse("");
    String fieldZh = null;
    String fieldEn = null;
    for (var fv : line.fields()) {
      if (fv.code().equals(f.fieldCode())) {
        fieldZh = fv.name().zh();
        fieldEn = fv.name().en();
      }
    }
    var discipline = calls.discipline(f.disciplineCode());
    List<Member> team = new ArrayList<>();
    for (TeamMemberForm m : f.team() == null ? List.<TeamMemberForm>of() : f.team()) {
      team.add(
          new Member(
              blind ? Blinding.MASK : m.name(),
              blind ? Blinding.MASK : m.unit(),
              x.apply(m.role()),
              m.months()));
    }
    List<String> domestic =
        f.domesticPartners() == null
            ? List.of()
            : f.domesticPartners().stream().map(p -> blind ? Blinding.MASK : p).toList();
    return new Dossier(
        a.acceptanceNo(),
        x.apply(f.titleZh()),
        x.apply(f.titleEn()),
        line.name().zh(),
        line.name().en(),
        fieldZh,
        fieldEn,
        discipline.map(d -> d.label(java.util.Locale.CHINESE)).orElse(f.disciplineCode()),
        discipline.map(d -> d.label(java.util.Locale.ENGLISH)).orElse(f.disciplineCode()),
        blind ? Blinding.MASK : a.piName(),
        blind ? Blinding.MASK : unit,
        x.apply(f.partnerName()),
        x.apply(f.partnerCountry()),
        f.startMonth(),
        f.endMonth(),
        f.subsidy(),
        f.selfFunds(),
        team,
        domestic,
        x.apply(f.textBasis()),
        x.apply(f.textContent()),
        x.apply(f.textRoute()),
        x.apply(f.textCooperation()),
        x.apply(f.textOutcomes()),
        x.apply(f.textIndicators()));
  }

  private CallView call() {
    return calls.current().orElseThrow(() -> new NotFoundException("no published call"));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    List<Object[]> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      out.add(o instanceof Object[] a ? a : new Object[] {o});
    }
    return out;
  }

  static Map<String, BigDecimal> parse(String json) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    JsonObject o = Json.createReader(new StringReader(json)).readObject();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (e.getValue() instanceof JsonNumber n) {
        out.put(e.getKey(), n.bigDecimalValue());
      }
    }
    return out;
  }

  static String json(Map<String, BigDecimal> scores) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    scores.forEach((k, v) -> b.add(k, v));
    return b.build().toString();
  }

  private static String summary(Map<String, BigDecimal> scores, Object verdict) {
    StringBuilder b = new StringBuilder();
    scores.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v.toPlainString()));
    if (verdict != null) {
      b.append(b.length() == 0 ? "" : "; ").append(Objects.toString(verdict));
    }
    return b.toString();
  }
}
