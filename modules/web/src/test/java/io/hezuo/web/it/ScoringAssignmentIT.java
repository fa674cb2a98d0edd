package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The officer's assignment of experts (issue 13): the review settings checked (fewer than three
 * experts per application, a window closing before it opens); the automatic assignment respects
 * each conflict (an expert of the applying unit, a past collaborator of the PI, a declared
 * conflict, the same city when the call says so), inactive experts and loads, keeps a sheet the
 * expert started, replaces the rest and reports the shortfall; a conflicted hand pick is 422 with
 * its reasons; removing and reopening need a reason; reminders reach the inbox and the mail outbox;
 * no one but an officer may use any of it.
 *
 * <p>The automatic run is limited to the test's two applications; the other experts of the pool are
 * deactivated while it runs (and reactivated after) so that the loads are the test's own.
 */
class ScoringAssignmentIT extends BrowserIT {

  static final long E_UNIT = 913001;
  static final long E_COLLAB = 913002;
  static final long E_DECLARED = 913003;
  static final long E_CITY = 913004;
  static final long E5 = 913005;
  static final long E6 = 913006;
  static final long E7 = 913007;
  static final long E_INACTIVE = 913008;

  static void expert(
      long id,
      String name,
      String idNumber,
      String unit,
      String code,
      String city,
      String fields,
      int maxLoad,
      boolean active)
      throws Exception {
    Db.update(
        "insert into sc_expert (id, id_type, id_number, name, unit_name, unit_credit_code, title,"
            + " fields, city, email, phone, max_load, active, created_at, created_by, demo)"
            + " values (?, 'RESIDENT_ID', ?, ?, ?, ?, '研究员', ?, ?, ?, '13800000000', ?, ?,"
            + " UTC_TIMESTAMP(6), 'it', true)",
        id,
        idNumber,
        name,
        unit,
        code,
        fields,
        city,
        "it_sc_" + id + "@example.com",
        maxLoad,
        active);
  }

  static String review(Api officer, int per, String opens, String closes, boolean sameCity)
      throws Exception {
    long version = officer.get("api/v1/scoring/review").json().getJsonNumber("version").longValue();
    return "{\"opensAt\":"
        + (opens == null ? "null" : "\"" + opens + "\"")
        + ",\"closesAt\":"
        + (closes == null ? "null" : "\"" + closes + "\"")
        + ",\"perApplication\":"
        + per
        + ",\"blind\":false,\"sameCityConflict\":"
        + sameCity
        + ",\"normalise\":false,\"outlierThreshold\":15,\"version\":"
        + version
        + ",\"reason\":\"评审安排\"}";
  }

  @Test
  void theOfficerAssignsExpertsRespectingConflictsAndLoads() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");

    // the settings: fewer than three per application and a window closing before it opens refused
    Api.Reply bad =
        officer.json(
            "PUT",
            "api/v1/scoring/review",
            review(officer, 2, "2026-10-10T00:00:00Z", "2026-10-01T00:00:00Z", true));
    assertEquals(422, bad.status(), bad.body());
    for (String expected : List.of("F-REVIEW", "perApplication", "closesAt", "至少为 3")) {
      assertTrue(bad.body().contains(expected), expected + " in " + bad.body());
    }
    Api.Reply set =
        officer.json(
            "PUT",
            "api/v1/scoring/review",
            review(officer, 3, "2026-10-01T00:00:00Z", "2026-10-31T09:00:00Z", true));
    assertEquals(200, set.status(), set.body());
    assertEquals(3, set.json().getInt("perApplication"));
    assertTrue(set.json().getBoolean("sameCityConflict"));
    assertTrue(
        Db.strings(
                "select concat(action, '|', actor, '|', reason, '|', to_state) from krn_audit"
                    + " where entity_type = 'ScoringReview' order by id desc limit 1")
            .get(0)
            .matches("review-change\\|demo_officer\\|评审安排\\|.*per application 3.*same city true.*"),
        "the change audited with its reason");

