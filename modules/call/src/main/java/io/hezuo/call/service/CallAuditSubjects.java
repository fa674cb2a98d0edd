package io.hezuo.call.service;

import io.hezuo.call.api.LineView;
import io.hezuo.kernel.audit.AuditSubjects;
import io.hezuo.kernel.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the call's audit subjects for the audit view: a call by its title, a line by its code and
 * name (with a link to it in the public guide), a platform's carrier by platform and carrier; one
 * query per type for a page.
 */
@ApplicationScoped
public class CallAuditSubjects implements AuditSubjects {

  @PersistenceContext(unitName = "call")
  EntityManager em;

  @Override
  public Set<String> entityTypes() {
    return Set.of("Call", "Line", PlatformHosting.ENTITY);
  }

  @Override
  public Map<String, Subject> name(String entityType, Set<String> ids, Locale locale) {
    Map<String, Subject> out = new HashMap<>();
    Set<Long> numbers = new HashSet<>();
    for (String id : ids) {
      try {
        numbers.add(Long.valueOf(id));
      } catch (NumberFormatException e) {
        // not an id of ours: left unnamed
      }
    }
    if (numbers.isEmpty()) {
      return out;
    }
    boolean en = Messages.ENGLISH.equals(Messages.normalise(locale));
    switch (entityType) {
      case "Call" -> {
        for (Object[] r :
            query("select c.id, c.titleZh, c.titleEn from Call c where c.id in :ids", numbers)) {
          out.put(String.valueOf(r[0]), Subject.of(pick(en, r[1], r[2])));
        }
      }
      case "Line" -> {
        for (Object[] r :
            query(
                "select l.id, l.code, l.nameZh, l.nameEn from Line l where l.id in :ids",
                numbers)) {
          String code = (String) r[1];
          out.put(
              String.valueOf(r[0]),
              new Subject(
                  code + " " + pick(en, r[2], r[3]),
                  "/call/catalogue.xhtml#line-" + LineView.htmlId(code)));
        }
      }
      case PlatformHosting.ENTITY -> {
        for (Object[] r :
            query(
                "select h.id, p.nameZh, p.nameEn, h.carrierName from PlatformHost h, Platform p"
                    + " where p.id = h.platformId and h.id in :ids",
                numbers)) {
          String carrier = (String) r[3];
          out.put(
              String.valueOf(r[0]),
              Subject.of(
                  pick(en, r[1], r[2])
                      + (carrier == null || carrier.isBlank() ? "" : " · " + carrier)));
        }
      }
      default -> {
        // not a type of ours
      }
    }
    return out;
  }

  private java.util.List<Object[]> query(String jpql, Set<Long> ids) {
    return em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList();
  }

  private static String pick(boolean en, Object zh, Object english) {
    return en && english != null && !((String) english).isBlank() ? (String) english : (String) zh;
  }
}
