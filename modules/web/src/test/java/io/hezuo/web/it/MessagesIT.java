package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Messages about an application: the system tells the unit of a submission and the PI of a return
 * (with the reason); the PI and the unit admin write to each other, on the page and by REST; nobody
 * else reads them (404); bad input is refused by rule id; the header counts the unread messages and
 * the inbox opens the application.
 */
class MessagesIT extends BrowserIT {

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  /** A submitted A1 application of a fresh PI of the demo unit (900003); returns its id. */
  long submittedApplication(String username, String first17) throws Exception {
    Db.createApplicant(username, "吴消息", first17, 900003);
    Api pi = Api.as(browser, base, username, "Demo@2026");
    return SubmissionIT.submitA1(pi);
  }

  @Test
  void noticesAndNotesBetweenThePiAndTheUnitByRest() throws Exception {
    long id = submittedApplication("it_msg_rest", "33010619880808044");
    String path = "api/v1/submission/applications/" + id + "/messages";

    // the unit admin is told of the submission
    Api unit = Api.as(browser, base, "demo_unit", "Demo@2026");
    JsonArray thread = unit.get(path).jsonArray();
    assertEquals(1, thread.size(), thread.toString());
    JsonObject notice = thread.getJsonObject(0);
    assertTrue(notice.getBoolean("notice"));
    assertTrue(notice.getString("textZh").contains("已提交"), notice.toString());
    assertTrue(notice.getString("textEn").contains("was submitted"), notice.toString());

    // bad input: named by field and rule id, nothing sent
    Api.Reply empty = unit.json("POST", path, "{\"body\":\"   \"}");
    assertEquals(422, empty.status(), empty.body());
    assertTrue(empty.body().contains("F-REQ") && empty.body().contains("messageBody"));
    Api.Reply tooLong = unit.json("POST", path, "{\"body\":\"" + "长".repeat(2001) + "\"}");
    assertEquals(422, tooLong.status(), tooLong.body());
    assertTrue(tooLong.body().contains("F-LEN"), tooLong.body());

    // the unit admin writes to the PI; the note keeps its text as written, markup included
    Api.Reply note = unit.json("POST", path, "{\"body\":\"请补充签字页 <b>x</b>\"}");
    assertEquals(201, note.status(), note.body());
    assertEquals("demo_unit", note.json().getString("sender"));

    // another PI guessing the id reads and writes nothing
    Db.createApplicant("it_msg_other", "冯旁人", "33010619770707055", 900003);
    Api other = Api.as(browser, base, "it_msg_other", "Demo@2026");
    assertEquals(404, other.get(path).status());
    assertEquals(404, other.json("POST", path, "{\"body\":\"hi\"}").status());

    // the PI reads it and answers; the unit returns the application with a reason
    Api pi = Api.as(browser, base, "it_msg_rest", "Demo@2026");
    // a draft is the PI's own: nobody to write to yet
    long draft =
        pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"B2\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    Api.Reply onDraft =
        pi.json(
            "POST", "api/v1/submission/applications/" + draft + "/messages", "{\"body\":\"hi\"}");
    assertEquals(422, onDraft.status(), onDraft.body());
    assertTrue(onDraft.body().contains("F-STATE"), onDraft.body());
    assertEquals(2, pi.get(path).jsonArray().size());
    assertEquals(201, pi.json("POST", path, "{\"body\":\"已补充，请查收\"}").status());
    unit = Api.as(browser, base, "demo_unit", "Demo@2026");
    assertEquals(
        200,
        unit.json(
                "POST",
                "api/v1/submission/applications/" + id + "/return",
                "{\"reason\":\"预算明细需细化\"}")
            .status());
    pi = Api.as(browser, base, "it_msg_rest", "Demo@2026");
    JsonArray after = pi.get(path).jsonArray();
    assertEquals(4, after.size(), after.toString());
    JsonObject returned = after.getJsonObject(3);
    assertTrue(returned.getBoolean("notice"));
    assertTrue(returned.getString("textZh").contains("预算明细需细化"), returned.toString());
    assertTrue(returned.getString("textEn").contains("returned"), returned.toString());

    // every recipient row is there once, the sender is never their own recipient
    assertEquals(
        List.of("it_msg_rest"),
        Db.strings(
            "select r.username from krn_message_recipient r join krn_message m on"
                + " m.id = r.message_id where m.entity_id = ? and m.body_key ="
                + " 'submission.notice.returned'",
            String.valueOf(id)));
    assertEquals(
        List.of(),
        Db.strings(
            "select r.username from krn_message_recipient r join krn_message m on"
                + " m.id = r.message_id where m.entity_id = ? and r.username = m.sender_username",
            String.valueOf(id)));
    assertTrue(
        Db.strings(
                "select action from krn_audit where entity_type = 'Application' and entity_id = ?",
                String.valueOf(id))
            .contains("message"));
  }

