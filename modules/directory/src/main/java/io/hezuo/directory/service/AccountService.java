package io.hezuo.directory.service;

import io.hezuo.directory.api.AccountAdminView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.directory.api.ContactView;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.directory.api.RegistrationRequest;
import io.hezuo.directory.api.RegistrationView;
import io.hezuo.directory.domain.Account;
import io.hezuo.directory.domain.AccountStatus;
import io.hezuo.directory.domain.IdDocumentType;
import io.hezuo.directory.domain.Organisation;
import io.hezuo.directory.domain.OrganisationType;
import io.hezuo.directory.domain.PasswordHasher;
import io.hezuo.directory.domain.PasswordPolicy;
import io.hezuo.directory.domain.Person;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.error.NotSignedInException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Accounts, registration and its approval by the unit admin. */
@ApplicationScoped
public class AccountService implements AccountDirectory {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{3,59}");
  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  @PersistenceContext(unitName = "directory")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Caller caller;
  @Inject LoginAttempts attempts;
  @Inject AccountViews views;
  @Inject jakarta.enterprise.inject.spi.BeanManager beans;

  @Override
  public Optional<AccountView> account(String username) {
    if (username == null) {
      return Optional.empty();
    }
    if (!inRequest()) {
      return readView(username);
    }
    return views.get(username, this::readView);
  }

  /**
   * The account with its person and organisation in one statement (and its roles in a second),
   * where reading the entity and then each of the others took four.
   */
  private Optional<AccountView> readView(String username) {
    List<Object[]> rows =
        em.createQuery(
                "select a, p, o from Account a left join Person p on p.id = a.personId"
                    + " left join Organisation o on o.id = a.organisationId"
                    + " where a.username = :u",
                Object[].class)
            .setParameter("u", username)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    return Optional.of(view((Account) r[0], (Person) r[1], (Organisation) r[2]));
  }

  @Override
  public Optional<ContactView> contact(String username) {
    return findAccount(username)
        .filter(a -> a.getPersonId() != null)
        .map(a -> em.find(Person.class, a.getPersonId()))
        .map(p -> new ContactView(p.getPhone(), p.getEmail()));
  }

  @Override
  public Optional<String> preferredLanguage(String username) {
    return findAccount(username).map(Account::getPreferredLanguage);
  }

  @Override
  @Transactional
  public void setPreferredLanguage(String username, String language) {
    requireSelf(username);
    findAccount(username).ifPresent(a -> a.setPreferredLanguage(language));
  }

  @Override
  public Optional<OrganisationView> organisationByCreditCode(String creditCode) {
    if (creditCode == null || creditCode.isBlank()) {
      return Optional.empty();
    }
    return em.createQuery(
            "select o from Organisation o where o.creditCode = :c", Organisation.class)
        .setParameter("c", creditCode.strip().toUpperCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst()
        .map(AccountService::view);
  }

  @Override
  public Optional<OrganisationView> organisation(long organisationId) {
    return Optional.ofNullable(em.find(Organisation.class, organisationId))
        .map(AccountService::view);
  }

  @Override
  public List<OrganisationView> recommendingUnits() {
    return em
        .createQuery(
            "select o from Organisation o where o.recommender = true order by o.name",
            Organisation.class)
        .getResultList()
        .stream()
        .map(AccountService::view)
        .toList();
  }

  @Override
  public List<Long> unitsRecommendedBy(long recommenderId) {
    return em.createQuery("select o.id from Organisation o where o.recommenderId = :r", Long.class)
        .setParameter("r", recommenderId)
        .getResultList();
  }

  @Override
  public java.util.Map<Long, UnitWithRecommender> unitsWithRecommender(
      java.util.Collection<Long> ids) {
    if (ids == null || ids.isEmpty()) {
      return java.util.Map.of();
    }
    List<Organisation> units =
        em.createQuery("select o from Organisation o where o.id in :ids", Organisation.class)
            .setParameter("ids", java.util.Set.copyOf(ids))
            .getResultList();
    java.util.Set<Long> recIds =
        units.stream()
            .map(Organisation::getRecommenderId)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    java.util.Map<Long, OrganisationView> recs = new java.util.HashMap<>();
    if (!recIds.isEmpty()) {
      em.createQuery("select o from Organisation o where o.id in :ids", Organisation.class)
          .setParameter("ids", recIds)
          .getResultList()
          .forEach(o -> recs.put(o.getId(), view(o)));
    }
    java.util.Map<Long, UnitWithRecommender> out = new java.util.HashMap<>();
    for (Organisation o : units) {
      out.put(
          o.getId(),
          new UnitWithRecommender(
              view(o), o.getRecommenderId() == null ? null : recs.get(o.getRecommenderId())));
    }
    return out;
  }

  @Override
  public java.util.Map<String, String> personNames(java.util.Collection<String> usernames) {
    if (usernames == null || usernames.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select a.username, p.name from Account a, Person p"
                    + " where p.id = a.personId and a.username in :u",
                Object[].class)
            .setParameter("u", java.util.Set.copyOf(usernames))
            .getResultList()) {
      out.put((String) r[0], (String) r[1]);
    }
    return out;
  }

