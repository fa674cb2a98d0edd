package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC D1 after submission, over REST: the PI withdraws only until the submission deadline; the
 * applying unit confirms until the recommendation deadline and returns only while the PI could
 * still resubmit; each refusal names D1 and the deadline in Beijing time. And the warnings recorded
 * at submission are in the application's REST view. The applicants are of the Ningbo demo
 * enterprise (900006), which has no extension.
 */
class SubmissionDeadlinesIT extends BrowserIT {

  static final long UNIT = 900006;

  /** 2025-09-19 17:29:59 and 17:30:00 in Asia/Shanghai: the recommendation deadline. */
  static final String REC_LAST_SECOND = "2025-09-19T09:29:59Z";

  static final String REC_CLOSED = "2025-09-19T09:30:00Z";

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  /** A fresh unit admin of the Ningbo demo enterprise, password Demo@2026. */
  static void createUnitAdmin(String username) throws Exception {
    Db.update(
        "insert into dir_account (username, password_hash, organisation_id, status, created_at,"
            + " demo) values (?, ?, ?, 'ACTIVE', UTC_TIMESTAMP(6), true)",
        username,
        Db.demoPasswordHash(),
        UNIT);
    Db.update(
        "insert into dir_account_role (account_id, role) select id, 'UNIT_ADMIN' from dir_account"
            + " where username = ?",
        username);
  }

  static JsonObject d1(Api.Reply refused) {
    assertEquals(422, refused.status(), refused.body());
    JsonArray vs = refused.json().getJsonArray("violations");
    assertEquals(1, vs.size(), refused.body());
    JsonObject v = vs.getJsonObject(0);
    assertEquals("D1", v.getString("ruleId"), refused.body());
    return v;
  }

  @Test
  void withdrawAfterTheSubmissionDeadlineIsRefusedNamingIt() throws Exception {
    Db.createApplicant("it_d1_withdraw", "陶撤回", "33010619910101121", UNIT);
    Api pi = Api.as(browser, base, "it_d1_withdraw", "Demo@2026");
    long id = SubmissionIT.submitA1(pi);

    pi.clock(SubmissionIT.CLOSED);
    JsonObject v =
        d1(
            pi.json(
                "POST",
                "api/v1/submission/applications/" + id + "/withdraw",
                "{\"reason\":\"晚了\"}"));
    assertTrue(v.getString("message_zh").contains("2025-09-15 17:30:00"), v.toString());
    assertTrue(v.getString("message_zh").contains("北京时间"), v.toString());
    assertTrue(
        v.getString("message_en").contains("2025-09-15 17:30:00 Beijing time"), v.toString());
    assertEquals(
        List.of("SUBMITTED"), Db.strings("select status from sub_application where id = ?", id));

    // the last second of the window still withdraws
    pi.clock(SubmissionIT.LAST_SECOND);
    Api.Reply withdrawn =
        pi.json(
            "POST", "api/v1/submission/applications/" + id + "/withdraw", "{\"reason\":\"改投\"}");
    assertEquals(200, withdrawn.status(), withdrawn.body());
    assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
  }

