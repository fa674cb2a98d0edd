package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The expert's own work (issue 13): an expert sees only their own assignments (another expert's,
 * guessed by id over REST and by URL, is not found); the blind review removes the applicant's
 * names, units and ID numbers from the sections, the team and the PDF; a draft is autosaved with
 * each score checked against its scale and nothing saved when one is off; a stale version is 409;
 * submitting needs every score, the comment and the verdict, then the sheet is read-only and the
 * submission audited; nothing is saved after the deadline; a declared conflict needs a reason and
 * takes the application away from the expert. In the browser the expert scores with the live total,
 * submits after a confirmation, and the pages pass axe.
 */
class ExpertWorkIT extends BrowserIT {

  static int next = 1;

  /** A fresh expert of the pool with an account (password Demo@2026); returns its pool id. */
  static long expert(String username, String name) throws Exception {
    Db.createAccount(username, "EXPERT");
    int n = next++;
    Db.update(
        "insert into sc_expert (id_type, id_number, name, unit_name, title, fields, city, email,"
            + " phone, username, created_at, created_by) values ('PASSPORT', ?, ?, '浙江评审研究院',"
            + " '研究员', 'F01', '宁波市', ?, '13900000000', ?, UTC_TIMESTAMP(6), 'it')",
        "EW" + System.nanoTime() % 100_000_000 + n,
        name,
        username + "@it.hezuo.local",
        username);
    return Long.parseLong(
        Db.strings("select id from sc_expert where username = ?", username).get(0));
  }

  /** An application assigned to an expert; returns the assignment's id. */
  static long assign(long applicationId, long expertId) throws Exception {
    Db.update(
        "insert into sc_assignment (call_id, application_id, expert_id, line_code, status,"
            + " assigned_by, assigned_at) select call_id, id, ?, line_code, 'ASSIGNED', 'it',"
            + " UTC_TIMESTAMP(6) from sub_application where id = ?",
        expertId,
        applicationId);
    return Long.parseLong(
        Db.strings(
                "select id from sc_assignment where application_id = ? and expert_id = ?",
                applicationId,
                expertId)
            .get(0));
  }

  /** The call's review: blind or not, the window from an hour ago to {@code closesIn}. */
  static void review(boolean blind, String closesIn) throws Exception {
    Db.update(
        "insert into sc_review (call_id, opens_at, closes_at, blind) select id, UTC_TIMESTAMP(6) -"
            + " interval 1 hour, UTC_TIMESTAMP(6) + interval "
            + closesIn
            + ", ? from call_call where call_year = 2026 on duplicate key update opens_at ="
            + " values(opens_at), closes_at = values(closes_at), blind = values(blind)",
        blind);
  }

  /** A submitted A1 application of a fresh PI whose texts name the PI and the applying unit. */
  long application(String user, String name, String first17) throws Exception {
    Db.createApplicant(user, name, first17, 900003);
    Api pi = Api.as(browser, base, user, "Demo@2026");
    long id = SubmissionIT.submitA1(pi);
    pi.systemClock();
    Db.update(
        "update sub_application set status = 'FORMAL_PASSED', text_basis = ? where id = ?",
        "本项目由" + name + "牵头，浙江演示海洋科技有限公司与合作方共同实施。联系电话 13812345678。",
        id);
    return id;
  }

  static String sheet(String scores, String comment, String verdict, long version) {
    return "{\"scores\":{"
        + scores
        + "}"
        + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
        + (verdict == null ? "" : ",\"verdict\":\"" + verdict + "\"")
        + ",\"version\":"
        + version
        + "}";
  }

  static final String ALL_FIVE =
      "\"INNOVATION\":8,\"COOPERATION\":7.5,\"FEASIBILITY\":8,\"BENEFITS\":6,\"TEAM\":9";

