package io.hezuo.submission.service;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.audit.AuditSubjects;
import io.hezuo.kernel.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the submission's audit subjects for the audit view: an application by its acceptance number
 * and title (a draft, which has no number yet, by its title), in one query for a page; an extension
 * by the unit it was granted to.
 */
@ApplicationScoped
public class SubmissionAuditSubjects implements AuditSubjects {

  static final String EXTENSION = "Extension";

  @PersistenceContext(unitName = "submission")
  EntityManager em;

  @Inject AccountDirectory directory;

  @Override
  public Set<String> entityTypes() {
    return Set.of(Applications.ENTITY, EXTENSION);
  }

  @Override
  public Map<String, Subject> name(String entityType, Set<String> ids, Locale locale) {
    Map<String, Subject> out = new HashMap<>();
    Set<Long> numbers = numbers(ids);
    if (numbers.isEmpty()) {
      return out;
    }
    boolean english = Messages.ENGLISH.equals(Messages.normalise(locale));
    if (Applications.ENTITY.equals(entityType)) {
      for (Object[] r :
          em.createQuery(
                  "select a.id, a.acceptanceNo, a.titleZh, a.titleEn from Application a"
                      + " where a.id in :ids",
                  Object[].class)
              .setParameter("ids", numbers)
              .getResultList()) {
        String title = english && notBlank((String) r[3]) ? (String) r[3] : (String) r[2];
        String text =
            notBlank((String) r[1])
                ? r[1] + (notBlank(title) ? " " + title : "")
                : Messages.get(locale, "submission.audit.draft", notBlank(title) ? title : "—");
        out.put(String.valueOf(r[0]), Subject.of(text));
      }
    } else if (EXTENSION.equals(entityType)) {
      for (Long id : numbers) {
        directory
            .organisation(id)
            .ifPresent(o -> out.put(String.valueOf(id), Subject.of(name(o, english))));
      }
    }
    return out;
  }

  private static String name(OrganisationView o, boolean english) {
    return english && notBlank(o.nameEn()) ? o.nameEn() : o.name();
  }

  private static Set<Long> numbers(Set<String> ids) {
    Set<Long> numbers = new HashSet<>();
    for (String id : ids) {
      try {
        numbers.add(Long.valueOf(id));
      } catch (NumberFormatException e) {
        // not an id of ours: left unnamed
      }
    }
    return numbers;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
