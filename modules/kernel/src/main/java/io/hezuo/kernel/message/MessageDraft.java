package io.hezuo.kernel.message;

import java.util.List;
import java.util.Map;

/**
 * A message to send: about which entity, from whom ({@code senderUsername} null for the system),
 * either a person's {@code body} or a notice's message {@code key} with its {@code args} (shown in
 * each reader's language), and its recipients with the link where each reads the entity.
 */
public record MessageDraft(
    String entityType,
    String entityId,
    String senderUsername,
    String senderName,
    String senderRole,
    String body,
    String key,
    List<String> args,
    Map<String, String> recipientLinks) {

  public MessageDraft {
    if ((body == null || body.isBlank()) && key == null) {
      throw new IllegalArgumentException("a message needs a body or a key");
    }
    args = args == null ? List.of() : List.copyOf(args);
    recipientLinks = Map.copyOf(recipientLinks);
  }

  /** A notice of the system, in the reader's language. */
  public static MessageDraft notice(
      String entityType,
      String entityId,
      Map<String, String> recipientLinks,
      String key,
      String... args) {
    return new MessageDraft(
        entityType, entityId, null, null, null, null, key, List.of(args), recipientLinks);
  }
}
