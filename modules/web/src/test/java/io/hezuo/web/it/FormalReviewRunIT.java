package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Formal review's batch run over the round (issue 12): every application of the round checked and
 * stored once; a re-run recomputes only what changed; a stopped run resumes from its last
 * checkpoint without starting over or counting twice; one run at a time; formal reviewers and
 * officers only.
 */
class FormalReviewRunIT extends BrowserIT {

  static final long REC = 910801;
  static final long UNIT = 910811;
  static boolean created;
  static int next = 1;

  static void setUpRound() throws Exception {
    if (created) {
      return;
    }
    RecommendationIT.recommender(REC, "测试推荐局批量", "11330100IT0000801M");
    RecommendationIT.unit(UNIT, "测试申报单位批量", "91330100IT0000811N", REC);
    RecommendationIT.submittedRound(REC);
    created = true;
  }

  /**
   * A complete A1 application of the test's unit (submitted through the API by a PI of its own,
   * with its agreement and budget), recommended, with six sections of text of its own.
   */
  private long recommended() throws Exception {
    return recommended(browser, base);
  }

  /** {@link #recommended()} for other test classes (on the tests' server at {@code base}). */
  static long recommended(Browser browser, java.net.URL base) throws Exception {
    int n = next++;
    String user = "it_run_pi" + n;
    Db.createApplicant(user, "韩批" + n, "11010519500101" + String.format("%03d", 100 + n), UNIT);
    Api pi = Api.as(browser, base, user, "Demo@2026");
    long id = SubmissionIT.submitA1(pi);
    pi.systemClock();
    RecommendationIT.onRecord(REC, id);
    text(id, "批量检查第" + n + "号申报书");
    return id;
  }

  /**
   * Gives an application text of its own in each of its six sections (nothing copied from any
   * other), with its hash.
   */
  private static void text(long id, String seed) throws Exception {
    String[] sections = new String[6];
    StringBuilder all = new StringBuilder();
    for (int k = 0; k < 6; k++) {
      StringBuilder s = new StringBuilder(seed).append("（第").append(k + 1).append("部分）");
      // random characters seeded by the id, the section and the seed: no 13-character run is
      // shared with another application (an arithmetic sequence would be, shifted)
      java.util.Random random = new java.util.Random(id * 1_000_003L + k * 7919L + seed.hashCode());
      for (int i = 0; i < 60; i++) {
        s.append((char) (0x4E00 + random.nextInt(20000)));
      }
      sections[k] = s.toString();
      all.append(sections[k]);
    }
    Db.update(
        "update sub_application set text_basis = ?, text_content = ?, text_route = ?,"
            + " text_cooperation = ?, text_outcomes = ?, text_indicators = ?,"
            + " content_sha256 = sha2(?, 256) where id = ?",
        sections[0],
        sections[1],
        sections[2],
        sections[3],
        sections[4],
        sections[5],
        all.toString(),
        id);
  }

  /** Copies one application's six sections into another (another hash: not the same content). */
  private static void copyTexts(long from, long to) throws Exception {
    Db.update(
        "update sub_application t join sub_application f on f.id = ? set t.text_basis ="
            + " f.text_basis, t.text_content = f.text_content, t.text_route = f.text_route,"
            + " t.text_cooperation = f.text_cooperation, t.text_outcomes = f.text_outcomes,"
            + " t.text_indicators = f.text_indicators, t.content_sha256 = sha2(concat('copy',"
            + " f.content_sha256), 256) where t.id = ?",
        from,
        to);
  }

  private JsonObject runToTheEnd(Api reviewer, String body) throws Exception {
    Api.Reply started = reviewer.json("POST", "api/v1/formal-review/runs", body);
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    return waitFor(reviewer, id, "DONE");
  }

