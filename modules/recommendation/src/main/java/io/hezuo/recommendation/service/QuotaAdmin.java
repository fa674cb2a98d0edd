package io.hezuo.recommendation.service;

import io.hezuo.call.api.CallView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountDirectory.UnitWithRecommender;
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
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.UnitStatusCount;
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
import java.util.stream.Collectors;
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

  /** Statuses that count as an application the recommender has (its units confirmed it). */
  private static final List<String> CONFIRMED_OR_LATER =
      List.of(
          ApplicationStatus.CONFIRMED.name(),
          ApplicationStatus.RECOMMENDED.name(),
          ApplicationStatus.NOT_RECOMMENDED.name(),
          ApplicationStatus.RECOMMENDER_RETURNED.name());

  /**
   * Per recommender: quotas used, documents, submitted or not, the last reminder. A fixed number of
   * statements however many recommenders there are: the counts per applying unit and status, the
   * applying units' recommenders, and the rounds, decisions, quotas, documents and reminders of the
   * whole call, each read once and grouped here by recommender.
   */
  public List<DashboardRow> dashboard() {
    caller.require(Role.OFFICER);
    CallView call = context.call();
    List<OrganisationView> recommenders = context.recommenders();
    Map<Long, long[]> counts = countsByRecommender(call);
    Map<Long, Round> roundsByRec = rounds.currentByRecommender(call.id());
    Map<Long, List<Decision>> decisionsByRec = rounds.decisionsByRecommender(call.id());
    Map<Long, Map<String, Quota>> quotasByRec = rounds.quotasByRecommender(call.id());
    Map<Long, List<DocumentView>> docsByRec = rounds.documentViewsByRecommender(call.id());
    Map<Long, Instant> lastReminders = lastReminders(call);
    List<DashboardRow> out = new ArrayList<>();
    for (OrganisationView rec : recommenders) {
      long[] n = counts.getOrDefault(rec.id(), new long[2]);
      Round r = roundsByRec.getOrDefault(rec.id(), new Round(call.id(), rec.id()));
      List<Decision> decisions = decisionsByRec.getOrDefault(rec.id(), List.of());
      List<QuotaUse> quotas =
          rounds.quotaUse(call, quotasByRec.getOrDefault(rec.id(), Map.of()), decisions);
      List<DocumentView> docs = docsByRec.getOrDefault(rec.id(), List.of());
      out.add(
          new DashboardRow(
              rec.id(),
              rec.name(),
              quotas,
              n[0],
              n[1],
              decisions.stream().filter(d -> d.getDecision() == DecisionKind.RECOMMENDED).count(),
              (int) docs.stream().filter(DocumentView::valid).count(),
              r.getStatus().name(),
              r.getSubmittedAt(),
              r.closesAt(call.recommendationClosesAt()),
              lastReminders.get(rec.id())));
    }
    return out;
  }

  /**
   * Per recommender id: {all its units confirmed (confirmed, recommended, not recommended, returned
   * by the recommender), still undecided (confirmed)}. The officer sees the whole call: one grouped
   * count per applying unit and status, and one directory read for the units' recommenders.
   */
  private Map<Long, long[]> countsByRecommender(CallView call) {
    List<UnitStatusCount> counts =
        applications.countsByApplyingUnit(call.id()).stream()
            .filter(c -> CONFIRMED_OR_LATER.contains(c.status()))
            .toList();
    Map<Long, UnitWithRecommender> units =
        accounts.unitsWithRecommender(
            counts.stream().map(UnitStatusCount::organisationId).collect(Collectors.toSet()));
    Map<Long, long[]> out = new HashMap<>();
    for (UnitStatusCount c : counts) {
      UnitWithRecommender u = units.get(c.organisationId());
      if (u == null || u.recommender() == null) {
        continue;
      }
      long[] n = out.computeIfAbsent(u.recommender().id(), k -> new long[2]);
      n[0] += c.count();
      if (ApplicationStatus.CONFIRMED.name().equals(c.status())) {
        n[1] += c.count();
      }
    }
    return out;
  }

  /** The latest reminder per recommender id, of the whole call in one query. */
  private Map<Long, Instant> lastReminders(CallView call) {
    Map<Long, Instant> out = new HashMap<>();
    // entities, newest first: max() of a converted attribute bypasses the converter
    em.createQuery(
            "select m from Reminder m where m.callId = :c order by m.sentAt desc, m.id desc",
            Reminder.class)
        .setParameter("c", call.id())
        .getResultList()
        .forEach(m -> out.putIfAbsent(m.getRecommenderId(), m.getSentAt()));
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