  @Override
  public List<OrganisationView> applyingUnits() {
    return em
        .createQuery(
            "select o from Organisation o where o.type <> :gov order by o.name", Organisation.class)
        .setParameter("gov", OrganisationType.GOVERNMENT)
        .getResultList()
        .stream()
        .map(AccountService::view)
        .toList();
  }

  @Override
  @Transactional
  public long register(RegistrationRequest r) {
    forgetReadAccounts();
    List<RuleViolation> v = new ArrayList<>();
    Organisation org =
        r.organisationId() == null ? null : em.find(Organisation.class, r.organisationId());
    if (org == null || org.getType() == OrganisationType.GOVERNMENT) {
      v.add(RuleViolation.error("F-ORG", "organisation", "directory.register.organisation"));
    }
    String name = trim(r.name());
    if (name.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", "name", "directory.required"));
    } else if (name.length() > 100) {
      v.add(RuleViolation.error("F-LEN", "name", "directory.tooLong", 100));
    }
    IdDocumentType idType = parseIdType(r.idType());
    String idNumber = null;
    if (idType == null) {
      v.add(RuleViolation.error("F-ID", "idType", "directory.id.type"));
    } else {
      LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
      Optional<RuleViolation> bad = idType.validate(r.idNumber(), "idNumber", today);
      if (bad.isPresent()) {
        v.add(bad.get());
      } else {
        idNumber = idType.normalise(r.idNumber());
      }
    }
    // An ID document already known (another registration, pending, rejected or approved) never
    // refuses a registration nor says so: the new one waits for the unit admin like any other, who
    // sees the other accounts of the same document beside it (a real clash), see
    // pendingRegistrations.
    Person existing = idNumber == null ? null : findPerson(idType, idNumber).orElse(null);
    String phone = trim(r.phone());
    if (!PHONE.matcher(phone).matches()) {
      v.add(RuleViolation.error("F-PHONE", "phone", "directory.register.phone"));
    }
    String email = trim(r.email());
    if (!EMAIL.matcher(email).matches() || email.length() > 200) {
      v.add(RuleViolation.error("F-EMAIL", "email", "directory.register.email"));
    }
    String username = trim(r.username());
    if (!USERNAME.matcher(username).matches()) {
      v.add(RuleViolation.error("F-USER", "username", "directory.register.username"));
    } else if (findAccount(username).isPresent()) {
      v.add(RuleViolation.error("F-USER", "username", "directory.register.usernameTaken"));
    }
    PasswordPolicy.check(r.password(), username, name, "password").ifPresent(v::add);
    if (r.password() != null && !r.password().equals(r.passwordRepeat())) {
      v.add(RuleViolation.error("F-PWD", "passwordRepeat", "directory.register.passwordRepeat"));
    }
    RuleViolationException.throwIfErrors(v);

    Person person = existing;
    if (person == null) {
      person = new Person(name, idType, idNumber, phone, email, org.getId());
      em.persist(person);
      em.flush();
    }
    Account account =
        Account.registered(
            username,
            PasswordHasher.hash(r.password()),
            person.getId(),
            org.getId(),
            clock.instant());
    account.typed(name, phone, email);
    em.persist(account);
    em.flush();
    boolean clash = existing != null && !otherAccounts(existing.getId(), account.getId()).isEmpty();
    audit.record(
        new AuditEntry(
            username,
            Role.APPLICANT,
            "Account",
            account.getId().toString(),
            "register",
            null,
            "PENDING (" + org.getName() + ")",
            clash
                ? "self-registration; ID document also registered to another account"
                : "self-registration"));
    return account.getId();
  }

