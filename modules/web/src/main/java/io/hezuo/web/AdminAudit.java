package io.hezuo.web;

import io.hezuo.kernel.audit.AuditFilter;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.audit.AuditRecord;
import io.hezuo.kernel.audit.AuditSubjects;
import io.hezuo.kernel.audit.AuditSubjects.Subject;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.web.i18n.LocaleBean;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backing bean of {@code app/admin/audit.xhtml}: the audit log, newest first, paged in SQL,
 * filtered by who, action and date range. Every code is shown through a label in the user's
 * language: the action, the actor's role, the entity type, statuses and attachment kinds in the
 * before/after texts; people by name and role, the entity as what a person recognises (an
 * application's acceptance number and title, a line with a link to it in the guide). The names of a
 * page are resolved once when the page is loaded, for all its rows at once (one query per module
 * and type), and the rows the table shows are plain values.
 */
@Named("adminAudit")
@ViewScoped
public class AdminAudit implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditLog auditLog;
  @Inject Caller caller;
  @Inject LocaleBean localeBean;
  @Inject @Any Instance<AuditSubjects> subjects;

  private String who;
  private String action;
  private LocalDate from;
  private LocalDate until;
  private List<SelectItem> actionOptions;

  /** One row as shown: every value already a label or a name. */
  public record Row(
      long id,
      String at,
      String actor,
      String entity,
      String entityLink,
      String action,
      String from,
      String to,
      String reason)
      implements Serializable {}

  private final LazyDataModel<Row> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          requireAdmin();
          return (int) auditLog.count(filter());
        }

        @Override
        public List<Row> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          requireAdmin();
          return rows(auditLog.search(filter(), first, pageSize));
        }

        @Override
        public String getRowKey(Row r) {
          return String.valueOf(r.id());
        }
      };

  /** Once per view: the actions the log holds, as labels, for the action filter. */
  public void load() {
    requireAdmin();
    Locale locale = locale();
    actionOptions = new ArrayList<>();
    for (String a : auditLog.actions()) {
      actionOptions.add(new SelectItem(a, actionLabel(locale, a)));
    }
    actionOptions.sort((x, y) -> x.getLabel().compareTo(y.getLabel()));
  }

  /** The search button: the table goes back to its first page with the new filter. */
  public void search() {
    requireAdmin();
    firstPage();
  }

  private static void firstPage() {
    jakarta.faces.context.FacesContext fc = jakarta.faces.context.FacesContext.getCurrentInstance();
    if (fc != null
        && fc.getViewRoot().findComponent("audit:log")
            instanceof org.primefaces.component.datatable.DataTable table) {
      table.setFirst(0);
    }
  }

  /** Clears the filter. */
  public void reset() {
    who = null;
    action = null;
    from = null;
    until = null;
    firstPage();
  }

  public LazyDataModel<Row> getModel() {
    return model;
  }

  public List<SelectItem> getActionOptions() {
    return actionOptions == null ? List.of() : actionOptions;
  }

  AuditFilter filter() {
    Set<String> actors = null;
    if (who != null && !who.isBlank()) {
      actors = new HashSet<>();
      actors.add(who.strip());
      for (AuditSubjects s : subjects) {
        actors.addAll(s.usernamesMatching(who));
      }
    }
    Instant start = from == null ? null : from.atStartOfDay(Zones.SHANGHAI).toInstant();
    Instant end = until == null ? null : until.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant();
    return new AuditFilter(actors, action, start, end);
  }

  /** The records of a page as rows: names looked up once for the page, per module and type. */
  List<Row> rows(List<AuditRecord> records) {
    Locale locale = locale();
    Map<String, Set<String>> idsByType = new HashMap<>();
    for (AuditRecord r : records) {
      idsByType.computeIfAbsent(AuditSubjects.PERSON, k -> new LinkedHashSet<>()).add(r.getActor());
      if (r.getEntityId() != null) {
        idsByType
            .computeIfAbsent(r.getEntityType(), k -> new LinkedHashSet<>())
            .add(r.getEntityId());
      }
    }
    Map<String, Map<String, Subject>> names = new HashMap<>();
    for (AuditSubjects s : subjects) {
      for (String type : s.entityTypes()) {
        Set<String> ids = idsByType.get(type);
        if (ids != null && !ids.isEmpty()) {
          names.computeIfAbsent(type, k -> new HashMap<>()).putAll(s.name(type, ids, locale));
        }
      }
    }
    Map<String, Subject> people = names.getOrDefault(AuditSubjects.PERSON, Map.of());
    List<Row> rows = new ArrayList<>(records.size());
    for (AuditRecord r : records) {
      Subject person = people.get(r.getActor());
      String actor = person != null ? person.text() : unknownActor(locale, r.getActor());
      String role =
          roleLabel(
              locale,
              r.getActorRole() != null || person == null ? r.getActorRole() : person.role());
      if (!role.isEmpty()) {
        actor += Messages.ENGLISH.equals(locale) ? " (" + role + ")" : "（" + role + "）";
      }
      String type = typeLabel(locale, r.getEntityType());
      Subject subject =
          r.getEntityId() == null
              ? null
              : names.getOrDefault(r.getEntityType(), Map.of()).get(r.getEntityId());
      String entity;
      if (subject != null) {
        entity = type + (Messages.ENGLISH.equals(locale) ? ": " : "：") + subject.text();
      } else if (r.getEntityId() != null && r.getEntityId().length() <= 20) {
        entity = type + " " + r.getEntityId();
      } else {
        entity = type;
      }
      rows.add(
          new Row(
              r.getId(),
              Zones.format(r.getAt()),
              actor,
              entity,
              subject == null ? null : subject.link(),
              actionLabel(locale, r.getAction()),
              text(locale, r.getFromState()),
              text(locale, r.getToState()),
              text(locale, r.getReason())));
    }
    return rows;
  }

  private static String unknownActor(Locale locale, String username) {
    return username == null || username.isBlank() || "?".equals(username)
        ? Messages.get(locale, "web.audit.unknownUser")
        : username;
  }

  /** A role as its label ({@code web.role.ADMIN} → 系统管理员); empty when none is recorded. */
  static String roleLabel(Locale locale, String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String key = "web.role." + code;
    return Messages.exists(key)
        ? Messages.get(locale, key)
        : Messages.get(locale, "web.audit.other");
  }

  static String typeLabel(Locale locale, String type) {
    String key = "web.audit.type." + type;
    return Messages.exists(key)
        ? Messages.get(locale, key)
        : Messages.get(locale, "web.audit.other");
  }

  static String actionLabel(Locale locale, String action) {
    String key = "web.audit.do." + action;
    return Messages.exists(key)
        ? Messages.get(locale, key)
        : Messages.get(locale, "web.audit.other");
  }

  /** A code in a before/after text: a status or an attachment kind of some module. */
  private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

  private static final List<String> CODE_LABELS =
      List.of(
          "submission.status.",
          "submission.kind.",
          "directory.accounts.status.",
          "directory.otherplans.kind.",
          "web.role.",
          "web.audit.code.",
          "recommendation.document.kind.",
          "recommendation.group.");

  /** What the application's messages record: {@code message 12 to demo_unit, demo_unit2}. */
  private static final Pattern MESSAGE_TO = Pattern.compile("message \\d+ to (.*)");

  /** Phrases the services record in English, by their beginning: the rest is kept. */
  private static final List<String> PHRASES =
      List.of(
          "unknown user",
          "wrong password",
          "wrong current password",
          "too many wrong current passwords",
          "too many attempts",
          "server busy hashing",
          "known device",
          "session timeout",
          "logout",
          "locked until",
          "not locked",
          "not recommending",
          "recommending",
          "unlocked",
          "status",
          "by the owner",
          "first login after a reset",
          "one-time password, to be changed at the next login",
          "one-time password",
          "self-registration; ID document also registered to another account",
          "self-registration",
          "organisation",
          "removed",
          "message");

  /**
   * A recorded text in the user's language: a "中文 / English" line gives the locale's half, a phrase
   * the services record in English its label, a status or kind code its label.
   */
  static String text(Locale locale, String recorded) {
    if (recorded == null || recorded.isBlank()) {
      return "";
    }
    String s = Messages.inLanguage(locale, recorded);
    Matcher message = MESSAGE_TO.matcher(s);
    if (message.matches()) {
      return Messages.get(locale, "web.audit.phrase.messageTo", message.group(1));
    }
    for (String phrase : PHRASES) {
      if (s.equals(phrase) || s.startsWith(phrase + " ") || s.startsWith(phrase + " (")) {
        String key = "web.audit.phrase." + phrase.replaceAll("[^A-Za-z]+", "-");
        if (Messages.exists(key)) {
          s = Messages.get(locale, key) + s.substring(phrase.length());
        }
        break;
      }
    }
    Matcher m = CODE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String code = m.group();
      String label = null;
      if (code.length() >= 4) {
        for (String prefix : CODE_LABELS) {
          if (Messages.exists(prefix + code)) {
            label = Messages.get(locale, prefix + code);
            break;
          }
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(label == null ? code : label));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Locale locale() {
    return Messages.normalise(localeBean.getLocale());
  }

  private void requireAdmin() {
    if (!caller.hasRole(Role.ADMIN)) {
      throw new AccessDeniedException("only the administrator reads the audit log");
    }
  }

  public String getWho() {
    return who;
  }

  public void setWho(String who) {
    this.who = who;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getUntil() {
    return until;
  }

  public void setUntil(LocalDate until) {
    this.until = until;
  }
}
