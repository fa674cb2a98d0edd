package io.hezuo.directory.service;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.ContactView;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.mail.MailAddress;
import io.hezuo.kernel.mail.MailOutbox;
import io.hezuo.kernel.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The e-mail beside each in-app notice: for every recipient whose person has an e-mail address in
 * the directory, the notice's subject ({@code <key>.subject}) and text ({@code <key>}) in the
 * recipient's language, framed by {@code submission.mail.body}, queued in the kernel's outbox in
 * the caller's transaction (so a returned decision that rolls back sends nothing, and a mail server
 * that is down never blocks the decision). An account without an address gets no e-mail; a stored
 * address that is malformed is skipped with a line in the log, never a refusal of the decision.
 */
@ApplicationScoped
public class NoticeMails implements io.hezuo.directory.api.NoticeMail {

  private static final Logger LOG = Logger.getLogger(NoticeMails.class.getName());

  @Inject AccountDirectory accounts;
  @Inject MailOutbox outbox;

  @Override
  public void send(
      Collection<String> usernames,
      String entityType,
      String entityId,
      String frameKey,
      String key,
      Object... args) {
    if (usernames.isEmpty()) {
      return;
    }
    Map<String, String> names = accounts.personNames(usernames);
    for (String username : usernames) {
      String email =
          accounts.contact(username).map(ContactView::email).map(String::strip).orElse("");
      if (email.isEmpty()) {
        continue;
      }
      if (!MailAddress.isValid(email)) {
        LOG.warning(
            "no e-mail to "
                + username
                + " about "
                + entityType
                + " "
                + entityId
                + ": the directory's address is malformed");
        continue;
      }
      Locale locale = locale(accounts.preferredLanguage(username).orElse(null));
      String text = Messages.get(locale, key, args);
      String body = Messages.get(locale, frameKey, names.getOrDefault(username, username), text);
      outbox.queue(
          new OutgoingMail(
              email, Messages.get(locale, key + ".subject", args), body, entityType, entityId));
    }
  }

  static Locale locale(String language) {
    return "en".equalsIgnoreCase(language) ? Messages.ENGLISH : Messages.CHINESE;
  }
}