  @Override
  public List<String> unitAdmins(long organisationId) {
    return usernamesWithRole(organisationId, Role.UNIT_ADMIN);
  }

  @Override
  public List<String> usernamesWithRole(long organisationId, Role role) {
    return em.createQuery(
            "select a.username from Account a join a.roles r where a.organisationId = :org"
                + " and a.status = :s and r = :role order by a.username",
            String.class)
        .setParameter("org", organisationId)
        .setParameter("s", AccountStatus.ACTIVE)
        .setParameter("role", role)
        .getResultList();
  }

  @Override
  public List<RegistrationView> pendingRegistrations() {
    Account admin = callerUnitAdmin();
    List<Account> pending =
        em.createQuery(
                "select a from Account a where a.organisationId = :org and a.status = :s"
                    + " order by a.createdAt",
                Account.class)
            .setParameter("org", admin.getOrganisationId())
            .setParameter("s", AccountStatus.PENDING)
            .getResultList();
    return pending.stream().map(this::registrationView).toList();
  }

  @Override
  public List<RegistrationView> idClashes() {
    requireRole(Role.OFFICER);
    return em
        .createQuery(
            "select a from Account a where a.status = :s and a.personId is not null and exists"
                + " (select b.id from Account b where b.personId = a.personId and b.id <> a.id"
                + " and b.status in :live) order by a.createdAt",
            Account.class)
        .setParameter("s", AccountStatus.PENDING)
        .setParameter(
            "live", List.of(AccountStatus.ACTIVE, AccountStatus.DISABLED, AccountStatus.PENDING))
        .getResultList()
        .stream()
        .map(this::registrationView)
        .toList();
  }

  private RegistrationView registrationView(Account a) {
    Person p = a.getPersonId() == null ? null : em.find(Person.class, a.getPersonId());
    List<RegistrationView.SameIdAccount> same = new ArrayList<>();
    if (p != null) {
      for (Account b : otherAccounts(p.getId(), a.getId())) {
        Organisation o =
            b.getOrganisationId() == null
                ? null
                : em.find(Organisation.class, b.getOrganisationId());
        same.add(
            new RegistrationView.SameIdAccount(
                b.getId(),
                b.getUsername(),
                b.getRegName() != null && !b.holdsIdDocument() ? b.getRegName() : p.getName(),
                o == null ? "" : o.getName(),
                b.getStatus().name(),
                b.getCreatedAt()));
      }
    }
    return new RegistrationView(
        a.getId(),
        a.getUsername(),
        a.getRegName() != null ? a.getRegName() : p == null ? "" : p.getName(),
        p == null ? "" : p.getIdType().name(),
        p == null ? "" : p.getMaskedIdNumber(),
        a.getRegPhone() != null ? a.getRegPhone() : p == null ? "" : p.getPhone(),
        a.getRegEmail() != null ? a.getRegEmail() : p == null ? "" : p.getEmail(),
        a.getCreatedAt(),
        same);
  }

  /** The other accounts of a person that still count: active, disabled or pending. */
  private List<Account> otherAccounts(long personId, long accountId) {
    return em.createQuery(
            "select b from Account b where b.personId = :p and b.id <> :a and b.status in :live"
                + " order by b.createdAt",
            Account.class)
        .setParameter("p", personId)
        .setParameter("a", accountId)
        .setParameter(
            "live", List.of(AccountStatus.ACTIVE, AccountStatus.DISABLED, AccountStatus.PENDING))
        .getResultList();
  }