  @Test
  void anExpertReadsBlindScoresSubmitsAndCannotReachOthersWork() throws Exception {
    Db.update("delete from sc_sheet where line_code = 'A1'");
    review(true, "7 day");
    long expertA = expert("it_ew_a", "甲评审");
    long expertB = expert("it_ew_b", "乙评审");
    long app = application("it_ew_pi1", "欧阳立项", "33010619800303123");
    long mine = assign(app, expertA);
    long theirs = assign(app, expertB);
    Api a = Api.as(browser, base, "it_ew_a", "Demo@2026");
    Api b = Api.as(browser, base, "it_ew_b", "Demo@2026");

    // my list has mine only; the other expert's assignment is not found, whatever I try
    List<Long> listed =
        a.get("api/v1/scoring/my/assignments").jsonArray().stream()
            .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
            .toList();
    assertTrue(listed.contains(mine) && !listed.contains(theirs), listed.toString());
    String other = "api/v1/scoring/my/assignments/" + theirs;
    assertEquals(404, a.get(other).status());
    assertEquals(404, a.get(other + "/pdf").status());
    assertEquals(404, a.json("PUT", other + "/sheet", sheet("\"TEAM\":5", null, null, 0)).status());
    assertEquals(404, a.json("POST", other + "/submit", sheet(ALL_FIVE, "x", "FUND", 0)).status());
    assertEquals(404, a.json("POST", other + "/conflict", "{\"reason\":\"x\"}").status());
    assertEquals(404, a.get("api/v1/scoring/my/assignments/999999999").status());
    // other roles may not use the expert's endpoints at all
    assertEquals(
        403,
        Api.as(browser, base, "demo_pi", "Demo@2026")
            .get("api/v1/scoring/my/assignments")
            .status());

    // blind: no name, unit or ID number in what the expert reads, the PDF included
    JsonObject work = a.get("api/v1/scoring/my/assignments/" + mine).json();
    JsonObject d = work.getJsonObject("dossier");
    String shown = d.toString();
    for (String identity :
        List.of("欧阳立项", "浙江演示海洋科技有限公司", "李成员", "330106198102020026", "浙江演示大学", "13812345678")) {
      assertFalse(shown.contains(identity), identity + " in " + shown);
    }
    assertEquals("■■", d.getString("piName"));
    assertTrue(d.getString("basis").contains("本项目由■■牵头"), d.getString("basis"));
    assertEquals("Demo Marine AS", d.getString("partnerName"));
    String pdf;
    try (PDDocument doc =
        Loader.loadPDF(a.bytes("api/v1/scoring/my/assignments/" + mine + "/pdf"))) {
      pdf = new PDFTextStripper().getText(doc);
    }
    assertTrue(pdf.contains("中挪海洋装备联合研发"), pdf);
    for (String identity : List.of("欧阳立项", "浙江演示海洋科技有限公司", "李成员", "330106198102020026")) {
      assertFalse(pdf.contains(identity), identity + " in the PDF");
    }

    // a draft: a score off its scale is refused and nothing is saved
    long version = work.getJsonNumber("version").longValue();
    String path = "api/v1/scoring/my/assignments/" + mine;
    Api.Reply off =
        a.json("PUT", path + "/sheet", sheet("\"INNOVATION\":11,\"TEAM\":5", null, null, version));
    assertEquals(422, off.status(), off.body());
    assertTrue(
        off.body().contains("F-SCORE") && off.body().contains("score.INNOVATION"), off.body());
    assertEquals(
        List.of("ASSIGNED|0"),
        Db.strings("select concat(status, '|', version) from sc_assignment where id = ?", mine));
    Api.Reply draft =
        a.json("PUT", path + "/sheet", sheet("\"INNOVATION\":8,\"TEAM\":5", null, null, version));
    assertEquals(200, draft.status(), draft.body());
    JsonObject saved = draft.json();
    assertEquals("DRAFT", saved.getJsonObject("assignment").getString("status"));
    assertFalse(saved.getJsonObject("total").getBoolean("complete"));
    // 25 × 8/10 + 15 × 5/10 in the standard sheet
    assertEquals(
        0,
        saved
            .getJsonObject("total")
            .getJsonNumber("value")
            .bigDecimalValue()
            .compareTo(new java.math.BigDecimal("27.50")),
        saved.toString());
    // the old version again (another tab): 409, nothing changed
    Api.Reply stale = a.json("PUT", path + "/sheet", sheet("\"TEAM\":1", null, null, version));
    assertEquals(409, stale.status(), stale.body());
    assertTrue(stale.body().contains("F-STALE"), stale.body());
    version = saved.getJsonNumber("version").longValue();

    // submitting needs the comment and the verdict: both named, nothing changed
    Api.Reply incomplete = a.json("POST", path + "/submit", sheet(ALL_FIVE, null, null, version));
    assertEquals(422, incomplete.status(), incomplete.body());
    assertTrue(
        incomplete.body().contains("\"comment\"") && incomplete.body().contains("\"verdict\""),
        incomplete.body());
    assertEquals(
        List.of("DRAFT"), Db.strings("select status from sc_assignment where id = ?", mine));
    String comment = "合作基础扎实，技术路线清晰，考核指标可量化，建议资助。需进一步明确外方投入与知识产权分配。";
    Api.Reply submitted =
        a.json("POST", path + "/submit", sheet(ALL_FIVE, comment, "FUND", version));
    assertEquals(200, submitted.status(), submitted.body());
    assertEquals("SUBMITTED", submitted.json().getJsonObject("assignment").getString("status"));
    assertFalse(submitted.json().getBoolean("editable"));
    assertEquals(
        List.of("sheet-submit|it_ew_a|EXPERT"),
        Db.strings(
            "select concat(action, '|', actor, '|', actor_role) from krn_audit where entity_type ="
                + " 'Assignment' and entity_id = ? and action = 'sheet-submit'",
            String.valueOf(mine)));
    // read-only from now on
    long after = submitted.json().getJsonNumber("version").longValue();
    Api.Reply again = a.json("PUT", path + "/sheet", sheet("\"TEAM\":1", null, null, after));
    assertEquals(422, again.status(), again.body());
    assertTrue(again.body().contains("F-STATE"), again.body());

    // the other expert: after the deadline nothing is saved
    review(true, "-1 minute");
    String theirPath = "api/v1/scoring/my/assignments/" + theirs;
    Api.Reply late = b.json("PUT", theirPath + "/sheet", sheet("\"TEAM\":5", null, null, 0));
    assertEquals(422, late.status(), late.body());
    assertTrue(late.body().contains("F-DEADLINE"), late.body());
    review(true, "7 day");

    // a conflict needs a reason; once declared, the application is gone from the expert
    Api.Reply noReason = b.json("POST", theirPath + "/conflict", "{\"reason\":\" \"}");
    assertEquals(422, noReason.status(), noReason.body());
    assertTrue(noReason.body().contains("conflictReason"), noReason.body());
    assertEquals(
        204, b.json("POST", theirPath + "/conflict", "{\"reason\":\"与申报单位有合作项目\"}").status());
    assertEquals(404, b.get(theirPath).status());
    assertEquals(
        List.of("CONFLICT|与申报单位有合作项目"),
        Db.strings(
            "select concat(a.status, '|', c.reason) from sc_assignment a join sc_declared_conflict c"
                + " on c.expert_id = a.expert_id and c.application_id = a.application_id where a.id = ?",
            theirs));
  }

