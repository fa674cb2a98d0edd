package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Submission through the REST API with the session of a real login: drafting, the checks, the
 * deadline second (17:29:59 accepted, 17:30:00 refused, Asia/Shanghai), attachments checked by
 * content, optimistic locking, another PI's guessed id, one PI one application, the unit's
 * confirmation, all audited.
 */
class SubmissionIT extends BrowserIT {

  /** 2025-09-15 17:29:59 and 17:30:00 in Asia/Shanghai. */
  static final String LAST_SECOND = "2025-09-15T09:29:59Z";

  static final String CLOSED = "2025-09-15T09:30:00Z";

  /** The unit, PI and unit admin of {@code draftChecks…}: its own, not the demo's. */
  static final long OWN_UNIT = 910001;

  static final String OWN_PI = "it_sub_pi";
  static final String OWN_ADMIN = "it_sub_unit";

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  /** A complete A1 form (see {@link ApplicationForms#a1}) with the given subsidy. */
  static String form(long version, String subsidy) {
    return ApplicationForms.a1(version).subsidy(subsidy).json();
  }

  /**
   * Drafts, fills, attaches and submits a valid A1 application as the given PI at the last second
   * of the window (the test clock); returns its id.
   */
  static long submitA1(Api pi) throws Exception {
    pi.clock(LAST_SECOND);
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    long version = created.json().getJsonNumber("version").longValue();
    Api.Reply saved =
        pi.json("PUT", "api/v1/submission/applications/" + id, form(version, "1500000.00"));
    assertEquals(200, saved.status(), saved.body());
    Api.Reply attached = pi.attach(id, "COOPERATION_AGREEMENT", pdf());
    assertEquals(200, attached.status(), attached.body());
    Api.Reply submitted =
        pi.json(
            "POST",
            "api/v1/submission/applications/" + id + "/submit",
            "{\"version\":" + attached.json().getJsonNumber("version").longValue() + "}");
    assertEquals(200, submitted.status(), submitted.body());
    return id;
  }