    // two applications that passed formal review (unit 测试申报单位批量, 杭州市), and an earlier
    // one on which the first one's PI and a future expert worked together
    FormalReviewRunIT.setUpRound();
    long a = FormalReviewRunIT.recommended(browser, base);
    long b = FormalReviewRunIT.recommended(browser, base);
    long earlier = FormalReviewRunIT.recommended(browser, base);
    for (long id : List.of(a, b)) {
      Db.update(
          "update sub_application set status = 'FORMAL_PASSED', discipline_code = 'F0101' where id = ?",
          id);
    }
    String piA = Db.strings("select pi_id_number from sub_application where id = ?", a).get(0);
    String earlierNo =
        Db.strings("select acceptance_no from sub_application where id = ?", earlier).get(0);
    String collabId = "33010219700101" + String.format("%04d", (a % 9000) + 1000);
    for (String[] m : List.of(new String[] {"甲合作", collabId}, new String[] {"乙负责", piA})) {
      Db.update(
          "insert into sub_team_member (application_id, position, name, id_type, id_number, unit,"
              + " role, months) select ?, coalesce(max(position), 0) + 1, ?, 'RESIDENT_ID', ?,"
              + " '某大学', '成员', 6 from sub_team_member where application_id = ?",
          earlier,
          m[0],
          m[1],
          earlier);
    }

    expert(
        E_UNIT,
        "申单位",
        "330102196001010011",
        "测试申报单位批量",
        "91330100IT0000811N",
        "宁波市",
        "F0101",
        5,
        true);
    expert(E_COLLAB, "合作者", collabId, "某大学", null, "宁波市", "F0101", 5, true);
    expert(E_DECLARED, "已声明", "330102196001010033", "某研究院", null, "温州市", "F", 1, true);
    expert(E_CITY, "同城者", "330102196001010044", "杭州另一单位", null, "杭州市", "F0101", 5, true);
    expert(E5, "专家五", "330102196001010055", "宁波大学", null, "宁波市", "F0101", 1, true);
    expert(E6, "专家六", "330102196001010066", "温州大学", null, "温州市", "F01", 1, true);
    expert(E7, "专家七", "330102196001010077", "湖州学院", null, "湖州市", "H01", 1, true);
    expert(E_INACTIVE, "已停用", "330102196001010088", "嘉兴学院", null, "嘉兴市", "F0101", 5, false);
    // the expert declared a conflict on b; a started sheet on a (kept); an unopened one (replaced)
    Db.update(
        "insert into sc_declared_conflict (expert_id, application_id, reason, declared_at)"
            + " values (?, ?, '曾指导申请人的研究生', UTC_TIMESTAMP(6))",
        E_DECLARED,
        b);
    String callId = Db.strings("select call_id from sub_application where id = ?", a).get(0);
    for (Object[] r :
        List.of(
            new Object[] {b, E_DECLARED, "CONFLICT"},
            new Object[] {a, E7, "DRAFT"},
            new Object[] {b, E_INACTIVE, "ASSIGNED"})) {
      Db.update(
          "insert into sc_assignment (call_id, application_id, expert_id, line_code, status, fit,"
              + " assigned_by, assigned_at) values (?, ?, ?, 'A1', ?, 0, 'it', UTC_TIMESTAMP(6))",
          callId,
          r[0],
          r[1],
          r[2]);
    }

    // why pairs conflict, explained
    JsonObject unit = conflicts(officer, a, E_UNIT);
    assertTrue(unit.getBoolean("conflicted"));
    assertEquals(List.of("SAME_UNIT"), kinds(unit));
    assertTrue(
        reason(unit, "zh").contains("测试申报单位批量") && reason(unit, "en").contains("applying unit"),
        unit.toString());
    JsonObject collab = conflicts(officer, a, E_COLLAB);
    assertEquals(List.of("COLLABORATOR"), kinds(collab), collab.toString());
    assertTrue(reason(collab, "zh").contains(earlierNo), collab.toString());
    assertFalse(conflicts(officer, b, E_COLLAB).getBoolean("conflicted"));
    assertEquals(List.of("DECLARED"), kinds(conflicts(officer, b, E_DECLARED)));
    assertEquals(List.of("SAME_CITY"), kinds(conflicts(officer, a, E_CITY)));
    assertFalse(conflicts(officer, a, E5).getBoolean("conflicted"));

