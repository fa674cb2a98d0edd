package io.hezuo.kernel.mail;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where mail goes, from the environment: SMTP when {@code HEZUO_SMTP_HOST} is set ({@code
 * HEZUO_SMTP_PORT}, default 25, or 587 with STARTTLS; {@code HEZUO_SMTP_USER}, {@code
 * HEZUO_SMTP_PASSWORD}, {@code HEZUO_SMTP_FROM}, {@code HEZUO_SMTP_STARTTLS} true/false); otherwise
 * a mailbox folder of {@code .eml} files: {@code HEZUO_MAILBOX_DIR} (the launcher of {@code
 * ./deploy/run.sh} passes {@code <data>/mailbox}), or, with neither set, {@code hezuo-mailbox}
 * under {@code java.io.tmpdir} (said in the log at start-up).
 */
public record MailSettings(
    String smtpHost,
    int smtpPort,
    String user,
    String password,
    boolean startTls,
    String from,
    Path mailbox,
    boolean mailboxByDefault) {

  /** The sender when {@code HEZUO_SMTP_FROM} is not set. */
  public static final String DEFAULT_FROM = "noreply@hezuo.localhost";

  /** Connect, read and write timeout of an SMTP conversation, in milliseconds. */
  static final int TIMEOUT_MS = 15_000;

  public static MailSettings fromEnvironment() {
    return from(System.getenv(), System.getProperty("java.io.tmpdir"));
  }

  /** The settings of the given environment (unit-testable). */
  public static MailSettings from(Map<String, String> env, String tmpdir) {
    String host = blankToNull(env.get("HEZUO_SMTP_HOST"));
    boolean startTls = Boolean.parseBoolean(blankToNull(env.get("HEZUO_SMTP_STARTTLS")));
    String portText = blankToNull(env.get("HEZUO_SMTP_PORT"));
    int port;
    try {
      port = portText == null ? (startTls ? 587 : 25) : Integer.parseInt(portText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("HEZUO_SMTP_PORT is not a port number: " + portText);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalStateException("HEZUO_SMTP_PORT is not a port number: " + portText);
    }
    String from = blankToNull(env.get("HEZUO_SMTP_FROM"));
    if (from == null) {
      from = DEFAULT_FROM;
    } else if (!MailAddress.isValid(from)) {
      throw new IllegalStateException("HEZUO_SMTP_FROM is not an e-mail address: " + from);
    }
    String dir = blankToNull(env.get("HEZUO_MAILBOX_DIR"));
    boolean byDefault = dir == null;
    Path mailbox =
        byDefault ? Path.of(tmpdir, "hezuo-mailbox").toAbsolutePath() : Path.of(dir.trim());
    return new MailSettings(
        host == null ? null : host.trim(),
        port,
        blankToNull(env.get("HEZUO_SMTP_USER")),
        env.get("HEZUO_SMTP_PASSWORD"),
        startTls,
        from.trim(),
        mailbox.toAbsolutePath(),
        byDefault);
  }

  /** Whether messages go to an SMTP server (else into the mailbox folder). */
  public boolean smtp() {
    return smtpHost != null;
  }

  /** Jakarta Mail's session properties. */
  public Properties sessionProperties() {
    Properties p = new Properties();
    p.put("mail.mime.charset", "UTF-8");
    p.put("mail.from", from);
    if (smtp()) {
      p.put("mail.transport.protocol", "smtp");
      p.put("mail.smtp.host", smtpHost);
      p.put("mail.smtp.port", String.valueOf(smtpPort));
      p.put("mail.smtp.auth", String.valueOf(user != null));
      p.put("mail.smtp.starttls.enable", String.valueOf(startTls));
      p.put("mail.smtp.starttls.required", String.valueOf(startTls));
      p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
      p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
      p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
    }
    return p;
  }

  /** One line for the log, without the password. */
  public String describe() {
    if (smtp()) {
      return "e-mail by SMTP to "
          + smtpHost
          + ":"
          + smtpPort
          + (startTls ? " with STARTTLS" : "")
          + (user == null ? "" : " as " + user)
          + ", from "
          + from;
    }
    return "e-mail is not sent (HEZUO_SMTP_HOST is not set): each message is written as an .eml"
        + " file into "
        + mailbox
        + (mailboxByDefault
            ? " (HEZUO_MAILBOX_DIR is not set either: a folder under the temp dir)"
            : "");
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
