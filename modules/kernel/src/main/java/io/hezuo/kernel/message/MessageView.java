package io.hezuo.kernel.message;

import io.hezuo.kernel.i18n.Messages;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A message as it is shown: a person's note, or a notice whose text follows the locale. */
public record MessageView(
    long id,
    String entityType,
    String entityId,
    Instant at,
    String senderUsername,
    String senderName,
    String senderRole,
    String body,
    String key,
    List<String> args)
    implements Serializable {

  public boolean isNotice() {
    return senderUsername == null;
  }

  /** The text in the reader's language: a notice is rendered from its key, a note as written. */
  public String text(Locale locale) {
    return key == null ? body : Messages.get(locale, key, args.toArray());
  }
}
