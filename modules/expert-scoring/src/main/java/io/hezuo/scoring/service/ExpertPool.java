package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.FieldView;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.IdDocuments;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.scoring.domain.ExpertWorkbook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The expert pool ({@code sc_expert}, issue 13): the officer searches it (paged, by name, unit or
 * field, filtered by field, city and whether active), exports it to Excel, and deactivates or
 * reactivates an expert with a reason (audited; a deactivated expert is not assigned any more and
 * cannot sign in: the account is disabled). Imports are {@link ExpertImports}.
 *
 * <p>The rest of the module reads the pool through {@link #active()} (whom to assign) and {@link
 * #byUsername(String)} (the signed-in expert's own record): these reads check no role, they show
 * nothing by themselves; their callers check theirs.
 */
@ApplicationScoped
public class ExpertPool {

  private static final String COLUMNS =
      "id, name, id_type, id_number, unit_name, unit_credit_code, title, fields, city, email,"
          + " phone, max_load, username, active, deactivated_at, deactivated_by,"
          + " deactivated_reason, demo, version";

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject AccountDirectory accounts;
  @Inject CallCatalogue calls;

  /** An expert of the pool, as held. */
  public record Expert(
      long id,
      String name,
      String idType,
      String idNumber,
      String unitName,
      String unitCreditCode,
      String title,
      List<String> fields,
      String city,
      String email,
      String phone,
      int maxLoad,
      String username,
      boolean active,
      Instant deactivatedAt,
      String deactivatedBy,
      String deactivatedReason,
      boolean demo,
      long version)
      implements Serializable {

    public Expert {
      fields = List.copyOf(fields);
    }

    /** The ID number with its middle hidden, as lists show it. */
    public String idNumberMasked() {
      return IdDocuments.mask(idType, idNumber);
    }
  }

  /** An expert as lists and the REST API show them: the ID number masked. */
  public record Listed(
      long id,
      String name,
      String idType,
      String idNumberMasked,
      String unitName,
      String unitCreditCode,
      String title,
      List<String> fields,
      String city,
      String email,
      String phone,
      int maxLoad,
      String username,
      boolean active,
      Instant deactivatedAt,
      String deactivatedBy,
      String deactivatedReason)
      implements Serializable {

    static Listed of(Expert e) {
      return new Listed(
          e.id(),
          e.name(),
          e.idType(),
          e.idNumberMasked(),
          e.unitName(),
          e.unitCreditCode(),
          e.title(),
          e.fields(),
          e.city(),
          e.email(),
          e.phone(),
          e.maxLoad(),
          e.username(),
          e.active(),
          e.deactivatedAt(),
          e.deactivatedBy(),
          e.deactivatedReason());
    }
  }

  /**
   * A search of the pool: {@code q} in the name, the unit or the fields; {@code field} one of the
   * expert's codes (or a code it starts with, F01 finds F0102); {@code city}; {@code active} (null:
   * both). Blank means any.
   */
  public record Search(String q, String field, String city, Boolean active)
      implements Serializable {
    public static final Search ALL = new Search(null, null, null, null);
  }

  /** One page of a search. */
  public record Page(long total, int first, int max, List<Listed> items) implements Serializable {}

  // ------------------------------------------------------------------ reads for the module

  /** The active experts, by id: whom the assignment may use. No role is checked. */
  public List<Expert> active() {
    return read("select " + COLUMNS + " from sc_expert where active = true order by id", List.of());
  }

  /** The expert signed in as {@code username}, if any (active or not). No role is checked. */
  public Optional<Expert> byUsername(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return read("select " + COLUMNS + " from sc_expert where username = ?", List.of(username))
        .stream()
        .findFirst();
  }

  /** An expert by id (officers). */
  public Expert get(long id) {
    caller.require(Role.OFFICER);
    return find(id).orElseThrow(() -> new NotFoundException("no such expert"));
  }

  private Optional<Expert> find(long id) {
    return read("select " + COLUMNS + " from sc_expert where id = ?", List.of(id)).stream()
        .findFirst();
  }

  // ------------------------------------------------------------------ the officer's list

  /** A page of the pool matching the search, by name (officers; two queries). */
  public Page search(Search s, int first, int max) {
    caller.require(Role.OFFICER);
    int from = Math.max(0, first);
    int size = Math.min(500, Math.max(1, max));
    List<Object> params = new ArrayList<>();
    String where = where(s, params);
    Query count = em.createNativeQuery("select count(*) from sc_expert" + where);
    for (int i = 0; i < params.size(); i++) {
      count.setParameter(i + 1, params.get(i));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    List<Object> page = new ArrayList<>(params);
    page.add(size);
    page.add(from);
    List<Listed> items =
        read(
                "select "
                    + COLUMNS
                    + " from sc_expert"
                    + where
                    + " order by convert(name using gbk), id limit ? offset ?",
                page)
            .stream()
            .map(Listed::of)
            .toList();
    return new Page(total, from, size, items);
  }

  /** Every expert matching the search (officers; for the export). */
  public List<Expert> all(Search s) {
    caller.require(Role.OFFICER);
    List<Object> params = new ArrayList<>();
    String where = where(s, params);
    return read(
        "select " + COLUMNS + " from sc_expert" + where + " order by convert(name using gbk), id",
        params);
  }

  /** The cities of the pool, in order (officers; the filter's choices). */
  public List<String> cities() {
    caller.require(Role.OFFICER);
    return em
        .createNativeQuery("select distinct city from sc_expert order by convert(city using gbk)")
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  /** The codes of the pool's fields, in order (officers; the filter's choices). */
  public List<String> fieldCodes() {
    caller.require(Role.OFFICER);
    TreeSet<String> codes = new TreeSet<>();
    for (Object o : em.createNativeQuery("select distinct fields from sc_expert").getResultList()) {
      codes.addAll(split((String) o));
    }
    return List.copyOf(codes);
  }

  /**
   * The names of the current call's fields by code (AI → 人工智能 / Artificial intelligence); empty
   * without a published call. A discipline code (F0102) has no name here.
   */
  public Map<String, FieldView> callFields() {
    Map<String, FieldView> out = new LinkedHashMap<>();
    calls
        .current()
        .ifPresent(
            c -> {
              for (LineView l : c.lines()) {
                for (FieldView f : l.fields()) {
                  out.putIfAbsent(f.code().toUpperCase(Locale.ROOT), f);
                }
              }
            });
    return out;
  }

  /** The pool matching the search as an .xlsx: the import's columns, then status (officers). */
  public byte[] export(Search s) {
    List<List<String>> rows = new ArrayList<>();
    for (Expert e : all(s)) {
      rows.add(
          List.of(
              e.name(),
              e.idType(),
              e.idNumberMasked(),
              e.unitName(),
              e.unitCreditCode() == null ? "" : e.unitCreditCode(),
              e.title(),
              String.join("、", e.fields()),
              e.city(),
              e.email(),
              e.phone(),
              String.valueOf(e.maxLoad()),
              e.active() ? "在库 active" : "已停用 deactivated",
              e.username() == null ? "" : e.username(),
              e.deactivatedAt() == null ? "" : Zones.format(e.deactivatedAt()),
              e.deactivatedReason() == null ? "" : e.deactivatedReason()));
    }
    return ExpertWorkbook.write(rows);
  }

  private static String where(Search s, List<Object> params) {
    List<String> w = new ArrayList<>();
    if (s != null && s.q() != null && !s.q().isBlank()) {
      String like = "%" + escape(s.q().strip()) + "%";
      w.add("(name like ? or unit_name like ? or fields like ?)");
      params.add(like);
      params.add(like);
      params.add(like.toUpperCase(Locale.ROOT));
    }
    if (s != null && s.field() != null && !s.field().isBlank()) {
      String code = escape(s.field().strip().toUpperCase(Locale.ROOT));
      w.add("(concat(',', fields) like ?)");
      params.add("%," + code + "%");
    }
    if (s != null && s.city() != null && !s.city().isBlank()) {
      w.add("city = ?");
      params.add(s.city().strip());
    }
    if (s != null && s.active() != null) {
      w.add("active = ?");
      params.add(s.active());
    }
    return w.isEmpty() ? "" : " where " + String.join(" and ", w);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  // ------------------------------------------------------------------ deactivate, reactivate

  /**
   * Deactivates an expert (officers): not assigned any more, the account disabled; the reason is
   * required (F-REQ) and audited. Refused (F-POOL) when the expert is inactive already.
   */
  @Transactional
  public Listed deactivate(long id, String reason) {
    return setActive(id, false, reason);
  }

  /** Reactivates an expert (officers): assignable again, the account enabled; as deactivate. */
  @Transactional
  public Listed activate(long id, String reason) {
    return setActive(id, true, reason);
  }

  private Listed setActive(long id, boolean active, String reason) {
    String officer = caller.require(Role.OFFICER);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "statusReason", "scoring.pool.reason.required"));
    }
    if (why.length() > 500) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "statusReason", "scoring.pool.tooLong", 500));
    }
    List<?> locked =
        em.createNativeQuery("select active from sc_expert where id = ? for update")
            .setParameter(1, id)
            .getResultList();
    if (locked.isEmpty()) {
      throw new NotFoundException("no such expert");
    }
    Expert e = find(id).orElseThrow(() -> new NotFoundException("no such expert"));
    if (e.active() == active) {
      throw new RuleViolationException(
          RuleViolation.error(
              ExpertWorkbook.RULE,
              "statusReason",
              active ? "scoring.pool.alreadyActive" : "scoring.pool.alreadyInactive"));
    }
    Instant now = clock.instant();
    if (active) {
      em.createNativeQuery(
              "update sc_expert set active = true, deactivated_at = null, deactivated_by = null,"
                  + " deactivated_reason = null, version = version + 1 where id = ?")
          .setParameter(1, id)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "update sc_expert set active = false, deactivated_at = ?, deactivated_by = ?,"
                  + " deactivated_reason = ?, version = version + 1 where id = ?")
          .setParameter(1, utc(now))
          .setParameter(2, officer)
          .setParameter(3, why)
          .setParameter(4, id)
          .executeUpdate();
    }
    if (e.username() != null) {
      accounts.setStaffActive(e.username(), active, officer, why);
    }
    audit.record(
        new AuditEntry(
            officer,
            Role.OFFICER,
            "Expert",
            String.valueOf(id),
            active ? "activate" : "deactivate",
            active ? "inactive" : "active",
            active ? "active" : "inactive",
            why));
    return Listed.of(find(id).orElseThrow());
  }

  // ------------------------------------------------------------------ rows

  private List<Expert> read(String sql, List<Object> params) {
    Query q = em.createNativeQuery(sql);
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    List<Expert> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Expert(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              split((String) r[7]),
              (String) r[8],
              (String) r[9],
              (String) r[10],
              ((Number) r[11]).intValue(),
              (String) r[12],
              bool(r[13]),
              instant(r[14]),
              (String) r[15],
              (String) r[16],
              bool(r[17]),
              ((Number) r[18]).longValue()));
    }
    return out;
  }

  static List<String> split(String fields) {
    if (fields == null || fields.isBlank()) {
      return List.of();
    }
    return Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
  }

  private static boolean bool(Object o) {
    if (o instanceof Boolean b) {
      return b;
    }
    return o instanceof Number n && n.intValue() != 0;
  }

  static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (o instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    return null;
  }

  static LocalDateTime utc(Instant i) {
    return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
