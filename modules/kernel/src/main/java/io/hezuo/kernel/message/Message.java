package io.hezuo.kernel.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One message about an entity: a person's note or a notice of the system. Never changed. */
@Entity
@Table(name = "krn_message")
public class Message {

  /** Separates the notice's arguments in {@code body_args}; never typed by a person. */
  static final String ARG_SEPARATOR = "\u001F";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "entity_type", nullable = false, length = 60)
  private String entityType;

  @Column(name = "entity_id", nullable = false, length = 60)
  private String entityId;

  @Column(name = "sender_username", length = 100)
  private String senderUsername;

  @Column(name = "sender_name", length = 100)
  private String senderName;

  @Column(name = "sender_role", length = 40)
  private String senderRole;

  @Column(name = "body", columnDefinition = "TEXT")
  private String body;

  @Column(name = "body_key", length = 120)
  private String bodyKey;

  @Column(name = "body_args", columnDefinition = "TEXT")
  private String bodyArgs;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Message() {}

  Message(MessageDraft d, Instant at) {
    this.entityType = d.entityType();
    this.entityId = d.entityId();
    this.senderUsername = d.senderUsername();
    this.senderName = d.senderName();
    this.senderRole = d.senderRole();
    this.body = d.body();
    this.bodyKey = d.key();
    this.bodyArgs =
        d.args().isEmpty()
            ? null
            : String.join(
                ARG_SEPARATOR, d.args().stream().map(a -> a.replace(ARG_SEPARATOR, " ")).toList());
    this.createdAt = at;
  }

  MessageView view() {
    return new MessageView(
        id,
        entityType,
        entityId,
        createdAt,
        senderUsername,
        senderName,
        senderRole,
        body,
        bodyKey,
        bodyArgs == null ? List.of() : Arrays.asList(bodyArgs.split(ARG_SEPARATOR, -1)));
  }

  public Long getId() {
    return id;
  }
}
