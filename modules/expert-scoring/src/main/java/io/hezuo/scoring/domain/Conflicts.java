package io.hezuo.scoring.domain;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Conflicts of interest between an expert and an application, each with what explains it (issue
 * 13): the expert's unit is the applying unit, a domestic cooperating unit or a team member's unit;
 * the expert is the PI or on the team; the expert was on a team with the PI, or the PI on the
 * expert's, in the last {@link #YEARS} years (earlier applications in the database); a conflict the
 * expert declared; and, when the call says so, the expert's city is the applying unit's. A
 * conflicted pair is never assigned.
 *
 * <p>Units are matched by unified social credit code where both have one, else by name (NFKC,
 * spaces and brackets' width ignored); people by ID document number (upper case), never by name.
 */
public final class Conflicts {

  private Conflicts() {}

  /** How many years back a shared team counts (the call's year and the three before it). */
  public static final int YEARS = 3;

  /** Why a pair conflicts. */
  public enum Kind {
    SELF,
    SAME_UNIT,
    PARTNER_UNIT,
    MEMBER_UNIT,
    COLLABORATOR,
    DECLARED,
    SAME_CITY
  }

  /** A unit as named on a form or in the expert pool: its credit code may be null. */
  public record Unit(String name, String creditCode) implements Serializable {}

  /** A person on an application's team (or its PI): ID document number and unit. */
  public record Person(String idNumber, String name, Unit unit) implements Serializable {}

  /** An expert of the pool as the conflict rules read it. */
  public record Expert(long id, String idNumber, Unit unit, String city) implements Serializable {}

  /** An application as the conflict rules read it. */
  public record Application(
      long id,
      int year,
      Person pi,
      Unit applyingUnit,
      String city,
      List<Unit> partnerUnits,
      List<Person> team)
      implements Serializable {

    public Application {
      partnerUnits = List.copyOf(partnerUnits);
      team = List.copyOf(team);
    }
  }

  /** An earlier application: its year, PI and team members, by ID document number. */
  public record Past(long id, String acceptanceNo, int year, String piId, Set<String> memberIds)
      implements Serializable {

    public Past {
      memberIds = Set.copyOf(memberIds);
    }
  }

  /** A conflict the expert declared on an application, with the reason given. */
  public record Declared(long expertId, long applicationId, String reason)
      implements Serializable {}

  /** The call's options. */
  public record Options(boolean sameCity) implements Serializable {}

  /** One reason a pair conflicts: its kind and what shows it (names, numbers, years). */
  public record Reason(Kind kind, List<String> args) implements Serializable {
    public Reason {
      args = List.copyOf(args);
    }
  }

  /**
   * Every reason {@code expert} conflicts with {@code application} (empty: no conflict), given the
   * earlier applications {@code history} and the expert's {@code declared} conflicts.
   */
  public static List<Reason> of(
      Expert expert,
      Application application,
      List<Past> history,
      List<Declared> declared,
      Options options) {
    List<Reason> out = new ArrayList<>();
    String me = person(expert.idNumber());
    if (me != null) {
      if (me.equals(person(application.pi().idNumber()))) {
        out.add(new Reason(Kind.SELF, List.of(application.pi().name())));
      }
      for (Person p : application.team()) {
        if (me.equals(person(p.idNumber()))) {
          out.add(new Reason(Kind.SELF, List.of(nz(p.name()))));
        }
      }
    }
    if (same(expert.unit(), application.applyingUnit())) {
      out.add(new Reason(Kind.SAME_UNIT, List.of(nz(application.applyingUnit().name()))));
    }
    for (Unit u : application.partnerUnits()) {
      if (same(expert.unit(), u)) {
        out.add(new Reason(Kind.PARTNER_UNIT, List.of(nz(u.name()))));
      }
    }
    List<Person> people = new ArrayList<>();
    people.add(application.pi());
    people.addAll(application.team());
    for (Person p : people) {
      if (p.unit() != null
          && !same(p.unit(), application.applyingUnit())
          && same(expert.unit(), p.unit())) {
        out.add(new Reason(Kind.MEMBER_UNIT, List.of(nz(p.name()), nz(p.unit().name()))));
      }
    }
    String pi = person(application.pi().idNumber());
    if (me != null && pi != null && !me.equals(pi)) {
      for (Past past : history) {
        if (past.year() < application.year() - YEARS || past.year() > application.year()) {
          continue;
        }
        boolean onPisTeam = pi.equals(person(past.piId())) && ids(past).contains(me);
        boolean piOnMine = me.equals(person(past.piId())) && ids(past).contains(pi);
        boolean together = ids(past).contains(me) && ids(past).contains(pi);
        if (onPisTeam || piOnMine || together) {
          out.add(
              new Reason(
                  Kind.COLLABORATOR,
                  List.of(String.valueOf(past.year()), nz(past.acceptanceNo()))));
        }
      }
    }
    for (Declared d : declared) {
      if (d.expertId() == expert.id() && d.applicationId() == application.id()) {
        out.add(new Reason(Kind.DECLARED, List.of(nz(d.reason()))));
      }
    }
    if (options.sameCity()
        && expert.city() != null
        && !expert.city().isBlank()
        && expert.city().trim().equals(Objects.toString(application.city(), "").trim())) {
      out.add(new Reason(Kind.SAME_CITY, List.of(expert.city().trim())));
    }
    return out;
  }

  /** Whether two units are the same: by credit code where both have one, else by name. */
  public static boolean same(Unit a, Unit b) {
    if (a == null || b == null) {
      return false;
    }
    String ca = code(a.creditCode());
    String cb = code(b.creditCode());
    if (ca != null && cb != null) {
      return ca.equals(cb);
    }
    String na = name(a.name());
    return na != null && na.equals(name(b.name()));
  }

  private static Set<String> ids(Past p) {
    Set<String> s = new java.util.HashSet<>();
    p.memberIds().forEach(x -> s.add(person(x)));
    s.add(person(p.piId()));
    s.remove(null);
    return s;
  }

  static String name(String n) {
    if (n == null) {
      return null;
    }
    String s = Normalizer.normalize(n, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    return s.isEmpty() ? null : s;
  }

  private static String code(String c) {
    if (c == null || c.isBlank()) {
      return null;
    }
    return c.trim().toUpperCase(Locale.ROOT);
  }

  private static String person(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    return id.trim().toUpperCase(Locale.ROOT);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
