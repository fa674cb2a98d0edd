package io.hezuo.recommendation.service;

import io.hezuo.call.api.CallView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.message.Inbox;
import io.hezuo.kernel.message.MessageDraft;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.recommendation.api.DashboardRow;
import io.hezuo.recommendation.api.DocumentView;
import io.hezuo.recommendation.api.QuotaImportReport;
import io.hezuo.recommendation.api.QuotaUse;
import io.hezuo.recommendation.domain.Decision;
import io.hezuo.recommendation.domain.DecisionKind;
import io.hezuo.recommendation.domain.Quota;
import io.hezuo.recommendation.domain.QuotaRules;
import io.hezuo.recommendation.domain.Reminder;
import io.hezuo.recommendation.domain.Round;
import io.hezuo.submission.api.ApplicationCount;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationQuery;
import io.hezuo.submission.api.ApplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The Department's side of recommendation: quotas per recommender and group (on a screen and by
 * Excel import, all or nothing), the dashboard, reopening a recommender's round (D1) and reminders.
 */
@ApplicationScoped
public class QuotaAdmin {

  /** The entity type the audit log names quotas by. */
  public static final String QUOTA = "RecommendationQuota";

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject Caller caller;
  @Inject RecommenderContext context;
  @Inject Rounds rounds;
  @Inject AccountDirectory accounts;
  @Inject ApplicationLifecycle applications;
  @Inject AuditLog audit;
  @Inject Inbox inbox;
  @Inject io.hezuo.directory.api.NoticeMail mail;
  @Inject Clock clock;

  /** The quota groups that have places (A3, B). */
  public List<String> groupsWithPlaces() {
    caller.require(Role.OFFICER);
    List<String> out = new ArrayList<>();
    Rounds.groups(context.call())
        .forEach(
            (g, limit) -> {
              if (limit.hasPlaces()) {
                out.add(g);
              }
            });
    return out;
  }

  /** The recommending units. */
  public List<OrganisationView> recommenders() {
    caller.require(Role.OFFICER);
    return context.recommenders();
  }

  /** Places per recommender and group of the current call (absent: none set). */
  public Map<Long, Map<String, Integer>> quotas() {
    caller.require(Role.OFFICER);
    CallView call = context.call();
    Map<Long, Map<String, Integer>> out = new LinkedHashMap<>();
    em.createQuery("select q from Quota q where q.callId = :c", Quota.class)
        .setParameter("c", call.id())
        .getResultList()
        .forEach(
            q ->
                out.computeIfAbsent(q.getRecommenderId(), k -> new LinkedHashMap<>())
                    .put(q.getQuotaGroup(), q.getPlaces()));
    return out;
  }

  /** Sets a recommender's places in a group (0…10,000), audited with the reason. */
  @Transactional
  public void setQuota(long recommenderId, String group, int places, String reason) {
    caller.require(Role.OFFICER);
    CallView call = context.call();
    List<RuleViolation> v = new ArrayList<>();
    check(recommenderId, group, places, v, "places");
    RuleViolationException.throwIfErrors(v);
    write(call, recommenderId, group.trim(), places, reason);
  }

  private void check(
      long recommenderId, String group, Integer places, List<RuleViolation> v, String field) {
    if (context.recommenders().stream().noneMatch(o -> o.id() == recommenderId)) {
      v.add(RuleViolation.error("R1", "recommender", "recommendation.quota.unknownRecommender"));
    }
    if (group == null || !groupsWithPlaces().contains(group.trim())) {
      v.add(
          RuleViolation.error(
              "R1",
              "group",
              "recommendation.quota.unknownGroup",
              String.join("、", groupsWithPlaces())));
    }
    if (places == null || places < 0 || places > QuotaRules.MAX_PLACES) {
      v.add(
          RuleViolation.error(
              "R1", field, "recommendation.quota.placesRange", QuotaRules.MAX_PLACES));
    }
  }