    Map<String, Boolean> others = new HashMap<>();
    List<String> rows =
        Db.strings(
            "select concat(id, ':', active) from sc_expert where id not between 913001 and"
                + " 913008");
    for (String r : rows) {
      others.put(r.split(":")[0], r.endsWith("1"));
    }
    Db.update("update sc_expert set active = false where id not between 913001 and 913008");
    try {
      // refused without the confirmation
      Api.Reply unconfirmed =
          officer.json(
              "POST",
              "api/v1/scoring/assignments/auto",
              "{\"applicationIds\":[" + a + "," + b + "]}");
      assertEquals(422, unconfirmed.status(), unconfirmed.body());
      Api.Reply run =
          officer.json(
              "POST",
              "api/v1/scoring/assignments/auto",
              "{\"confirm\":true,\"applicationIds\":[" + a + "," + b + "]}");
      assertEquals(200, run.status(), run.body());
      JsonObject summary = run.json();
      // a: E7 (started, kept) + two of E5, E6, E_DECLARED; b: E_COLLAB + the rest; loads of 1:
      // five places for six seats, one application one short for want of load
      assertEquals(5, summary.getInt("assigned"), summary.toString());
      assertEquals(1, summary.getInt("kept"), summary.toString());
      assertEquals(1, summary.getInt("replaced"), summary.toString());
      JsonArray shorts = summary.getJsonArray("shortfalls");
      assertEquals(1, shorts.size(), summary.toString());
      assertEquals("LOADS_EXHAUSTED", shorts.getJsonObject(0).getString("reason"));
      assertEquals(1, shorts.getJsonObject(0).getInt("missing"));
      assertTrue(shorts.getJsonObject(0).getString("zh").contains("缺 1 名专家"));
      assertTrue(summary.getJsonNumber("averageFit").doubleValue() > 0, summary.toString());

      List<String> held =
          Db.strings(
              "select concat(application_id, ':', expert_id, ':', status) from sc_assignment"
                  + " where application_id in (?, ?) and status in ('ASSIGNED', 'DRAFT')",
              a,
              b);
      assertTrue(held.contains(a + ":" + E7 + ":DRAFT"), held.toString());
      assertTrue(held.contains(b + ":" + E_COLLAB + ":ASSIGNED"), held.toString());
      for (String h : held) {
        long e = Long.parseLong(h.split(":")[1]);
        long app = Long.parseLong(h.split(":")[0]);
        assertFalse(e == E_UNIT || e == E_CITY || e == E_INACTIVE, h);
        assertFalse(app == a && e == E_COLLAB, h);
        assertFalse(app == b && e == E_DECLARED, h);
      }
      for (long e : List.of(E5, E6, E7, E_DECLARED, E_COLLAB)) {
        assertTrue(
            held.stream().filter(h -> h.split(":")[1].equals(String.valueOf(e))).count() <= 1,
            held.toString());
      }
      assertEquals(
          List.of(),
          Db.strings(
              "select id from sc_assignment where application_id = ? and expert_id = ?",
              b,
              E_INACTIVE));
      assertEquals(
          List.of("1"),
          Db.strings(
              "select count(*) from krn_audit where entity_type = 'ScoringAssignment' and action"
                  + " = 'assign-auto' and actor = 'demo_officer' and to_state like '%5 assigned%'"));
    } finally {
      for (Map.Entry<String, Boolean> o : others.entrySet()) {
        Db.update("update sc_expert set active = ? where id = ?", o.getValue(), o.getKey());
      }
    }

    // by hand: a conflicted pair is 422 with the reasons; inactive and over load refused
    Api.Reply conflicted =
        officer.json(
            "POST",
            "api/v1/scoring/assignments",
            "{\"applicationId\":" + a + ",\"expertId\":" + E_UNIT + "}");
    assertEquals(422, conflicted.status(), conflicted.body());
    assertTrue(conflicted.body().contains("F-CONFLICT"), conflicted.body());
    assertTrue(conflicted.body().contains("测试申报单位批量"), conflicted.body());
    Api.Reply inactive =
        officer.json(
            "POST",
            "api/v1/scoring/assignments",
            "{\"applicationId\":" + a + ",\"expertId\":" + E_INACTIVE + "}");
    assertEquals(422, inactive.status(), inactive.body());
    assertTrue(inactive.body().contains("F-EXPERT"), inactive.body());
    long shortApp =
        Long.parseLong(
            Db.strings(
                    "select application_id from sc_assignment where application_id in (?, ?) and status in"
                        + " ('ASSIGNED', 'DRAFT') group by application_id having count(*) = 2",
                    a,
                    b)
                .get(0));
    long busy =
        Long.parseLong(
            Db.strings(
                    "select expert_id from sc_assignment where application_id <> ? and"
                        + " application_id in (?, ?) and expert_id in (?, ?) and status ="
                        + " 'ASSIGNED'",
                    shortApp,
                    a,
                    b,
                    E5,
                    E6)
                .get(0));
    Api.Reply overLoad =
        officer.json(
            "POST",
            "api/v1/scoring/assignments",
            "{\"applicationId\":" + shortApp + ",\"expertId\":" + busy + "}");
    assertEquals(422, overLoad.status(), overLoad.body());
    assertTrue(overLoad.body().contains("F-LOAD"), overLoad.body());