  @Test
  void confirmUntilTheRecommendationDeadlineAndReturnOnlyWhileThePiCanResubmit() throws Exception {
    Db.createApplicant("it_d1_confirm", "殷确认", "33010619910202132", UNIT);
    createUnitAdmin("it_d1_unit");
    Api pi = Api.as(browser, base, "it_d1_confirm", "Demo@2026");
    long id = SubmissionIT.submitA1(pi);
    Api unit = Api.as(browser, base, "it_d1_unit", "Demo@2026");

    // after the submission deadline the PI could not resubmit: no return
    unit.clock(SubmissionIT.CLOSED);
    JsonObject tooLate =
        d1(
            unit.json(
                "POST",
                "api/v1/submission/applications/" + id + "/return",
                "{\"reason\":\"请补充预算说明\"}"));
    assertTrue(tooLate.getString("message_zh").contains("2025-09-15 17:30:00"), tooLate.toString());
    assertTrue(tooLate.getString("message_en").contains("resubmit"), tooLate.toString());

    // after the recommendation deadline: no confirmation either
    unit.clock(REC_CLOSED);
    JsonObject closed =
        d1(unit.send("POST", "api/v1/submission/applications/" + id + "/confirm", null, null));
    assertTrue(closed.getString("message_zh").contains("2025-09-19 17:30:00"), closed.toString());
    assertTrue(
        closed.getString("message_en").contains("recommendation deadline"), closed.toString());
    assertEquals(
        List.of("SUBMITTED"), Db.strings("select status from sub_application where id = ?", id));

    // its last second still confirms
    unit.clock(REC_LAST_SECOND);
    Api.Reply confirmed =
        unit.send("POST", "api/v1/submission/applications/" + id + "/confirm", null, null);
    assertEquals(200, confirmed.status(), confirmed.body());
    assertEquals("CONFIRMED", confirmed.json().getString("status"));
  }

  @Test
  void returnWhileThePiCanStillResubmit() throws Exception {
    Db.createApplicant("it_d1_return", "韦退回", "33010619910303143", UNIT);
    createUnitAdmin("it_d1_unit2");
    Api pi = Api.as(browser, base, "it_d1_return", "Demo@2026");
    long id = SubmissionIT.submitA1(pi);
    Api unit = Api.as(browser, base, "it_d1_unit2", "Demo@2026");
    unit.clock(SubmissionIT.LAST_SECOND);
    Api.Reply returned =
        unit.json(
            "POST", "api/v1/submission/applications/" + id + "/return", "{\"reason\":\"请补充预算说明\"}");
    assertEquals(200, returned.status(), returned.body());
    assertEquals("RETURNED", returned.json().getString("status"));
  }

  @Test
  void warningsRecordedAtSubmissionAreInTheRestView() throws Exception {
    Db.createApplicant("it_d1_warn", "沈警告", "33010619910404154", UNIT);
    Api pi = Api.as(browser, base, "it_d1_warn", "Demo@2026");
    pi.clock(SubmissionIT.LAST_SECOND);
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    // the Norwegian partner submitted on 2025-09-26, after Innovation Norway's 2025-09-25 (G8)
    Api.Reply saved =
        pi.json(
            "PUT",
            "api/v1/submission/applications/" + id,
            ApplicationForms.a1(created.json().getJsonNumber("version").longValue())
                .foreignDate("2025-09-26")
                .json());
    assertEquals(200, saved.status(), saved.body());
    Api.Reply attached = pi.attach(id, "COOPERATION_AGREEMENT", SubmissionIT.pdf());
    assertEquals(200, attached.status(), attached.body());
    assertEquals(
        List.of(), pi.get("api/v1/submission/applications/" + id).json().getJsonArray("warnings"));
    Api.Reply submitted =
        pi.json(
            "POST",
            "api/v1/submission/applications/" + id + "/submit",
            "{\"version\":" + attached.json().getJsonNumber("version").longValue() + "}");
    assertEquals(200, submitted.status(), submitted.body());

    createUnitAdmin("it_d1_unit3");
    for (Api.Reply view :
        List.of(
            pi.get("api/v1/submission/applications/" + id),
            Api.as(browser, base, "it_d1_unit3", "Demo@2026")
                .get("api/v1/submission/applications/" + id))) {
      assertEquals(200, view.status(), view.body());
      JsonArray warnings = view.json().getJsonArray("warnings");
      assertEquals(1, warnings.size(), view.body());
      JsonObject w = warnings.getJsonObject(0);
      assertEquals("G8", w.getString("ruleId"), view.body());
      assertEquals("WARNING", w.getString("severity"), view.body());
      assertEquals("foreignDate", w.getString("field"), view.body());
      assertTrue(w.getString("message_zh").contains("2025-09-26"), view.body());
      assertTrue(w.getString("message_en").contains("2025-09-25"), view.body());
      assertTrue(w.getString("message_en").contains("country's"), view.body());
    }
  }
}