  private void write(CallView call, long recommenderId, String group, int places, String reason) {
    Quota q =
        em.createQuery(
                "select q from Quota q where q.callId = :c and q.recommenderId = :r"
                    + " and q.quotaGroup = :g",
                Quota.class)
            .setParameter("c", call.id())
            .setParameter("r", recommenderId)
            .setParameter("g", group)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    Integer before = q == null ? null : q.getPlaces();
    if (q == null) {
      q = new Quota(call.id(), recommenderId, group);
      q.set(places, caller.name(), clock.instant(), blank(reason));
      em.persist(q);
    } else {
      q.set(places, caller.name(), clock.instant(), blank(reason));
    }
    em.flush();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            QUOTA,
            recommenderId + ":" + group,
            "quota-set",
            before == null ? null : String.valueOf(before),
            String.valueOf(places),
            blank(reason)));
  }

  /**
   * Imports quotas from an Excel sheet: header row, then one row per recommender and group — column
   * A the recommending unit (its name or its unified social credit code), B the group (A3, B), C
   * the places. Every row is checked first; any error and nothing is imported.
   */
  @Transactional
  public QuotaImportReport importQuotas(byte[] xlsx, Locale locale) {
    caller.require(Role.OFFICER);
    CallView call = context.call();
    List<QuotaImportReport.RowError> errors = new ArrayList<>();
    record Line(long recommender, String group, int places) {}
    List<Line> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Workbook wb;
    try {
      wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx == null ? new byte[0] : xlsx));
    } catch (IOException | RuntimeException e) {
      errors.add(
          new QuotaImportReport.RowError(
              0, "", Messages.get(locale, "recommendation.quota.import.notExcel")));
      return new QuotaImportReport(0, false, errors);
    }
    int rows = 0;
    try (wb) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter f = new DataFormatter(Locale.ROOT);
      List<OrganisationView> recs = context.recommenders();
      List<String> groups = groupsWithPlaces();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        Row row = sheet.getRow(i);
        if (row == null || blankRow(row, f)) {
          continue;
        }
        rows++;
        int excelRow = i + 1;
        String unit = text(row.getCell(0), f);
        String group = text(row.getCell(1), f).toUpperCase(Locale.ROOT);
        String placesText = text(row.getCell(2), f);
        Optional<OrganisationView> rec =
            recs.stream()
                .filter(
                    o ->
                        o.name().equals(unit)
                            || (o.creditCode() != null && o.creditCode().equalsIgnoreCase(unit)))
                .findFirst();
        if (rec.isEmpty()) {
          errors.add(
              new QuotaImportReport.RowError(
                  excelRow,
                  "A",
                  Messages.get(locale, "recommendation.quota.import.unknownRecommender", unit)));
        }
        if (!groups.contains(group)) {
          errors.add(
              new QuotaImportReport.RowError(
                  excelRow,
                  "B",
                  Messages.get(
                      locale,
                      "recommendation.quota.import.unknownGroup",
                      group,
                      String.join("、", groups))));
        }
        Integer places = null;
        try {
          places = Integer.valueOf(placesText.replace(",", "").trim());
          if (places < 0 || places > QuotaRules.MAX_PLACES) {
            places = null;
          }
        } catch (NumberFormatException e) {
          places = null;
        }
        if (places == null) {
          errors.add(
              new QuotaImportReport.RowError(
                  excelRow,
                  "C",
                  Messages.get(
                      locale,
                      "recommendation.quota.import.places",
                      placesText,
                      QuotaRules.MAX_PLACES)));
        }
        if (rec.isPresent() && groups.contains(group)) {
          String key = rec.get().id() + "|" + group;
          Integer first = seen.putIfAbsent(key, excelRow);
          if (first != null) {
            errors.add(
                new QuotaImportReport.RowError(
                    excelRow,
                    "A",
                    Messages.get(locale, "recommendation.quota.import.duplicate", first)));
          }
        }
        if (errors.isEmpty() && rec.isPresent() && places != null) {
          lines.add(new Line(rec.get().id(), group, places));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (rows == 0) {
      errors.add(
          new QuotaImportReport.RowError(
              0, "", Messages.get(locale, "recommendation.quota.import.empty")));
    }
    if (!errors.isEmpty()) {
      return new QuotaImportReport(rows, false, errors);
    }
    for (Line l : lines) {
      write(call, l.recommender(), l.group(), l.places(), "Excel import");
    }
    return new QuotaImportReport(rows, true, List.of());
  }

  private static boolean blankRow(Row row, DataFormatter f) {
    for (int c = 0; c < 3; c++) {
      if (!text(row.getCell(c), f).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String text(Cell c, DataFormatter f) {
    if (c == null) {
      return "";
    }
    if (c.getCellType() == CellType.FORMULA) {
      return "";
    }
    return f.formatCellValue(c).trim();
  }

  /** Per recommender: quotas used, documents, submitted or not, the last reminder. */
  public List<DashboardRow> dashboard() {
    caller.require(Role.OFFICER);
    CallView call = context.call();
    Map<Long, Long> confirmedByRec = new HashMap<>();
    Map<Long, Long> undecidedByRec = new HashMap<>();
    List<DashboardRow> out = new ArrayList<>();
    for (OrganisationView rec : context.recommenders()) {
      long all = 0;
      long undecided = 0;
      for (ApplicationCount c : countsOf(call, rec.id())) {
        if (!List.of("SUBMITTED", "RETURNED", "WITHDRAWN", "DRAFT").contains(c.status())) {
          all += c.count();
        }
        if (ApplicationStatus.CONFIRMED.name().equals(c.status())) {
          undecided += c.count();
        }
      }
      confirmedByRec.put(rec.id(), all);
      undecidedByRec.put(rec.id(), undecided);
      Round r = rounds.current(call.id(), rec.id());
      List<Decision> decisions = rounds.decisions(call.id(), rec.id());
      List<QuotaUse> quotas = rounds.quotaUse(call, rec.id(), decisions);
      List<DocumentView> docs = rounds.documentViews(call.id(), rec.id());
      // the latest reminder as an entity: max() of a converted attribute bypasses the converter
      Instant lastReminder =
          em.createQuery(
                  "select m from Reminder m where m.callId = :c and m.recommenderId = :r"
                      + " order by m.sentAt desc, m.id desc",
                  Reminder.class)
              .setParameter("c", call.id())
              .setParameter("r", rec.id())
              .setMaxResults(1)
              .getResultStream()
              .findFirst()
              .map(Reminder::getSentAt)
              .orElse(null);
      out.add(
          new DashboardRow(
              rec.id(),
              rec.name(),
              quotas,
              all,
              undecided,
              decisions.stream().filter(d -> d.getDecision() == DecisionKind.RECOMMENDED).count(),
              (int) docs.stream().filter(DocumentView::valid).count(),
              r.getStatus().name(),
              r.getSubmittedAt(),
              r.closesAt(call.recommendationClosesAt()),
              lastReminder));
    }
    return out;
  }

  private List<ApplicationCount> countsOf(CallView call, long recommenderId) {
    // the officer sees the whole call: count per status within the recommender's area
    List<ApplicationCount> out = new ArrayList<>();
    for (ApplicationStatus s :
        List.of(
            ApplicationStatus.CONFIRMED,
            ApplicationStatus.RECOMMENDED,
            ApplicationStatus.NOT_RECOMMENDED,
            ApplicationStatus.RECOMMENDER_RETURNED)) {
      long n =
          applications
              .find(
                  ApplicationQuery.ofCall(call.id())
                      .withStatus(s.name())
                      .withRecommendingUnit(recommenderId)
                      .withPage(0, 1))
              .total();
      out.add(new ApplicationCount(null, s.name(), n));
    }
    return out;
  }

  /**
   * D1: the Department reopens a recommender's round until a later deadline, with a recorded reason
   * (a submitted round opens again; an open one gets the later deadline).
   */
  @Transactional
  public void reopen(long recommenderId, Instant until, String reason) {
    caller.require(Role.OFFICER);
    CallView call = context.call();
    List<RuleViolation> v = new ArrayList<>();
    if (context.recommenders().stream().noneMatch(o -> o.id() == recommenderId)) {
      throw new NotFoundException("no recommending unit " + recommenderId);
    }
    if (reason == null || reason.isBlank()) {
      v.add(RuleViolation.error("D1", "reason", "recommendation.reopen.reasonRequired"));
    }
    if (until == null || !until.isAfter(clock.instant())) {
      v.add(RuleViolation.error("D1", "until", "recommendation.reopen.untilFuture"));
    }
    RuleViolationException.throwIfErrors(v);
    Round r = rounds.locked(call.id(), recommenderId);
    String before =
        r.getStatus() == io.hezuo.recommendation.domain.RoundStatus.SUBMITTED
            ? Recommendations.ROUND_SUBMITTED
            : Recommendations.ROUND_OPEN;
    r.reopen(until, caller.name(), clock.instant(), reason.trim());
    em.flush();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            Recommendations.ROUND,
            String.valueOf(r.getId()),
            "recommendation-reopen",
            before,
            Recommendations.ROUND_OPEN,
            reason.trim() + " (" + Zones.format(until) + ")"));
    notifyRecommender(
        call, recommenderId, "recommendation.notice.reopened", Zones.format(until), reason.trim());
  }

  /** Reminds a recommender (in the app, and by e-mail where the kernel sends it). */
  @Transactional
  public void remind(long recommenderId, String note) {
    caller.require(Role.OFFICER);
    CallView call = context.call();
    if (context.recommenders().stream().noneMatch(o -> o.id() == recommenderId)) {
      throw new NotFoundException("no recommending unit " + recommenderId);
    }
    Round r = rounds.round(call.id(), recommenderId);
    em.persist(new Reminder(call.id(), recommenderId, caller.name(), clock.instant(), blank(note)));
    em.flush();
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER,
            Recommendations.ROUND,
            String.valueOf(r.getId()),
            "recommendation-remind",
            null,
            null,
            blank(note)));
    notifyRecommender(
        call,
        recommenderId,
        "recommendation.notice.reminder",
        Zones.format(r.closesAt(call.recommendationClosesAt())),
        note == null ? "" : note.trim());
  }

  private void notifyRecommender(CallView call, long recommenderId, String key, String... args) {
    Map<String, String> links = new LinkedHashMap<>();
    for (String u : accounts.usernamesWithRole(recommenderId, Role.RECOMMENDER)) {
      links.put(u, "/app/recommendation/list.xhtml");
    }
    if (!links.isEmpty()) {
      String entityId = call.id() + ":" + recommenderId;
      inbox.send(MessageDraft.notice(Recommendations.ROUND, entityId, links, key, args));
      mail.send(
          links.keySet(),
          Recommendations.ROUND,
          entityId,
          "recommendation.mail.body",
          key,
          (Object[]) args);
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
