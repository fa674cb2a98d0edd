package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rules G2 and G3 over the round (issue 12). G2: two recommended applications on different lines
 * under one ID document both fail, with the other as evidence and the differing name flagged; a PI
 * on the provincial NSFC's imported list of the call's year fails with the list as evidence; a PI
 * alone passes. Only formal reviewers and officers read it.
 */
class FormalReviewRoundIT extends BrowserIT {

  static final long REC = 910501;
  static final long UNIT = 910511;

  static boolean created;

  void setUpRound() throws Exception {
    if (created) {
      return;
    }
    RecommendationIT.recommender(REC, "测试推荐局形审", "11330100IT0000501K");
    RecommendationIT.unit(UNIT, "测试申报单位形审", "91330100IT0000511L", REC);
    Db.createApplicant("it_fr_pi", "韩形审", "33010619770707123", UNIT);
    Api pi = Api.as(browser, base, "it_fr_pi", "Demo@2026");
    RecommendationIT.template = SubmissionIT.submitA1(pi);
    pi.systemClock();
    created = true;
  }

  /**
   * G3 over the round: an application that copies a third of another's text fails with that
   * application as its top source (title and truncated percentage), and the reviewer sees both
   * texts side by side with the copied passage highlighted in each; an applicant cannot.
   */
  @Test
  void aCopiedTextFailsG3AndIsShownSideBySide() throws Exception {
    setUpRound();
    String copied =
        "本项目面向深远海养殖装备的国产化需求，联合挪威科技大学海洋工程系共同研发抗风浪网箱的结构监测与智能投喂系统，"
            + "建立从传感器标定、数据融合到远程运维的完整技术链条，并在舟山海域开展为期两年的示范应用。";
    long original = recommended("A1", "110105194912310053", "韩原创");
    long copy = recommended("A1", "110105194912310061", "韩抄袭");
    texts(original, copied, "原创者独有的研究路线：以实验室水池试验为先导，逐步放大到近岸和远海。");
    texts(copy, copied, "抄袭者自己的一小段：拟与本省企业合作推广。");

    Api reviewer = Api.as(browser, base, "demo_review", "Demo@2026");
    Api.Reply r = reviewer.get("api/v1/formal-review/checks/g3");
    assertEquals(200, r.status(), r.body());
    JsonObject g3 =
        r.jsonArray().stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getJsonNumber("applicationId").longValue() == copy)
            .findFirst()
            .orElseThrow();
    assertEquals("FAIL", g3.getString("outcome"), g3.toString());
    String originalNo =
        Db.strings("select acceptance_no from sub_application where id = ?", original).get(0);
    String top = g3.getJsonArray("evidence").getJsonObject(0).getString("messageZh");
    assertTrue(top.contains(originalNo), g3.toString());
    assertTrue(top.matches(".*复制比 \\d{2}\\.\\d{2}%"), top);