  /** A small valid one-page PDF, written by hand with a correct cross-reference table. */
  static byte[] pdf() {
    String[] objs = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder s = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objs.length];
    for (int i = 0; i < objs.length; i++) {
      offsets[i] = s.length();
      s.append(i + 1).append(" 0 obj\n").append(objs[i]).append("\nendobj\n");
    }
    int xref = s.length();
    s.append("xref\n0 ").append(objs.length + 1).append("\n0000000000 65535 f \n");
    for (int o : offsets) {
      s.append(String.format("%010d 00000 n \n", o));
    }
    s.append("trailer\n<< /Size ")
        .append(objs.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    out.writeBytes(s.toString().getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  @Test
  void draftChecksDeadlineAttachmentsLockingOwnershipAndConfirmation() throws Exception {
    // a unit of its own, without the demo unit's extension: the call's own deadline holds (the
    // shared demo rows stay as they are)
    Db.createOrganisation(OWN_UNIT, "浙江测试提交科技有限公司", "91330100IT0SUBM01X", "ENTERPRISE");
    Db.createApplicant(OWN_PI, "钱提交", "33010619920505167", OWN_UNIT);
    Db.createAccount(OWN_ADMIN, "UNIT_ADMIN", OWN_UNIT);
    Api pi = Api.as(browser, base, OWN_PI, "Demo@2026");
    pi.clock(LAST_SECOND);

    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    long version = created.json().getJsonNumber("version").longValue();

    // bad input: an amount that is not one refuses the save, names the field, saves nothing
    Api.Reply bad = pi.json("PUT", "api/v1/submission/applications/" + id, form(version, "1,5万"));
    assertEquals(422, bad.status(), bad.body());
    assertTrue(bad.contentType().startsWith("application/problem+json"));
    JsonObject v0 = bad.json().getJsonArray("violations").getJsonObject(0);
    assertEquals("subsidy", v0.getString("field"));
    assertTrue(v0.getString("message_en").contains("Not a valid amount"), bad.body());

    // cap + 0.01 is saved as a draft but listed as a G6 error
    Api.Reply saved =
        pi.json(
            "PUT",
            "api/v1/submission/applications/" + id,
            ApplicationForms.a1(version)
                .subsidy("1500000.01")
                .budget("LABOUR", "1000000.01")
                .json());
    assertEquals(200, saved.status(), saved.body());
    version = saved.json().getJsonNumber("version").longValue();
    JsonObject checks = pi.get("api/v1/submission/applications/" + id + "/checks").json();
    assertFalse(checks.getBoolean("canSubmit"));
    List<String> rules = rules(checks.getJsonArray("violations"));
    assertTrue(rules.contains("G6:subsidy") && rules.contains("G4:attachments"), rules.toString());

    // a second save with the old version is told, not silently overwritten
    Api.Reply stale =
        pi.json("PUT", "api/v1/submission/applications/" + id, form(version - 1, "1500000.00"));
    assertEquals(409, stale.status(), stale.body());

    Api.Reply fixed =
        pi.json("PUT", "api/v1/submission/applications/" + id, form(version, "1500000.00"));
    assertEquals(200, fixed.status(), fixed.body());
    version = fixed.json().getJsonNumber("version").longValue();

    // an autosaving client may ask for the short answer (RFC 7240): the saved version only
    for (String subsidy : List.of("1400000.00", "1500000.00")) {
      Api.Reply brief =
          pi.send(
              "PUT",
              "api/v1/submission/applications/" + id,
              "application/json",
              form(version, subsidy).getBytes(java.nio.charset.StandardCharsets.UTF_8),
              "Prefer",
              "return=minimal");
      assertEquals(200, brief.status(), brief.body());
      assertEquals("return=minimal", pi.lastHeaders.firstValue("Preference-Applied").orElse(""));
      assertEquals(version + 1, brief.json().getJsonNumber("version").longValue(), brief.body());
      assertEquals(id, brief.json().getJsonNumber("id").longValue());
      assertFalse(brief.json().containsKey("form"), brief.body());
      version = brief.json().getJsonNumber("version").longValue();
    }
    String briefly =
        pi.get("api/v1/submission/applications/" + id).json().getJsonObject("form").toString();
    assertTrue(briefly.contains("1500000"), briefly);
    // and the same rules: a stale version is still told
    Api.Reply briefStale =
        pi.send(
            "PUT",
            "api/v1/submission/applications/" + id,
            "application/json",
            form(version - 1, "1500000.00").getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "Prefer",
            "return=minimal");
    assertEquals(409, briefStale.status(), briefStale.body());

    // a renamed executable is refused by its content
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    Api.Reply refused =
        pi.send(
            "POST",
            "api/v1/submission/applications/"
                + id
                + "/attachments?kind=COOPERATION_AGREEMENT&fileName=agreement.pdf",
            "application/pdf",
            exe);
    assertEquals(422, refused.status(), refused.body());
    Api.Reply attached =
        pi.send(
            "POST",
            "api/v1/submission/applications/"
                + id
                + "/attachments?kind=COOPERATION_AGREEMENT&fileName=agreement.pdf",
            "application/pdf",
            pdf());
    assertEquals(200, attached.status(), attached.body());
    version = attached.json().getJsonNumber("version").longValue();
    assertEquals(
        64,
        attached.json().getJsonArray("attachments").getJsonObject(0).getString("sha256").length());

    // another PI guessing the id sees nothing and changes nothing
    Db.createAccount("it_pi2", "APPLICANT");
    Api other = Api.as(browser, base, "it_pi2", "Demo@2026");
    assertEquals(404, other.get("api/v1/submission/applications/" + id).status());
    assertEquals(
        404,
        other.json("PUT", "api/v1/submission/applications/" + id, form(version, "1.00")).status());
    assertEquals(
        404,
        other
            .json(
                "POST",
                "api/v1/submission/applications/" + id + "/submit",
                "{\"version\":" + version + "}")
            .status());

    // 17:29:59 Beijing time: accepted, with an acceptance number and the content's SHA-256
    pi = Api.as(browser, base, OWN_PI, "Demo@2026");
    Api.Reply submitted =
        pi.json(
            "POST",
            "api/v1/submission/applications/" + id + "/submit",
            "{\"version\":" + version + "}");
    assertEquals(200, submitted.status(), submitted.body());
    JsonObject app = submitted.json();
    assertEquals("SUBMITTED", app.getString("status"));
    assertTrue(app.getString("acceptanceNo").startsWith("HZ2026-A1-"), app.toString());
    assertEquals(64, app.getString("contentSha256").length());
    // a retry of the same submit (the answer lost) returns the same receipt and writes nothing;
    // an older version is still stale
    Api.Reply retried =
        pi.json(
            "POST",
            "api/v1/submission/applications/" + id + "/submit",
            "{\"version\":" + version + "}");
    assertEquals(200, retried.status(), retried.body());
    assertEquals(app.getString("acceptanceNo"), retried.json().getString("acceptanceNo"));
    assertEquals(app.getString("contentSha256"), retried.json().getString("contentSha256"));
    assertEquals(
        app.getJsonNumber("version").longValue(),
        retried.json().getJsonNumber("version").longValue());
    assertEquals(
        409,
        pi.json(
                "POST",
                "api/v1/submission/applications/" + id + "/submit",
                "{\"version\":" + (version - 1) + "}")
            .status());
    // read-only after submission
    assertEquals(
        422,
        pi.json(
                "PUT",
                "api/v1/submission/applications/" + id,
                form(app.getJsonNumber("version").longValue(), "1.00"))
            .status());

    // one PI, one application: a second one lists G2 as an error
    Api.Reply second = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"B2\"}");
    long id2 = second.json().getJsonNumber("id").longValue();
    List<String> rules2 =
        rules(
            pi.get("api/v1/submission/applications/" + id2 + "/checks")
                .json()
                .getJsonArray("violations"));
    assertTrue(rules2.contains("G2:"), rules2.toString());

    // 17:30:00: refused with D1, the draft kept
    pi.clock(CLOSED);
    Api.Reply late =
        pi.json(
            "POST",
            "api/v1/submission/applications/" + id2 + "/submit",
            "{\"version\":" + second.json().getJsonNumber("version").longValue() + "}");
    assertEquals(422, late.status(), late.body());
    assertTrue(late.body().contains("\"D1\""), late.body());
    assertEquals(
        List.of("DRAFT"), Db.strings("select status from sub_application where id = ?", id2));

    // an officer extends the deadline for this unit, with a reason: D1 no longer blocks it
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    assertEquals(
        422,
        officer
            .json(
                "POST",
                "api/v1/submission/extensions",
                "{\"organisationId\":" + OWN_UNIT + ",\"until\":\"2025-09-16T17:30:00\"}")
            .status());
    assertEquals(
        204,
        officer
            .json(
                "POST",
                "api/v1/submission/extensions",
                "{\"organisationId\":"
                    + OWN_UNIT
                    + ",\"until\":\"2025-09-16T17:30:00\","
                    + "\"reason\":\"系统故障补交\"}")
            .status());
    assertEquals(
        403,
        pi.json(
                "POST",
                "api/v1/submission/extensions",
                "{\"organisationId\":"
                    + OWN_UNIT
                    + ",\"until\":\"2026-09-16T17:30:00\","
                    + "\"reason\":\"x\"}")
            .status());
    pi = Api.as(browser, base, OWN_PI, "Demo@2026");
    List<String> afterExtension =
        rules(
            pi.get("api/v1/submission/applications/" + id2 + "/checks")
                .json()
                .getJsonArray("violations"));
    assertFalse(afterExtension.contains("D1:"), afterExtension.toString());

    // the unit admin sees it, confirms it; the PI can no longer withdraw it
    Api unit = Api.as(browser, base, OWN_ADMIN, "Demo@2026");
    Api.Reply list = unit.get("api/v1/submission/unit/applications");
    assertTrue(list.body().contains(app.getString("acceptanceNo")), list.body());
    String byTitle =
        unit.get(
                "api/v1/submission/unit/applications?q="
                    + java.net.URLEncoder.encode("挪海洋", "UTF-8"))
            .body();
    assertTrue(byTitle.contains(app.getString("acceptanceNo")), byTitle);
    assertEquals("[]", unit.get("api/v1/submission/unit/applications?q=zzz%25").body());
    assertFalse(list.body().contains("\"id\":" + id2 + ","), "drafts are the PI's own");
    assertEquals(
        422, unit.json("POST", "api/v1/submission/applications/" + id + "/return", "{}").status());
    Api.Reply confirmed =
        unit.send("POST", "api/v1/submission/applications/" + id + "/confirm", null, null);
    assertEquals(200, confirmed.status(), confirmed.body());
    assertEquals("CONFIRMED", confirmed.json().getString("status"));
    pi = Api.as(browser, base, OWN_PI, "Demo@2026");
    assertEquals(
        422,
        pi.json("POST", "api/v1/submission/applications/" + id + "/withdraw", "{\"reason\":\"x\"}")
            .status());

    List<String> actions =
        Db.strings(
            "select action from krn_audit where entity_type='Application' and entity_id=? order by id",
            String.valueOf(id));
    assertEquals(List.of("create", "attach-refused", "attach", "submit", "confirm"), actions);
  }

  /** The G1 warnings of a saved B2 draft that names the platform base (or none). */
  static List<String> g1(Api pi, long id, Long basePlatformId) throws Exception {
    Api.Reply current = pi.get("api/v1/submission/applications/" + id);
    long version = current.json().getJsonNumber("version").longValue();
    Api.Reply saved =
        pi.json(
            "PUT",
            "api/v1/submission/applications/" + id,
            ApplicationForms.empty(version).titleZh("对口帮扶").basePlatformId(basePlatformId).json());
    assertEquals(200, saved.status(), saved.body());
    return pi.checks(id).stream()
        .filter(v -> v.getString("ruleId").equals("G1"))
        .filter(v -> v.getString("field").equals("basePlatformId"))
        .map(
            v ->
                v.getString("severity")
                    + ":"
                    + v.getString("field")
                    + ":"
                    + v.getString("message_zh"))
        .toList();
  }

  @Test
  void g1AsksForTheUnitsWhiteListedPlatformBaseAndChecksThePisMembership() throws Exception {
    // the demo unit (900003) has the demo platform 900001 on the white list; demo_pi is a member
    Db.createApplicant("it_g1", "褚平台", "33010619830303055", 900003);
    Api pi = Api.as(browser, base, "it_g1", "Demo@2026");
    long id =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"B2\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    List<String> none = g1(pi, id, null);
    assertEquals(1, none.size(), none.toString());
    assertTrue(
        none.get(0).startsWith("WARNING:basePlatformId:") && none.get(0).contains("请选择"),
        none.toString());
    // the proof of the platform and the membership is asked for as well
    assertTrue(
        pi.checks(id).stream()
            .anyMatch(
                v ->
                    v.getString("ruleId").equals("G1")
                        && v.getString("field").equals("attachments")
                        && v.getString("severity").equals("WARNING")),
        pi.checks(id).toString());
    List<String> notMember = g1(pi, id, 900001L);
    assertEquals(1, notMember.size(), notMember.toString());
    assertTrue(notMember.get(0).contains("不是所选平台基地的成员"), notMember.toString());
    List<String> otherUnits = g1(pi, id, 900002L);
    assertTrue(otherUnits.get(0).contains("不在本单位"), otherUnits.toString());
    assertEquals(
        List.of("900002"),
        Db.strings("select base_platform_id from sub_application where id = ?", id));

    // the member PI choosing the unit's platform: no G1 warning
    pi = Api.as(browser, base, "demo_pi", "Demo@2026");
    long mine =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"B2\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    assertEquals(List.of(), g1(pi, mine, 900001L));
  }

  static List<String> rules(JsonArray vs) {
    return vs.stream()
        .map(v -> v.asJsonObject())
        .filter(v -> v.getString("severity").equals("ERROR"))
        .map(v -> v.getString("ruleId") + ":" + v.getString("field"))
        .toList();
  }
}
