package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Screens read the database a bounded number of times, however often their EL asks a getter: the
 * SQL statements the server sends while rendering a page are counted at the database (MariaDB's
 * global {@code Questions}, this build's own database, minus the counting statement itself). The
 * public call endpoint answers from the snapshot with an ETag and 304.
 */
class PageQueriesIT extends BrowserIT {

  /** Statements the database has received from all connections since it started. */
  static long questions(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show global status like 'Questions'")) {
      r.next();
      return r.getLong(2);
    }
  }

  /**
   * The statements the server sent while {@code render} ran: the counter's growth over the render
   * on one open connection, minus its growth over nothing (the counting statement itself).
   */
  static long statementsOf(ThrowingRunnable render) throws Exception {
    try (Connection c = Db.connect()) {
      long a = questions(c);
      long b = questions(c);
      render.run();
      long after = questions(c);
      return after - b - (b - a);
    }
  }

  /**
   * The fewest statements of {@code times} renders: the counter is global, so the server's
   * background work (the mail outbox retrying, recovery timers) can add to one render's count,
   * never take from it.
   */
  static long fewestStatementsOf(int times, ThrowingRunnable render) throws Exception {
    long fewest = Long.MAX_VALUE;
    for (int i = 0; i < times; i++) {
      fewest = Math.min(fewest, statementsOf(render));
    }
    return fewest;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void theApplicantsListAndTheGuideDoNotQueryFromGetters() throws Exception {
    // a PI of its own with one draft: the demo PI's list grows with every test that drafts for it
    // (the server and the database are shared by all test classes)
    String username = "it_pq_" + System.nanoTime() % 1_000_000;
    Db.createApplicant(
        username, "邱查询", String.format("330106197703%05d", System.nanoTime() % 100_000), 900003);
    Api pi = Api.as(browser, base, username, "Demo@2026");
    // three drafts: a list that read each application in full would send statements per row
    for (String line : List.of("A1", "A3", "B1")) {
      assertEquals(
          201,
          pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"" + line + "\"}")
              .status());
    }
    Api anonymous = Api.anonymous(base);
    // warm: the snapshot is built, the view compiled
    assertEquals(200, pi.get("app/submission/list.xhtml").status());
    assertEquals(200, anonymous.get("call/catalogue.xhtml").status());

    String[] page = new String[1];
    long list = statementsOf(() -> page[0] = pi.get("app/submission/list.xhtml").body());
    // the line menu lists every line (its labels come from lineName, once per line)
    assertTrue(page[0].contains("A2.1") && page[0].contains("B4"), page[0]);
    // before: the call and its six relationships were read for every EL evaluation (9 lines:
    // ~80 statements); now the session's account and the PI's applications, never the catalogue
    // (the count is the database's global one: the pool's own checks may add a few, so the bound
    // is loose; reading the catalogue from getters again would send ~80)
    // (the list reads the columns it shows: the count and one page, not each application in full)
    assertTrue(list <= 8, "list.xhtml sent " + list + " statements");

    long guide = statementsOf(() -> anonymous.get("call/catalogue.xhtml"));
    // the whole guide from the snapshot: at most the once-a-second version check (and a session
    // or audit statement if any)
    assertTrue(guide <= 2, "catalogue.xhtml sent " + guide + " statements");

    // the home page asks for the signed-in account from three beans: one statement and its roles,
    // once per request (before: four statements each time, plus a validation query per statement,
    // 33 in all)
    assertEquals(200, pi.get("app/home.xhtml").status());
    long home = statementsOf(() -> pi.get("app/home.xhtml"));
    assertTrue(home <= 10, "home.xhtml sent " + home + " statements");

    // repeated renders do not add statements
    long again = statementsOf(() -> pi.get("app/submission/list.xhtml"));
    System.out.printf(
        "PageQueriesIT: list.xhtml %d statements (again %d), catalogue.xhtml %d, home.xhtml %d%n",
        list, again, guide, home);
    assertTrue(again <= list + 1, "first " + list + ", again " + again);
  }

  @Test
  void theOfficersDashboardReadsAFixedNumberOfTimesWhateverTheRecommenders() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    // warm: the view compiled, the call's snapshot built
    assertEquals(200, officer.get("app/recommendation/dashboard.xhtml").status());

    String[] page = new String[1];
    long dashboard =
        statementsOf(() -> page[0] = officer.get("app/recommendation/dashboard.xhtml").body());
    // a row per recommending unit: the demo has at least two, other test classes add more
    int rows = page[0].split(":name\"", -1).length - 1;
    assertTrue(rows >= 2, page[0]);
    System.out.printf("PageQueriesIT: dashboard.xhtml %d statements, %d rows%n", dashboard, rows);
    // before: four counts through the submission facade (each with its directory read), the
    // round, decisions, quotas, documents and last reminder per recommender (13 or more each);
    // now the grouped counts, the units' recommenders, and one read each of the call's rounds,
    // decisions, quotas, documents and reminders, however many recommenders there are
    assertTrue(
        dashboard <= 20, "dashboard.xhtml sent " + dashboard + " statements for " + rows + " rows");
  }

  @Test
  void theExpertPoolReadsAPageNotAnExpertAtATime() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    assertEquals(200, officer.get("app/scoring/experts.xhtml").status()); // warm
    String[] page = new String[1];
    long statements =
        fewestStatementsOf(3, () -> page[0] = officer.get("app/scoring/experts.xhtml").body());
    // the demo pool fills the first page (20 of 40 experts)
    assertTrue(page[0].contains("钱专家") || page[0].contains("experts_data"), page[0]);
    // the session, the filters' choices, the latest import, then the count and one page; a getter
    // that read each expert (or the choices) again would send 20 or more
    System.out.printf("PageQueriesIT: experts.xhtml %d statements%n", statements);
    assertTrue(statements <= 20, "experts.xhtml sent " + statements + " statements");
  }

  @Test
  void theCurrentCallHasAnEtagAndAnswers304() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = Db.loopback(base).toURI().resolve("api/v1/call/calls/current");
    HttpResponse<String> first =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, first.statusCode());
    String etag = first.headers().firstValue("ETag").orElse(null);
    assertNotNull(etag, first.headers().map().toString());
    assertTrue(etag.matches("\"v\\d+-[0-9a-f]{16}\""), etag);
    assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(first.body().contains("\"lines\""), first.body());

    long statements =
        statementsOf(
            () -> {
              HttpResponse<String> r =
                  http.send(
                      HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                      HttpResponse.BodyHandlers.ofString());
              assertEquals(304, r.statusCode());
              assertEquals("", r.body());
              assertEquals(etag, r.headers().firstValue("ETag").orElse(""));
            });
    assertTrue(statements <= 1, statements + " statements for a 304");

    HttpResponse<String> other =
        http.send(
            HttpRequest.newBuilder(uri).header("If-None-Match", "\"v0-0000000000000000\"").build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, other.statusCode());
    assertEquals(first.body(), other.body());
  }
}