    // removing: a reason is required; then the expert's load is free for the short application
    long busyRow =
        Long.parseLong(
            Db.strings(
                    "select id from sc_assignment where expert_id = ? and status = 'ASSIGNED'",
                    busy)
                .get(0));
    assertEquals(
        422, officer.send("DELETE", "api/v1/scoring/assignments/" + busyRow, null, null).status());
    Api.Reply removed =
        officer.send(
            "DELETE",
            "api/v1/scoring/assignments/" + busyRow + "?reason=" + enc("专家出差无法参加"),
            null,
            null);
    assertEquals(200, removed.status(), removed.body());
    assertEquals("REMOVED", removed.json().getString("status"));
    Api.Reply added =
        officer.json(
            "POST",
            "api/v1/scoring/assignments",
            "{\"applicationId\":" + shortApp + ",\"expertId\":" + busy + "}");
    assertEquals(201, added.status(), added.body());
    assertTrue(added.json().getBoolean("pinned"));
    assertEquals(
        List.of("assign-remove|专家出差无法参加"),
        Db.strings(
            "select concat(action, '|', reason) from krn_audit where entity_type ="
                + " 'ScoringAssignment' and entity_id = ? and action = 'assign-remove'",
            String.valueOf(busyRow)));

    // reopening a submitted sheet: a reason required; not removable while submitted
    long draft =
        Long.parseLong(
            Db.strings(
                    "select id from sc_assignment where application_id = ? and expert_id = ?",
                    a,
                    E7)
                .get(0));
    Db.update(
        "update sc_assignment set status = 'SUBMITTED', total = 81.50, submitted_at ="
            + " '2026-10-05 02:00:00' where id = ?",
        draft);
    Api.Reply notRemovable =
        officer.send(
            "DELETE", "api/v1/scoring/assignments/" + draft + "?reason=" + enc("试试"), null, null);
    assertEquals(422, notRemovable.status(), notRemovable.body());
    assertTrue(notRemovable.body().contains("F-STATE"), notRemovable.body());
    Api.Reply noReason =
        officer.json("POST", "api/v1/scoring/assignments/" + draft + "/reopen", "{}");
    assertEquals(422, noReason.status(), noReason.body());
    assertTrue(noReason.body().contains("F-REQ"), noReason.body());
    Api.Reply reopened =
        officer.json(
            "POST",
            "api/v1/scoring/assignments/" + draft + "/reopen",
            "{\"reason\":\"评审意见与打分不一致\"}");
    assertEquals(200, reopened.status(), reopened.body());
    assertEquals("DRAFT", reopened.json().getString("status"));
    assertEquals(
        List.of("demo_officer|评审意见与打分不一致"),
        Db.strings(
            "select concat(reopened_by, '|', reopen_reason) from sc_assignment where id = ?",
            draft));
    String audited =
        Db.strings(
                "select concat(from_state, '|', reason) from krn_audit where entity_type ="
                    + " 'ScoringAssignment' and entity_id = ? and action = 'sheet-reopen'",
                String.valueOf(draft))
            .get(0);
    assertTrue(audited.contains("SUBMITTED 2026-10-05T02:00:00Z"), audited);

