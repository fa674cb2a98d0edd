package io.hezuo.kernel.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The kernel's e-mail channel, beside the in-app {@code message.Inbox}. {@link #queue} only writes
 * the message into the outbox ({@code krn_mail_outbox}) in the caller's transaction: a rollback
 * sends nothing, and a mail server that is down never slows or fails the caller. After the commit
 * {@link MailSender} delivers it (SMTP, or a mailbox folder of .eml files; see {@link
 * MailSettings}) and retries what failed.
 */
@ApplicationScoped
public class MailOutbox {

  private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

  /** Fired when a message was queued; after the commit it wakes the sender. */
  record Queued(long id) {}

  @PersistenceContext(unitName = "kernel")
  EntityManager em;

  @Inject Clock clock;
  @Inject Event<Queued> queued;
  @Inject MailSender sender;

  /**
   * Queues the message in the caller's transaction (one INSERT); returns its outbox id. The address
   * was checked by {@link OutgoingMail} (a malformed one is a {@code BadRequestException}).
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public long queue(OutgoingMail mail) {
    OutboxMail row = new OutboxMail(mail, clock.instant());
    em.persist(row);
    em.flush();
    queued.fire(new Queued(row.getId()));
    return row.getId();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued q) {
    try {
      sender.kick();
    } catch (RuntimeException e) {
      // the timer delivers it then
      LOG.warning("could not wake the e-mail sender: " + MailSender.describe(e));
    }
  }
}
