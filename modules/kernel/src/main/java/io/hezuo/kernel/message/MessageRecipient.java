package io.hezuo.kernel.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message's recipient, where they read the entity, and when they read the message. */
@Entity
@Table(name = "krn_message_recipient")
public class MessageRecipient {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "message_id", nullable = false)
  private long messageId;

  @Column(name = "username", nullable = false, length = 100)
  private String username;

  @Column(name = "link", length = 300)
  private String link;

  @Column(name = "read_at")
  private Instant readAt;

  protected MessageRecipient() {}

  MessageRecipient(long messageId, String username, String link) {
    this.messageId = messageId;
    this.username = username;
    this.link = link;
  }

  void read(Instant at) {
    if (readAt == null) {
      readAt = at;
    }
  }

  public long getMessageId() {
    return messageId;
  }

  public String getLink() {
    return link;
  }

  public Instant getReadAt() {
    return readAt;
  }
}