  /** Types a score into a criterion's field and leaves it (the autosave runs). */
  private void score(int criterion, String value) {
    String id = "work:criteria:" + criterion + ":score";
    browser.typeSurely(id, value);
    browser.driver.findElement(By.id(id)).sendKeys(org.openqa.selenium.Keys.TAB);
    browser.ajaxIdle();
  }

  /** The expert fills in and submits an opened assignment's sheet in the browser. */
  private void scoreAndSubmit(long id, String[] scores, String total) throws Exception {
    browser.open("/app/scoring/work.xhtml?id=" + id);
    browser.waitFor(By.id("appTitle"));
    for (int i = 0; i < scores.length; i++) {
      score(i, scores[i]);
    }
    org.awaitility.Awaitility.await("the live total " + total)
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> browser.driver.findElement(By.id("work:total")).getText().contains(total));
    browser.clickWhenClickable(By.cssSelector("label[for='work:verdict:0']"));
    browser.ajaxIdle();
    browser.typeSurely("work:comment", "合作基础扎实，技术路线清晰，考核指标可量化，建议资助。");
    browser.driver.findElement(By.id("work:comment")).sendKeys(org.openqa.selenium.Keys.TAB);
    browser.ajaxIdle();
    browser.clickWhenClickable(By.id("work:submit"));
    browser.clickWhenClickable(By.id("confirmYes"));
    browser.ajaxIdle();
    org.awaitility.Awaitility.await("submitted")
        .atMost(java.time.Duration.ofSeconds(15))
        .until(
            () ->
                Db.strings("select status from sc_assignment where id = ?", id)
                    .equals(List.of("SUBMITTED")));
  }

  /** The officer's ranking of line A1 as shown: acceptance number → rank cell and score cell. */
  private java.util.Map<String, String> ranking() {
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
    browser.open("/app/scoring/ranking.xhtml?line=A1");
    browser.waitFor(By.id("ranking:rows"));
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (var tr : browser.driver.findElements(By.cssSelector("#ranking\\:rows_data > tr"))) {
      var td = tr.findElements(By.xpath("./td"));
      if (td.size() > 5) {
        out.put(td.get(1).getText(), td.get(0).getText() + " " + td.get(5).getText());
      }
    }
    return out;
  }

  private void asExpert(String user) {
    browser.driver.manage().deleteAllCookies();
    browser.login(user, "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
  }

  @Test
  void anExpertScoresTwoApplicationsInTheBrowserAndTheOfficerSeesTheRankingUpdate()
      throws Exception {
    Db.update("delete from sc_sheet where line_code = 'A1'");
    review(false, "7 day");
    long expert = expert("it_ew_c", "丙评审");
    long first = application("it_ew_pi2", "司马评审", "33010619800404123");
    long second = application("it_ew_pi3", "诸葛评审", "33010619800505123");
    long one = assign(first, expert);
    long two = assign(second, expert);
    long others = assign(first, expert("it_ew_d", "丁评审"));
    String firstNo =
        Db.strings("select acceptance_no from sub_application where id = ?", first).get(0);
    String secondNo =
        Db.strings("select acceptance_no from sub_application where id = ?", second).get(0);

    asExpert("it_ew_c");
    browser.waitFor(By.id("expertToFinish"));
    assertTrue(browser.driver.findElement(By.id("expertToFinish")).getText().contains("2"));
    browser.open("/app/scoring/mine.xhtml");
    browser.waitFor(By.id("summary"));
    assertEquals(List.of(), browser.axe());
    browser.clickWhenClickable(By.cssSelector("a[id$=':open']"));
    browser.waitFor(By.id("appTitle"));
    // not blind: the PI is shown
    assertTrue(List.of("司马评审", "诸葛评审").contains(browser.driver.findElement(By.id("pi")).getText()));
    assertEquals(List.of(), browser.axe());

    // another expert's assignment, guessed in the URL: not found, nothing of it shown
    browser.open("/app/scoring/work.xhtml?id=" + others);
    browser.waitFor(By.cssSelector("footer"));
    assertTrue(browser.driver.findElements(By.id("appTitle")).isEmpty());
    String notFound = browser.driver.getPageSource();
    assertTrue(notFound.contains("没有找到这项评审任务"), notFound);

    // a score off the scale: shown beside its field, not saved
    browser.open("/app/scoring/work.xhtml?id=" + one);
    browser.waitFor(By.id("appTitle"));
    score(0, "12");
    org.awaitility.Awaitility.await("the message beside the score")
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                browser
                    .driver
                    .findElement(By.id("work:criteria:0:scoreMsg"))
                    .getText()
                    .contains("F-SCORE"));
    assertEquals(
        List.of("ASSIGNED"), Db.strings("select status from sc_assignment where id = ?", one));

    // 25×.8 + 20×.7 + 20×.9 + 20×.6 + 15×.8 = 76.00
    scoreAndSubmit(one, new String[] {"8", "7", "9", "6", "8"}, "76.00");
    browser.open("/app/scoring/work.xhtml?id=" + one);
    browser.waitFor(By.id("appTitle"));
    assertFalse(browser.driver.findElement(By.id("work:criteria:0:score")).isEnabled());
    assertEquals(List.of("76.00"), Db.strings("select total from sc_assignment where id = ?", one));

    // the officer: the first ranked, the second not yet
    java.util.Map<String, String> before = ranking();
    assertEquals("1 76.0000", before.get(firstNo), before.toString());
    assertEquals("未排名 ", before.get(secondNo), before.toString());
    assertEquals(List.of(), browser.axe());

    // the expert scores the second higher: 25×.9 + 20×.9 + 20×.9 + 20×.8 + 15×.9 = 88.00
    asExpert("it_ew_c");
    scoreAndSubmit(two, new String[] {"9", "9", "9", "8", "9"}, "88.00");
    java.util.Map<String, String> after = ranking();
    assertEquals("1 88.0000", after.get(secondNo), after.toString());
    assertEquals("2 76.0000", after.get(firstNo), after.toString());
    // the ranking as exported holds what the table shows
    ExcelExportsIT.compare("ranking", "ranking:rows", "ranking:rows:export", 11);
  }

  /** A submitted sheet with its total and verdict, as the ranking reads it. */
  static void submittedSheet(long applicationId, long expertId, String total, String verdict)
      throws Exception {
    Db.update(
        "insert into sc_assignment (call_id, application_id, expert_id, line_code, status,"
            + " assigned_by, assigned_at, total, verdict, submitted_at) select call_id, id, ?,"
            + " line_code, 'SUBMITTED', 'it', UTC_TIMESTAMP(6), ?, ?, UTC_TIMESTAMP(6) from"
            + " sub_application where id = ?",
        expertId,
        new java.math.BigDecimal(total),
        verdict,
        applicationId);
  }

  /** The row of an application in a ranking answer. */
  static JsonObject row(JsonObject ranking, long applicationId) {
    return ranking.getJsonArray("rows").stream()
        .map(v -> v.asJsonObject())
        .filter(r -> r.getJsonNumber("applicationId").longValue() == applicationId)
        .findFirst()
        .orElseThrow(() -> new AssertionError(applicationId + " not in " + ranking));
  }

  @Test
  void theRankingTrimsFlagsOutliersSharesTiesAndKeepsRemarks() throws Exception {
    Db.update("delete from sc_review");
    long x = application("it_ew_pi4", "上官排序", "33010619800606123");
    long y = application("it_ew_pi5", "欧阳排序", "33010619800707123");
    String[] totals = {"80", "82", "84", "86", "40"};
    for (int i = 0; i < totals.length; i++) {
      long e = expert("it_ew_r" + i, "排序专家" + i);
      submittedSheet(x, e, totals[i], i < 2 ? "FUND" : "FUND_IF_REVISED");
      if (i < 3) {
        submittedSheet(y, e, "82", i < 2 ? "FUND" : "DO_NOT_FUND");
      }
    }
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    JsonObject ranking = officer.get("api/v1/scoring/ranking/A1").json();
    JsonObject rx = row(ranking, x);
    // five scores: 40 and 86 dropped, (80 + 82 + 84) / 3
    assertEquals("82.0000", rx.getJsonNumber("score").bigDecimalValue().toPlainString());
    assertTrue(rx.getBoolean("trimmed"));
    assertEquals(5, rx.getInt("submitted"));
    // 40 is 42 points from the median 82 (threshold 15): the one outlier
    assertEquals(1, rx.getInt("outliers"), rx.toString());
    assertEquals(
        List.of("排序专家4"),
        rx.getJsonArray("scores").stream()
            .map(v -> v.asJsonObject())
            .filter(v -> v.getBoolean("outlier"))
            .map(v -> v.getString("expertName"))
            .toList());
    // the same score, median and fund votes: one shared rank, both marked tied
    JsonObject ry = row(ranking, y);
    assertEquals("82.0000", ry.getJsonNumber("score").bigDecimalValue().toPlainString());
    assertFalse(ry.getBoolean("trimmed"));
    assertEquals(rx.getInt("rank"), ry.getInt("rank"));
    assertTrue(rx.getBoolean("tied") && ry.getBoolean("tied"));

    // a third "fund" verdict for y breaks the tie
    Db.update(
        "update sc_assignment set verdict = 'FUND' where application_id = ? and verdict ="
            + " 'DO_NOT_FUND'",
        y);
    ranking = officer.get("api/v1/scoring/ranking/A1").json();
    assertEquals(row(ranking, x).getInt("rank"), row(ranking, y).getInt("rank") + 1);
    assertFalse(row(ranking, y).getBoolean("tied"));

    // the consensus remark: versioned and audited
    String path = "api/v1/scoring/panels/" + x + "/remark";
    assertEquals(204, officer.json("PUT", path, "{\"remark\":\"专家组意见一致\",\"version\":0}").status());
    Api.Reply stale = officer.json("PUT", path, "{\"remark\":\"另一意见\",\"version\":0}");
    assertEquals(409, stale.status(), stale.body());
    assertEquals(
        "专家组意见一致", row(officer.get("api/v1/scoring/ranking/A1").json(), x).getString("remark"));
    assertEquals(
        List.of("panel-remark|demo_officer"),
        Db.strings(
            "select concat(action, '|', actor) from krn_audit where entity_type = 'Panel' and"
                + " entity_id = ?",
            String.valueOf(x)));
    // an application that never went to experts has no panel
    assertEquals(
        404,
        officer
            .json("PUT", "api/v1/scoring/panels/999999999/remark", "{\"remark\":\"x\"}")
            .status());
    // experts never see the ranking (nor others' scores and names)
    assertEquals(
        403,
        Api.as(browser, base, "it_ew_r0", "Demo@2026").get("api/v1/scoring/ranking/A1").status());
  }
}
