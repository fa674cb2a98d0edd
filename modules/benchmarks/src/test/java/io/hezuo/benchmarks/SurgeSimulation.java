package io.hezuo.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The deadline surge (issue 15, "Load test") against a running server whose clock says 17:00 of the
 * submission day ({@code HEZUO_CLOCK_SHIFT_SECONDS}) and whose database holds {@link SurgeData}
 * LOAD's applicants and drafts: each applicant signs in (HTTP Basic on the REST API once, then the
 * session cookie and its X-CSRF-Token), opens the draft, autosaves it a dozen times a few seconds
 * apart (the text growing, each save with the version of the last answer), uploads the attachment
 * its line requires (a small real PDF), reads the checks and submits; the acknowledged receipt
 * ({@code applicationId,acceptanceNo}) is appended to the receipts file at once. Meanwhile the unit
 * admins, recommenders and officers read their list pages (Faces, with the session of a Basic
 * sign-in) and REST lists. Run by {@code deploy/surge.sh}.
 *
 * <p>System properties: {@code surge.url} (loopback only), {@code surge.users} (1,000), {@code
 * surge.ramp} (seconds over which the applicants arrive, 300), {@code surge.offset} (the first
 * applicant's index, 0: a warm-up run takes applicants after the measured ones), {@code
 * surge.autosaves} (12), {@code surge.pause} (seconds between autosaves, 3), {@code surge.receipts}
 * (file), {@code surge.persistent} (false; true for the fault tests: a request that fails is tried
 * again, the submit until it is acknowledged, signing in again when the session was lost; the
 * assertions on errors are then left out: errors are counted and explained by the script).
 *
 * <p>Assertions: no failed request (a 403 is one), p99 per request type: pages ≤ 1 s, submit ≤ 3 s,
 * autosave ≤ 100 ms.
 */
public class SurgeSimulation extends Simulation {

  static final String PASSWORD = "Demo@2026";
  static final ObjectMapper JSON = new ObjectMapper();

  final String url = System.getProperty("surge.url", "http://127.0.0.1:8080/");
  final int users = Integer.getInteger("surge.users", 1_000);
  final int offset = Integer.getInteger("surge.offset", 0);
  final int ramp = Integer.getInteger("surge.ramp", 300);
  final int autosaves = Integer.getInteger("surge.autosaves", 12);
  final double pause = Double.parseDouble(System.getProperty("surge.pause", "3"));
  final boolean persistent = Boolean.getBoolean("surge.persistent");

  /** Autosave capacity mode: this many autosaves a second in all (0: the surge itself). */
  final int rate = Integer.getInteger("surge.rate", 0);

  /** Capacity mode: how long the paced autosaves last, once every applicant is signed in. */
  final int seconds = Integer.getInteger("surge.seconds", 60);

  final Path receipts =
      Path.of(System.getProperty("surge.receipts", "target/surge-receipts.csv")).toAbsolutePath();
  final byte[] pdf = pdf();

  /** How long the readers keep reading: until the last applicant should be done. */
  final int readSeconds =
      Integer.getInteger("surge.readSeconds", ramp + (int) Math.ceil(autosaves * pause * 1.5) + 20);

