package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The library of earlier projects is imported by a batch job per zip (issue 12): a good zip is
 * imported with its progress reaching 100 %, chunk by chunk; a zip with one unreadable file imports
 * nothing and names that file; only officers start and read imports; the officer's screen shows the
 * progress bar and the per-file report (axe clean).
 */
class LibraryImportIT extends BrowserIT {

  static final String IMPORTS = "api/v1/formal-review/library/imports";

  /** Starts an import of the zip and waits for it to end: its final progress and report. */
  static JsonObject imported(Api officer, byte[] zip) throws Exception {
    Api.Reply started = officer.send("POST", IMPORTS, "application/zip", zip);
    assertEquals(202, started.status(), started.body());
    return await(officer, IMPORTS + "/" + started.json().getJsonNumber("id").longValue(), null);
  }

  /**
   * Reads an import until it has ended (at most two minutes); each reading while it runs is added
   * to {@code seen} (when given).
   */
  static JsonObject await(Api officer, String path, List<JsonObject> seen) throws Exception {
    java.util.concurrent.atomic.AtomicReference<JsonObject> end =
        new java.util.concurrent.atomic.AtomicReference<>();
    org.awaitility.Awaitility.await("the import ends")
        .atMost(java.time.Duration.ofMinutes(2))
        .pollInterval(java.time.Duration.ofMillis(100))
        .until(
            () -> {
              Api.Reply r = officer.get(path);
              assertEquals(200, r.status(), r.body());
              JsonObject job = r.json();
              if (!"RUNNING".equals(job.getString("status"))) {
                end.set(job);
                return true;
              }
              if (seen != null) {
                seen.add(job);
              }
              return false;
            });
    return end.get();
  }

  /** A text of its own (random characters from the seed). */
  static String text(long seed) {
    Random random = new Random(seed);
    StringBuilder s = new StringBuilder("往年项目资料：");
    for (int i = 0; i < 150; i++) {
      s.append((char) (0x4E00 + random.nextInt(20000)));
    }
    return s.toString();
  }

  static long documents(String titlePrefix) throws Exception {
    return Long.parseLong(
        Db.strings("select count(*) from fr_library_document where title like ?", titlePrefix + "%")
            .get(0));
  }

