package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.ScoreSheet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The score sheet of each line of the current call (issue 13): the officer reads and changes them
 * (checked, versioned, audited); a line without its own sheet uses {@link ScoreSheet#standard()}.
 * Experts read the sheet of the lines they score.
 */
@ApplicationScoped
public class ScoreSheets {

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * A line's sheet: whether the officer configured it (else the standard one), its version (0 when
   * not stored: the next save must say 0), who changed it last and when.
   */
  public record LineSheet(
      String lineCode,
      String lineNameZh,
      String lineNameEn,
      ScoreSheet sheet,
      boolean configured,
      long version,
      String updatedBy,
      Instant updatedAt)
      implements Serializable {}

  /** Every line's sheet of the current call, in the catalogue's order (officers; one query). */
  public List<LineSheet> all() {
    caller.require(Role.OFFICER);
    CallView call = call();
    Map<String, Object[]> stored = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select line_code, definition, version, updated_by, updated_at from sc_sheet"
                    + " where call_id = ?")
            .setParameter(1, call.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      stored.put((String) r[0], r);
    }
    List<LineSheet> out = new ArrayList<>();
    for (LineView l : call.lines()) {
      out.add(sheet(l, stored.get(l.code())));
    }
    return out;
  }

  /** One line's sheet (officers and experts); an unknown line is not found. */
  public LineSheet of(String lineCode) {
    caller.require(Role.OFFICER, Role.EXPERT);
    CallView call = call();
    LineView line =
        call.line(lineCode).orElseThrow(() -> new NotFoundException("no line " + lineCode));
    List<?> rows =
        em.createNativeQuery(
                "select line_code, definition, version, updated_by, updated_at from sc_sheet"
                    + " where call_id = ? and line_code = ?")
            .setParameter(1, call.id())
            .setParameter(2, line.code())
            .getResultList();
    return sheet(line, rows.isEmpty() ? null : (Object[]) rows.get(0));
  }

  /**
   * Stores a line's sheet (officers): refused with every problem named per field (F-SHEET) and
   * nothing stored; refused (F-STALE) when someone changed it since {@code version} was read; the
   * change audited with the reason.
   */
  @Transactional
  public LineSheet save(String lineCode, ScoreSheet sheet, long version, String reason) {
    caller.require(Role.OFFICER);
    CallView call = call();
    LineView line =
        call.line(lineCode).orElseThrow(() -> new NotFoundException("no line " + lineCode));
    List<RuleViolation> problems = new ArrayList<>(sheet.problems());
    if (reason == null || reason.isBlank()) {
      problems.add(RuleViolation.error("F-REQ", "reason", "scoring.sheet.reason"));
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    LineSheet before = of(line.code());
    if (before.version() != version) {
      throw new RuleViolationException(
          RuleViolation.error("F-STALE", null, "scoring.sheet.stale", before.updatedBy()));
    }
    Timestamp now = Timestamp.from(clock.instant());
    String json = json(sheet);
    int changed =
        version == 0 && !before.configured()
            ? em.createNativeQuery(
                    "insert ignore into sc_sheet (call_id, line_code, definition, updated_by,"
                        + " updated_at, version) values (?, ?, ?, ?, ?, 1)")
                .setParameter(1, call.id())
                .setParameter(2, line.code())
                .setParameter(3, json)
                .setParameter(4, caller.name())
                .setParameter(5, now)
                .executeUpdate()
            : em.createNativeQuery(
                    "update sc_sheet set definition = ?, updated_by = ?, updated_at = ?,"
                        + " version = version + 1 where call_id = ? and line_code = ? and"
                        + " version = ?")
                .setParameter(1, json)
                .setParameter(2, caller.name())
                .setParameter(3, now)
                .setParameter(4, call.id())
                .setParameter(5, line.code())
                .setParameter(6, version)
                .executeUpdate();
    if (changed != 1) {
      throw new RuleViolationException(
          RuleViolation.error("F-STALE", null, "scoring.sheet.stale", before.updatedBy()));
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER.name(),
            "ScoreSheet",
            call.id() + "/" + line.code(),
            "sheet-change",
            summary(before.sheet()),
            summary(sheet),
            reason.trim()));
    return of(line.code());
  }

  private CallView call() {
    return calls.current().orElseThrow(() -> new NotFoundException("no published call"));
  }

  private static LineSheet sheet(LineView l, Object[] row) {
    if (row == null) {
      return new LineSheet(
          l.code(), l.name().zh(), l.name().en(), ScoreSheet.standard(), false, 0, null, null);
    }
    return new LineSheet(
        l.code(),
        l.name().zh(),
        l.name().en(),
        parse((String) row[1]),
        true,
        ((Number) row[2]).longValue(),
        (String) row[3],
        row[4] instanceof Timestamp t
            ? t.toInstant()
            : row[4] instanceof java.time.LocalDateTime d
                ? d.toInstant(java.time.ZoneOffset.UTC)
                : (Instant) row[4]);
  }

  /**
   * What the audit log shows of a sheet: each criterion's code and weight, and the comment rule.
   */
  static String summary(ScoreSheet s) {
    StringBuilder b = new StringBuilder();
    for (ScoreSheet.Criterion c : s.criteria()) {
      b.append(b.length() == 0 ? "" : ", ")
          .append(c.code())
          .append(' ')
          .append(c.weight())
          .append(" (")
          .append(c.min())
          .append('–')
          .append(c.max())
          .append(')');
    }
    return b.append("; ≥ ").append(s.minComment()).toString();
  }

  static String json(ScoreSheet s) {
    JsonArrayBuilder criteria = Json.createArrayBuilder();
    for (ScoreSheet.Criterion c : s.criteria()) {
      JsonArrayBuilder bands = Json.createArrayBuilder();
      for (ScoreSheet.Descriptor d : c.descriptors()) {
        bands.add(
            Json.createObjectBuilder()
                .add("from", d.from())
                .add("to", d.to())
                .add("zh", d.zh())
                .add("en", d.en()));
      }
      criteria.add(
          Json.createObjectBuilder()
              .add("code", c.code())
              .add("nameZh", c.nameZh())
              .add("nameEn", c.nameEn())
              .add("weight", c.weight())
              .add("min", c.min())
              .add("max", c.max())
              .add("descriptors", bands));
    }
    return Json.createObjectBuilder()
        .add("criteria", criteria)
        .add("commentRequired", s.commentRequired())
        .add("minComment", s.minComment())
        .build()
        .toString();
  }

  static ScoreSheet parse(String json) {
    JsonObject o = Json.createReader(new StringReader(json)).readObject();
    List<ScoreSheet.Criterion> criteria = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("criteria")) {
      JsonObject c = v.asJsonObject();
      List<ScoreSheet.Descriptor> bands = new ArrayList<>();
      for (JsonValue b : c.getJsonArray("descriptors")) {
        JsonObject d = b.asJsonObject();
        bands.add(
            new ScoreSheet.Descriptor(
                d.getInt("from"), d.getInt("to"), d.getString("zh"), d.getString("en")));
      }
      criteria.add(
          new ScoreSheet.Criterion(
              c.getString("code"),
              c.getString("nameZh"),
              c.getString("nameEn"),
              c.getInt("weight"),
              c.getInt("min"),
              c.getInt("max"),
              bands));
    }
    return new ScoreSheet(criteria, o.getBoolean("commentRequired"), o.getInt("minComment"));
  }
}