  @Test
  void theHeaderCountsUnreadMessagesAndTheInboxOpensTheApplication() throws Exception {
    long id = submittedApplication("it_msg_ui", "33010619890909066");
    Api unit = Api.as(browser, base, "demo_unit", "Demo@2026");
    assertEquals(
        200,
        unit.json(
                "POST",
                "api/v1/submission/applications/" + id + "/return",
                "{\"reason\":\"请补充外方盖章页\"}")
            .status());

    browser.driver.manage().deleteAllCookies();
    browser.login("it_msg_ui", "Demo@2026");
    assertEquals("1", browser.waitFor(By.id("hdr:unread")).getText());
    browser.driver.findElement(By.id("hdr:inboxLink")).click();
    browser.waitForText(By.id("inbox:list"), "请补充外方盖章页");
    assertTrue(browser.bodyText().contains("系统通知"));
    browser.clickWhenClickable(By.cssSelector("a.hz-inbox-open"));
    browser.waitFor(By.id("msg:messageBody"));
    assertTrue(browser.driver.getCurrentUrl().contains("id=" + id));
    // reading the page marks the message read: the badge is gone on the next page
    browser.waitForText(By.id("msg:thread"), "请补充外方盖章页");
    browser.open("/app/home.xhtml");
    browser.waitFor(By.id("hdr:inboxLink"));
    assertTrue(browser.driver.findElements(By.id("hdr:unread")).isEmpty());

    // the PI writes to the unit from the page; an empty message is refused on its field
    browser.open("/app/submission/view.xhtml?id=" + id);
    browser.clickWhenClickable(By.id("msg:sendMessage"));
    browser.waitForText(By.id("msg"), "F-REQ");
    browser.typeSurely("msg:messageBody", "外方盖章页已上传 <script>alert(1)</script>");
    browser.clickWhenClickable(By.id("msg:sendMessage"));
    browser.waitForText(By.id("msg:thread"), "外方盖章页已上传 <script>alert(1)</script>");
    assertEquals("", browser.driver.findElement(By.id("msg:messageBody")).getAttribute("value"));
    browser.logout();

    // the unit admin has it unread, in English too
    browser.login("demo_unit", "Demo@2026");
    browser.waitFor(By.id("hdr:unread"));
    browser.driver.findElement(By.id("hdr:langEn")).click();
    browser.waitForText(By.id("hdr:inboxLink"), "Messages");
    browser.open("/app/inbox.xhtml");
    browser.waitForText(By.id("inbox:list"), "外方盖章页已上传");
    assertTrue(browser.bodyText().contains("was submitted"), browser.bodyText());
    browser.clickWhenClickable(By.id("inbox:markAllRead"));
    browser.waitForText(By.id("messages"), "marked as read");
    assertTrue(browser.driver.findElements(By.id("hdr:unread")).isEmpty());
    browser.driver.findElement(By.id("hdr:langZh")).click();
    browser.waitForText(By.id("hdr:inboxLink"), "消息");
    browser.logout();
  }
}
