package io.hezuo.directory.api;

import java.util.Collection;

/**
 * The e-mail beside an in-app notice, for any module: for each account whose person has an e-mail
 * address in the directory, the notice's subject ({@code <key>.subject}) and text ({@code <key>})
 * in the account's language, framed by {@code frameKey} (args: the person's name, the text), queued
 * in the kernel's outbox in the caller's transaction. An account without an address gets no e-mail;
 * a malformed stored address is skipped and logged, never a refusal of the caller's decision.
 */
public interface NoticeMail {

  void send(
      Collection<String> usernames,
      String entityType,
      String entityId,
      String frameKey,
      String key,
      Object... args);
}