  @Test
  void aGoodZipIsImportedChunkByChunkToOneHundredPercent() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    List<Object> files = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      files.add("好批次/IT好批次-" + i + ".txt");
      files.add(text(77_000 + i).getBytes(StandardCharsets.UTF_8));
    }
    Api.Reply started =
        officer.send(
            "POST",
            IMPORTS + "?fileName=good.zip&chunk=2&pauseMillis=400",
            "application/zip",
            FormalReviewRunIT.zip(files.toArray()));
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    assertEquals("RUNNING", started.json().getString("status"), started.body());
    List<JsonObject> seen = new ArrayList<>();
    JsonObject done = await(officer, IMPORTS + "/" + id, seen);

    assertEquals("DONE", done.getString("status"), done.toString());
    assertEquals(100, done.getInt("percent"), done.toString());
    assertEquals(10, done.getInt("total"), done.toString());
    assertEquals(10, done.getInt("done"), done.toString());
    assertEquals(10, done.getInt("imported"), done.toString());
    assertEquals(0, done.getInt("refused"), done.toString());
    assertEquals(10, done.getJsonArray("items").size(), done.toString());
    assertEquals(10, documents("IT好批次-"));
    // the progress moved chunk by chunk, below 100 % while it ran
    assertTrue(
        seen.stream()
            .anyMatch(
                j ->
                    j.getInt("done") > 0
                        && j.getInt("done") < 10
                        && j.getInt("percent") > 0
                        && j.getInt("percent") < 100),
        seen.toString());
    assertTrue(seen.stream().allMatch(j -> j.getInt("percent") < 100), seen.toString());
    // the upload and the staged texts are gone; the import is audited
    assertEquals(
        List.of("0"), Db.strings("select count(*) from krn_import_upload where job_id = ?", id));
    assertEquals(
        List.of("0"), Db.strings("select count(*) from fr_library_staging where job_id = ?", id));
    assertEquals(
        List.of("import-start", "import"),
        Db.strings(
            "select action from krn_audit where entity_type = 'Library' and actor = 'demo_officer'"
                + " and (entity_id = ? or entity_id = ?) order by id",
            String.valueOf(id),
            "import-" + id));

    // the same zip again: every file a duplicate, skipped; nothing stored twice
    JsonObject again = imported(officer, FormalReviewRunIT.zip(files.toArray()));
    assertEquals("DONE", again.getString("status"), again.toString());
    assertEquals(10, again.getInt("skipped"), again.toString());
    assertEquals(0, again.getInt("imported"), again.toString());
    assertEquals(10, documents("IT好批次-"));

    // only officers start or read imports
    Api reviewer = Api.as(browser, base, "demo_review", "Demo@2026");
    assertEquals(403, reviewer.get(IMPORTS + "/" + id).status());
    assertEquals(
        403,
        reviewer
            .send("POST", IMPORTS, "application/zip", FormalReviewRunIT.zip(files.toArray()))
            .status());
    assertEquals(401, Api.anonymous(base).get(IMPORTS + "/" + id).status());
    assertEquals(404, officer.get(IMPORTS + "/999999999").status());
  }

  /**
   * A stopped import (as after its server died) resumes from its last checkpoint: the files read
   * before are not read again, every document is stored once.
   */
  @Test
  void aStoppedImportResumesFromItsCheckpoint() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    List<Object> files = new ArrayList<>();
    int total = 8;
    for (int i = 1; i <= total; i++) {
      files.add("IT续传-" + i + ".txt");
      files.add(text(66_000 + i).getBytes(StandardCharsets.UTF_8));
    }
    Api.Reply started =
        officer.send(
            "POST",
            IMPORTS + "?chunk=1&pauseMillis=700",
            "application/zip",
            FormalReviewRunIT.zip(files.toArray()));
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    String path = IMPORTS + "/" + id;
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> officer.get(path).json().getInt("done") >= 3);
    Api.Reply stop = officer.send("POST", path + "/stop", null, null);
    assertEquals(200, stop.status(), stop.body());
    // stopped after the chunk in hand: the count stays where it is
    AtomicReference<Integer> doneAtStop = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ofSeconds(2))
        .until(
            () -> {
              int now = officer.get(path).json().getInt("done");
              boolean stable = doneAtStop.get() != null && doneAtStop.get() == now;
              doneAtStop.set(now);
              return stable;
            });
    int before = doneAtStop.get();
    assertTrue(before >= 3 && before < total, before + " of " + total);
    assertEquals("RUNNING", officer.get(path).json().getString("status"));
    Api.Reply resumed = officer.send("POST", path + "/resume", null, null);
    assertEquals(200, resumed.status(), resumed.body());

    await(officer, path, null);
    // once its execution has ended too, what it read is known
    AtomicReference<JsonObject> ended = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              ended.set(officer.get(path).json());
              return ended.get().containsKey("readByLastExecution");
            });
    JsonObject end = ended.get();
    assertEquals("DONE", end.getString("status"), end.toString());
    assertEquals(1, end.getInt("restarts"), end.toString());
    assertEquals(total, end.getInt("done"), end.toString());
    assertEquals(total, end.getInt("imported"), end.toString());
    assertEquals(total, end.getJsonArray("items").size(), end.toString());
    // the resumed execution read only what came after the checkpoint
    assertEquals(
        total - before, end.getJsonNumber("readByLastExecution").intValue(), end.toString());
    assertEquals(total, documents("IT续传-"));
    // an import that has ended cannot be resumed or stopped
    assertEquals(422, officer.send("POST", path + "/resume", null, null).status());
    assertEquals(422, officer.send("POST", path + "/stop", null, null).status());
  }

  @Test
  void aZipWithOneUnreadableFileImportsNothingAndNamesIt() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    JsonObject refused =
        imported(
            officer,
            FormalReviewRunIT.zip(
                "IT坏批次-1.txt", text(88_001).getBytes(StandardCharsets.UTF_8),
                "IT坏批次-2.docx", FormalReviewRunIT.docx(text(88_002)),
                "IT坏批次-3.docx", new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8},
                "IT坏批次-4.pdf", FormalReviewRunIT.pdf("An earlier project, IT bad batch 4.")));
    assertEquals("REFUSED", refused.getString("status"), refused.toString());
    assertEquals(100, refused.getInt("percent"));
    assertEquals(1, refused.getInt("refused"), refused.toString());
    List<String> lines =
        refused.getJsonArray("items").stream()
            .map(v -> v.asJsonObject())
            .map(v -> v.getString("name") + " " + v.getString("outcome"))
            .toList();
    assertEquals(
        List.of(
            "IT坏批次-1.txt IMPORTED",
            "IT坏批次-2.docx IMPORTED",
            "IT坏批次-3.docx REFUSED",
            "IT坏批次-4.pdf IMPORTED"),
        lines);
    JsonObject bad = refused.getJsonArray("items").getJsonObject(2);
    assertFalse(bad.getString("messageZh").isBlank(), bad.toString());
    assertFalse(bad.getString("messageEn").isBlank(), bad.toString());
    assertEquals(0, documents("IT坏批次-"));
    long id = refused.getJsonNumber("id").longValue();
    assertEquals(
        List.of("0"), Db.strings("select count(*) from fr_library_staging where job_id = ?", id));
    assertEquals(
        List.of("import-start", "import-refused"),
        Db.strings(
            "select action from krn_audit where entity_type = 'Library' and entity_id = ?"
                + " order by id",
            String.valueOf(id)));

    // not a zip at all: refused as a whole
    JsonObject notZip = imported(officer, "just some text, not a zip".getBytes());
    assertEquals("REFUSED", notZip.getString("status"), notZip.toString());
    assertEquals(1, notZip.getJsonArray("items").size(), notZip.toString());
    assertEquals("REFUSED", notZip.getJsonArray("items").getJsonObject(0).getString("outcome"));

    // an empty upload: 422, no job
    Api.Reply empty = officer.send("POST", IMPORTS, "application/zip", new byte[0]);
    assertEquals(422, empty.status(), empty.body());
  }

  @Test
  void theOfficersScreenShowsTheProgressBarAndTheReport() throws Exception {
    Path dir = Files.createTempDirectory("hezuo-lib");
    Path good = dir.resolve("earlier-good.zip");
    try (OutputStream out = Files.newOutputStream(good)) {
      out.write(
          FormalReviewRunIT.zip(
              "IT界面-甲.txt", text(99_001).getBytes(StandardCharsets.UTF_8),
              "IT界面-乙.txt", text(99_002).getBytes(StandardCharsets.UTF_8),
              "IT界面-丙.docx", FormalReviewRunIT.docx(text(99_003))));
    }
    Path bad = dir.resolve("earlier-bad.zip");
    try (OutputStream out = Files.newOutputStream(bad)) {
      out.write(
          FormalReviewRunIT.zip(
              "IT界面-丁.txt", text(99_004).getBytes(StandardCharsets.UTF_8),
              "IT界面-坏.pdf", "%PDF-1.4 this is not a PDF".getBytes()));
    }
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    browser.open("/app/formal-review/library.xhtml");
    browser
        .waitFor(By.cssSelector("#imp input[type=file]"))
        .sendKeys(good.toAbsolutePath().toString());
    browser.driver.findElement(By.id("imp:upload")).click();
    browser.waitFor(By.id("progress:bar"));
    browser.waitForText(By.id("jobStatus"), "已导入");
    browser.waitForText(By.id("progress:bar"), "100%");
    String report = browser.driver.findElement(By.id("report")).getText();
    assertTrue(
        report.contains("IT界面-甲.txt") && report.contains("IT界面-丙.docx") && report.contains("已导入"),
        report);
    assertEquals(3, documents("IT界面-"));

    // the page opened again shows the latest import and its report; axe finds nothing
    browser.open("/app/formal-review/library.xhtml");
    browser.waitForText(By.id("jobStatus"), "已导入");
    browser.waitFor(By.tagName("footer"));
    List<String> axe = browser.axe();
    assertTrue(axe.isEmpty(), axe.toString());

    // a zip with an unreadable file: nothing imported, the file named with its reason
    browser
        .waitFor(By.cssSelector("#imp input[type=file]"))
        .sendKeys(bad.toAbsolutePath().toString());
    browser.driver.findElement(By.id("imp:upload")).click();
    browser.waitForText(By.id("jobStatus"), "未导入");
    String refused = browser.driver.findElement(By.id("report")).getText();
    assertTrue(refused.contains("IT界面-坏.pdf") && refused.contains("无法导入"), refused);
    assertTrue(refused.contains("可读取，未导入"), refused);
    assertEquals(3, documents("IT界面-"));
    browser.open("/app/formal-review/library.xhtml");
    browser.waitForText(By.id("jobStatus"), "未导入");
    browser.waitFor(By.tagName("footer"));
    axe = browser.axe();
    assertTrue(axe.isEmpty(), axe.toString());
    browser.logout();
  }
}