    // reminders: the expert with an account and an address, in the inbox and the mail outbox
    Db.update(
        "insert into dir_person (name, id_type, id_number, email) values ('专家五', 'RESIDENT_ID',"
            + " '330102196001010055', 'it_sc_e5@example.com')");
    Db.createAccount("it_sc_e5", "EXPERT");
    Db.update(
        "update dir_account set person_id = (select id from dir_person where id_number ="
            + " '330102196001010055') where username = 'it_sc_e5'");
    Db.update("update sc_expert set username = 'it_sc_e5' where id = ?", E5);
    Api.Reply reminded =
        officer.json("POST", "api/v1/scoring/assignments/remind", "{\"expertIds\":[" + E5 + "]}");
    assertEquals(200, reminded.status(), reminded.body());
    assertEquals(1, reminded.json().getInt("reminded"));
    assertEquals(
        List.of("it_sc_e5@example.com"),
        Db.strings(
            "select to_address from krn_mail_outbox where entity_type = 'ScoringExpert' and"
                + " entity_id = ?",
            String.valueOf(E5)));
    assertEquals(
        List.of("1"),
        Db.strings(
            "select count(*) from krn_message m join krn_message_recipient r on r.message_id ="
                + " m.id where r.username = 'it_sc_e5' and m.entity_type = 'ScoringExpert'"));
    assertEquals(
        List.of("0"),
        Db.strings(
            "select count(*) from sc_assignment where expert_id = ? and status in ('ASSIGNED',"
                + " 'DRAFT') and reminded_at is null",
            E5));

    // the progress per application and per expert
    JsonArray overview = officer.get("api/v1/scoring/assignments").jsonArray();
    JsonObject rowB = find(overview, "applicationId", b);
    assertEquals(1, rowB.getInt("conflicts"), rowB.toString());
    assertEquals(3, rowB.getInt("assigned"), rowB.toString());
    JsonObject five =
        find(officer.get("api/v1/scoring/assignments/experts").jsonArray(), "expertId", E5);
    assertTrue(five.getInt("assigned") >= 1, five.toString());

    // nobody but an officer
    for (String user : List.of("demo_expert", "demo_pi")) {
      Api other = Api.as(browser, base, user, "Demo@2026");
      List<Integer> statuses = new ArrayList<>();
      statuses.add(other.get("api/v1/scoring/assignments").status());
      statuses.add(other.get("api/v1/scoring/assignments/experts").status());
      statuses.add(
          other.json("POST", "api/v1/scoring/assignments/auto", "{\"confirm\":true}").status());
      statuses.add(
          other
              .json(
                  "POST",
                  "api/v1/scoring/assignments",
                  "{\"applicationId\":" + a + ",\"expertId\":" + E5 + "}")
              .status());
      statuses.add(
          other
              .send("DELETE", "api/v1/scoring/assignments/" + draft + "?reason=x", null, null)
              .status());
      statuses.add(
          other
              .json("POST", "api/v1/scoring/assignments/" + draft + "/reopen", "{\"reason\":\"x\"}")
              .status());
      statuses.add(other.json("POST", "api/v1/scoring/assignments/remind", "{}").status());
      statuses.add(
          other.get("api/v1/scoring/applications/" + a + "/conflicts?expert=" + E5).status());
      statuses.add(
          other
              .json("PUT", "api/v1/scoring/review", review(officer, 3, null, null, false))
              .status());
      assertEquals(List.of(403, 403, 403, 403, 403, 403, 403, 403, 403), statuses, user);
    }
    assertEquals(
        200,
        Api.as(browser, base, "demo_expert", "Demo@2026").get("api/v1/scoring/review").status());

