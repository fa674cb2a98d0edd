package io.hezuo.kernel.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Turns an outbox row into an RFC 822 message (plain text, UTF-8) and delivers it: to the SMTP
 * server of the settings, or, without one, as an {@code .eml} file into the mailbox folder.
 */
final class MailTransport {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final MailSettings settings;
  private final Session session;

  MailTransport(MailSettings settings) {
    this.settings = settings;
    // Jakarta Mail finds its implementation (Angus Mail, in Payara's runtime) from the class loader
    // that loaded the API
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(Session.class.getClassLoader());
    try {
      this.session = Session.getInstance(settings.sessionProperties());
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  MailSettings settings() {
    return settings;
  }

  /** Delivers the message now; throws when it was not delivered. */
  void send(OutboxStore.Claimed m, Instant now) throws MessagingException, IOException {
    MimeMessage message = message(m, now);
    if (settings.smtp()) {
      if (settings.user() != null) {
        Transport.send(message, settings.user(), settings.password());
      } else {
        Transport.send(message);
      }
    } else {
      write(message, settings.mailbox().resolve(FILE_TIME.format(now) + "-" + m.id() + ".eml"));
    }
  }

  MimeMessage message(OutboxStore.Claimed m, Instant now) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to()));
    message.setSubject(m.subject(), "UTF-8");
    message.setText(m.body(), "UTF-8");
    message.setSentDate(Date.from(now));
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Hezuo-Outbox-Id", String.valueOf(m.id()));
    if (m.entityType() != null && m.entityId() != null) {
      message.setHeader(
          "X-Hezuo-Entity",
          (m.entityType() + " " + m.entityId()).replaceAll("[^\\x21-\\x7e ]", "?"));
    }
    message.saveChanges();
    return message;
  }

  /** Writes the message as an .eml file, complete or not at all (a temporary file, then a move). */
  static void write(MimeMessage message, Path file) throws IOException, MessagingException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      message.writeTo(out);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
