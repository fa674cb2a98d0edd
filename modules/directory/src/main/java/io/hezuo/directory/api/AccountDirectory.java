package io.hezuo.directory.api;

import java.util.List;
import java.util.Optional;

/**
 * The directory's facade: accounts, their organisations, registration and its approval. Every
 * method checks the caller's role and ownership itself.
 */
public interface AccountDirectory {

  Optional<AccountView> account(String username);

  /**
   * The phone and e-mail of the account's person as held; empty for an unknown account or one
   * without a person. No role is needed: the caller shows it only where it may (e.g. the PDF of an
   * application the caller may read names its PI's contact).
   */
  Optional<ContactView> contact(String username);

  Optional<String> preferredLanguage(String username);

  void setPreferredLanguage(String username, String language);

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

  /**
   * The usernames of the active accounts of an organisation that hold a role (e.g. a recommending
   * unit's recommenders, whom the Department reminds). Names accounts only, shows nothing of them.
   */
  List<String> usernamesWithRole(long organisationId, io.hezuo.kernel.security.Role role);

  /** An organisation by its unified social credit code (trimmed, upper case), if registered. */
  Optional<OrganisationView> organisationByCreditCode(String creditCode);

  /** An organisation by its id. */
  Optional<OrganisationView> organisation(long organisationId);

  /**
   * The caller changes its own password: the current one, the new one twice; the policy applies.
   * Ends a forced change. Throws {@code RuleViolationException} naming the field.
   */
  void changePassword(String current, String next, String repeat);

  /** Whether the caller must change its password (after a reset) before anything else. */
  boolean mustChangePassword(String username);

  /**
   * Accounts matching {@code query} (user name or name, empty: all), {@code first} and {@code size}
   * as in paging: for ADMIN every account, for UNIT_ADMIN its own unit's applicants.
   */
  AccountAdminView.Page accounts(String query, int first, int size);

  /** ADMIN ends an account's lock now, with a reason; audited. */
  void unlock(long accountId, String reason);

  /**
   * ADMIN (any account) or UNIT_ADMIN (an applicant of its unit) resets a password, with a reason:
   * returns a one-time password that must be changed at the next login; audited (without it).
   */
  String resetPassword(long accountId, String reason);

  /**
   * Checks that the caller may reset (or, for {@code unlock}, unlock) the account, before anything
   * else is read; throws {@code SecurityException} otherwise.
   */
  void checkMayManage(long accountId, boolean unlock);

  /**
   * For OFFICER: pending registrations of every unit whose ID document is registered to another
   * account too.
   */
  List<RegistrationView> idClashes();

  /** The recommending units (推荐单位: city S&amp;T bureaus, universities, …), by name. */
  List<OrganisationView> recommendingUnits();

  /** The ids of the applying units that report to a recommending unit. */
  List<Long> unitsRecommendedBy(long recommenderId);

  /**
   * Organisations by id, each with the id of the recommending unit it reports to (absent: none),
   * read at once for a page of applications.
   */
  java.util.Map<Long, UnitWithRecommender> unitsWithRecommender(java.util.Collection<Long> ids);

  /** An applying unit and the recommending unit it reports to (null when none). */
  record UnitWithRecommender(OrganisationView unit, OrganisationView recommender) {}

  /** People's names by user name (a user name without an account is left out), read at once. */
  java.util.Map<String, String> personNames(java.util.Collection<String> usernames);

  /** A staff account just created: its user name and its one-time password (never stored). */
  record NewStaffAccount(String username, String oneTimePassword) {}

  /**
   * Creates a staff account of the Department's making (only {@code EXPERT} for now) for the person
   * of an ID document (the person is created when unknown; the name, phone and e-mail given are
   * kept for a new one): ACTIVE, with a one-time password that must be changed at the first login.
   * The user name is {@code preferredUsername} made valid (letters, digits, {@code . _ -}), with a
   * number added when it is taken. In the caller's transaction; audited with {@code by} and the
   * reason (without the password). A signed-in caller must be an OFFICER or ADMIN; a batch job
   * (nobody signed in) is trusted: the module that started it checked its officer.
   *
   * @throws IllegalArgumentException for another role or a bad ID document
   */
  NewStaffAccount createStaffAccount(
      String preferredUsername,
      String name,
      String idType,
      String idNumber,
      String phone,
      String email,
      io.hezuo.kernel.security.Role role,
      String by,
      String reason);

  /**
   * Enables or disables (it cannot sign in any more) a staff account ({@code EXPERT}) with a
   * reason, audited with {@code by}; nothing happens when it is so already. Same callers as {@link
   * #createStaffAccount}.
   *
   * @throws io.hezuo.kernel.error.NotFoundException for an unknown user name or another kind of
   *     account
   */
  void setStaffActive(String username, boolean active, String by, String reason);
}