    // once the window has closed, the unfinished sheets are overdue
    Api.Reply closed =
        officer.json(
            "PUT",
            "api/v1/scoring/review",
            review(officer, 3, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z", true));
    assertEquals(200, closed.status(), closed.body());
    JsonObject late =
        find(officer.get("api/v1/scoring/assignments/experts").jsonArray(), "expertId", E5);
    assertEquals(late.getInt("assigned") - late.getInt("submitted"), late.getInt("overdue"));
    assertTrue(late.getInt("overdue") >= 1, late.toString());

    // back to the defaults for the other tests
    Api.Reply reset =
        officer.json("PUT", "api/v1/scoring/review", review(officer, 5, null, null, false));
    assertEquals(200, reset.status(), reset.body());
  }

  @Test
  void theScreenAssignsByHandShowsTheReasonsAndExports() throws Exception {
    FormalReviewRunIT.setUpRound();
    long app = FormalReviewRunIT.recommended(browser, base);
    Db.update(
        "update sub_application set status = 'FORMAL_PASSED', discipline_code = 'F0201' where id = ?",
        app);
    String no = Db.strings("select acceptance_no from sub_application where id = ?", app).get(0);
    expert(
        913101,
        "屏同单位",
        "330102196101010011",
        "测试申报单位批量",
        "91330100IT0000811N",
        "丽水市",
        "F0201",
        5,
        true);
    expert(913102, "屏专家乙", "330102196101010022", "衢州学院", null, "衢州市", "F0201", 5, true);

    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(org.openqa.selenium.By.cssSelector("section[id^=home-]"));
    // the officer's home shows the applications still short of experts, with the way there
    String pending =
        browser.waitFor(org.openqa.selenium.By.cssSelector("[id$='scoringPendingText']")).getText();
    assertTrue(pending.contains("需要（重新）分配专家"), pending);
    browser.open("/app/scoring/assignments.xhtml");
    browser.waitFor(org.openqa.selenium.By.id("intro"));
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());

    // two experts per application refused beside the field, nothing stored
    String before = Db.strings("select coalesce(max(version), 0) from sc_review").get(0);
    browser.typeSurely("settings:perApplication", "2");
    browser.typeSurely("settings:reason", "试一试");
    browser.clickWhenClickable(org.openqa.selenium.By.id("settings:save"));
    String refused =
        browser
            .waitFor(
                org.openqa.selenium.By.xpath(
                    "//*[@id='settings:perApplication']/ancestor::div[1]"
                        + "//*[contains(@class,'ui-message-error') and contains(., 'F-REVIEW')]"))
            .getText();
    assertTrue(refused.contains("3"), refused);
    assertEquals(before, Db.strings("select coalesce(max(version), 0) from sc_review").get(0));

    // the application found by its acceptance number; the expert of its unit refused with the
    // reason, another added
    browser.typeSurely("list:tabs:text", no);
    browser.clickWhenClickable(org.openqa.selenium.By.id("list:tabs:filter"));
    browser.ajaxIdle();
    browser.waitFor(
        org.openqa.selenium.By.xpath(
            "//*[@id='list:tabs:apps_data']//tr[1]//*[contains(@class,'sc-acceptance') and"
                + " text()='"
                + no
                + "']"));
    browser.clickWhenClickable(org.openqa.selenium.By.id("list:tabs:apps:0:add"));
    browser.ajaxIdle();
    browser.waitFor(org.openqa.selenium.By.id("addDialog:expert"));
    browser.chooseByClick("addDialog:expert", "913101");
    browser.clickWhenClickable(org.openqa.selenium.By.id("addDialog:addExpert"));
    browser.ajaxIdle();
    String reason =
        browser
            .waitFor(
                org.openqa.selenium.By.xpath(
                    "//*[@id='addDialog:expertMessages']//*[contains(., 'F-CONFLICT')]"))
            .getText();
    assertTrue(reason.contains("测试申报单位批量"), reason);
    assertEquals(
        List.of("0"),
        Db.strings("select count(*) from sc_assignment where application_id = ?", app));
    browser.chooseByClick("addDialog:expert", "913102");
    browser.clickWhenClickable(org.openqa.selenium.By.id("addDialog:addExpert"));
    browser.ajaxIdle();
    browser.waitFor(
        org.openqa.selenium.By.xpath(
            "//*[@id='list:tabs:apps_data']//tr[1]//*[contains(@class,'sc-expert-name') and"
                + " text()='屏专家乙']"));
    assertEquals(
        List.of("913102:ASSIGNED:3"),
        Db.strings(
            "select concat(expert_id, ':', status, ':', fit) from sc_assignment where"
                + " application_id = ?",
            app));

    // removing needs a reason, given in the dialog
    browser.clickWhenClickable(org.openqa.selenium.By.id("list:tabs:apps:0:panel:0:remove"));
    browser.ajaxIdle();
    browser.waitFor(org.openqa.selenium.By.id("removeDialog:reason"));
    browser.clickWhenClickable(org.openqa.selenium.By.id("removeDialog:removeExpert"));
    browser.ajaxIdle();
    browser.waitFor(
        org.openqa.selenium.By.xpath(
            "//*[@id='removeDialog:reason']/ancestor::div[1]"
                + "//*[contains(@class,'ui-message-error') and contains(., 'F-REQ')]"));
    assertEquals(
        List.of("ASSIGNED"),
        Db.strings("select status from sc_assignment where application_id = ?", app));
    browser.typeSurely("removeDialog:reason", "专家临时出国");
    browser.clickWhenClickable(org.openqa.selenium.By.id("removeDialog:removeExpert"));
    browser.ajaxIdle();
    browser.waitUntilHidden(org.openqa.selenium.By.id("removeDialog:reason"));
    assertEquals(
        List.of("REMOVED"),
        Db.strings("select status from sc_assignment where application_id = ?", app));
    // and back by hand for the export
    browser.clickWhenClickable(org.openqa.selenium.By.id("list:tabs:apps:0:add"));
    browser.ajaxIdle();
    browser.chooseByClick("addDialog:expert", "913102");
    browser.clickWhenClickable(org.openqa.selenium.By.id("addDialog:addExpert"));
    browser.ajaxIdle();
    browser.waitFor(
        org.openqa.selenium.By.xpath(
            "//*[@id='list:tabs:apps_data']//tr[1]//*[contains(@class,'sc-expert-name') and"
                + " text()='屏专家乙']"));

    // the export holds what the table shows, the expert with fit and status
    byte[] xlsx = ExcelExportsIT.download("list", "list:tabs:apps:export");
    if (!(xlsx.length > 4 && xlsx[0] == 'P' && xlsx[1] == 'K')) {
      java.nio.file.Files.write(java.nio.file.Path.of("target/scoring-export.html"), xlsx);
    }
    assertTrue(xlsx.length > 4 && xlsx[0] == 'P' && xlsx[1] == 'K', "not an .xlsx");
    List<List<String>> rows = new ArrayList<>();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
      for (org.apache.poi.ss.usermodel.Row r : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
          cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
        }
        rows.add(cells);
      }
    }
    assertEquals("受理编号", rows.get(0).get(0), rows.get(0).toString());
    assertEquals(2, rows.size(), rows.toString());
    assertEquals(no, rows.get(1).get(0));
    assertTrue(rows.get(1).get(3).contains("屏专家乙 (学科一致, 已分配)"), rows.get(1).toString());
    assertTrue(rows.get(1).get(4).contains("已分配 1"), rows.get(1).toString());

    // the progress per expert
    browser.clickWhenClickable(org.openqa.selenium.By.xpath("//a[contains(., '按专家查看进度')]"));
    browser.waitFor(
        org.openqa.selenium.By.xpath(
            "//*[@id='list:tabs:experts_data']//*[contains(@class,'sc-expert-row') and"
                + " text()='屏专家乙']"));
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
  }

  static JsonObject conflicts(Api officer, long application, long expert) throws Exception {
    Api.Reply r =
        officer.get("api/v1/scoring/applications/" + application + "/conflicts?expert=" + expert);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  static List<String> kinds(JsonObject c) {
    return c.getJsonArray("reasons").stream().map(v -> v.asJsonObject().getString("kind")).toList();
  }

  static String reason(JsonObject c, String language) {
    return c.getJsonArray("reasons").getJsonObject(0).getString(language);
  }

  static JsonObject find(JsonArray rows, String key, long id) {
    for (JsonValue v : rows) {
      if (v.asJsonObject().getJsonNumber(key).longValue() == id) {
        return v.asJsonObject();
      }
    }
    throw new AssertionError(id + " not in " + rows);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** An application's progress as the officer's overview gives it. */
  static JsonObject progress(Api officer, long applicationId) throws Exception {
    return officer.get("api/v1/scoring/assignments").jsonArray().stream()
        .map(v -> v.asJsonObject())
        .filter(o -> o.getJsonNumber("applicationId").longValue() == applicationId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no progress of " + applicationId));
  }

  @Test
  void tooFewExpertsWithoutConflictAreReportedAndADeclaredConflictIsReassigned() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    assertEquals(
        200,
        officer
            .json("PUT", "api/v1/scoring/review", review(officer, 3, null, null, false))
            .status());
    FormalReviewRunIT.setUpRound();
    long app = FormalReviewRunIT.recommended(browser, base);
    Db.update(
        "update sub_application set status = 'FORMAL_PASSED', discipline_code = 'F0301' where id = ?",
        app);
    expert(913201, "缺甲", "330102196201010011", "某甲大学", null, "宁波市", "F0301", 5, true);
    expert(913202, "缺乙", "330102196201010022", "某乙大学", null, "温州市", "F0301", 5, true);
    expert(913203, "缺丙", "330102196201010033", "某丙大学", null, "湖州市", "F0301", 5, false);
    Map<String, Boolean> others = new HashMap<>();
    for (String r :
        Db.strings(
            "select concat(id, ':', active) from sc_expert where id not between 913201 and"
                + " 913203")) {
      others.put(r.split(":")[0], r.endsWith("1"));
    }
    Db.update("update sc_expert set active = false where id not between 913201 and 913203");
    try {
      // two experts for three places: short by one, for want of experts (not of load)
      JsonObject summary =
          officer
              .json(
                  "POST",
                  "api/v1/scoring/assignments/auto",
                  "{\"confirm\":true,\"applicationIds\":[" + app + "]}")
              .json();
      assertEquals(2, summary.getInt("assigned"), summary.toString());
      JsonArray shorts = summary.getJsonArray("shortfalls");
      assertEquals(1, shorts.size(), summary.toString());
      assertEquals("NOT_ENOUGH_EXPERTS", shorts.getJsonObject(0).getString("reason"));
      assertEquals(1, shorts.getJsonObject(0).getInt("missing"));

      // an expert declares a conflict: one more place to fill, and the pair never again
      Db.update(
          "update sc_assignment set status = 'CONFLICT' where application_id = ? and expert_id ="
              + " 913201",
          app);
      Db.update(
          "insert into sc_declared_conflict (expert_id, application_id, reason, declared_at)"
              + " values (913201, ?, '曾与申请人合作', UTC_TIMESTAMP(6))",
          app);
      JsonObject before = progress(officer, app);
      assertEquals(1, before.getInt("assigned"), before.toString());
      assertEquals(1, before.getInt("conflicts"), before.toString());
      assertEquals(2, before.getInt("shortfall"), before.toString());

      // the officer's screen: "needs reassignment" lists it, marked, and only such applications
      String no = Db.strings("select acceptance_no from sub_application where id = ?", app).get(0);
      browser.driver.manage().deleteAllCookies();
      browser.login("demo_officer", "Demo@2026");
      browser.open("/app/scoring/assignments.xhtml");
      browser.waitFor(org.openqa.selenium.By.id("list:tabs:show"));
      browser.chooseByClick("list:tabs:show", "REASSIGN");
      browser.clickWhenClickable(org.openqa.selenium.By.id("list:tabs:filter"));
      browser.ajaxIdle();
      org.openqa.selenium.WebElement row =
          browser.waitFor(
              org.openqa.selenium.By.xpath(
                  "//*[@id='list:tabs:apps_data']//tr[.//*[contains(@class,'sc-acceptance') and"
                      + " text()='"
                      + no
                      + "']]"));
      assertTrue(row.getText().contains("需要重新分配"), row.getText());
      assertTrue(row.getText().contains("F0301"), "the discipline code beside the title");
      java.util.List<org.openqa.selenium.WebElement> rows =
          browser.driver.findElements(
              org.openqa.selenium.By.cssSelector("[id='list:tabs:apps_data'] > tr"));
      for (org.openqa.selenium.WebElement r : rows) {
        assertEquals(
            1,
            r.findElements(org.openqa.selenium.By.cssSelector(".sc-reassign")).size(),
            "every row listed needs reassignment: " + r.getText());
      }
      // the expert who declared is shown as such, not as one of the panel
      assertTrue(row.getText().contains("缺甲"), row.getText());
      assertTrue(row.getText().contains("已声明回避"), row.getText());
      // a third expert back in the pool: the next run fills one place, never with the declared one
      Db.update("update sc_expert set active = true where id = 913203");
      JsonObject again =
          officer
              .json(
                  "POST",
                  "api/v1/scoring/assignments/auto",
                  "{\"confirm\":true,\"applicationIds\":[" + app + "]}")
              .json();
      assertEquals(1, again.getJsonArray("shortfalls").size(), again.toString());
      assertEquals(
          List.of("913202:ASSIGNED", "913203:ASSIGNED"),
          Db.strings(
              "select concat(expert_id, ':', status) from sc_assignment where application_id = ?"
                  + " and status <> 'CONFLICT' order by expert_id",
              app));
      assertEquals(1, progress(officer, app).getInt("shortfall"));
    } finally {
      for (Map.Entry<String, Boolean> o : others.entrySet()) {
        Db.update("update sc_expert set active = ? where id = ?", o.getValue(), o.getKey());
      }
    }
  }
}
