package io.hezuo.kernel.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two ways out: a real SMTP server (GreenMail) and the mailbox folder; UTF-8 intact. */
class MailTransportTest {

  static final String BODY = "张海洋，您好：\n\n申报单位退回了申请书 HZ-2026-0001。理由：预算明细需细化 😀\n";

  static OutboxStore.Claimed claimed(long id) {
    return new OutboxStore.Claimed(
        id, "t", "pi@example.com", "【浙江省科技合作项目】申请书已退回", BODY, "Application", "42", 0);
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void smtpDeliversSubjectAndBodyInUtf8() throws Exception {
    int port = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    smtp.start();
    try {
      MailSettings settings =
          MailSettings.from(
              Map.of(
                  "HEZUO_SMTP_HOST", "127.0.0.1",
                  "HEZUO_SMTP_PORT", String.valueOf(port),
                  "HEZUO_SMTP_FROM", "hezuo@example.com"),
              "/tmp");
      new MailTransport(settings).send(claimed(7), Instant.parse("2026-03-01T08:00:00Z"));
      assertTrue(smtp.waitForIncomingEmail(5000, 1));
      MimeMessage m = smtp.getReceivedMessages()[0];
      assertEquals("【浙江省科技合作项目】申请书已退回", m.getSubject());
      assertEquals("pi@example.com", m.getAllRecipients()[0].toString());
      assertEquals("hezuo@example.com", m.getFrom()[0].toString());
      assertEquals(BODY, ((String) m.getContent()).replace("\r\n", "\n"));
      assertEquals("Application 42", m.getHeader("X-Hezuo-Entity")[0]);
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aServerThatIsDownIsAnException() throws Exception {
    int port = freePort();
    MailSettings settings =
        MailSettings.from(
            Map.of("HEZUO_SMTP_HOST", "127.0.0.1", "HEZUO_SMTP_PORT", String.valueOf(port)), "/t");
    Exception e =
        assertThrows(
            Exception.class, () -> new MailTransport(settings).send(claimed(8), Instant.now()));
    String line = MailSender.describe(e);
    assertTrue(line.contains("MailConnectException") || line.contains("refused"), line);
    assertTrue(!line.contains("\n") && line.length() <= OutboxMail.MAX_ERROR, line);
  }

  @Test
  void withoutSmtpEachMessageIsAnEmlFileInTheMailbox(@TempDir Path dir) throws Exception {
    Path mailbox = dir.resolve("mailbox");
    MailSettings settings =
        MailSettings.from(Map.of("HEZUO_MAILBOX_DIR", mailbox.toString()), "/tmp");
    new MailTransport(settings).send(claimed(9), Instant.parse("2026-03-01T08:00:00Z"));
    List<Path> files;
    try (var list = Files.list(mailbox)) {
      files = list.toList();
    }
    assertEquals(List.of(mailbox.resolve("20260301T080000Z-9.eml")), files);
    try (InputStream in = Files.newInputStream(files.get(0))) {
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
      assertEquals("【浙江省科技合作项目】申请书已退回", m.getSubject());
      assertEquals(BODY, ((String) m.getContent()).replace("\r\n", "\n"));
      assertEquals(MailSettings.DEFAULT_FROM, m.getFrom()[0].toString());
    }
  }
}
