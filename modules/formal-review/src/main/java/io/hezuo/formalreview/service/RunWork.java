package io.hezuo.formalreview.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.formalreview.domain.Checklist;
import io.hezuo.formalreview.domain.Outcome;
import io.hezuo.formalreview.domain.RuleCheck;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ContentStamp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The work of a formal review run, for the batch job's reader, writer and listener: each call in
 * its own transaction ({@code REQUIRES_NEW}), apart from the chunk's transaction in which the batch
 * runtime writes its checkpoint on its own connection pool. A chunk's items are marked done with
 * their results, so items done again after a crash are skipped, never counted twice; an application
 * whose inputs did not change since its stored result is not stored again.
 */
@ApplicationScoped
public class RunWork {

  /**
   * The version of what the checks compute: part of every result's inputs, so a new version of the
   * rules recomputes everything.
   */
  static final String RULES_VERSION = "fr-2";

  /** This server, as the owner of the runs it executes. */
  static final String NODE = node();

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject RoundG2 g2;
  @Inject RoundChecklist checklists;
  @Inject RoundSimilarity g3;
  @Inject ApplicationLifecycle applications;
  @Inject CallCatalogue calls;
  @Inject Clock clock;
  @Inject CorpusIndex corpus;

  /** One application of a run, at its position in the run's order. */
  public record Item(int position, long applicationId) implements Serializable {}