    Api.Reply side =
        reviewer.get("api/v1/formal-review/applications/" + copy + "/similarity/" + original);
    assertEquals(200, side.status(), side.body());
    JsonObject view = side.json().getJsonObject("view");
    for (String which : List.of("document", "source")) {
      String matched =
          view.getJsonArray(which).stream()
              .map(v -> v.asJsonObject())
              .filter(o -> o.getInt("passage") > 0)
              .map(o -> o.getString("text"))
              .reduce("", String::concat);
      assertTrue(matched.contains("抗风浪网箱的结构监测与智能投喂系统"), which + ": " + view);
      assertTrue(!matched.contains("抄袭者自己") && !matched.contains("原创者独有"), which + ": " + view);
    }
    // an applicant never reads another application's text through it
    assertEquals(
        403,
        Api.as(browser, base, "demo_pi", "Demo@2026")
            .get("api/v1/formal-review/applications/" + copy + "/similarity/" + original)
            .status());
  }

  /** Sets an application's six sections: the copied part in the first, its own text after. */
  private static void texts(long id, String shared, String own) throws Exception {
    Db.update(
        "update sub_application set text_basis = ?, text_content = ?, text_route = ?,"
            + " text_cooperation = ?, text_outcomes = ?, text_indicators = ?,"
            + " content_sha256 = sha2(concat(?, ?), 256) where id = ?",
        shared,
        own,
        own + "（技术路线）",
        own + "（合作基础）",
        own + "（预期成果）",
        own + "（考核指标）",
        shared,
        own,
        id);
  }

  @Test
  void oneIdDocumentAcrossLinesAndAgainstTheNsfcList() throws Exception {
    setUpRound();
    int year = Api.anonymous(base).get("api/v1/call/calls/current").json().getInt("year");

    long a = recommended("A1", "11010519491231002X", "韩同证");
    long b = recommended("B1", "11010519491231002x", "韩同正");
    long c = recommended("A3", "110105194912310037", "韩列表");
    long d = recommended("A1", "110105194912310045", "韩独自");
    Db.update(
        "insert into dir_other_plan_pi (year, plan_kind, plan_name, project_title, id_type,"
            + " id_number, name, unit_name, import_batch, source, imported_at, imported_by)"
            + " values (?, 'NSFC', '省自然科学基金', '海洋材料基础研究', 'RESIDENT_ID',"
            + " '110105194912310037', '韩列表', '测试大学', 'it-fr-g2', 'FormalReviewRoundIT',"
            + " UTC_TIMESTAMP(6), 'demo_officer')",
        year);

    Api reviewer = Api.as(browser, base, "demo_review", "Demo@2026");
    Api.Reply r = reviewer.get("api/v1/formal-review/checks/g2");
    assertEquals(200, r.status(), r.body());
    Map<Long, JsonObject> byId =
        r.jsonArray().stream()
            .map(v -> v.asJsonObject())
            .collect(
                Collectors.toMap(
                    o -> o.getJsonNumber("applicationId").longValue(), o -> o, (x, y) -> x));

    // one ID document (the check letter in either case) on two lines: both fail, each naming the
    // other, and the differing name is flagged for a person
    for (long[] pair : new long[][] {{a, b}, {b, a}}) {
      JsonObject o = byId.get(pair[0]);
      assertEquals("FAIL", o.getString("outcome"), o.toString());
      assertEquals("G2", o.getString("ruleId"));
      List<String> keys = keys(o);
      assertEquals(
          List.of("formalreview.evidence.sameId", "formalreview.evidence.nameDiffers"),
          keys,
          o.toString());
      String other =
          Db.strings("select acceptance_no from sub_application where id = ?", pair[1]).get(0);
      assertTrue(
          o.getJsonArray("evidence").getJsonObject(0).getString("messageZh").contains(other),
          o.toString());
    }
    // on the NSFC's list of the call's year: fails with the list as evidence, same name
    JsonObject listed = byId.get(c);
    assertEquals("FAIL", listed.getString("outcome"), listed.toString());
    assertEquals(List.of("formalreview.evidence.otherPlan"), keys(listed));
    assertTrue(
        listed.getJsonArray("evidence").getJsonObject(0).getString("messageZh").contains("省自然科学基金"),
        listed.toString());
    // alone: passes, and says so in both languages
    JsonObject alone = byId.get(d);
    assertEquals("PASS", alone.getString("outcome"), alone.toString());
    assertTrue(alone.getString("messageEn").contains("only this application"), alone.toString());

    // nobody else reads it
    for (String user : List.of("demo_pi", "demo_rec", "demo_expert")) {
      assertEquals(
          403,
          Api.as(browser, base, user, "Demo@2026").get("api/v1/formal-review/checks/g2").status(),
          user);
    }
  }

  private static List<String> keys(JsonObject o) {
    return o.getJsonArray("evidence").stream().map(e -> e.asJsonObject().getString("key")).toList();
  }

  /** A recommended application of the test's unit with its PI's ID document and name. */
  private static long recommended(String line, String idNumber, String name) throws Exception {
    long id = RecommendationIT.confirmed(UNIT, line, null);
    Db.update(
        "update sub_application set status = 'RECOMMENDED', pi_id_type = 'RESIDENT_ID',"
            + " pi_id_number = ?, pi_name = ? where id = ?",
        idNumber,
        name,
        id);
    return id;
  }
}
