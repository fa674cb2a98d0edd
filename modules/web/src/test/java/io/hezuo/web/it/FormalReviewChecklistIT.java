package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One application's checklist over REST (issue 12): every rule's automatic result with its message
 * and evidence in both languages. A complete A1 application passes every rule (green); a copy
 * without its agreement and above the cap fails completeness, G4 and G6; an A3 application shows
 * its platform base's fields beside its own field; two applications of the round for one A2 centre
 * both fail G9, each naming the other. Only formal reviewers and officers read it; an application
 * outside the round is not found.
 */
class FormalReviewChecklistIT extends BrowserIT {

  static final long REC = 910601;
  static final long UNIT = 910611;

  /** The demo applying unit that hosts the demo white-listed platform 900001. */
  static final long DEMO_UNIT = 900003;

  static boolean created;
  static long green;
  static int nextId = 1;

  void setUpRound() throws Exception {
    if (created) {
      return;
    }
    RecommendationIT.recommender(REC, "测试推荐局清单", "11330100IT0000601M");
    RecommendationIT.unit(UNIT, "测试申报单位清单", "91330100IT0000611N", REC);
    RecommendationIT.submittedRound(REC);
    Db.createApplicant("it_frc_pi", "许清单", "33010619750605123", UNIT);
    Api pi = Api.as(browser, base, "it_frc_pi", "Demo@2026");
    green = SubmissionIT.submitA1(pi);
    pi.systemClock();
    // the PI's own submitted application, recommended, with texts of its own (no similarity)
    RecommendationIT.onRecord(REC, green);
    texts(green, "许清单团队围绕极地冰区船舶结构健康监测的独有研究");
    RecommendationIT.template = green;
    created = true;
  }

