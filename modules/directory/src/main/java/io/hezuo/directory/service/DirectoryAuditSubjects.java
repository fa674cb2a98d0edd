package io.hezuo.directory.service;

import io.hezuo.kernel.audit.AuditSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the directory's audit subjects for the audit view: people (by user name: the actors, and
 * the subjects of logins) and accounts (by id) as their person's name, in one query per type.
 */
@ApplicationScoped
public class DirectoryAuditSubjects implements AuditSubjects {

  static final String LOGIN = "Login";
  static final String ACCOUNT = "Account";

  @PersistenceContext(unitName = "directory")
  EntityManager em;

  @Override
  public Set<String> entityTypes() {
    return Set.of(PERSON, LOGIN, ACCOUNT, UnitService.ORGANISATION);
  }

  @Override
  public Map<String, Subject> name(String entityType, Set<String> ids, Locale locale) {
    Map<String, Subject> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    if (ACCOUNT.equals(entityType)) {
      Set<Long> numbers = numbers(ids);
      if (numbers.isEmpty()) {
        return out;
      }
      for (Object[] r : rows("a.id in :ids", "ids", numbers)) {
        out.put(String.valueOf(r[0]), Subject.of(display(r)));
      }
    } else if (PERSON.equals(entityType)) {
      // a person's role, for the entries that record none (logins): the first of its roles
      Map<String, String> role = new HashMap<>();
      for (Object[] r :
          em.createQuery(
                  "select a.username, r from Account a join a.roles r where a.username in :ids"
                      + " order by r",
                  Object[].class)
              .setParameter("ids", ids)
              .getResultList()) {
        role.putIfAbsent((String) r[0], ((Enum<?>) r[1]).name());
      }
      for (Object[] r : rows("a.username in :ids", "ids", ids)) {
        out.put((String) r[1], new Subject(display(r), null, role.get((String) r[1])));
      }
    } else if (UnitService.ORGANISATION.equals(entityType)) {
      Set<Long> numbers = numbers(ids);
      if (!numbers.isEmpty()) {
        for (Object[] r :
            em.createQuery(
                    "select o.id, o.name from Organisation o where o.id in :ids", Object[].class)
                .setParameter("ids", numbers)
                .getResultList()) {
          out.put(String.valueOf(r[0]), Subject.of((String) r[1]));
        }
      }
    } else if (LOGIN.equals(entityType)) {
      for (Object[] r : rows("a.username in :ids", "ids", ids)) {
        out.put((String) r[1], Subject.of(display(r)));
      }
    }
    return out;
  }

  @Override
  public Set<String> usernamesMatching(String text) {
    String like =
        "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    List<String> names =
        em.createQuery(
                "select a.username from Account a left join Person p on p.id = a.personId"
                    + " where lower(a.username) like :t or lower(p.name) like :t"
                    + " or lower(a.regName) like :t",
                String.class)
            .setParameter("t", like)
            .setMaxResults(500)
            .getResultList();
    return new HashSet<>(names);
  }

  /** The ids that are numbers (others are left unnamed). */
  private static Set<Long> numbers(Set<String> ids) {
    Set<Long> out = new HashSet<>();
    for (String id : ids) {
      try {
        out.add(Long.valueOf(id));
      } catch (NumberFormatException e) {
        // not an id of this type
      }
    }
    return out;
  }

  private List<Object[]> rows(String where, String parameter, Object value) {
    return em.createQuery(
            "select a.id, a.username, p.name, a.regName from Account a"
                + " left join Person p on p.id = a.personId where "
                + where,
            Object[].class)
        .setParameter(parameter, value)
        .getResultList();
  }

  /** The person's name, else the name given at registration, else the user name. */
  private static String display(Object[] r) {
    if (r[2] != null && !((String) r[2]).isBlank()) {
      return (String) r[2];
    }
    if (r[3] != null && !((String) r[3]).isBlank()) {
      return (String) r[3];
    }
    return (String) r[1];
  }
}