  static byte[] pdf() {
    try (InputStream in = SurgeSimulation.class.getResourceAsStream("/surge-attachment.pdf")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void receipt(Path file, long id, String acceptanceNo) {
    // written and forced at once: a receipt the client saw is on disk before anything else
    append(file, id + "," + acceptanceNo + "\n", StandardOpenOption.SYNC);
  }

  /** Appends a line to a file the virtual users share (one writer at a time). */
  static synchronized void append(Path file, String line, StandardOpenOption... more) {
    List<StandardOpenOption> options =
        new ArrayList<>(
            List.of(
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    options.addAll(List.of(more));
    try {
      Files.writeString(
          file, line, StandardCharsets.UTF_8, options.toArray(new StandardOpenOption[0]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The applicants in a shuffled order (fixed seed): surge_0001… and their drafts. */
  Iterator<Map<String, Object>> applicants() {
    List<Integer> order = new ArrayList<>(IntStream.range(offset, offset + users).boxed().toList());
    Collections.shuffle(order, new java.util.Random(15));
    return order.stream()
        .map(
            i -> {
              Map<String, Object> m = new HashMap<>();
              m.put("user", SurgeData.username(i));
              m.put("app", SurgeData.FIRST_APP + i);
              m.put(
                  "kind",
                  i % SurgeData.B_EVERY == SurgeData.B_EVERY - 1
                      ? "AID_HQ_LETTER"
                      : "COOPERATION_AGREEMENT");
              return m;
            })
        .iterator();
  }

  /** The form of the draft last read or saved, with the text grown and the version of that. */
  static String nextForm(Session s) {
    try {
      ObjectNode view = (ObjectNode) JSON.readTree(s.getString("view"));
      ObjectNode form = (ObjectNode) view.get("form");
      form.put("version", view.get("version").asLong());
      ObjectNode texts = (ObjectNode) form.get("texts");
      int n = s.getInt("save");
      texts.put(
          "content",
          texts.get("content").asText() + "（第" + (n + 1) + "次补充：进一步明确双方在联合研发中的分工、进度与知识产权安排。）");
      return JSON.writeValueAsString(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long version(Session s) {
    try {
      return JSON.readTree(s.getString("view")).get("version").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChainBuilder login() {
    return exec(http("login (Basic)")
            .get("api/v1/submission/applications")
            .basicAuth("#{user}", PASSWORD)
            .check(status().is(200))
            .check(header("X-CSRF-Token").saveAs("csrf")))
        .exitHereIfFailed();
  }

  ChainBuilder open() {
    return exec(http("open draft")
            .get("api/v1/submission/applications/#{app}")
            .check(status().is(200))
            .check(bodyString().saveAs("view")))
        .exitHereIfFailed();
  }

  ChainBuilder autosave() {
    return repeat(autosaves, "save")
        .on(
            exec(session -> session.set("form", nextForm(session)))
                .pause(
                    Duration.ofMillis((long) (pause * 500)),
                    Duration.ofMillis((long) (pause * 1500)))
                .exec(
                    http("autosave")
                        .put("api/v1/submission/applications/#{app}")
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", "#{csrf}")
                        .body(StringBody("#{form}"))
                        .check(status().is(200))
                        .check(bodyString().saveAs("view")))
                .exitHereIfFailed());
  }

  ChainBuilder upload() {
    return exec(http("upload attachment")
            .post(
                "api/v1/submission/applications/#{app}/attachments?kind=#{kind}&fileName=agreement.pdf")
            .header("Content-Type", "application/pdf")
            .header("X-CSRF-Token", "#{csrf}")
            .body(ByteArrayBody(pdf))
            .check(status().is(200))
            .check(bodyString().saveAs("view")))
        .exitHereIfFailed()
        .exec(
            http("checks")
                .get("api/v1/submission/applications/#{app}/checks")
                .check(status().is(200))
                .check(jsonPath("$.canSubmit").is("true")))
        .exitHereIfFailed();
  }

  ChainBuilder submit() {
    return exec(session -> session.set("submitVersion", version(session)))
        .exec(
            http("submit")
                .post("api/v1/submission/applications/#{app}/submit")
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", "#{csrf}")
                .body(StringBody("{\"version\":#{submitVersion}}"))
                .check(status().is(200))
                .check(jsonPath("$.status").is("SUBMITTED"))
                .check(jsonPath("$.acceptanceNo").saveAs("acceptanceNo")))
        .exec(
            session -> {
              if (session.contains("acceptanceNo")) {
                receipt(receipts, session.getLong("app"), session.getString("acceptanceNo"));
              }
              return session;
            });
  }

  /**
   * The fault tests' applicant: each step is tried again until its answer is what it should be (at
   * most 60 times, 2 s apart), signing in again first when the last try got no answer, a 401 or a
   * 403 (the node that held the session is gone); the submit is sent again with the same version
   * until a receipt comes back: the server answers a retry of a submit that succeeded with the same
   * receipt. An applicant whose step never succeeds stops there (the script counts it).
   */
  ChainBuilder persistently(ChainBuilder step, java.util.function.Predicate<Session> ok) {
    return exec(session -> session.set("tries", 0).set("ok", false).remove("code"))
        .asLongAs(session -> !session.getBoolean("ok") && session.getInt("tries") < 60)
        .on(
            exec(session -> session.set("tries", session.getInt("tries") + 1).markAsSucceeded())
                .doIf(
                    session ->
                        session.getInt("tries") > 1
                            && (!session.contains("code")
                                || session.getInt("code") == 401
                                || session.getInt("code") == 403))
                .then(
                    exec(session -> session.remove("code"))
                        .exec(
                            http("login again (Basic)")
                                .get("api/v1/submission/applications")
                                .basicAuth("#{user}", PASSWORD)
                                .check(status().is(200))
                                .check(header("X-CSRF-Token").saveAs("csrf"))))
                .exec(session -> session.remove("code").remove("resp"))
                .exec(step)
                .exec(
                    session -> {
                      boolean fine = ok.test(session);
                      if (!fine) {
                        failure(session);
                      }
                      return session.set("ok", fine);
                    })
                .doIf(session -> !session.getBoolean("ok"))
                .then(exec(session -> session).pause(Duration.ofSeconds(2))))
        .exitHereIf(session -> !session.getBoolean("ok"));
  }

  /** Where the fault tests' clients note each failed try (so that the script can explain it). */
  final Path failures =
      Path.of(System.getProperty("surge.failures", "target/surge-failures.txt")).toAbsolutePath();

  /**
   * Notes a failed try: the time, the user, the HTTP status (none: no answer) and the start of the
   * answer's body, one line each.
   */
  void failure(Session s) {
    String code = s.contains("code") ? String.valueOf(s.getInt("code")) : "none";
    String body = s.contains("resp") ? s.getString("resp") : "";
    body = body.replaceAll("\\s+", " ");
    String line =
        java.time.Instant.now()
            + " "
            + s.getString("user")
            + " HTTP "
            + code
            + " "
            + body.substring(0, Math.min(200, body.length()))
            + "\n";
    append(failures, line);
  }

  /** Whether the last answer was a 200 with an application view (its version). */
  static boolean isView(Session s) {
    if (!s.contains("code") || s.getInt("code") != 200 || !s.contains("resp")) {
      return false;
    }
    try {
      var node = JSON.readTree(s.getString("resp"));
      return node != null && node.has("version") && node.has("form");
    } catch (IOException e) {
      return false;
    }
  }

  /** A request of the persistent applicant: its status and body kept, a 200 expected. */
  static io.gatling.javaapi.http.HttpRequestActionBuilder kept(
      io.gatling.javaapi.http.HttpRequestActionBuilder r, Integer... alsoFine) {
    List<Integer> fine = new ArrayList<>(List.of(200));
    fine.addAll(List.of(alsoFine));
    // the saves come first: a check that fails stops the ones after it
    return r.check(status().saveAs("code"))
        .check(bodyString().saveAs("resp"))
        .check(status().in(fine));
  }

  ChainBuilder persistentApplicant() {
    ChainBuilder open =
        persistently(
            exec(kept(http("open draft").get("api/v1/submission/applications/#{app}"))),
            SurgeSimulation::isView);
    ChainBuilder save =
        persistently(
            exec(
                kept(
                    http("autosave")
                        .put("api/v1/submission/applications/#{app}")
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", "#{csrf}")
                        .body(StringBody("#{form}")),
                    409)),
            // 409: an earlier try was written but its answer lost; the draft is read again
            session ->
                isView(session) || (session.contains("code") && session.getInt("code") == 409));
    ChainBuilder upload =
        persistently(
            exec(
                kept(
                    http("upload attachment")
                        .post(
                            "api/v1/submission/applications/#{app}/attachments?kind=#{kind}&fileName=agreement.pdf")
                        .header("Content-Type", "application/pdf")
                        .header("X-CSRF-Token", "#{csrf}")
                        .body(ByteArrayBody(pdf)))),
            SurgeSimulation::isView);
    ChainBuilder submit =
        persistently(
            exec(
                kept(
                    http("submit")
                        .post("api/v1/submission/applications/#{app}/submit")
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", "#{csrf}")
                        .body(StringBody("{\"version\":#{submitVersion}}")))),
            session -> {
              if (!isView(session)) {
                return false;
              }
              try {
                var node = JSON.readTree(session.getString("resp"));
                return "SUBMITTED".equals(node.path("status").asText())
                    && !node.path("acceptanceNo").asText().isEmpty();
              } catch (IOException e) {
                return false;
              }
            });
    return exec(session ->
            session.set("csrf", session.contains("csrf") ? session.getString("csrf") : ""))
        .exec(open)
        .exec(session -> session.set("view", session.getString("resp")))
        .repeat(autosaves, "save")
        .on(
            pause(pause)
                .exec(session -> session.set("form", nextForm(session)))
                .exec(save)
                .exec(
                    session ->
                        session.getInt("code") == 200
                            ? session.set("view", session.getString("resp"))
                            : session)
                .doIf(session -> session.getInt("code") == 409)
                .then(exec(open).exec(session -> session.set("view", session.getString("resp")))))
        .exec(upload)
        .exec(session -> session.set("view", session.getString("resp")))
        .exec(session -> session.set("submitVersion", version(session)))
        .exec(submit)
        .exec(
            session -> {
              try {
                var node = JSON.readTree(session.getString("resp"));
                receipt(receipts, session.getLong("app"), node.path("acceptanceNo").asText());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return session;
            });
  }

  static ChainBuilder pause(double seconds) {
    return exec(session -> session)
        .pause(
            Duration.ofMillis((long) (seconds * 500)), Duration.ofMillis((long) (seconds * 1500)));
  }

  /** A reader: a user, a Faces list page and a REST list. */
  record Reader(String user, String page, String pageName, String rest, String restName) {}

  List<Reader> readers() {
    List<Reader> out = new ArrayList<>();
    out.add(
        new Reader(
            "demo_unit",
            "app/submission/unit.xhtml",
            "page submission/unit.xhtml",
            "api/v1/submission/unit/applications",
            "REST unit/applications"));
    out.add(
        new Reader(
            "demo_rec",
            "app/recommendation/list.xhtml",
            "page recommendation/list.xhtml",
            "api/v1/submission/search?size=20",
            "REST search"));
    out.add(
        new Reader(
            "demo_rec2",
            "app/recommendation/list.xhtml",
            "page recommendation/list.xhtml",
            "api/v1/submission/search?size=20",
            "REST search"));
    out.add(
        new Reader(
            "demo_officer",
            "app/submission/all.xhtml",
            "page submission/all.xhtml",
            "api/v1/submission/search?size=20",
            "REST search"));
    for (int u = 0; u < SurgeData.UNITS; u++) {
      out.add(
          new Reader(
              SurgeData.unitAdmin(u),
              "app/submission/unit.xhtml",
              "page submission/unit.xhtml",
              "api/v1/submission/unit/applications",
              "REST unit/applications"));
    }
    return out;
  }

  ScenarioBuilder readersScenario() {
    List<Map<String, Object>> feed =
        readers().stream()
            .map(
                r ->
                    Map.<String, Object>of(
                        "user", r.user(),
                        "page", r.page(),
                        "pageName", r.pageName(),
                        "rest", r.rest(),
                        "restName", r.restName()))
            .toList();
    return scenario("readers")
        .feed(feed.iterator())
        .exec(
            http("reader login (Basic)")
                .get("#{rest}")
                .basicAuth("#{user}", PASSWORD)
                .check(status().is(200)))
        .exitHereIfFailed()
        .during(Duration.ofSeconds(readSeconds))
        .on(
            pause(10)
                .exec(http("#{pageName}").get("#{page}").check(status().is(200)))
                .exec(pause(10))
                .exec(http("#{restName}").get("#{rest}").check(status().is(200))));
  }

  /**
   * Capacity mode ({@code surge.rate} > 0): every applicant signs in (over the ramp) and opens the
   * draft; at one instant for all, {@code surge.ramp} + 5 s after the start, they autosave together
   * for {@code surge.seconds}, each paced at users / rate seconds, so that the server is offered
   * exactly {@code surge.rate} autosaves a second (an open load: a slow answer is not followed by
   * fewer requests from the others). The client does as little as a browser's script would: the
   * form is made once from the draft, each save only puts the last answer's version and the count
   * into it, and asks for the short answer ({@code Prefer: return=minimal}).
   */
  ChainBuilder capacity(long startAt) {
    Duration pace = Duration.ofNanos(Math.round(users * 1e9 / rate));
    return exec(login())
        .exec(open())
        .exec(
            session -> {
              try {
                ObjectNode view = (ObjectNode) JSON.readTree(session.getString("view"));
                ObjectNode form = (ObjectNode) view.get("form");
                form.put("version", -4242424242L);
                ObjectNode texts = (ObjectNode) form.get("texts");
                texts.put("content", texts.get("content").asText() + "（第@@@次保存）");
                return session
                    .set("template", JSON.writeValueAsString(form))
                    .set("ver", view.get("version").asLong())
                    .remove("view");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .pause(session -> Duration.ofMillis(Math.max(0, startAt - System.currentTimeMillis())))
        .during(Duration.ofSeconds(seconds))
        .on(
            pace(pace)
                .exec(
                    session -> {
                      String form =
                          session
                              .getString("template")
                              .replace("-4242424242", String.valueOf(session.getLong("ver")))
                              .replace("@@@", String.valueOf(session.getLong("ver")));
                      return session.set("form", form);
                    })
                .exec(
                    http("autosave")
                        .put("api/v1/submission/applications/#{app}")
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", "#{csrf}")
                        .header("Prefer", "return=minimal")
                        .body(StringBody("#{form}"))
                        .check(status().is(200))
                        .check(jsonPath("$.version").ofLong().saveAs("ver")))
                .exitHereIfFailed());
  }

  ScenarioBuilder applicantsScenario() {
    ScenarioBuilder s = scenario("applicants").feed(applicants());
    if (rate > 0) {
      return s.exec(capacity(System.currentTimeMillis() + (ramp + 5) * 1000L));
    }
    if (persistent) {
      return s.exec(
              http("login (Basic)")
                  .get("api/v1/submission/applications")
                  .basicAuth("#{user}", PASSWORD)
                  .check(status().is(200))
                  .check(header("X-CSRF-Token").saveAs("csrf")))
          .exec(session -> session.markAsSucceeded())
          .exec(persistentApplicant());
    }
    return s.exec(login()).exec(open()).exec(autosave()).exec(upload()).exec(submit());
  }

  {
    URI base = URI.create(url.endsWith("/") ? url : url + "/");
    try {
      if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
        throw new IllegalArgumentException("loopback only: " + base.getHost());
      }
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
    HttpProtocolBuilder protocol =
        http.baseUrl(base.toString())
            .acceptHeader("application/json, text/html;q=0.9")
            .acceptLanguageHeader("zh-CN,zh;q=0.9,en;q=0.8")
            .userAgentHeader("hezuo-surge (Gatling)")
            .disableFollowRedirect();
    List<Assertion> assertions = new ArrayList<>();
    if (!persistent) {
      assertions.add(forAll().failedRequests().count().is(0L));
      assertions.add(details("autosave").responseTime().percentile(99.0).lte(100));
      if (rate > 0) {
        // the offered rate was sustained: at most 2 % fewer autosaves than offered
        assertions.add(
            details("autosave")
                .allRequests()
                .count()
                .gte((long) Math.floor(rate * seconds * 0.98)));
      }
      if (rate == 0) {
        assertions.add(details("submit").responseTime().percentile(99.0).lte(3000));
      }
      if (!Boolean.getBoolean("surge.noReaders")) {
        for (String page :
            List.of(
                "page submission/unit.xhtml",
                "page recommendation/list.xhtml",
                "page submission/all.xhtml")) {
          assertions.add(details(page).responseTime().percentile(99.0).lte(1000));
        }
      }
    }
    List<PopulationBuilder> populations = new ArrayList<>();
    populations.add(
        applicantsScenario().injectOpen(rampUsers(users).during(Duration.ofSeconds(ramp))));
    if (!Boolean.getBoolean("surge.noReaders")) {
      // the readers sign in over the first 20 s, not all in the same second
      populations.add(
          readersScenario().injectOpen(rampUsers(readers().size()).during(Duration.ofSeconds(20))));
    }
    setUp(populations)
        .protocols(protocol)
        .assertions(assertions)
        .maxDuration(Duration.ofSeconds(readSeconds + 600L));
  }
}
