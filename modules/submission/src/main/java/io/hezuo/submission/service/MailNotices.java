package io.hezuo.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;

/**
 * The e-mail beside each in-app notice: for every recipient whose person has an e-mail address in
 * the directory, the notice's subject ({@code <key>.subject}) and text ({@code <key>}) in the
 * recipient's language, framed by {@code submission.mail.body}, queued in the kernel's outbox in
 * the caller's transaction (so a returned decision that rolls back sends nothing, and a mail server
 * that is down never blocks the decision). An account without an address gets no e-mail; a stored
 * address that is malformed is skipped with a line in the log, never a refusal of the decision.
 */
@ApplicationScoped
public class MailNotices {

  @Inject io.hezuo.directory.api.NoticeMail mail;

  /** Queues the notice {@code key} with its {@code args} to each of {@code usernames}. */
  void send(
      Collection<String> usernames,
      String entityType,
      String entityId,
      String key,
      Object... args) {
    mail.send(usernames, entityType, entityId, "submission.mail.body", key, args);
  }
}