  /** The next items of a run after a position, in order. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Item> next(long runId, int after, int limit) {
    List<Item> out = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select position, application_id from fr_run_item where run_id = ?"
                    + " and position > ? order by position limit ?")
            .setParameter(1, runId)
            .setParameter(2, after)
            .setParameter(3, limit)
            .getResultList()) {
      Object[] r = (Object[]) row;
      out.add(new Item(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
    }
    return out;
  }

  /**
   * Builds what the checks of a run read from memory, before its first chunk and outside any
   * chunk's transaction (whose timeout the batch runtime sets): the similarity index with the
   * library and the round's texts. Its own transaction only reads (no locks); what it read leaves
   * the persistence context when it ends.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void prepare(long runId) {
    long callId =
        ((Number)
                em.createNativeQuery("select call_id from fr_run where id = ?")
                    .setParameter(1, runId)
                    .getSingleResult())
            .longValue();
    CallView call = calls.find(callId).orElseThrow(() -> new NotFoundException("no such call"));
    try {
      g3.judge(
          call,
          applications.piDocuments(callId, RoundG2.ROUND).stream()
              .map(io.hezuo.submission.api.PiDocument::applicationId)
              .toList(),
          List.of());
    } finally {
      corpus.preparation().end();
    }
  }

  /**
   * Writes what this server is preparing for a run (the phase and its counts; none once it is
   * prepared), for its progress before the first chunk.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void preparing(long runId) {
    Preparation.State p = corpus.preparation().current();
    em.createNativeQuery(
            "update fr_run set prepare_phase = ?, prepared = ?, prepare_total = ? where id = ?"
                + " and status = 'RUNNING'")
        .setParameter(1, p == null ? null : p.phase())
        .setParameter(2, p == null ? 0 : p.done())
        .setParameter(3, p == null ? 0 : p.total())
        .setParameter(4, runId)
        .executeUpdate();
  }

  /** Beats a running run's heart (while it prepares). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void beat(long runId) {
    em.createNativeQuery(
            "update fr_run set heartbeat_at = ?, owner = ?, version = version + 1 where id = ?"
                + " and status = 'RUNNING'")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, NODE)
        .setParameter(3, runId)
        .executeUpdate();
  }

  /** Checks and stores a chunk's applications that are not done yet; beats the run's heart. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void process(long runId, List<Item> items) {
    Object[] run =
        (Object[])
            em.createNativeQuery("select call_id, status from fr_run where id = ? for update")
                .setParameter(1, runId)
                .getSingleResult();
    long callId = ((Number) run[0]).longValue();
    if (!items.isEmpty()) {
      List<Integer> positions = items.stream().map(Item::position).toList();
      @SuppressWarnings("unchecked")
      List<Object> open =
          em.createNativeQuery(
                  "select position from fr_run_item where run_id = ? and done = false"
                      + " and position in ("
                      + positions.stream().map(String::valueOf).collect(Collectors.joining(","))
                      + ") for update")
              .setParameter(1, runId)
              .getResultList();
      List<Item> todo =
          items.stream()
              .filter(i -> open.stream().anyMatch(p -> ((Number) p).intValue() == i.position()))
              .toList();
      if (!todo.isEmpty()) {
        check(runId, callId, todo);
      }
    }
    em.createNativeQuery(
            "update fr_run set heartbeat_at = ?, owner = ?, version = version + 1 where id = ?")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, NODE)
        .setParameter(3, runId)
        .executeUpdate();
  }

  private void check(long runId, long callId, List<Item> todo) {
    CallView call = calls.find(callId).orElseThrow(() -> new NotFoundException("no such call"));
    List<Long> ids = todo.stream().map(Item::applicationId).toList();
    List<io.hezuo.submission.api.PiDocument> round =
        applications.piDocuments(callId, RoundG2.ROUND);
    Map<Long, RuleCheck> g2s = g2.of(call.year(), round, ids);
    Map<Long, String> lines = new HashMap<>();
    round.forEach(d -> lines.put(d.applicationId(), d.lineCode()));
    java.time.LocalDate today =
        java.time.LocalDate.ofInstant(clock.instant(), io.hezuo.kernel.time.Zones.SHANGHAI);
    Map<Long, ContentStamp> stamps = applications.stamps(ids);
    RoundChecklist.Facts facts = checklists.facts(call);
    // G3 for the chunk over one view of the round (not the round read again for each item)
    Map<Long, RoundSimilarity.Judged> g3s =
        g3.judge(
            call,
            round.stream().map(io.hezuo.submission.api.PiDocument::applicationId).toList(),
            ids);
    Map<Long, String> stored = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select application_id, inputs from fr_result where application_id in ("
                    + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + ")")
            .getResultList()) {
      Object[] r = (Object[]) row;
      stored.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    Timestamp now = Timestamp.from(clock.instant());
    for (Item item : todo) {
      long id = item.applicationId();
      List<RuleCheck> checks = new ArrayList<>();
      StringBuilder inputs = new StringBuilder(RULES_VERSION);
      ContentStamp stamp = stamps.get(id);
      inputs.append('|').append(stamp == null ? "" : stamp.contentSha256());
      if ("A1".equals(lines.get(id))) {
        // G8: whether the partner's foreign deadline has passed changes with the day
        inputs.append('|').append(today);
      }
      // R1, R2, D1: the recommendation and the unit's extension
      inputs.append('|').append(facts.signature(id, clock.instant()));
      RuleCheck g2check = g2s.get(id);
      if (g2check != null) {
        checks.add(g2check);
        inputs.append('|').append(json(List.of(g2check)));
      }
      RoundSimilarity.Judged judged = g3s.get(id);
      if (judged != null) {
        checks.add(judged.check());
        inputs.append('|').append(judged.signature());
      }
      String hash = sha256(inputs.toString());
      boolean recompute = !hash.equals(stored.get(id));
      if (recompute) {
        // the rest of the rules (completeness, G1, G4–G9 and the form's own) read the application
        // in full: only for what changed
        Checklist list =
            checklists
                .build(call, round, id, g2check, judged == null ? null : judged.check(), facts)
                .checklist();
        checks = list.checks();
        em.createNativeQuery(
                "insert into fr_result (application_id, call_id, run_id, inputs, automatic,"
                    + " failed_rules, checks, computed_at, computations) values (?, ?, ?, ?, ?, ?,"
                    + " ?, ?, 1) on duplicate key update run_id = values(run_id), inputs ="
                    + " values(inputs), automatic = values(automatic), failed_rules ="
                    + " values(failed_rules), checks = values(checks), computed_at ="
                    + " values(computed_at), computations = computations + 1")
            .setParameter(1, id)
            .setParameter(2, callId)
            .setParameter(3, runId)
            .setParameter(4, hash)
            .setParameter(5, list.automatic().name())
            .setParameter(6, String.join(",", list.failedRules()))
            .setParameter(7, json(checks))
            .setParameter(8, now)
            .executeUpdate();
      }
      em.createNativeQuery(
              "update fr_run_item set done = true, recomputed = ? where run_id = ? and position = ?")
          .setParameter(1, recompute)
          .setParameter(2, runId)
          .setParameter(3, item.position())
          .executeUpdate();
    }
  }

  /** Ends a run: DONE when every item is done, else FAILED with the reason. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void finish(long runId, String failure) {
    long open =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from fr_run_item where run_id = ? and done = false")
                    .setParameter(1, runId)
                    .getSingleResult())
            .longValue();
    boolean done = open == 0 && failure == null;
    em.createNativeQuery(
            "update fr_run set status = ?, finished_at = ?, failure = ?, heartbeat_at = ?,"
                + " version = version + 1 where id = ? and status = 'RUNNING'")
        .setParameter(1, done ? "DONE" : "FAILED")
        .setParameter(2, Timestamp.from(clock.instant()))
        .setParameter(
            3,
            done
                ? null
                : failure == null
                    ? open + " applications not checked"
                    : failure.substring(0, Math.min(1000, failure.length())))
        .setParameter(4, Timestamp.from(clock.instant()))
        .setParameter(5, runId)
        .executeUpdate();
    em.createNativeQuery("update fr_run_guard set run_id = null where run_id = ?")
        .setParameter(1, runId)
        .executeUpdate();
  }

  /** The checks as stored: every rule's outcome, message key, arguments and evidence. */
  static String json(List<RuleCheck> checks) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (RuleCheck c : checks) {
      JsonArrayBuilder ev = Json.createArrayBuilder();
      for (RuleCheck.Evidence e : c.evidence()) {
        ev.add(Json.createObjectBuilder().add("key", e.key()).add("args", strings(e.args())));
      }
      a.add(
          Json.createObjectBuilder()
              .add("ruleId", c.ruleId())
              .add("outcome", c.outcome().name())
              .add("messageKey", c.messageKey())
              .add("args", strings(c.args()))
              .add("evidence", ev));
    }
    return a.build().toString();
  }

  /** The checks read back from {@link #json}. */
  static List<RuleCheck> checks(String json) {
    List<RuleCheck> out = new ArrayList<>();
    try (var r = Json.createReader(new StringReader(json))) {
      for (JsonValue v : r.readArray()) {
        JsonObject o = v.asJsonObject();
        List<RuleCheck.Evidence> ev = new ArrayList<>();
        for (JsonValue e : o.getJsonArray("evidence")) {
          ev.add(
              new RuleCheck.Evidence(
                  e.asJsonObject().getString("key"),
                  strings(e.asJsonObject().getJsonArray("args"))));
        }
        out.add(
            new RuleCheck(
                o.getString("ruleId"),
                Outcome.valueOf(o.getString("outcome")),
                o.getString("messageKey"),
                strings(o.getJsonArray("args")),
                ev));
      }
    }
    return out;
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder b = Json.createArrayBuilder();
    for (String s : values) {
      if (s == null) {
        b.addNull();
      } else {
        b.add(s);
      }
    }
    return b;
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : a) {
      out.add(
          v.getValueType() == JsonValue.ValueType.NULL
              ? null
              : ((jakarta.json.JsonString) v).getString());
    }
    return out;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String node() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}