  static JsonObject waitFor(Api reviewer, long id, String status) {
    AtomicReference<JsonObject> last = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Api.Reply r = reviewer.get("api/v1/formal-review/runs/current");
              assertEquals(200, r.status(), r.body());
              JsonObject o = r.json();
              assertEquals(id, o.getJsonNumber("id").longValue(), o.toString());
              assertEquals(status, o.getString("status"), o.toString());
              last.set(o);
            });
    return last.get();
  }

  static int roundSize() throws Exception {
    return Integer.parseInt(
        Db.strings(
                "select count(*) from sub_application"
                    + " where status in ('RECOMMENDED', 'FORMAL_PASSED', 'FORMAL_FAILED')")
            .get(0));
  }

  @Test
  void aRunChecksTheRoundOnceAndARerunRecomputesOnlyWhatChanged() throws Exception {
    setUpRound();
    long a = recommended();
    long b = recommended();
    long c = recommended();
    Api reviewer = Api.as(browser, base, "demo_review", "Demo@2026");

    JsonObject first = runToTheEnd(reviewer, "{}");
    assertEquals(first.getInt("total"), first.getInt("done"), first.toString());
    for (long id : List.of(a, b, c)) {
      List<String> row =
          Db.strings(
              "select concat(automatic, ' ', computations, ' ', checks) from fr_result"
                  + " where application_id = ?",
              id);
      assertEquals(1, row.size(), "stored once: " + id);
      assertTrue(row.get(0).startsWith("PASS 1 "), row.get(0));
      assertTrue(
          row.get(0).contains("\"ruleId\":\"G2\"") && row.get(0).contains("\"ruleId\":\"G3\""));
    }

    // nothing changed: a re-run stores nothing again
    JsonObject same = runToTheEnd(reviewer, "{}");
    assertEquals(0, same.getInt("recomputed"), same.toString());
    assertEquals(same.getInt("total"), same.getInt("done"));

    // one application corrected: only it is recomputed
    text(b, "批量检查更正后的第二号申报书");
    JsonObject corrected = runToTheEnd(reviewer, "{\"chunk\":3}");
    assertEquals(1, corrected.getInt("recomputed"), corrected.toString());
    assertEquals(
        List.of("1", "2", "1"),
        Db.strings(
            "select computations from fr_result where application_id in (?, ?, ?)"
                + " order by application_id",
            a,
            b,
            c));

    // formal reviewers and officers only
    for (String user : List.of("demo_pi", "demo_rec", "demo_unit")) {
      Api other = Api.as(browser, base, user, "Demo@2026");
      assertEquals(403, other.json("POST", "api/v1/formal-review/runs", "{}").status(), user);
      assertEquals(403, other.get("api/v1/formal-review/runs/current").status(), user);
    }
  }

  @Test
  void aStoppedRunResumesFromItsCheckpointWithoutCountingTwice() throws Exception {
    setUpRound();
    for (int i = 0; i < 6; i++) {
      recommended();
    }
    // the round's results are forgotten, so every application is computed in this run
    Db.update("delete from fr_result");
    int total = roundSize();
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    Api.Reply started =
        officer.json("POST", "api/v1/formal-review/runs", "{\"chunk\":1,\"pauseMillis\":200}");
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    assertEquals(total, started.json().getInt("total"));

    // a second run is refused while this one runs
    Api.Reply twice = officer.json("POST", "api/v1/formal-review/runs", "{}");
    assertEquals(422, twice.status(), twice.body());
    assertTrue(twice.body().contains("F-RUN"), twice.body());

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> officer.get("api/v1/formal-review/runs/current").json().getInt("done") >= 3);
    assertEquals(
        200, officer.json("POST", "api/v1/formal-review/runs/" + id + "/stop", "{}").status());
    // stopped after the chunk in hand: the count stays where it is
    AtomicReference<Integer> doneAtStop = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ofSeconds(2))
        .until(
            () -> {
              int now = officer.get("api/v1/formal-review/runs/current").json().getInt("done");
              boolean stable = doneAtStop.get() != null && doneAtStop.get() == now;
              doneAtStop.set(now);
              return stable;
            });
    int before = doneAtStop.get();
    assertTrue(before < total, before + " of " + total);
    // a run a person stopped is not resumed by the recovery once its heartbeat is stale (the tests'
    // servers: 20 s, looked for every 5 s): it waits for a person
    Awaitility.await("a stopped run stays stopped")
        .during(Duration.ofSeconds(30))
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              JsonObject waiting = officer.get("api/v1/formal-review/runs/current").json();
              return waiting.getInt("restarts") == 0 && waiting.getInt("done") == before;
            });

    Api.Reply resumed = officer.json("POST", "api/v1/formal-review/runs/" + id + "/resume", "{}");
    assertEquals(200, resumed.status(), resumed.body());
    JsonObject end = waitFor(officer, id, "DONE");
    assertEquals(total, end.getInt("done"), end.toString());
    assertEquals(1, end.getInt("restarts"), end.toString());
    // the resumed execution read only what came after the checkpoint
    assertEquals(total - before, end.getJsonNumber("lastExecutionRead").intValue(), end.toString());
    // every application computed exactly once
    assertEquals(
        List.of(String.valueOf(total)),
        Db.strings("select count(*) from fr_result where computations = 1 and run_id = ?", id));
    assertEquals(List.of("0"), Db.strings("select count(*) from fr_result where computations > 1"));
    // the batch runtime's job repository (with the checkpoints) is in the application's database
    assertTrue(
        Integer.parseInt(
                Db.strings(
                        "select count(*) from information_schema.tables where table_schema ="
                            + " database() and lower(table_name) like 'jbatch%checkpoint%'")
                    .get(0))
            > 0);
    // and a finished run cannot be resumed
    assertEquals(
        422, officer.json("POST", "api/v1/formal-review/runs/" + id + "/resume", "{}").status());
  }

  /**
   * The reviewer's decisions on stored results: the queue filtered by automatic result; a failure
   * names its rules and a reason, and a G3 failure makes an integrity record; passing an automatic
   * FAIL needs a reason and is audited as an override; a decided application cannot be decided
   * again; the bulk pass of the green ones in a selection; the PI is told; applicants may not.
   */
  @Test
  void theReviewerDecidesAndOverridesAreAudited() throws Exception {
    setUpRound();
    long green = recommended();
    long copy1 = recommended();
    long copy2 = recommended();
    copyTexts(copy1, copy2);
    Api reviewer = Api.as(browser, base, "demo_review", "Demo@2026");
    runToTheEnd(reviewer, "{\"chunk\":50}");

    JsonObject failing =
        reviewer.get("api/v1/formal-review/queue?automatic=FAIL&rule=G3&size=500").json();
    List<Long> failingIds =
        failing.getJsonArray("rows").stream()
            .map(v -> v.asJsonObject().getJsonNumber("applicationId").longValue())
            .toList();
    assertTrue(failingIds.containsAll(List.of(copy1, copy2)), failing.toString());
    assertTrue(!failingIds.contains(green), failing.toString());

    // copy1 was recommended by the test's recommending unit, which has an account
    if (Db.strings("select id from dir_account where username = 'it_run_rec'").isEmpty()) {
      Db.createAccount("it_run_rec", "RECOMMENDER", REC);
    }
    String path = "api/v1/formal-review/applications/";
    // a failure without rules or reason: both named, nothing decided
    Api.Reply bare = reviewer.json("POST", path + copy1 + "/decision", "{\"decision\":\"FAIL\"}");
    assertEquals(422, bare.status(), bare.body());
    assertTrue(bare.body().contains("ruleIds") && bare.body().contains("\"reason\""), bare.body());
    Api.Reply failed =
        reviewer.json(
            "POST",
            path + copy1 + "/decision",
            "{\"decision\":\"FAIL\",\"ruleIds\":[\"G3\"],\"reason\":\"与他人申报书文本雷同\"}");
    assertEquals(200, failed.status(), failed.body());
    assertEquals(
        List.of("FORMAL_FAILED"),
        Db.strings("select status from sub_application where id = ?", copy1));
    assertEquals(
        List.of("G3 100.00"),
        Db.strings(
            "select concat(rule_id, ' ', percent) from fr_integrity_record where application_id = ?",
            copy1));
    // the PI is told, with the reason
    assertTrue(
        Db.strings(
                "select body_args from krn_message where entity_id = ? and body_key = ?",
                String.valueOf(copy1),
                "submission.notice.formalFailed")
            .get(0)
            .contains("与他人申报书文本雷同"));
    // and so is the recommending unit
    assertEquals(
        List.of("it_run_rec"),
        Db.strings(
            "select r.username from krn_message m join krn_message_recipient r"
                + " on r.message_id = m.id where m.entity_id = ? and m.body_key = ?",
            String.valueOf(copy1),
            "recommendation.notice.formalFailed"));
    // the integrity record is listed for officers
    assertTrue(
        Api.as(browser, base, "demo_officer", "Demo@2026")
            .get("api/v1/formal-review/integrity-records")
            .body()
            .contains(
                Db.strings("select acceptance_no from sub_application where id = ?", copy1)
                    .get(0)));
    // decided once only
    assertEquals(
        422,
        reviewer
            .json("POST", path + copy1 + "/decision", "{\"decision\":\"PASS\",\"reason\":\"x\"}")
            .status());

    // passing an automatic FAIL is an override: a reason first, then audited as such
    Api.Reply noReason =
        reviewer.json("POST", path + copy2 + "/decision", "{\"decision\":\"PASS\"}");
    assertEquals(422, noReason.status(), noReason.body());
    assertTrue(noReason.body().contains("理由"), noReason.body());
    Api.Reply overridden =
        reviewer.json(
            "POST",
            path + copy2 + "/decision",
            "{\"decision\":\"PASS\",\"reason\":\"雷同部分为双方共同的前期成果，已核实\"}");
    assertEquals(200, overridden.status(), overridden.body());
    assertEquals(true, overridden.json().getBoolean("overridden"));
    assertEquals(
        List.of("formal-override FAIL PASS"),
        Db.strings(
            "select concat(action, ' ', from_state, ' ', to_state) from krn_audit"
                + " where entity_type = 'Application' and entity_id = ? and action = 'formal-override'",
            String.valueOf(copy2)));

    // the green one passes in bulk (limited to the selection)
    Api.Reply bulk =
        reviewer.json(
            "POST",
            "api/v1/formal-review/decisions/pass-all-green",
            "{\"applicationIds\":[" + green + "," + copy1 + "]}");
    assertEquals(200, bulk.status(), bulk.body());
    assertEquals(1, bulk.json().getInt("passed"), bulk.body());
    assertEquals(
        List.of("FORMAL_PASSED"),
        Db.strings("select status from sub_application where id = ?", green));

    Api pi = Api.as(browser, base, "demo_pi", "Demo@2026");
    assertEquals(403, pi.json("POST", path + green + "/decision", "{}").status());
    assertEquals(403, pi.get("api/v1/formal-review/queue").status());
  }

  /**
   * In the browser: the reviewer runs the checks from the queue and watches the progress, filters
   * the failures of the test's recommending unit, opens the copied one, fails it on G3 (prefilled)
   * with a reason, and passes the rest of the unit's green ones at once.
   */
  @Test
  void aReviewerRunsTheChecksFailsTheCopyAndPassesTheRest() throws Exception {
    setUpRound();
    long original = recommended();
    long copy = recommended();
    long other = recommended();
    copyTexts(original, copy);
    // the original is decided already elsewhere: only the copy and the other wait
    Db.update("update sub_application set status = 'FORMAL_PASSED' where id = ?", original);

    browser.driver.manage().deleteAllCookies();
    browser.login("demo_review", "Demo@2026");
    browser.waitFor(org.openqa.selenium.By.cssSelector("section[id^=home-]"));
    // the home page names the pending formal review work
    assertTrue(
        browser
            .waitFor(org.openqa.selenium.By.id("formalPendingText"))
            .getText()
            .contains("待形式审查"));
    browser.open("/app/formal-review/queue.xhtml");
    String before = Db.strings("select coalesce(max(id), 0) from fr_run").get(0);
    browser.clickWhenClickable(org.openqa.selenium.By.id("run:start"));
    browser.clickWhenClickable(org.openqa.selenium.By.id("run:confirmYes"));
    // a new run, and the page follows it to the end (it polls while the run works)
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                Db.strings("select status from fr_run where id > ? order by id desc", before)
                    .contains("DONE"));
    String total =
        Db.strings("select total from fr_run where id > ? order by id desc", before).get(0);
    browser.waitFor(
        org.openqa.selenium.By.xpath(
            "//*[@id='runStatus' and contains(., '已完成') and contains(., '"
                + total
                + " / "
                + total
                + "')]"));

    browser.chooseByClick("queue:recommender", String.valueOf(REC));
    browser.chooseByClick("queue:automatic", "FAIL");
    browser.driver.findElement(org.openqa.selenium.By.id("queue:filter")).click();
    browser.ajaxIdle();
    String copyNo =
        Db.strings("select acceptance_no from sub_application where id = ?", copy).get(0);
    browser.clickWhenClickable(
        org.openqa.selenium.By.xpath(
            "//a[contains(@class,'fr-acceptance') and text()='" + copyNo + "']"));
    // the checklist: G3 failed with its truncated figure, the truncation said on the page
    browser.waitFor(
        org.openqa.selenium.By.xpath(
            "//tr[@data-rule='G3']/td[contains(@class,'check-outcome') and text()='不通过']"));
    assertTrue(
        browser
            .driver
            .findElement(org.openqa.selenium.By.id("truncated"))
            .getText()
            .contains("截断"));
    // side by side with its source: the copied passages marked in both texts
    browser.clickWhenClickable(org.openqa.selenium.By.cssSelector("a.fr-side"));
    browser.waitFor(org.openqa.selenium.By.cssSelector("#document mark.fr-passage"));
    assertTrue(
        browser
                .driver
                .findElements(org.openqa.selenium.By.cssSelector("#source mark.fr-passage"))
                .size()
            > 0);
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
    browser.clickWhenClickable(org.openqa.selenium.By.id("back"));
    browser.waitFor(org.openqa.selenium.By.id("checklist"));
    // G3 prefilled; the reason typed; confirmed
    assertTrue(
        browser
            .driver
            .findElement(org.openqa.selenium.By.cssSelector("input[value='G3']"))
            .isSelected());
    browser.typeSurely("decide:reason", "与本批次另一申报书文本雷同");
    browser.clickWhenClickable(org.openqa.selenium.By.id("decide:submit"));
    browser.clickWhenClickable(org.openqa.selenium.By.id("decide:confirmYes"));
    browser.waitFor(org.openqa.selenium.By.xpath("//*[@id='appStatus' and text()='形式审查未通过']"));
    assertEquals(
        List.of("FORMAL_FAILED"),
        Db.strings("select status from sub_application where id = ?", copy));

    // back to the queue: the unit's green ones pass at once
    browser.open("/app/formal-review/queue.xhtml");
    browser.chooseByClick("queue:recommender", String.valueOf(REC));
    browser.driver.findElement(org.openqa.selenium.By.id("queue:filter")).click();
    browser.ajaxIdle();
    browser.clickWhenClickable(org.openqa.selenium.By.id("queue:apps:passGreen"));
    browser.clickWhenClickable(org.openqa.selenium.By.id("run:confirmYes"));
    String said =
        browser.waitFor(org.openqa.selenium.By.xpath("//*[contains(text(), '已一键通过')]")).getText();
    assertEquals(
        List.of("FORMAL_PASSED"),
        Db.strings("select status from sub_application where id = ?", other),
        said
            + " / "
            + Db.strings(
                "select concat(automatic, ' ', failed_rules) from fr_result where application_id = ?",
                other));
    // the page with the layout's message shown: its items are list items (no role on them)
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
    assertTrue(
        browser
            .driver
            .findElements(org.openqa.selenium.By.cssSelector("#messages li[role]"))
            .isEmpty());
    // and the queue, as it shows after the run
    browser.open("/app/formal-review/queue.xhtml");
    browser.waitFor(org.openqa.selenium.By.id("runStatus"));
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
  }

  /** A zip of the given files (name, bytes). */
  static byte[] zip(Object... nameAndBytes) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (int i = 0; i < nameAndBytes.length; i += 2) {
        z.putNextEntry(new java.util.zip.ZipEntry((String) nameAndBytes[i]));
        z.write((byte[]) nameAndBytes[i + 1]);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] docx(String text) throws Exception {
    try (org.apache.poi.xwpf.usermodel.XWPFDocument d =
            new org.apache.poi.xwpf.usermodel.XWPFDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText(text);
      d.write(out);
      return out.toByteArray();
    }
  }

  static byte[] pdf(String text) throws Exception {
    try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
      d.addPage(page);
      try (org.apache.pdfbox.pdmodel.PDPageContentStream c =
          new org.apache.pdfbox.pdmodel.PDPageContentStream(d, page)) {
        c.beginText();
        c.setFont(
            new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
            11);
        c.newLineAtOffset(50, 700);
        c.showText(text);
        c.endText();
      }
      d.save(out);
      return out.toByteArray();
    }
  }

  /**
   * The library of earlier projects: a zip with an unreadable file is refused whole with a per-file
   * report; a clean one (TXT, DOCX, PDF, judged by content) is imported, a duplicate skipped; an
   * application that copies a library document fails G3 with it as its source.
   */
  @Test
  void theLibraryIsImportedWholeOrNotAndCountsForG3() throws Exception {
    setUpRound();
    StringBuilder earlier = new StringBuilder("往年项目：");
    java.util.Random random = new java.util.Random(424242);
    for (int i = 0; i < 200; i++) {
      earlier.append((char) (0x4E00 + random.nextInt(20000)));
    }
    String earlierText = earlier.toString();
    byte[] txt = earlierText.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] word = docx("往年项目的另一份文档，内容与本批次无关：海上风电运维的经验总结与教训。");
    byte[] acrobat = pdf("An earlier project on offshore aquaculture monitoring, 2019.");
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");

    JsonObject report =
        LibraryImportIT.imported(
            officer,
            zip(
                "2019/往年项目甲.txt",
                txt,
                "2019/往年项目乙.docx",
                word,
                "2019/坏文件.pdf",
                "%PDF-1.4 this is not a PDF".getBytes(),
                "2019/程序.pdf",
                new byte[] {'M', 'Z', 0, 0, 1, 2, 3}));
    assertEquals("REFUSED", report.getString("status"), report.toString());
    List<String> outcomes =
        report.getJsonArray("items").stream()
            .map(
                v ->
                    v.asJsonObject().getString("name")
                        + " "
                        + v.asJsonObject().getString("outcome"))
            .toList();
    assertEquals(
        List.of(
            "2019/往年项目甲.txt IMPORTED",
            "2019/往年项目乙.docx IMPORTED",
            "2019/坏文件.pdf REFUSED",
            "2019/程序.pdf REFUSED"),
        outcomes);
    assertEquals(
        List.of("0"), Db.strings("select count(*) from fr_library_document where title = '往年项目甲'"));

    JsonObject imported =
        LibraryImportIT.imported(
            officer,
            zip(
                "往年项目甲.txt", txt,
                "往年项目乙.docx", word,
                "往年项目丙.pdf", acrobat,
                "往年项目甲-副本.txt", txt));
    assertEquals("DONE", imported.getString("status"), imported.toString());
    assertEquals(3, imported.getInt("imported"), imported.toString());
    assertEquals(1, imported.getInt("skipped"), imported.toString());
    assertTrue(
        Db.strings("select body from fr_library_document where title = '往年项目丙'")
            .get(0)
            .contains("offshore aquaculture"));
    // formal reviewers read the count, applicants nothing
    assertEquals(
        200,
        Api.as(browser, base, "demo_review", "Demo@2026")
            .get("api/v1/formal-review/library")
            .status());
    assertEquals(
        403,
        Api.as(browser, base, "demo_pi", "Demo@2026").get("api/v1/formal-review/library").status());

    // an application that copies the earlier project fails G3 with the library document named
    long copy = recommended();
    Db.update(
        "update sub_application set text_basis = ?, content_sha256 = sha2(?, 256) where id = ?",
        earlierText,
        earlierText + copy,
        copy);
    Api reviewer = Api.as(browser, base, "demo_review", "Demo@2026");
    JsonObject checklist =
        reviewer.get("api/v1/formal-review/applications/" + copy + "/checklist").json();
    JsonObject g3 =
        checklist.getJsonArray("checks").stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getString("ruleId").equals("G3"))
            .findFirst()
            .orElseThrow();
    assertEquals("FAIL", g3.getString("outcome"), g3.toString());
    assertTrue(g3.toString().contains("往年项目甲"), g3.toString());
  }

  /**
   * A document of the library of earlier projects opens side by side with the application that
   * copies it: the copied passages marked in both texts, over REST and on the screen from the
   * checklist's list of sources (axe clean); an applicant gets 403 and an unknown document 404.
   */
  @Test
  void aLibrarySourceOpensSideBySide() throws Exception {
    setUpRound();
    StringBuilder earlier = new StringBuilder("往年项目乙：");
    java.util.Random r = new java.util.Random(4242);
    for (int i = 0; i < 600; i++) {
      earlier.append((char) (0x4E00 + r.nextInt(0x51A5)));
    }
    String earlierText = earlier.toString();
    Db.update(
        "insert into fr_library_document (title, file_name, text_sha256, body, import_batch,"
            + " imported_by, imported_at) values ('往年项目乙', '往年项目乙.txt', sha2(?, 256), ?,"
            + " 'it-side', 'demo_officer', UTC_TIMESTAMP(6))",
        earlierText,
        earlierText);
    long libraryId =
        Long.parseLong(
            Db.strings(
                    "select id from fr_library_document where text_sha256 = sha2(?, 256)",
                    earlierText)
                .get(0));
    long copy = recommended();
    Db.update(
        "update sub_application set text_basis = ?, content_sha256 = sha2(?, 256) where id = ?",
        earlierText,
        earlierText + "side" + copy,
        copy);

    Api reviewer = Api.as(browser, base, "demo_review", "Demo@2026");
    String path = "api/v1/formal-review/applications/" + copy + "/similarity/library/";
    Api.Reply pair = reviewer.get(path + libraryId);
    assertEquals(200, pair.status(), pair.body());
    JsonObject o = pair.json();
    assertEquals("往年项目乙", o.getString("sourceTitle"));
    assertTrue(o.getJsonNumber("percent").doubleValue() > 30, o.toString());
    assertTrue(o.getJsonObject("view").toString().contains("\"passage\":1"), o.toString());
    assertEquals(404, reviewer.get(path + "999999999").status());
    assertEquals(403, Api.as(browser, base, "demo_pi", "Demo@2026").get(path + libraryId).status());

    // on the screen: the checklist names the library document and opens it side by side
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_review", "Demo@2026");
    browser.waitFor(org.openqa.selenium.By.cssSelector("section[id^=home-]"));
    browser.open("/app/formal-review/review.xhtml?id=" + copy);
    browser.clickWhenClickable(org.openqa.selenium.By.cssSelector("a.fr-side-library"));
    browser.waitFor(org.openqa.selenium.By.cssSelector("#document mark.fr-passage"));
    assertTrue(
        browser
            .driver
            .findElement(org.openqa.selenium.By.id("srcTitle"))
            .getText()
            .contains("往年项目乙"));
    assertTrue(
        browser
                .driver
                .findElements(org.openqa.selenium.By.cssSelector("#source mark.fr-passage"))
                .size()
            > 0);
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
  }
}
