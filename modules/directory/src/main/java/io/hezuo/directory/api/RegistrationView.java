package io.hezuo.directory.api;

import java.time.Instant;
import java.util.List;

/**
 * A pending registration as the unit admin sees it (the ID number masked). {@code sameId}: the
 * other accounts registered with the same ID document (an active account of the person, or other
 * pending registrations), for the admin to see both before deciding.
 */
public record RegistrationView(
    long accountId,
    String username,
    String name,
    String idType,
    String maskedIdNumber,
    String phone,
    String email,
    Instant registeredAt,
    List<SameIdAccount> sameId)
    implements java.io.Serializable {

  /** Another account of the same ID document. */
  public record SameIdAccount(
      long accountId,
      String username,
      String name,
      String organisation,
      String status,
      Instant registeredAt)
      implements java.io.Serializable {}

  public boolean isClash() {
    return sameId != null && !sameId.isEmpty();
  }
}
