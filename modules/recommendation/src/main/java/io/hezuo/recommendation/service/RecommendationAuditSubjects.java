package io.hezuo.recommendation.service;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.audit.AuditSubjects;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.recommendation.domain.Round;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names recommendation's audit subjects: a round by its recommending unit, a quota by its unit and
 * group.
 */
@ApplicationScoped
public class RecommendationAuditSubjects implements AuditSubjects {

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject AccountDirectory directory;

  @Override
  public Set<String> entityTypes() {
    return Set.of(Recommendations.ROUND, QuotaAdmin.QUOTA);
  }

  @Override
  public Map<String, Subject> name(String entityType, Set<String> ids, Locale locale) {
    boolean english = Messages.ENGLISH.equals(Messages.normalise(locale));
    Map<String, Subject> out = new HashMap<>();
    for (String id : ids) {
      try {
        if (Recommendations.ROUND.equals(entityType)) {
          Round r = em.find(Round.class, Long.valueOf(id));
          if (r != null) {
            unit(r.getRecommenderId(), english).ifPresent(n -> out.put(id, Subject.of(n)));
          }
        } else if (QuotaAdmin.QUOTA.equals(entityType)) {
          String[] p = id.split(":", 2);
          if (p.length == 2) {
            String group = Messages.get(locale, "recommendation.group." + p[1]);
            unit(Long.parseLong(p[0]), english)
                .ifPresent(n -> out.put(id, Subject.of(n + " · " + group)));
          }
        }
      } catch (NumberFormatException e) {
        // not an id of ours: left unnamed
      }
    }
    return out;
  }

  private java.util.Optional<String> unit(long id, boolean english) {
    return directory
        .organisation(id)
        .map(
            (OrganisationView o) ->
                english && o.nameEn() != null && !o.nameEn().isBlank() ? o.nameEn() : o.name());
  }
}
