package io.hezuo.submission.service;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.audit.AuditRecord;
import io.hezuo.kernel.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status history of an application as people read it: what happened as a label (提交, 上传附件：合作协议
 * …), the status it led to as a label, who did it by name and role (张三（申请人）) and the reason in the
 * reader's language: never an action code, a status or attachment code, or a user name.
 */
@ApplicationScoped
public class ApplicationHistory {

  @Inject Applications applications;
  @Inject AuditLog audit;
  @Inject AccountDirectory accounts;

  /** One line of the history, ready to show. */
  public record Entry(Instant at, String who, String what, String status, String reason)
      implements Serializable {}

  /** The history of an application the caller may read, newest first, in the locale's language. */
  public List<Entry> of(long applicationId, Locale locale) {
    applications.readable(applicationId);
    List<AuditRecord> records =
        audit.forEntity(Applications.ENTITY, String.valueOf(applicationId), 200);
    TreeSet<String> actors = new TreeSet<>();
    records.forEach(r -> actors.add(r.getActor()));
    Map<String, String> names = accounts.personNames(actors);
    List<Entry> out = new ArrayList<>();
    for (AuditRecord r : records) {
      out.add(
          entry(
              locale,
              r.getAt(),
              names.get(r.getActor()),
              r.getActorRole(),
              r.getAction(),
              r.getToState(),
              r.getReason()));
    }
    return out;
  }

  private static final Pattern ATTACHED = Pattern.compile("([A-Z_]+) (.*) sha256=\\S+");

  /** One audit record as a line of the history (a plain function: tested without a server). */
  static Entry entry(
      Locale locale,
      Instant at,
      String personName,
      String role,
      String action,
      String toState,
      String reason) {
    Locale l = Messages.normalise(locale);
    String roleLabel = label(l, "submission.history.role." + role, "submission.history.role.other");
    String who =
        Messages.get(
            l,
            "submission.history.person",
            personName == null ? Messages.get(l, "submission.history.someone") : personName,
            roleLabel);
    String what =
        label(l, "submission.history.action." + action, "submission.history.action.other");
    String status = "—";
    String why = Messages.inLanguage(l, reason);
    switch (action == null ? "" : action) {
      case "attach", "attach-refused" -> {
        Matcher m = ATTACHED.matcher(toState == null ? "" : toState);
        if (m.matches() && Messages.exists("submission.kind." + m.group(1))) {
          what =
              Messages.get(
                  l,
                  "submission.history.attached",
                  what,
                  Messages.get(l, "submission.kind." + m.group(1)),
                  m.group(2));
        }
        if ("attach-refused".equals(action)) {
          // the check's technical detail is for the administrators' log
          why = Messages.get(l, "submission.history.refusedFile");
        }
      }
      case "message" -> {
        // the message itself is in the thread above; the log names its recipients' accounts
      }
      default -> {
        if (toState != null && !toState.isBlank()) {
          String[] parts = toState.trim().split(" ", 2);
          if (Messages.exists("submission.status." + parts[0])) {
            status = Messages.get(l, "submission.status." + parts[0]);
            if (parts.length == 2) {
              status = Messages.get(l, "submission.history.withNumber", status, parts[1]);
            }
          }
        }
      }
    }
    return new Entry(at, who, what, status, why);
  }

  private static String label(Locale l, String key, String fallback) {
    return Messages.get(l, Messages.exists(key) ? key : fallback);
  }
}
