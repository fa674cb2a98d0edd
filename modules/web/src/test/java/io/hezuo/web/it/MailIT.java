package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail (issue 11): decisions reach the PI and the unit's admins at a real SMTP server (GreenMail,
 * started by the test on the port that the build gave Payara Micro as {@code HEZUO_SMTP_PORT}), in
 * the recipient's language with the Chinese text intact; a decision taken while the server is down
 * succeeds at once, and its mail is retried and delivered once the server is back; a refused
 * decision (rolled back) sends nothing.
 */
class MailIT extends BrowserIT {

  static final long UNIT = 910017;
  static final long RETRY_UNIT = 910018;
  static final long REC = 910019;
  static final long REC_UNIT = 910020;

  GreenMail smtp;

  @AfterEach
  void stopSmtpAndFreeClock() throws Exception {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
    Api.anonymous(base).systemClock();
  }

  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(port(), "127.0.0.1", "smtp"));
    smtp.start();
  }

  static int port() {
    String p = System.getenv("HEZUO_SMTP_PORT");
    if (p == null || p.isBlank()) {
      throw new IllegalStateException(
          "HEZUO_SMTP_PORT is not set: run through modules/web/pom.xml");
    }
    return Integer.parseInt(p);
  }

  /** A unit of the test's own with a PI and a unit admin, each a person with an e-mail address. */
  static void unitWithPeople(
      long unit, String credit, String pi, String piId, String admin, String adminId)
      throws Exception {
    Db.createOrganisation(unit, "浙江测试邮件科技有限公司" + (unit % 100), credit, "ENTERPRISE");
    people(unit, pi, piId, admin, adminId);
  }

  /** A PI and a unit admin of {@code unit}, each a person with an e-mail address. */
  static void people(long unit, String pi, String piId, String admin, String adminId)
      throws Exception {
    Db.createApplicant(pi, "郑邮件", piId, unit);
    Db.createApplicant(admin, "卫单位", adminId, unit);
    Db.update(
        "update dir_account_role set role = 'UNIT_ADMIN' where account_id = (select id from"
            + " dir_account where username = ?)",
        admin);
    for (String u : List.of(pi, admin)) {
      Db.update(
          "update dir_person p join dir_account a on a.person_id = p.id set p.email = ? where"
              + " a.username = ?",
          u + "@example.com",
          u);
    }
  }

  MimeMessage awaitMail(String to, String subjectPart, Duration atMost) {
    return Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> received(to, subjectPart), Objects::nonNull);
  }

  MimeMessage received(String to, String subjectPart) throws MessagingException {
    for (MimeMessage m : smtp.getReceivedMessages()) {
      Address[] rcpt = m.getAllRecipients();
      if (rcpt != null
          && Arrays.stream(rcpt).anyMatch(a -> a.toString().equals(to))
          && m.getSubject() != null
          && m.getSubject().contains(subjectPart)) {
        return m;
      }
    }
    return null;
  }

  static String text(MimeMessage m) throws Exception {
    return ((String) m.getContent()).replace("\r\n", "\n");
  }

  static String acceptanceNo(long id) throws Exception {
    return Db.strings("select acceptance_no from sub_application where id = ?", id).get(0);
  }

  static List<String> outbox(long id, String to) throws Exception {
    return Db.strings(
        "select concat(status, ' ', attempts) from krn_mail_outbox where entity_type ="
            + " 'Application' and entity_id = ? and to_address = ? order by id",
        String.valueOf(id),
        to);
  }

  @Test
  void theUnitIsToldOfTheSubmissionAndThePiOfTheReturnByEmailInChinese() throws Exception {
    startSmtp();
    unitWithPeople(
        UNIT,
        "91330100IT0MAIL01X",
        "it_mail_pi",
        "33010619940101511",
        "it_mail_unit",
        "33010619940202522");
    Api pi = Api.as(browser, base, "it_mail_pi", "Demo@2026");
    long id = SubmissionIT.submitA1(pi);
    String no = acceptanceNo(id);

    // the unit's admin is told of the submission
    MimeMessage submitted = awaitMail("it_mail_unit@example.com", no, Duration.ofSeconds(30));
    assertEquals("【浙江省科技合作项目】申请书 " + no + " 已提交，请审核", submitted.getSubject());
    assertTrue(text(submitted).startsWith("卫单位，您好：\n\n申请书 " + no), text(submitted));
    assertTrue(text(submitted).contains("（项目负责人 郑邮件）已提交，请审核后确认或退回。"));

    // a refused return (no reason) is rolled back: no mail is queued for it
    Api unit = Api.as(browser, base, "it_mail_unit", "Demo@2026");
    String path = "api/v1/submission/applications/" + id + "/return";
    Api.Reply refused = unit.json("POST", path, "{\"reason\":\"  \"}");
    assertEquals(422, refused.status(), refused.body());
    assertEquals(List.of(), outbox(id, "it_mail_pi@example.com"));

    // the return with its reason reaches the PI within seconds (kicked after the commit, not
    // waiting for the timer), subject and body in Chinese, UTF-8 intact
    String reason = "预算明细需细化：设备费请逐项列出（含型号、单价）";
    Api.Reply returned = unit.json("POST", path, "{\"reason\":\"" + reason + "\"}");
    assertEquals(200, returned.status(), returned.body());
    MimeMessage m = awaitMail("it_mail_pi@example.com", no, Duration.ofSeconds(12));
    assertEquals("【浙江省科技合作项目】申请书 " + no + " 被申报单位退回", m.getSubject());
    assertEquals("hezuo-it@example.com", m.getFrom()[0].toString());
    String body = text(m);
    assertTrue(body.startsWith("郑邮件，您好：\n\n申报单位退回了申请书 " + no), body);
    assertTrue(body.contains("理由：" + reason), body);
    assertTrue(body.contains("此邮件由系统自动发送"), body);
    assertTrue(m.getContentType().toLowerCase().contains("charset=utf-8"), m.getContentType());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> outbox(id, "it_mail_pi@example.com").equals(List.of("SENT 1")));
  }

  @Test
  void theRecommendersDecisionReachesThePiAndTheUnitWithItsReason() throws Exception {
    startSmtp();
    RecommendationIT.recommender(REC, "测试推荐局邮件", "11330100IT0MAIL03Z");
    RecommendationIT.unit(REC_UNIT, "测试申报单位邮件", "91330100IT0MAIL03Y", REC);
    people(REC_UNIT, "it_mail_pi3", "33010619940505555", "it_mail_unit3", "33010619940606566");
    Db.createAccount("it_mail_rec", "RECOMMENDER", REC);
    Api pi = Api.as(browser, base, "it_mail_pi3", "Demo@2026");
    long id = SubmissionIT.submitA1(pi);
    String no = acceptanceNo(id);
    Api unit = Api.as(browser, base, "it_mail_unit3", "Demo@2026");
    Api.Reply confirmed =
        unit.json("POST", "api/v1/submission/applications/" + id + "/confirm", "{}");
    assertEquals(200, confirmed.status(), confirmed.body());
    awaitMail("it_mail_pi3@example.com", "已由申报单位确认", Duration.ofSeconds(30));

    Api.as(browser, base, "demo_officer", "Demo@2026").clock(RecommendationIT.BEFORE_DEADLINE);
    Api rec = Api.as(browser, base, "it_mail_rec", "Demo@2026");
    String reason = "与本地区产业方向契合度不高，本年度不予推荐";
    Api.Reply decided =
        rec.json(
            "POST",
            "api/v1/recommendation/applications/" + id + "/not-recommend",
            "{\"reason\":\"" + reason + "\"}");
    assertEquals(200, decided.status(), decided.body());
    for (String to : List.of("it_mail_pi3@example.com", "it_mail_unit3@example.com")) {
      MimeMessage m = awaitMail(to, "未获推荐", Duration.ofSeconds(15));
      assertEquals("【浙江省科技合作项目】申请书 " + no + " 未获推荐", m.getSubject());
      String body = text(m);
      assertTrue(body.contains("推荐单位决定不推荐申请书 " + no + "。理由：" + reason), body);
    }
    // and in the app: the PI's and the unit's inboxes hold the same notice
    for (String who : List.of("it_mail_pi3", "it_mail_unit3")) {
      assertEquals(
          List.of("submission.notice.notRecommended"),
          Db.strings(
              "select m.body_key from krn_message_recipient r join krn_message m on m.id ="
                  + " r.message_id where r.username = ? and m.entity_id = ? and m.body_key like"
                  + " '%ecommend%'",
              who, String.valueOf(id)));
    }
  }

  @Test
  void aDecisionSucceedsWhileTheMailServerIsDownAndItsMailIsRetried() throws Exception {
    // no SMTP server listens on the port yet
    unitWithPeople(
        RETRY_UNIT,
        "91330100IT0MAIL02X",
        "it_mail_pi2",
        "33010619940303533",
        "it_mail_unit2",
        "33010619940404544");
    Api pi = Api.as(browser, base, "it_mail_pi2", "Demo@2026");
    long id = SubmissionIT.submitA1(pi);
    String no = acceptanceNo(id);
    Api unit = Api.as(browser, base, "it_mail_unit2", "Demo@2026");
    long t0 = System.nanoTime();
    Api.Reply returned =
        unit.json(
            "POST",
            "api/v1/submission/applications/" + id + "/return",
            "{\"reason\":\"请补充外方盖章页\"}");
    assertEquals(200, returned.status(), returned.body());
    assertTrue(
        System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos(), "the decision waited for mail");
    assertEquals(
        List.of("RETURNED"), Db.strings("select status from sub_application where id = ?", id));

    // the attempt failed (connection refused) and is to be retried a minute later (test clock)
    String pi2 = "it_mail_pi2@example.com";
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> outbox(id, pi2).equals(List.of("PENDING 1")));
    List<String> error =
        Db.strings(
            "select last_error from krn_mail_outbox where entity_id = ? and to_address = ?",
            String.valueOf(id),
            pi2);
    assertTrue(error.get(0) != null && !error.get(0).isBlank(), error.toString());

    // the server comes up and the clock runs on past the retry's time: the timer sends it
    startSmtp();
    Api.anonymous(base).systemClock();
    MimeMessage m = awaitMail(pi2, no, Duration.ofSeconds(60));
    assertEquals("【浙江省科技合作项目】申请书 " + no + " 被申报单位退回", m.getSubject());
    assertTrue(text(m).contains("理由：请补充外方盖章页"), text(m));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> outbox(id, pi2).equals(List.of("SENT 2")));
  }
}
