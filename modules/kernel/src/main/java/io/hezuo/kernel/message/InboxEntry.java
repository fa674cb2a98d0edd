package io.hezuo.kernel.message;

import java.io.Serializable;
import java.time.Instant;

/** A message in one recipient's inbox, with where to read its entity and when it was read. */
public record InboxEntry(MessageView message, String link, Instant readAt) implements Serializable {

  public boolean isUnread() {
    return readAt == null;
  }
}
