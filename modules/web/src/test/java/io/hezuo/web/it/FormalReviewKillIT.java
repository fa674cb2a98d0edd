package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Formal review's run survives the death of its server (issue 12, "the batch's resume after a
 * kill"): a second Payara Micro on the same database starts a run and is killed with SIGKILL in the
 * middle of it; the tests' server finds the run's heartbeat stale, claims it and restarts its job
 * from the last checkpoint. The run ends DONE with every application computed exactly once, and the
 * resumed execution read only what came after the checkpoint.
 *
 * <p>Both servers run with short recovery thresholds ({@link ItServer#RUN_STALE_SECONDS}, {@link
 * ItServer#RUN_RECOVERY_SECONDS}). The second server is killed at the end whatever happens (and by
 * a shutdown hook if the tests' JVM ends first).
 */
class FormalReviewKillIT extends BrowserIT {

  /** Applications made for the run, so that it is still working when its server is killed. */
  static final int APPLICATIONS = 8;

  @Test
  void aRunOfAKilledServerIsResumedFromItsCheckpointByAnother() throws Exception {
    // the second server boots while the round is made on the tests' server (it lives a minute:
    // the quick compiler only, which boots faster on a busy machine)
    ItServer.Micro other =
        ItServer.launch(
            Path.of("target", "it-server-killed"),
            Path.of("target", "payara-killed.log"),
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
    try {
      FormalReviewRunIT.setUpRound();
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < APPLICATIONS; i++) {
        ids.add(FormalReviewRunIT.recommended(browser, base));
      }
      // the round's results are forgotten, so every application is computed in this run
      Db.update("delete from fr_result");
      int total = FormalReviewRunIT.roundSize();
      other.awaitReady(Duration.ofSeconds(300));

      Api there = Api.basic(other.base, "demo_officer", "Demo@2026");
      // the similarity index opens at first use: before the run, so that no chunk of it takes
      // longer than the staleness (the heart beats once per chunk)
      Api.Reply warm = there.get("api/v1/formal-review/applications/" + ids.get(0) + "/checklist");
      assertEquals(200, warm.status(), warm.body());
      Api.Reply started =
          there.json("POST", "api/v1/formal-review/runs", "{\"chunk\":1,\"pauseMillis\":300}");
      assertEquals(202, started.status(), started.body());
      long id = started.json().getJsonNumber("id").longValue();
      assertEquals(total, started.json().getInt("total"), started.body());
      String owner = Db.strings("select owner from fr_run where id = ?", id).get(0);
      String killed = Db.strings("select execution_id from fr_run where id = ?", id).get(0);

      Awaitility.await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> done(id) >= 2);
      // a crash: no shutdown, no stop of the job, nothing written on the way out
      int exit = other.kill();
      long killedAt = System.nanoTime();
      assertEquals(128 + 9, exit, "killed by SIGKILL");
      int before = done(id);
      assertTrue(before < total, "killed mid-run: " + before + " of " + total);
      assertEquals(
          List.of("RUNNING 0"),
          Db.strings("select concat(status, ' ', restarts) from fr_run where id = ?", id));
      // the job repository still has the execution running, as only a crash leaves it
      assertEquals(List.of("STARTED"), batchStatus(killed));

      // the tests' server finds the heartbeat stale, claims the run and resumes it
      Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
      JsonObject end = FormalReviewRunIT.waitFor(officer, id, "DONE");
      assertEquals(total, end.getInt("done"), end.toString());
      System.out.printf(
          "run %d: %d of %d done when its server was killed; DONE on the tests' server %d s"
              + " later; the resumed execution read %s%n",
          id,
          before,
          total,
          Duration.ofNanos(System.nanoTime() - killedAt).toSeconds(),
          end.get("lastExecutionRead"));
      assertEquals(1, end.getInt("restarts"), end.toString());
      String resumer = Db.strings("select owner from fr_run where id = ?", id).get(0);
      assertNotEquals(owner, resumer, "resumed by the tests' server");
      // a restart of the killed execution's job instance (not a new job that starts over)
      String resumed = Db.strings("select execution_id from fr_run where id = ?", id).get(0);
      assertNotEquals(killed, resumed);
      // (the job's listener ends the run a moment before the runtime records the job's end)
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertEquals(List.of("COMPLETED"), batchStatus(resumed)));
      assertEquals(
          Db.strings(
              "select jobinstanceid from jbatchEXECUTIONINSTANCEDATA where jobexecid = ?", killed),
          Db.strings(
              "select jobinstanceid from jbatchEXECUTIONINSTANCEDATA where jobexecid = ?",
              resumed));
      // the resumed execution read only what came after the checkpoint: with one application a
      // chunk, the one in hand when the server died may be done (its results commit on their own)
      // without its checkpoint; it is read again and skipped
      long read = end.getJsonNumber("lastExecutionRead").longValue();
      assertTrue(
          read == total - before || read == total - before + 1,
          "read " + read + " after " + before + " of " + total + " done: " + end);
      // every application computed exactly once
      assertEquals(
          List.of(String.valueOf(total)),
          Db.strings("select count(*) from fr_result where computations = 1 and run_id = ?", id));
      assertEquals(
          List.of("0"), Db.strings("select count(*) from fr_result where computations > 1"));
      assertEquals(
          List.of("0"),
          Db.strings("select count(*) from fr_run_item where run_id = ? and not done", id));
    } finally {
      other.kill();
    }
  }

  /** An execution's status in the batch runtime's job repository (Payara's MySQL tables). */
  private static List<String> batchStatus(String execution) throws Exception {
    return Db.strings(
        "select batchstatus from jbatchEXECUTIONINSTANCEDATA where jobexecid = ?", execution);
  }

  private static int done(long runId) throws Exception {
    return Integer.parseInt(
        Db.strings("select count(*) from fr_run_item where run_id = ? and done", runId).get(0));
  }
}
