package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recommendation over REST against the real server and database: R1 per group (A3's places, B's
 * combined quota, A2's one place per platform across the province), the races (50 attempts for 10
 * places end with 10; two recommenders racing for one platform end with one), D1 at the second and
 * the officer's reopening, documents bound to the recommended set and voided by a change, the
 * summary table read back, and a recommender that guesses ids outside its area gets 404.
 */
class RecommendationIT extends BrowserIT {

  static final long REC1 = 910201;
  static final long REC2 = 910202;
  static final long UNIT1 = 910211;
  static final long UNIT2 = 910212;
  static final long REC3 = 910203;
  static final long UNIT3 = 910213;
  static final long REC4 = 910204;
  static final long UNIT4 = 910214;

  /** The recommendation deadline of the 2026 call: 2025-09-19 17:30:00 Beijing time. */
  static final String BEFORE_DEADLINE = "2025-09-18T02:00:00Z";

  static boolean created;
  static long template;
  static int next = 1;

  Api officer;

  @BeforeEach
  void setUp() throws Exception {
    if (!created) {
      recommender(REC1, "测试推荐局甲", "11330100IT0000201A");
      recommender(REC2, "测试推荐局乙", "11330100IT0000202B");
      unit(UNIT1, "测试申报单位甲", "91330100IT0000211C", REC1);
      unit(UNIT2, "测试申报单位乙", "91330100IT0000212D", REC2);
      Db.createAccount("it_rec1", "RECOMMENDER", REC1);
      Db.createAccount("it_rec2", "RECOMMENDER", REC2);
      Db.createApplicant("it_rec_pi", "沈推荐", "33010619880808123", UNIT1);
      Api pi = Api.as(browser, base, "it_rec_pi", "Demo@2026");
      template = SubmissionIT.submitA1(pi);
      created = true;
    }
    officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    officer.clock(BEFORE_DEADLINE);
  }

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  static void recommender(long id, String name, String code) throws Exception {
    Db.update(
        "insert into dir_organisation (id, name, name_en, credit_code, type, city, county,"
            + " recommender_id, is_recommender, demo) values (?, ?, ?, ?, 'GOVERNMENT', '杭州市',"
            + " '上城区', null, 1, true)",
        id,
        name,
        name,
        code);
  }

  /**
   * A recommending unit's round of the test call as formal review finds it when everything was on
   * time (R2, D1): submitted on 2025-09-18 (before the 2025-09-19 17:30 deadline) with its three
   * stamped documents uploaded before that.
   */
  static void submittedRound(long recommender) throws Exception {
    Db.update(
        "insert into rec_round (call_id, recommender_id, status, set_hash, submitted_by,"
            + " submitted_at) select id, ?, 'SUBMITTED', repeat('0', 64), 'it_round',"
            + " '2025-09-18 02:00:00' from call_call where call_year = 2026",
        recommender);
    for (String kind : List.of("LETTER", "SUMMARY", "COMMITMENT")) {
      Db.update(
          "insert into rec_document (call_id, recommender_id, kind, file_name, size_bytes, pages,"
              + " sha256, content, set_hash, uploaded_by, uploaded_at) select id, ?, ?, ?, 4, 1,"
              + " repeat('a', 64), x'25504446', repeat('0', 64), 'it_round',"
              + " '2025-09-18 01:00:00' from call_call where call_year = 2026",
          recommender,
          kind,
          kind.toLowerCase(java.util.Locale.ROOT) + ".pdf");
    }
  }

  /**
   * The recommending unit's decision on an application, as recommending it leaves it (recommended,
   * first of its group, on 2025-09-17), and the application's status.
   */
  static void onRecord(long recommender, long applicationId) throws Exception {
    Db.update(
        "insert into rec_decision (application_id, call_id, recommender_id, line_code, rank_group,"
            + " decision, rank_no, decided_by, decided_at) select id, call_id, ?, line_code,"
            + " case when line_code like 'B%' then 'B' else line_code end, 'RECOMMENDED', 1, 'it_round', '2025-09-17 02:00:00' from sub_application"
            + " where id = ?",
        recommender, applicationId);
    Db.update("update sub_application set status = 'RECOMMENDED' where id = ?", applicationId);
  }

