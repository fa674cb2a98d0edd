package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Submission's {@code ApplicationSubmitted} reaches an observer in another module after the commit:
 * recommendation's {@code SubmittedApplications} ({@code @Observes(during = AFTER_SUCCESS)})
 * records each submitted application in its own table, with the status submission's API answered
 * when the observer ran — SUBMITTED, so the observer saw the committed submission. A submission
 * that was refused (and rolled back) never reaches it.
 */
class ApplicationEventsIT extends BrowserIT {

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  @Test
  void anObserverInRecommendationReceivesTheSubmissionAfterItCommitted() throws Exception {
    Db.createApplicant("it_event_pi", "许事件", "33010619930606178", 900003);
    Api pi = Api.as(browser, base, "it_event_pi", "Demo@2026");

    long id = SubmissionIT.submitA1(pi);
    String acceptanceNo =
        pi.get("api/v1/submission/applications/" + id).json().getString("acceptanceNo");

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertEquals(
                    List.of(acceptanceNo + " A1 SUBMITTED"),
                    Db.strings(
                        "select concat(acceptance_no, ' ', line_code, ' ', status_seen)"
                            + " from rec_submitted_application where application_id = ?",
                        id)));

    // a refused submission (a draft with errors) is rolled back and never observed
    Api.Reply draft = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"B2\"}");
    assertEquals(201, draft.status(), draft.body());
    long id2 = draft.json().getJsonNumber("id").longValue();
    Api.Reply refused =
        pi.json(
            "POST",
            "api/v1/submission/applications/" + id2 + "/submit",
            "{\"version\":" + draft.json().getJsonNumber("version").longValue() + "}");
    assertEquals(422, refused.status(), refused.body());
    assertTrue(
        Db.strings("select id from rec_submitted_application where application_id = ?", id2)
            .isEmpty());
  }
}