  @Override
  @Transactional
  public void decide(long accountId, boolean approve, String reason) {
    forgetReadAccounts();
    Account admin = callerUnitAdmin();
    Account a = em.find(Account.class, accountId, LockModeType.OPTIMISTIC);
    if (a == null || !a.getOrganisationId().equals(admin.getOrganisationId())) {
      throw new AccessDeniedException("not a registration of your unit");
    }
    String why = trim(reason);
    if (!approve && why.isEmpty()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "reason", "directory.registrations.reasonRequired"));
    }
    if (why.length() > 500) {
      throw new RuleViolationException(
          RuleViolation.error("F-LEN", "reason", "directory.tooLong", 500));
    }
    if (a.getStatus() != AccountStatus.PENDING) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "directory.registrations.notPending"));
    }
    try {
      a.decide(approve, admin.getUsername(), why, clock.instant());
      if (approve && a.getPersonId() != null && a.getRegName() != null) {
        Person p = em.find(Person.class, a.getPersonId());
        boolean heldByAnother =
            otherAccounts(p.getId(), a.getId()).stream().anyMatch(Account::holdsIdDocument);
        if (!heldByAnother) {
          p.correct(a.getRegName(), a.getRegPhone(), a.getRegEmail(), a.getOrganisationId());
        }
      }
      em.flush();
    } catch (OptimisticLockException e) {
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", null, "directory.registrations.notPending"));
    }
    audit.record(
        new AuditEntry(
            admin.getUsername(),
            Role.UNIT_ADMIN.name(),
            "Account",
            a.getId().toString(),
            approve ? "approve" : "reject",
            "PENDING",
            a.getStatus().name(),
            why.isEmpty() ? null : why));
  }

  @Override
  @Transactional
  public void changePassword(String current, String next, String repeat) {
    String me = caller.name();
    Account a =
        em.createQuery("select a from Account a where a.username = :u", Account.class)
            .setParameter("u", me)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotSignedInException("no such account"));
    List<RuleViolation> v = new ArrayList<>();
    if (!attempts.checkCurrentPassword(
        a.getUsername(), current == null ? "" : current, a.getPasswordHash())) {
      v.add(RuleViolation.error("F-PWD", "current", "directory.password.currentWrong"));
    }
    Person p = a.getPersonId() == null ? null : em.find(Person.class, a.getPersonId());
    PasswordPolicy.check(next, a.getUsername(), p == null ? null : p.getName(), "password")
        .ifPresent(v::add);
    if (next != null && next.equals(current)) {
      v.add(RuleViolation.error("F-PWD", "password", "directory.password.same"));
    }
    if (next != null && !next.equals(repeat)) {
      v.add(RuleViolation.error("F-PWD", "passwordRepeat", "directory.register.passwordRepeat"));
    }
    RuleViolationException.throwIfErrors(v);
    boolean forced = a.isMustChangePassword();
    a.passwordChanged(PasswordHasher.hash(next), clock.instant());
    audit.record(
        new AuditEntry(
            a.getUsername(),
            (String) null,
            "Account",
            a.getId().toString(),
            "password-changed",
            forced ? "one-time password" : null,
            null,
            forced ? "first login after a reset" : "by the owner"));
  }

  @Override
  public boolean mustChangePassword(String username) {
    return findAccount(username).map(Account::isMustChangePassword).orElse(false);
  }

  @Override
  public AccountAdminView.Page accounts(String query, int first, int size) {
    Account unitAdmin = null;
    if (!caller.hasRole(Role.ADMIN)) {
      unitAdmin = callerUnitAdmin();
    }
    String q = trim(query).toLowerCase(java.util.Locale.ROOT);
    String where =
        " from Account a left join Person p on p.id = a.personId where 1 = 1"
            + (q.isEmpty()
                ? ""
                : " and (lower(a.username) like :like escape '!' or lower(p.name) like :like escape '!')")
            + (unitAdmin == null
                ? ""
                : " and a.organisationId = :org and :applicant member of a.roles");
    jakarta.persistence.TypedQuery<Long> count =
        em.createQuery("select count(a)" + where, Long.class);
    jakarta.persistence.TypedQuery<Account> rows =
        em.createQuery("select a" + where + " order by a.username", Account.class);
    for (jakarta.persistence.TypedQuery<?> tq : List.of(count, rows)) {
      if (!q.isEmpty()) {
        tq.setParameter(
            "like", "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      }
      if (unitAdmin != null) {
        tq.setParameter("org", unitAdmin.getOrganisationId());
        tq.setParameter("applicant", Role.APPLICANT);
      }
    }
    java.time.Instant now = clock.instant();
    List<AccountAdminView> out =
        rows
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.min(Math.max(1, size), 200))
            .getResultList()
            .stream()
            .map(
                a -> {
                  Person p =
                      a.getPersonId() == null ? null : em.find(Person.class, a.getPersonId());
                  Organisation o =
                      a.getOrganisationId() == null
                          ? null
                          : em.find(Organisation.class, a.getOrganisationId());
                  return new AccountAdminView(
                      a.getId(),
                      a.getUsername(),
                      p == null ? "" : p.getName(),
                      o == null ? "" : o.getName(),
                      a.getRoles().stream().map(Enum::name).collect(Collectors.toSet()),
                      a.getStatus().name(),
                      a.isLocked(now),
                      a.isLocked(now) ? a.getLockedUntil() : null,
                      a.isMustChangePassword());
                })
            .toList();
    return new AccountAdminView.Page(count.getSingleResult(), out);
  }

  @Override
  public void checkMayManage(long accountId, boolean unlock) {
    managed(accountId, unlock);
  }

  @Override
  @Transactional
  public void unlock(long accountId, String reason) {
    Managed m = managed(accountId, true);
    String why = requireReason(reason);
    Account a = m.account();
    String before =
        a.isLocked(clock.instant())
            ? "locked until " + Zones.format(a.getLockedUntil())
            : "not locked";
    a.unlock();
    em.flush();
    attempts.forgive(a.getUsername());
    m.audit(audit, "unlock", before, "unlocked", why);
  }

  @Override
  @Transactional
  public String resetPassword(long accountId, String reason) {
    Managed m = managed(accountId, false);
    String why = requireReason(reason);
    Account a = m.account();
    String oneTime = PasswordHasher.oneTimePassword();
    a.resetPassword(PasswordHasher.hash(oneTime));
    em.flush();
    attempts.forgive(a.getUsername());
    m.audit(
        audit, "password-reset", null, "one-time password, to be changed at the next login", why);
    return oneTime;
  }

  @Override
  @Transactional
  public NewStaffAccount createStaffAccount(
      String preferredUsername,
      String name,
      String idType,
      String idNumber,
      String phone,
      String email,
      Role role,
      String by,
      String reason) {
    requireStaffManager();
    if (role != Role.EXPERT) {
      throw new IllegalArgumentException("no staff account of role " + role);
    }
    IdDocumentType type = parseIdType(idType);
    if (type == null) {
      throw new IllegalArgumentException("unknown ID document type " + idType);
    }
    String number = type.normalise(idNumber);
    if (type.validate(number, "idNumber", LocalDate.now(clock.withZone(Zones.SHANGHAI)))
        .isPresent()) {
      throw new IllegalArgumentException("bad ID document number");
    }
    forgetReadAccounts();
    Person person =
        findPerson(type, number)
            .orElseGet(
                () -> {
                  Person p = new Person(trim(name), type, number, trim(phone), trim(email), null);
                  em.persist(p);
                  em.flush();
                  return p;
                });
    String username = freeUsername(preferredUsername);
    String oneTime = PasswordHasher.oneTimePassword();
    Account account =
        Account.staff(
            username, PasswordHasher.hash(oneTime), person.getId(), role, clock.instant());
    em.persist(account);
    em.flush();
    audit.record(
        new AuditEntry(
            by,
            Role.OFFICER,
            "Account",
            account.getId().toString(),
            "create-staff",
            null,
            "ACTIVE " + role.name() + " " + username + ", one-time password to be changed",
            truncate(reason == null || reason.isBlank() ? "staff account" : reason.strip(), 500)));
    return new NewStaffAccount(username, oneTime);
  }

  @Override
  @Transactional
  public void setStaffActive(String username, boolean active, String by, String reason) {
    requireStaffManager();
    Account a =
        findAccount(username)
            .filter(x -> x.getRoles().contains(Role.EXPERT))
            .orElseThrow(() -> new NotFoundException("no such staff account"));
    AccountStatus before = a.getStatus();
    if (before != AccountStatus.ACTIVE && before != AccountStatus.DISABLED) {
      throw new NotFoundException("no such staff account");
    }
    forgetReadAccounts();
    if (!a.setActive(active)) {
      return;
    }
    em.flush();
    if (active) {
      attempts.forgive(a.getUsername());
    }
    audit.record(
        new AuditEntry(
            by,
            Role.OFFICER,
            "Account",
            a.getId().toString(),
            active ? "enable" : "disable",
            before.name(),
            a.getStatus().name(),
            truncate(reason == null ? "" : reason.strip(), 500)));
  }

  /**
   * A signed-in caller must be an officer or an admin; a batch job (nobody signed in) is trusted.
   */
  private void requireStaffManager() {
    if (inRequest() && caller.isSignedIn()) {
      caller.require(Role.OFFICER, Role.ADMIN);
    }
  }

  /**
   * {@code preferred} made a valid user name ({@code [A-Za-z][A-Za-z0-9_.-]{3,59}}), with a number
   * added when it is taken.
   */
  private String freeUsername(String preferred) {
    String base =
        (preferred == null ? "" : preferred.strip().toLowerCase(java.util.Locale.ROOT))
            .replaceAll("[^a-z0-9_.-]+", ".")
            .replaceAll("^[^a-z]+", "")
            .replaceAll("\\.+$", "");
    if (base.length() < 4) {
      base = "expert" + base;
    }
    if (base.length() > 55) {
      base = base.substring(0, 55);
    }
    String candidate = base;
    for (int n = 2; findAccount(candidate).isPresent(); n++) {
      candidate = base + n;
    }
    return candidate;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /** An account the caller manages, and who the caller is (for the audit). */
  private record Managed(Account account, String caller, String role) {
    void audit(AuditLog log, String action, String from, String to, String why) {
      log.record(
          new AuditEntry(
              caller, role, "Account", account.getId().toString(), action, from, to, why));
    }
  }

  /**
   * The account the caller may manage: ADMIN any (but not itself: its own password it changes),
   * UNIT_ADMIN the applicants of its own unit (reset only). Checked before any input is read:
   * 401/403 without the role, 404 for an account the caller may not see.
   */
  private Managed managed(long accountId, boolean unlock) {
    String me = caller.name();
    Account a = em.find(Account.class, accountId);
    if (caller.hasRole(Role.ADMIN)) {
      if (a == null) {
        throw new NotFoundException("no such account");
      }
      return new Managed(a, me, Role.ADMIN.name());
    }
    if (unlock) {
      throw new AccessDeniedException("only an administrator may unlock an account");
    }
    Account admin = callerUnitAdmin();
    if (a == null
        || !admin.getOrganisationId().equals(a.getOrganisationId())
        || !a.getRoles().contains(Role.APPLICANT)
        || a.getId().equals(admin.getId())) {
      // another unit's account is not even said to exist
      throw new NotFoundException("no such researcher of your unit");
    }
    return new Managed(a, me, Role.UNIT_ADMIN.name());
  }

  static String requireReason(String reason) {
    String why = trim(reason);
    if (why.isEmpty()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "reason", "directory.accounts.reasonRequired"));
    }
    if (why.length() > 500) {
      throw new RuleViolationException(
          RuleViolation.error("F-LEN", "reason", "directory.tooLong", 500));
    }
    return why;
  }

  /** Whether a request context is active (not in a timer or a start-up task). */
  private boolean inRequest() {
    try {
      return beans.getContext(jakarta.enterprise.context.RequestScoped.class).isActive();
    } catch (jakarta.enterprise.context.ContextNotActiveException e) {
      return false;
    }
  }

  private void forgetReadAccounts() {
    if (inRequest()) {
      views.forget();
    }
  }

  private void requireRole(Role role) {
    caller.require(role);
  }

  Optional<Account> findAccount(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst();
  }

  private Optional<Person> findPerson(IdDocumentType type, String number) {
    return em.createQuery(
            "select p from Person p where p.idType = :t and p.idNumber = :n", Person.class)
        .setParameter("t", type)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  private Account callerUnitAdmin() {
    if (!caller.isSignedIn() || !caller.hasRole(Role.UNIT_ADMIN)) {
      throw new AccessDeniedException("only a unit admin may do this");
    }
    return findAccount(caller.name())
        .filter(a -> a.getOrganisationId() != null)
        .orElseThrow(() -> new AccessDeniedException("unit admin without a unit"));
  }

  private void requireSelf(String username) {
    if (!caller.isSignedIn() || !caller.name().equals(username)) {
      throw new AccessDeniedException("only the account's owner may change it");
    }
  }

  private static AccountView view(Account a, Person p, Organisation o) {
    Set<String> roles = a.getRoles().stream().map(Enum::name).collect(Collectors.toSet());
    return new AccountView(
        a.getId(),
        a.getUsername(),
        p == null ? a.getUsername() : p.getName(),
        a.getPersonId(),
        a.getOrganisationId(),
        o == null ? null : o.getName(),
        o == null ? null : o.getType().name(),
        roles,
        a.getStatus().name(),
        p == null ? null : p.getIdType().name(),
        p == null ? null : p.getIdNumber());
  }

  private static OrganisationView view(Organisation o) {
    return new OrganisationView(
        o.getId(), o.getName(), o.getNameEn(), o.getCreditCode(), o.getType().name(), o.getCity());
  }

  private static IdDocumentType parseIdType(String s) {
    try {
      return s == null ? null : IdDocumentType.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
