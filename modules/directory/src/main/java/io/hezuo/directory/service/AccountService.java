package io.hezuo.directory.service;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
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
import io.hezuo.directory.domain.Role;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
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

  @Override
  public Optional<AccountView> account(String username) {
    return findAccount(username).map(this::view);
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
  public boolean isLocked(String username) {
    return findAccount(username).map(a -> a.isLocked(clock.instant())).orElse(false);
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
    Person existing = idNumber == null ? null : findPerson(idType, idNumber).orElse(null);
    if (existing != null && hasAccount(existing.getId())) {
      v.add(RuleViolation.error("F-DUP", "idNumber", "directory.register.personHasAccount"));
    }
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
    PasswordPolicy.check(r.password(), username, "password").ifPresent(v::add);
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
    em.persist(account);
    em.flush();
    audit.record(
        new AuditEntry(
            username,
            "APPLICANT",
            "Account",
            account.getId().toString(),
            "register",
            null,
            "PENDING (" + org.getName() + ")",
            "self-registration"));
    return account.getId();
  }

  @Override
  public List<String> unitAdmins(long organisationId) {
    return em.createQuery(
            "select a.username from Account a join a.roles r where a.organisationId = :org"
                + " and a.status = :s and r = :role order by a.username",
            String.class)
        .setParameter("org", organisationId)
        .setParameter("s", AccountStatus.ACTIVE)
        .setParameter("role", Role.UNIT_ADMIN)
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
    List<RegistrationView> out = new ArrayList<>();
    for (Account a : pending) {
      Person p = a.getPersonId() == null ? null : em.find(Person.class, a.getPersonId());
      out.add(
          new RegistrationView(
              a.getId(),
              a.getUsername(),
              p == null ? "" : p.getName(),
              p == null ? "" : p.getIdType().name(),
              p == null ? "" : p.getMaskedIdNumber(),
              p == null ? "" : p.getPhone(),
              p == null ? "" : p.getEmail(),
              a.getCreatedAt()));
    }
    return out;
  }

  @Override
  @Transactional
  public void decide(long accountId, boolean approve, String reason) {
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

  private boolean hasAccount(Long personId) {
    return !em.createQuery("select a.id from Account a where a.personId = :p", Long.class)
        .setParameter("p", personId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private Account callerUnitAdmin() {
    if (!caller.isSignedIn() || !caller.hasRole("UNIT_ADMIN")) {
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

  private AccountView view(Account a) {
    Person p = a.getPersonId() == null ? null : em.find(Person.class, a.getPersonId());
    Organisation o =
        a.getOrganisationId() == null ? null : em.find(Organisation.class, a.getOrganisationId());
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
