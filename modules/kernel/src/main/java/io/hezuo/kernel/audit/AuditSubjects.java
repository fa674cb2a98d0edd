package io.hezuo.kernel.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a person recognises for the ids the audit log records: a module that writes entries of an
 * entity type names them (an application by its acceptance number or title, an account by its
 * owner's name). The audit view asks each implementation once per page, for all the page's ids of a
 * type at once. The type {@link #PERSON} is a user name (the actor of every entry).
 */
public interface AuditSubjects {

  /** The pseudo entity type of people: the ids are user names. */
  String PERSON = "Person";

  /** The entity types this names. */
  Set<String> entityTypes();

  /**
   * For each id of the type that is known, what a person recognises, in the locale; unknown ids are
   * left out.
   */
  Map<String, Subject> name(String entityType, Set<String> ids, Locale locale);

  /**
   * The user names whose person's name or user name contains the text (for the "who" filter); only
   * the implementation that names {@link #PERSON} answers, the others return an empty set.
   */
  default Set<String> usernamesMatching(String text) {
    return Set.of();
  }

  /**
   * A name to show and, where the administrator can open it, a link (context-relative) or null; for
   * a person, the role code to show when an entry records none (a login), or null.
   */
  record Subject(String text, String link, String role) {

    public Subject(String text, String link) {
      this(text, link, null);
    }

    public static Subject of(String text) {
      return new Subject(text, null, null);
    }
  }
}
