package io.hezuo.recommendation.service;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.NoticeMail;
import io.hezuo.kernel.message.Inbox;
import io.hezuo.kernel.message.MessageDraft;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.ApplicationStatusChanged;
import io.hezuo.submission.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells the recommending unit that recommended an application the formal review's result, with the
 * reason, in the app and by e-mail (the PI and the applying unit are told by submission).
 */
@ApplicationScoped
public class FormalResultNotices {

  static final String APPLICATION = "Application";

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject ApplicationLifecycle applications;
  @Inject AccountDirectory accounts;
  @Inject Inbox inbox;
  @Inject NoticeMail mail;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void onChange(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ApplicationStatusChanged e) {
    if (e.to() != ApplicationStatus.FORMAL_PASSED && e.to() != ApplicationStatus.FORMAL_FAILED) {
      return;
    }
    List<?> rec =
        em.createQuery("select d.recommenderId from Decision d where d.applicationId = :a")
            .setParameter("a", e.applicationId())
            .getResultList();
    if (rec.isEmpty()) {
      return;
    }
    long recommenderId = ((Number) rec.get(0)).longValue();
    ApplicationView a = applications.read(e.applicationId());
    Map<String, String> links = new LinkedHashMap<>();
    for (String u : accounts.usernamesWithRole(recommenderId, Role.RECOMMENDER)) {
      links.put(u, "/app/recommendation/view.xhtml?id=" + a.id());
    }
    if (links.isEmpty()) {
      return;
    }
    String key =
        e.to() == ApplicationStatus.FORMAL_PASSED
            ? "recommendation.notice.formalPassed"
            : "recommendation.notice.formalFailed";
    String[] args = {a.acceptanceNo(), e.reason() == null ? "" : e.reason()};
    String entityId = String.valueOf(a.id());
    inbox.send(MessageDraft.notice(APPLICATION, entityId, links, key, args));
    mail.send(
        links.keySet(), APPLICATION, entityId, "recommendation.mail.body", key, (Object[]) args);
  }
}