  @Test
  void aCompleteApplicationIsGreenAndEveryRuleReadsInBothLanguages() throws Exception {
    setUpRound();
    JsonObject c = checklist(reviewer(), green);
    assertEquals("PASS", c.getString("automatic"), c.toString());
    assertTrue(c.getBoolean("green"), c.toString());
    assertEquals(
        List.of(),
        c.getJsonArray("failedRules").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    Map<String, JsonObject> rules = byRule(c);
    assertEquals(
        List.of(
            "F-COMPLETE",
            "G1",
            "G1-FIELD",
            "G2",
            "G3",
            "G4",
            "G5",
            "G6",
            "G7",
            "G8",
            "G9",
            "R1",
            "R2",
            "D1"),
        List.copyOf(rules.keySet()),
        c.toString());
    for (JsonObject r : rules.values()) {
      assertEquals("PASS", r.getString("outcome"), r.toString());
      assertFalse(r.getString("messageZh").isBlank() || r.getString("messageZh").contains("???"));
      assertFalse(r.getString("messageEn").isBlank() || r.getString("messageEn").contains("???"));
    }
    // the signed agreement is listed as attached; A1 is exempt from G1
    assertTrue(
        evidence(rules.get("F-COMPLETE"), "messageEn").get(0).startsWith("Attached: Cooperation"),
        rules.get("F-COMPLETE").toString());
    assertTrue(
        rules.get("G1").getString("messageEn").contains("exempt"), rules.get("G1").toString());
    // G8: Norway, dual submission: the partner's reference and date, the deadline shown as passed
    List<String> g8 = evidence(rules.get("G8"), "messageZh");
    assertTrue(g8.get(0).contains("挪威"), g8.toString());
    assertEquals("外方申报编号 IN-2025-77，申报日期 2025-09-10", g8.get(1));
    assertTrue(g8.get(2).startsWith("外方截止日期 2025-09-25，截至 "), g8.toString());
  }

  /**
   * R1, R2 and D1 read the recommendation: the rank and the unlimited A1 group, the three documents
   * and when the round was submitted, the times against the deadlines; a voided letter after the
   * deadline fails R2, and an application marked recommended with no decision on record is a
   * warning on R1 and R2.
   */
  @Test
  void theRecommendationIsCheckedOnR1R2AndD1() throws Exception {
    setUpRound();
    Map<String, JsonObject> rules = byRule(checklist(reviewer(), green));
    assertEquals("PASS", rules.get("R1").getString("outcome"), rules.get("R1").toString());
    assertTrue(
        rules.get("R1").getString("messageZh").contains("A1 类不限推荐名额"), rules.get("R1").toString());
    assertEquals(
        List.of(
            "推荐函：letter.pdf（2025-09-18 09:00:00 上传）",
            "推荐汇总表：summary.pdf（2025-09-18 09:00:00 上传）",
            "承诺书：commitment.pdf（2025-09-18 09:00:00 上传）",
            "推荐单位于 2025-09-18 10:00:00 提交推荐"),
        evidence(rules.get("R2"), "messageZh"));
    List<String> d1 = evidence(rules.get("D1"), "messageEn");
    assertTrue(d1.get(0).endsWith("the submission deadline is 2025-09-15 17:30:00"), d1.toString());
    assertEquals(
        "Recommended at 2025-09-17 10:00:00; the recommendation deadline is 2025-09-19 17:30:00",
        d1.get(1));

    Db.update(
        "update rec_document set voided_at = UTC_TIMESTAMP(6), void_reason = 'SET_CHANGED'"
            + " where recommender_id = ? and kind = 'LETTER'",
        REC);
    try {
      JsonObject r2 = byRule(checklist(reviewer(), green)).get("R2");
      assertEquals("FAIL", r2.getString("outcome"), r2.toString());
      assertTrue(
          evidence(r2, "messageEn").get(0).contains("is void: the recommended set"), r2.toString());
    } finally {
      Db.update(
          "update rec_document set voided_at = null, void_reason = null"
              + " where recommender_id = ? and kind = 'LETTER'",
          REC);
    }

    long unrecorded = recommended(UNIT, "A1", null);
    Map<String, JsonObject> bare = byRule(checklist(reviewer(), unrecorded));
    assertEquals("WARNING", bare.get("R1").getString("outcome"), bare.get("R1").toString());
    assertEquals("WARNING", bare.get("R2").getString("outcome"), bare.get("R2").toString());
  }

  @Test
  void aCopyWithoutItsAgreementAndAboveTheCapFails() throws Exception {
    setUpRound();
    long id = recommended(UNIT, "A1", null);
    Db.update("update sub_application set subsidy = 1500000.01 where id = ?", id);
    JsonObject c = checklist(reviewer(), id);
    assertEquals("FAIL", c.getString("automatic"), c.toString());
    assertFalse(c.getBoolean("green"));
    List<String> failed =
        c.getJsonArray("failedRules").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    assertTrue(failed.containsAll(List.of("F-COMPLETE", "G4", "G6")), failed.toString());
    Map<String, JsonObject> rules = byRule(c);
    assertTrue(
        evidence(rules.get("G4"), "messageEn").stream()
            .anyMatch(e -> e.contains("signed cooperation agreement")),
        rules.get("G4").toString());
    assertTrue(
        evidence(rules.get("G6"), "messageZh").stream().anyMatch(e -> e.contains("1,500,000.00 元")),
        rules.get("G6").toString());
    assertEquals("FAIL", rules.get("F-COMPLETE").getString("outcome"));
    assertTrue(
        evidence(rules.get("F-COMPLETE"), "messageEn").contains("No attachment uploaded."),
        rules.get("F-COMPLETE").toString());
    // its own ID document and texts: G2 and G3 still pass
    assertEquals("PASS", rules.get("G2").getString("outcome"), rules.get("G2").toString());
    assertEquals("PASS", rules.get("G3").getString("outcome"), rules.get("G3").toString());
  }

  @Test
  void thePlatformsFieldsBesideTheProjectsField() throws Exception {
    setUpRound();
    long id = recommended(DEMO_UNIT, "A3", null);
    Db.update(
        "update sub_application set base_platform_id = 900001, field_code = 'SUSTAINABLE'"
            + " where id = ?",
        id);
    Map<String, JsonObject> rules = byRule(checklist(reviewer(), id));
    JsonObject field = rules.get("G1-FIELD");
    assertEquals("WARNING", field.getString("outcome"), field.toString());
    List<String> zh = evidence(field, "messageZh");
    assertTrue(zh.get(0).contains("海洋经济；装备制造；新材料"), zh.toString());
    assertEquals("项目的合作领域：可持续发展技术", zh.get(1));
    assertEquals(
        "Field of cooperation of the project: Sustainable development technology (可持续发展技术)",
        evidence(field, "messageEn").get(1));
    // the PI (by ID document) is no member of the platform: G1 fails at formal review
    assertEquals("FAIL", rules.get("G1").getString("outcome"), rules.get("G1").toString());
  }

  @Test
  void twoApplicationsForOneCentreBothFailG9() throws Exception {
    setUpRound();
    long a = recommended(UNIT, "A2.1", "BRICS-DEEPSEA");
    long b = recommended(UNIT, "A2.1", "BRICS-DEEPSEA");
    long other = recommended(UNIT, "A2.1", "CN-ARAB-HEALTH");
    Api reviewer = reviewer();
    // other tests may have left applications for the same centre in the round: all count
    String inRound =
        Db.strings(
                "select count(*) from sub_application where platform_code = 'BRICS-DEEPSEA'"
                    + " and line_code = 'A2.1'"
                    + " and status in ('RECOMMENDED', 'FORMAL_PASSED', 'FORMAL_FAILED')")
            .get(0);
    for (long[] pair : new long[][] {{a, b}, {b, a}}) {
      JsonObject g9 = byRule(checklist(reviewer, pair[0])).get("G9");
      assertEquals("FAIL", g9.getString("outcome"), g9.toString());
      assertTrue(g9.getString("messageZh").contains("本轮共有 " + inRound + " 项"), g9.toString());
      String otherNo =
          Db.strings("select acceptance_no from sub_application where id = ?", pair[1]).get(0);
      List<String> ev = evidence(g9, "messageZh");
      assertTrue(ev.stream().anyMatch(e -> e.startsWith("同一平台的另一申报：" + otherNo)), ev.toString());
    }
    JsonObject alone = byRule(checklist(reviewer, other)).get("G9");
    boolean onlyOne =
        Db.strings(
                "select count(*) from sub_application where platform_code = 'CN-ARAB-HEALTH'"
                    + " and status in ('RECOMMENDED', 'FORMAL_PASSED', 'FORMAL_FAILED')")
            .get(0)
            .equals("1");
    if (onlyOne) {
      assertFalse("FAIL".equals(alone.getString("outcome")), alone.toString());
    }
  }

  @Test
  void onlyReviewersAndOfficersAndOnlyTheRound() throws Exception {
    setUpRound();
    String path = "api/v1/formal-review/applications/" + green + "/checklist";
    assertEquals(200, Api.as(browser, base, "demo_officer", "Demo@2026").get(path).status());
    for (String user : List.of("demo_pi", "it_frc_pi", "demo_rec", "demo_expert")) {
      assertEquals(403, Api.as(browser, base, user, "Demo@2026").get(path).status(), user);
    }
    // an application not (yet) recommended, and one that does not exist: not found
    long confirmed = RecommendationIT.confirmed(UNIT, "A1", null);
    Api reviewer = reviewer();
    assertEquals(
        404,
        reviewer.get("api/v1/formal-review/applications/" + confirmed + "/checklist").status());
    assertEquals(
        404, reviewer.get("api/v1/formal-review/applications/99999999/checklist").status());
  }

  private Api reviewer() throws Exception {
    return Api.as(browser, base, "demo_review", "Demo@2026");
  }

  private static JsonObject checklist(Api api, long id) throws Exception {
    Api.Reply r = api.get("api/v1/formal-review/applications/" + id + "/checklist");
    assertEquals(200, r.status(), r.body());
    JsonObject o = r.json();
    assertEquals(id, o.getJsonNumber("applicationId").longValue());
    return o;
  }

  private static Map<String, JsonObject> byRule(JsonObject checklist) {
    return checklist.getJsonArray("checks").stream()
        .map(v -> v.asJsonObject())
        .collect(
            Collectors.toMap(
                o -> o.getString("ruleId"), o -> o, (x, y) -> x, java.util.LinkedHashMap::new));
  }

  private static List<String> evidence(JsonObject rule, String language) {
    return rule.getJsonArray("evidence").stream()
        .map(e -> e.asJsonObject().getString(language))
        .toList();
  }

  /**
   * A recommended copy of the template (no attachments) of a unit on a line, with an ID document
   * and texts of its own.
   */
  private static long recommended(long unit, String line, String platform) throws Exception {
    long id = RecommendationIT.confirmed(unit, line, platform);
    int n = nextId++;
    Db.update(
        "update sub_application set status = 'RECOMMENDED', pi_id_type = 'RESIDENT_ID',"
            + " pi_id_number = ?, pi_name = ? where id = ?",
        "11010519750605" + String.format("%04d", n),
        "许" + "甲乙丙丁戊己庚辛壬癸".charAt(n % 10) + n,
        id);
    texts(id, own(id));
    return id;
  }

  /** Sixty Han characters drawn at random (seeded by the id): no 13-character run in common. */
  private static String own(long id) {
    java.util.Random r = new java.util.Random(id * 7919L);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      b.append((char) (0x4E00 + r.nextInt(0x51A5)));
    }
    return b.toString();
  }

  /** Sets an application's six sections to texts of its own (and its content hash). */
  private static void texts(long id, String own) throws Exception {
    Db.update(
        "update sub_application set text_basis = ?, text_content = ?, text_route = ?,"
            + " text_cooperation = ?, text_outcomes = ?, text_indicators = ?,"
            + " content_sha256 = sha2(concat(?, ?), 256) where id = ?",
        own + "（立项依据）",
        own + "（研究内容）",
        own + "（技术路线）",
        own + "（合作基础）",
        own + "（预期成果）",
        own + "（考核指标）",
        own,
        String.valueOf(id),
        id);
  }
}
