package io.hezuo.submission.service;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.message.Inbox;
import io.hezuo.kernel.message.MessageDraft;
import io.hezuo.kernel.message.MessageView;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.domain.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages about an application: the PI and the applying unit's admins write to each other, and
 * the system tells them of each step (submitted, withdrawn, confirmed, returned, an extension).
 * Whoever may read the application reads its messages; nobody else.
 */
@ApplicationScoped
public class ApplicationMessages {

  public static final int MAX_BODY = 2000;

  @Inject Applications applications;
  @Inject AccountDirectory accounts;
  @Inject Caller caller;
  @Inject Inbox inbox;
  @Inject AuditLog audit;
  @Inject MailNotices mail;

  /** The application's messages, oldest first, for whoever may read the application. */
  public List<MessageView> thread(long id) {
    Application a = applications.readable(id);
    return inbox.thread(Applications.ENTITY, String.valueOf(a.getId()));
  }

  /** The caller has read the application's messages addressed to them. */
  @Transactional
  public void markRead(long id) {
    Application a = applications.readable(id);
    inbox.markRead(caller.name(), Applications.ENTITY, String.valueOf(a.getId()));
  }

  /**
   * The PI writes to the unit's admins, a unit admin to the PI (and the unit's other admins).
   * Refused with F-REQ / F-LEN on the field {@code messageBody}; nothing is sent then.
   */
  @Transactional
  public MessageView write(long id, String body) {
    Application a = applications.readable(id);
    if (a.getStatus() == io.hezuo.submission.api.ApplicationStatus.DRAFT) {
      // the unit's admins cannot read a draft: a message about it would lead them nowhere
      throw new RuleViolationException(
          RuleViolation.error("F-STATE", "messageBody", "submission.rule.messageDraft"));
    }
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "messageBody", "submission.rule.required"));
    }
    if (text.length() > MAX_BODY) {
      throw new RuleViolationException(
          RuleViolation.error("F-LEN", "messageBody", "submission.rule.tooLong", MAX_BODY));
    }
    String me = caller.name();
    AccountView sender = accounts.account(me).orElseThrow();
    boolean pi = a.getPiUsername().equals(me);
    if (!pi
        && !(caller.hasRole(Role.UNIT_ADMIN)
            && sender.organisationId() != null
            && sender.organisationId() == a.getOrganisationId())) {
      // officers and formal reviewers read the application; the thread is the PI's and the unit's
      throw new io.hezuo.kernel.error.AccessDeniedException("only the PI and the unit write here");
    }
    Map<String, String> to = unitAdmins(a);
    if (!pi) {
      to.put(a.getPiUsername(), link(a));
    }
    MessageView m =
        inbox.send(
            new MessageDraft(
                Applications.ENTITY,
                String.valueOf(a.getId()),
                me,
                sender.personName() == null ? me : sender.personName(),
                (pi ? Role.APPLICANT : Role.UNIT_ADMIN).name(),
                text,
                null,
                List.of(),
                to));
    audit.record(
        new AuditEntry(
            me,
            pi ? Role.APPLICANT : Role.UNIT_ADMIN,
            Applications.ENTITY,
            String.valueOf(a.getId()),
            "message",
            null,
            "message " + m.id() + " to " + String.join(", ", to.keySet()),
            null));
    return m;
  }

  // ---- notices of the system, sent in the caller's transaction (in-app and by e-mail) -----------

  void tellUnit(Application a, String key, String... args) {
    Map<String, String> to = unitAdmins(a);
    inbox.send(MessageDraft.notice(Applications.ENTITY, String.valueOf(a.getId()), to, key, args));
    mail.send(to.keySet(), Applications.ENTITY, String.valueOf(a.getId()), key, (Object[]) args);
  }

  void tellPi(Application a, String key, String... args) {
    inbox.send(
        MessageDraft.notice(
            Applications.ENTITY,
            String.valueOf(a.getId()),
            Map.of(a.getPiUsername(), link(a)),
            key,
            args));
    mail.send(
        List.of(a.getPiUsername()),
        Applications.ENTITY,
        String.valueOf(a.getId()),
        key,
        (Object[]) args);
  }

  void tellUnitOfExtension(long organisationId, Instant until, String reason) {
    Map<String, String> to = new LinkedHashMap<>();
    for (String admin : accounts.unitAdmins(organisationId)) {
      to.put(admin, "/app/submission/unit.xhtml");
    }
    if (!to.isEmpty()) {
      inbox.send(
          MessageDraft.notice(
              "Extension",
              String.valueOf(organisationId),
              to,
              "submission.notice.extended",
              Zones.format(until),
              reason));
      mail.send(
          to.keySet(),
          "Extension",
          String.valueOf(organisationId),
          "submission.notice.extended",
          Zones.format(until),
          reason);
    }
  }

  private Map<String, String> unitAdmins(Application a) {
    Map<String, String> to = new LinkedHashMap<>();
    for (String admin : accounts.unitAdmins(a.getOrganisationId())) {
      to.put(admin, link(a));
    }
    return to;
  }

  private static String link(Application a) {
    return "/app/submission/view.xhtml?id=" + a.getId();
  }
}
