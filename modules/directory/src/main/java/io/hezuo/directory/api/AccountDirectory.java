package io.hezuo.directory.api;

import java.util.List;
import java.util.Optional;

/**
 * The directory's facade: accounts, their organisations, registration and its approval. Every
 * method checks the caller's role and ownership itself.
 */
public interface AccountDirectory {

  Optional<AccountView> account(String username);

  Optional<String> preferredLanguage(String username);

  void setPreferredLanguage(String username, String language);

  /** Whether the account is locked now after too many failed logins. */
  boolean isLocked(String username);

  /** Applying units a researcher may register under (enterprises, universities, …). */
  List<OrganisationView> applyingUnits();

  /**
   * Registers a researcher under an existing applying unit; the account waits for the unit's admin.
   * Throws {@code RuleViolationException} listing every bad field; nothing is saved then.
   *
   * @return the new account's id
   */
  long register(RegistrationRequest request);

  /** The pending registrations of the calling unit admin's own unit. */
  List<RegistrationView> pendingRegistrations();

  /** The calling unit admin approves or rejects a registration of its own unit, with a reason. */
  void decide(long accountId, boolean approve, String reason);

  /**
   * The usernames of the active unit admins of an organisation: whom the system tells about the
   * unit's applications. No role is needed: it names accounts, it shows nothing of them.
   */
  List<String> unitAdmins(long organisationId);

  /** An organisation by its unified social credit code (trimmed, upper case), if registered. */
  Optional<OrganisationView> organisationByCreditCode(String creditCode);

  /** An organisation by its id. */
  Optional<OrganisationView> organisation(long organisationId);
}