  static void unit(long id, String name, String code, long recommender) throws Exception {
    Db.update(
        "insert into dir_organisation (id, name, name_en, credit_code, type, city, county,"
            + " recommender_id, is_recommender, demo) values (?, ?, ?, ?, 'ENTERPRISE', '杭州市',"
            + " '滨江区', ?, 0, true)",
        id,
        name,
        name,
        code,
        recommender);
  }

  /**
   * A confirmed application of a unit on a line: a copy of the template (a real submitted A1
   * application) with its own PI, acceptance number, line and platform.
   */
  static long confirmed(long unit, String line, String platformCode) throws Exception {
    int n = next++;
    try (Connection c = Db.connect()) {
      List<String> cols = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "select column_name from information_schema.columns where table_schema = database()"
                  + " and table_name = 'sub_application' and upper(column_name) <> 'ID'"
                  + " order by ordinal_position")) {
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            cols.add(r.getString(1));
          }
        }
      }
      List<String> select = new ArrayList<>();
      for (String col : cols) {
        switch (col.toLowerCase()) {
          case "pi_username" -> select.add("'it_rec_clone_" + n + "'");
          case "acceptance_no" -> select.add("'HZ2026-IT-REC-" + n + "'");
          case "line_code" -> select.add("'" + line + "'");
          case "status" -> select.add("'CONFIRMED'");
          case "organisation_id" -> select.add(String.valueOf(unit));
          case "platform_code" ->
              select.add(platformCode == null ? "null" : "'" + platformCode + "'");
          default -> select.add(col);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into sub_application ("
                  + String.join(",", cols)
                  + ") select "
                  + String.join(",", select)
                  + " from sub_application where id = ?",
              PreparedStatement.RETURN_GENERATED_KEYS)) {
        s.setLong(1, template);
        s.executeUpdate();
        try (ResultSet k = s.getGeneratedKeys()) {
          k.next();
          return k.getLong(1);
        }
      }
    }
  }

  void quota(long recommender, String group, int places) throws Exception {
    Api.Reply r =
        officer.json(
            "PUT",
            "api/v1/recommendation/quotas/" + recommender + "/" + group,
            "{\"places\":" + places + ",\"reason\":\"IT\"}");
    assertEquals(204, r.status(), r.body());
  }

  @Test
  void fiftyAttemptsForTenPlacesEndWithTen() throws Exception {
    quota(REC1, "A3", 10);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(confirmed(UNIT1, "A3", null));
    }
    // five sessions of the same recommender ("tabs"), ten threads
    List<Api> tabs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tabs.add(Api.as(browser, base, "it_rec1", "Demo@2026"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Api tab = tabs.get(i % tabs.size());
        long id = ids.get(i);
        attempts.add(
            () ->
                tab.json("POST", "api/v1/recommendation/applications/" + id + "/recommend", "{}")
                    .status());
      }
      int ok = 0;
      int refused = 0;
      for (Future<Integer> f : pool.invokeAll(attempts)) {
        int s = f.get();
        if (s == 200) {
          ok++;
        } else if (s == 422) {
          refused++;
        } else {
          throw new AssertionError("unexpected status " + s);
        }
      }
      assertEquals(10, ok);
      assertEquals(40, refused);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        List.of("10"),
        Db.strings(
            "select count(*) from rec_decision where recommender_id = ? and rank_group = 'A3'"
                + " and decision = 'RECOMMENDED'",
            REC1));
    assertEquals(
        List.of("10"),
        Db.strings(
            "select count(*) from sub_application where organisation_id = ? and line_code = 'A3'"
                + " and status = 'RECOMMENDED'",
            UNIT1));
    // the 11th is refused with R1's message, naming the places
    Api rec = tabs.get(0);
    long eleventh = confirmed(UNIT1, "A3", null);
    Api.Reply r =
        rec.json("POST", "api/v1/recommendation/applications/" + eleventh + "/recommend", "{}");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.body().contains("R1") && r.body().contains("10"), r.body());
    // the round shows the use: A3 10 of 10, 0 remaining
    Api.Reply round = rec.get("api/v1/recommendation/round");
    assertEquals(200, round.status(), round.body());
    assertTrue(
        round.body().contains("\"group\":\"A3\"")
            && round.body().contains("\"places\":10")
            && round.body().contains("\"remaining\":0"),
        round.body());
  }

  @Test
  void bLinesShareOneQuotaAndA1HasNone() throws Exception {
    quota(REC2, "B", 2);
    Api rec = Api.as(browser, base, "it_rec2", "Demo@2026");
    long b1 = confirmed(UNIT2, "B1", null);
    long b3 = confirmed(UNIT2, "B3", null);
    long b4 = confirmed(UNIT2, "B4", null);
    assertEquals(200, recommend(rec, b1).status());
    assertEquals(200, recommend(rec, b3).status());
    Api.Reply third = recommend(rec, b4);
    assertEquals(422, third.status(), third.body());
    assertTrue(third.body().contains("R1"), third.body());
    // A1: no quota
    for (int i = 0; i < 3; i++) {
      assertEquals(200, recommend(rec, confirmed(UNIT2, "A1", null)).status());
    }
    // taking one B back frees its place
    assertEquals(
        204,
        rec.json(
                "POST",
                "api/v1/recommendation/applications/" + b1 + "/reconsider",
                "{\"reason\":\"换推\"}")
            .status());
    assertEquals(200, recommend(rec, b4).status());
    assertEquals(
        List.of("CONFIRMED"), Db.strings("select status from sub_application where id = ?", b1));
  }

  @Test
  void twoRecommendersRacingForOnePlatformEndWithOne() throws Exception {
    String centre =
        Db.strings("select code from call_platform where kind = 'CENTRE' order by id limit 1")
            .get(0);
    String line =
        Db.strings(
                "select l.code from call_platform p join call_line l on l.id = p.line_id"
                    + " where p.code = ?",
                centre)
            .get(0);
    long a = confirmed(UNIT1, line, centre);
    long b = confirmed(UNIT2, line, centre);
    Api rec1 = Api.as(browser, base, "it_rec1", "Demo@2026");
    Api rec2 = Api.as(browser, base, "it_rec2", "Demo@2026");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Api.Reply>> f =
          pool.invokeAll(List.of(() -> recommend(rec1, a), () -> recommend(rec2, b)));
      int ok = 0;
      for (Future<Api.Reply> x : f) {
        Api.Reply r = x.get();
        if (r.status() == 200) {
          ok++;
        } else {
          assertEquals(422, r.status(), r.body());
          assertTrue(r.body().contains("G9"), r.body());
        }
      }
      assertEquals(1, ok);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        List.of("1"),
        Db.strings(
            "select count(*) from sub_application where id in (?, ?) and status = 'RECOMMENDED'",
            a,
            b));
  }

  @Test
  void aRecommenderSeesOnlyItsOwnArea() throws Exception {
    long other = confirmed(UNIT2, "A1", null);
    long mine = confirmed(UNIT1, "A1", null);
    Api rec1 = Api.as(browser, base, "it_rec1", "Demo@2026");
    assertEquals(404, rec1.get("api/v1/recommendation/applications/" + other).status());
    assertEquals(404, recommend(rec1, other).status());
    assertEquals(404, rec1.get("api/v1/recommendation/applications/999999999").status());
    assertEquals(200, rec1.get("api/v1/recommendation/applications/" + mine).status());
    Api.Reply list = rec1.get("api/v1/recommendation/applications?size=500");
    assertEquals(200, list.status(), list.body());
    assertTrue(list.body().contains("HZ2026-IT-REC-"), list.body());
    assertTrue(!list.body().contains("\"id\":" + other + ","), list.body());
    // an applicant never sees quotas or ranking
    Api pi = Api.as(browser, base, "it_rec_pi", "Demo@2026");
    assertEquals(403, pi.get("api/v1/recommendation/round").status());
    assertEquals(403, pi.get("api/v1/recommendation/ranking/A1").status());
  }

  @Test
  void d1AtTheSecondAndTheOfficersReopening() throws Exception {
    Api rec2 = Api.as(browser, base, "it_rec2", "Demo@2026");
    long id = confirmed(UNIT2, "A1", null);
    officer.clock("2025-09-19T09:29:59Z");
    Api.Reply before = recommend(rec2, id);
    assertEquals(200, before.status(), before.body());
    long late = confirmed(UNIT2, "A1", null);
    officer.clock("2025-09-19T09:30:00Z");
    Api.Reply after = recommend(rec2, late);
    assertEquals(422, after.status(), after.body());
    assertTrue(
        after.body().contains("D1") && after.body().contains("2025-09-19 17:30:00"), after.body());
    // the officer reopens this recommender with a reason until 2025-09-22 12:00 Beijing time
    Api.Reply noReason =
        officer.json(
            "POST",
            "api/v1/recommendation/recommenders/" + REC2 + "/reopen",
            "{\"until\":\"2025-09-22T12:00:00\",\"reason\":\" \"}");
    assertEquals(422, noReason.status(), noReason.body());
    Api.Reply reopened =
        officer.json(
            "POST",
            "api/v1/recommendation/recommenders/" + REC2 + "/reopen",
            "{\"until\":\"2025-09-22T12:00:00\",\"reason\":\"系统故障顺延\"}");
    assertEquals(204, reopened.status(), reopened.body());
    assertEquals(200, recommend(rec2, late).status());
    assertEquals(
        List.of("recommendation-reopen"),
        Db.strings(
            "select action from krn_audit where entity_type = 'RecommendationRound'"
                + " and action = 'recommendation-reopen' and reason like '系统故障顺延%'"));
  }

  static Api.Reply recommend(Api rec, long id) throws Exception {
    return rec.json("POST", "api/v1/recommendation/applications/" + id + "/recommend", "{}");
  }

  /**
   * R2: submitting waits for every decision and the three valid documents; the documents are bound
   * to the recommended set in ranking order, so a new ranking voids them and they are uploaded
   * again; once submitted, the set is locked.
   */
  @Test
  void aChangedRankingVoidsTheUploadsAndSubmitWaitsForThem() throws Exception {
    recommender(REC3, "测试推荐局丁", "11330100IT0000203E");
    unit(UNIT3, "测试申报单位丁", "91330100IT0000213F", REC3);
    Db.createAccount("it_rec3", "RECOMMENDER", REC3);
    long a = confirmed(UNIT3, "A1", null);
    long b = confirmed(UNIT3, "A1", null);
    long c = confirmed(UNIT3, "A1", null);
    Api rec = Api.as(browser, base, "it_rec3", "Demo@2026");
    for (long id : List.of(a, b)) {
      Api.Reply r =
          rec.json("POST", "api/v1/recommendation/applications/" + id + "/recommend", "{}");
      assertEquals(200, r.status(), r.body());
    }

    // one undecided and no documents: refused, naming both
    Api.Reply early = rec.json("POST", "api/v1/recommendation/submit", "{}");
    assertEquals(422, early.status(), early.body());
    assertTrue(early.body().contains("\"R1\"") && early.body().contains("\"R2\""), early.body());
    Api.Reply no =
        rec.json(
            "POST",
            "api/v1/recommendation/applications/" + c + "/not-recommend",
            "{\"reason\":\"与本单位推荐方向不符\"}");
    assertEquals(200, no.status(), no.body());

    uploadAll(rec);
    assertEquals(List.of("3"), validDocuments());
    String hash = rec.get("api/v1/recommendation/round").json().getString("setHash");

    // a new ranking is a new set: the three uploads are void, and the round says why
    Api.Reply ranked =
        rec.json("PUT", "api/v1/recommendation/ranking/A1", "{\"order\":[" + b + "," + a + "]}");
    assertEquals(200, ranked.status(), ranked.body());
    assertEquals(List.of("0"), validDocuments());
    assertEquals(
        List.of("SET_CHANGED", "SET_CHANGED", "SET_CHANGED"),
        Db.strings(
            "select void_reason from rec_document where recommender_id = ? order by id", REC3));
    var round = rec.get("api/v1/recommendation/round").json();
    assertTrue(!hash.equals(round.getString("setHash")), hash);
    assertTrue(
        round.getJsonArray("documents").stream()
            .map(d -> d.asJsonObject())
            .filter(d -> !d.getBoolean("valid"))
            .allMatch(d -> "SET_CHANGED".equals(d.getString("voidReason"))),
        round.toString());
    Api.Reply stale = rec.json("POST", "api/v1/recommendation/submit", "{}");
    assertEquals(422, stale.status(), stale.body());
    assertTrue(stale.body().contains("\"R2\"") && !stale.body().contains("\"R1\""), stale.body());

    // uploaded again for the new set: submitted, and the set is locked
    uploadAll(rec);
    Api.Reply submitted = rec.json("POST", "api/v1/recommendation/submit", "{}");
    assertEquals(200, submitted.status(), submitted.body());
    assertEquals(
        List.of("SUBMITTED " + round.getString("setHash")),
        Db.strings(
            "select concat(status, ' ', set_hash) from rec_round where recommender_id = ?", REC3));
    Api.Reply locked =
        rec.json(
            "POST",
            "api/v1/recommendation/applications/" + c + "/reconsider",
            "{\"reason\":\"想再推荐\"}");
    assertTrue(locked.status() == 409 || locked.status() == 422, locked.status() + locked.body());
    assertEquals(
        List.of("NOT_RECOMMENDED"),
        Db.strings("select status from sub_application where id = ?", c));
  }

  /**
   * The round (its quotas and the hash of the recommended set, shown on every recommender page)
   * reads the set in a fixed number of statements, not one application in full per recommended one.
   */
  @Test
  void theRoundReadsTheRecommendedSetInAFixedNumberOfStatements() throws Exception {
    recommender(REC4, "测试推荐局戊", "11330100IT0000204G");
    unit(UNIT4, "测试申报单位戊", "91330100IT0000214H", REC4);
    Db.createAccount("it_rec4", "RECOMMENDER", REC4);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(confirmed(UNIT4, "A1", null));
    }
    Api rec = Api.as(browser, base, "it_rec4", "Demo@2026");
    assertEquals(200, recommend(rec, ids.get(0)).status());
    assertEquals(200, rec.get("api/v1/recommendation/round").status());
    long one = PageQueriesIT.statementsOf(() -> rec.get("api/v1/recommendation/round"));
    for (long id : ids.subList(1, 7)) {
      assertEquals(200, recommend(rec, id).status());
    }
    long seven = PageQueriesIT.statementsOf(() -> rec.get("api/v1/recommendation/round"));
    System.out.printf(
        "RecommendationIT: round with 1 recommended %d statements, with 7 %d%n", one, seven);
    assertTrue(seven <= one + 1, "1 recommended: " + one + " statements, 7: " + seven);
  }

  private static void uploadAll(Api rec) throws Exception {
    for (String kind : List.of("LETTER", "SUMMARY", "COMMITMENT")) {
      Api.Reply r =
          rec.send(
              "POST",
              "api/v1/recommendation/documents/" + kind + "?fileName=" + kind + ".pdf",
              "application/pdf",
              SubmissionIT.pdf());
      assertEquals(200, r.status(), r.body());
    }
  }

  private static List<String> validDocuments() throws Exception {
    return Db.strings(
        "select count(*) from rec_document where recommender_id = ? and voided_at is null", REC3);
  }
}
