package io.hezuo.kernel.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Messages about entities ({@code krn_message}) and each recipient's inbox. The module that owns
 * the entity decides who may read its thread and whom to tell; the inbox shows a user only the
 * messages addressed to them. Messages are never changed or deleted; only the time a recipient read
 * one is recorded.
 */
@ApplicationScoped
public class Inbox {

  @PersistenceContext(unitName = "kernel")
  EntityManager em;

  @Inject Clock clock;

  /** Sends the message in the caller's transaction; the sender is never their own recipient. */
  @Transactional(Transactional.TxType.REQUIRED)
  public MessageView send(MessageDraft draft) {
    Message m = new Message(draft, clock.instant());
    em.persist(m);
    em.flush();
    for (Map.Entry<String, String> r : draft.recipientLinks().entrySet()) {
      if (r.getKey() != null
          && !r.getKey().isBlank()
          && !r.getKey().equals(draft.senderUsername())) {
        em.persist(new MessageRecipient(m.getId(), r.getKey(), r.getValue()));
      }
    }
    return m.view();
  }

  /** The messages about an entity, oldest first. */
  public List<MessageView> thread(String entityType, String entityId) {
    return em
        .createQuery(
            "select m from Message m where m.entityType = :t and m.entityId = :i order by m.id",
            Message.class)
        .setParameter("t", entityType)
        .setParameter("i", entityId)
        .getResultList()
        .stream()
        .map(Message::view)
        .toList();
  }

  /** The user has read the messages about the entity that were addressed to them. */
  @Transactional(Transactional.TxType.REQUIRED)
  public int markRead(String username, String entityType, String entityId) {
    return em.createQuery(
            "update MessageRecipient r set r.readAt = :now where r.username = :u"
                + " and r.readAt is null and r.messageId in (select m.id from Message m"
                + " where m.entityType = :t and m.entityId = :i)")
        .setParameter("now", clock.instant())
        .setParameter("u", username)
        .setParameter("t", entityType)
        .setParameter("i", entityId)
        .executeUpdate();
  }

  /** The user has read everything in their inbox. */
  @Transactional(Transactional.TxType.REQUIRED)
  public int markAllRead(String username) {
    return em.createQuery(
            "update MessageRecipient r set r.readAt = :now where r.username = :u"
                + " and r.readAt is null")
        .setParameter("now", clock.instant())
        .setParameter("u", username)
        .executeUpdate();
  }

  /** The user's inbox, newest first, all or only the unread, paged. */
  public List<InboxEntry> inbox(String username, boolean unreadOnly, int first, int max) {
    return em
        .createQuery(
            "select r, m from MessageRecipient r, Message m where r.messageId = m.id"
                + " and r.username = :u"
                + (unreadOnly ? " and r.readAt is null" : "")
                + " order by m.id desc",
            Object[].class)
        .setParameter("u", username)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(
            row -> {
              MessageRecipient r = (MessageRecipient) row[0];
              return new InboxEntry(((Message) row[1]).view(), r.getLink(), r.getReadAt());
            })
        .toList();
  }

  /** How many messages the user's inbox holds, all or only the unread. */
  public long count(String username, boolean unreadOnly) {
    return em.createQuery(
            "select count(r) from MessageRecipient r where r.username = :u"
                + (unreadOnly ? " and r.readAt is null" : ""),
            Long.class)
        .setParameter("u", username)
        .getSingleResult();
  }
}
