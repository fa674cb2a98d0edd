package io.hezuo.kernel.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

  @Test
  void smtpWhenTheHostIsSet() {
    MailSettings s =
        MailSettings.from(
            Map.of(
                "HEZUO_SMTP_HOST", "smtp.example.com",
                "HEZUO_SMTP_USER", "hezuo",
                "HEZUO_SMTP_PASSWORD", "secret",
                "HEZUO_SMTP_STARTTLS", "true",
                "HEZUO_SMTP_FROM", "noreply@kjt.example.gov.cn",
                "HEZUO_MAILBOX_DIR", "/srv/mailbox"),
            "/tmp");
    assertTrue(s.smtp());
    assertEquals(587, s.smtpPort());
    assertEquals("smtp.example.com", s.sessionProperties().get("mail.smtp.host"));
    assertEquals("true", s.sessionProperties().get("mail.smtp.auth"));
    assertEquals("true", s.sessionProperties().get("mail.smtp.starttls.required"));
    assertEquals("15000", s.sessionProperties().get("mail.smtp.connectiontimeout"));
    assertFalse(s.describe().contains("secret"), s.describe());
    assertTrue(s.describe().contains("smtp.example.com:587 with STARTTLS as hezuo"));
    MailSettings plain =
        MailSettings.from(Map.of("HEZUO_SMTP_HOST", "127.0.0.1", "HEZUO_SMTP_PORT", "2525"), "/t");
    assertEquals(2525, plain.smtpPort());
    assertEquals("false", plain.sessionProperties().get("mail.smtp.auth"));
    assertEquals(MailSettings.DEFAULT_FROM, plain.from());
    assertEquals(25, MailSettings.from(Map.of("HEZUO_SMTP_HOST", "h"), "/t").smtpPort());
  }

  @Test
  void aMailboxFolderOtherwise() {
    MailSettings s = MailSettings.from(Map.of("HEZUO_MAILBOX_DIR", "/srv/hezuo/mailbox"), "/tmp");
    assertFalse(s.smtp());
    assertEquals(Path.of("/srv/hezuo/mailbox"), s.mailbox());
    assertFalse(s.mailboxByDefault());
    assertNull(s.sessionProperties().get("mail.smtp.host"));

    MailSettings none = MailSettings.from(Map.of("HEZUO_SMTP_HOST", " "), "/var/tmp");
    assertFalse(none.smtp());
    assertEquals(Path.of("/var/tmp/hezuo-mailbox"), none.mailbox());
    assertTrue(none.describe().contains("HEZUO_MAILBOX_DIR is not set"), none.describe());
  }

  @Test
  void wrongSettingsStopTheStartInWords() {
    assertThrows(
        IllegalStateException.class,
        () -> MailSettings.from(Map.of("HEZUO_SMTP_HOST", "h", "HEZUO_SMTP_PORT", "smtp"), "/t"));
    assertThrows(
        IllegalStateException.class,
        () -> MailSettings.from(Map.of("HEZUO_SMTP_HOST", "h", "HEZUO_SMTP_PORT", "0"), "/t"));
    assertThrows(
        IllegalStateException.class,
        () -> MailSettings.from(Map.of("HEZUO_SMTP_FROM", "hezuo"), "/t"));
  }
}
