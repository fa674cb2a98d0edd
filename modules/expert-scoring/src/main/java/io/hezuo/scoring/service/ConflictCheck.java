package io.hezuo.scoring.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.scoring.domain.Assignment;
import io.hezuo.scoring.domain.Conflicts;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationPeople;
import io.hezuo.submission.api.ApplicationStatus;
import io.hezuo.submission.api.TeamMemberForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The facts the conflict rules ({@link Conflicts}) read, gathered for the current call: the
 * applications that passed formal review (PI, applying unit with its credit code and city, domestic
 * cooperating units, team members and their units), the earlier applications of the call's year and
 * the three before (PI and members: collaborators), the conflicts experts declared, and the call's
 * same-city option; the experts from the pool ({@code sc_expert}). {@link #reasons} explains one
 * pair; {@link #facts} loads everything once for the assignment (a few queries, not one per pair).
 */
@ApplicationScoped
public class ConflictCheck {

  @PersistenceContext(unitName = "scoring")
  EntityManager em;

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject AccountDirectory directory;
  @Inject ReviewSettings settings;

  /** An expert of the pool as assignment and conflicts read them. */
  public record PoolExpert(
      long id,
      String name,
      String idNumber,
      String unitName,
      String unitCreditCode,
      String city,
      List<String> fields,
      int maxLoad,
      boolean active,
      String username)
      implements Serializable {

    Conflicts.Expert conflicts() {
      return new Conflicts.Expert(id, idNumber, new Conflicts.Unit(unitName, unitCreditCode), city);
    }

    Assignment.Expert assignment() {
      return new Assignment.Expert(id, fields, Math.max(0, maxLoad));
    }
  }

  /** An application of the review as assignment reads it, with its conflict facts. */
  public record ReviewApplication(
      long id,
      String acceptanceNo,
      String titleZh,
      String titleEn,
      String lineCode,
      List<String> fields,
      Conflicts.Application facts)
      implements Serializable {}

  /** Everything the rules read for the current call, loaded once. */
  public record Facts(
      long callId,
      Map<Long, ReviewApplication> applications,
      Map<Long, PoolExpert> experts,
      Map<String, List<Conflicts.Past>> historyByPerson,
      List<Conflicts.Declared> declared,
      Conflicts.Options options)
      implements Serializable {

    /** Every reason the pair conflicts (empty: none). */
    public List<Conflicts.Reason> reasons(PoolExpert e, ReviewApplication a) {
      String pi = key(a.facts().pi().idNumber());
      List<Conflicts.Past> history =
          pi == null
              ? List.of()
              : historyByPerson.getOrDefault(pi, List.of()).stream()
                  .filter(p -> p.id() != a.id())
                  .toList();
      List<Conflicts.Declared> mine =
          declared.stream()
              .filter(d -> d.expertId() == e.id() && d.applicationId() == a.id())
              .toList();
      return Conflicts.of(e.conflicts(), a.facts(), history, mine, options);
    }

    /** The conflicted pairs among all applications and experts (for the solver). */
    public Set<Assignment.Pair> forbidden() {
      Set<Assignment.Pair> out = new HashSet<>();
      for (ReviewApplication a : applications.values()) {
        for (PoolExpert e : experts.values()) {
          if (!reasons(e, a).isEmpty()) {
            out.add(new Assignment.Pair(a.id(), e.id()));
          }
        }
      }
      return out;
    }
  }

  /** One reason explained in Chinese and English. */
  public record Explained(String kind, String zh, String en) implements Serializable {}

  /**
   * Why an expert conflicts with an application of the current review (officers): each reason
   * explained in both languages; empty: none. An unknown expert or an application that is not under
   * review is not found.
   */
  public List<Explained> reasons(long expertId, long applicationId) {
    caller.require(Role.OFFICER);
    Facts f = facts(List.of(applicationId));
    ReviewApplication a = f.applications().get(applicationId);
    PoolExpert e = f.experts().get(expertId);
    if (a == null) {
      throw new NotFoundException("no application under review " + applicationId);
    }
    if (e == null) {
      throw new NotFoundException("no expert " + expertId);
    }
    return explain(f.reasons(e, a));
  }

  /** Reasons in both languages (message keys {@code scoring.conflict.<KIND>}). */
  public static List<Explained> explain(List<Conflicts.Reason> reasons) {
    return reasons.stream()
        .map(
            r ->
                new Explained(
                    r.kind().name(),
                    io.hezuo.kernel.i18n.Messages.get(
                        io.hezuo.kernel.i18n.Messages.CHINESE,
                        "scoring.conflict." + r.kind().name(),
                        r.args().toArray()),
                    io.hezuo.kernel.i18n.Messages.get(
                        io.hezuo.kernel.i18n.Messages.ENGLISH,
                        "scoring.conflict." + r.kind().name(),
                        r.args().toArray())))
        .toList();
  }

  /**
   * The facts for the current call's applications under review ({@code only}: just these; null: all
   * that passed formal review), every expert of the pool (active or not), the history, the declared
   * conflicts and the options. Role is the caller's to check.
   */
  public Facts facts(java.util.Collection<Long> only) {
    return facts(only, true);
  }

  /**
   * As {@link #facts(java.util.Collection)}; without {@code history} the earlier applications are
   * not read (for lists and progress, which need no conflict rule).
   */
  Facts facts(java.util.Collection<Long> only, boolean history) {
    CallView call = calls.current().orElseThrow(() -> new NotFoundException("no published call"));
    ReviewSettings.Review review = settings.of(call.id());
    List<ApplicationPeople> under =
        applications.people(call.id(), EnumSet.of(ApplicationStatus.FORMAL_PASSED));
    Set<Long> wanted = only == null ? null : new HashSet<>(only);
    Map<Long, OrganisationView> units = new HashMap<>();
    Set<Long> unitIds = new HashSet<>();
    for (ApplicationPeople p : under) {
      if (wanted == null || wanted.contains(p.id())) {
        unitIds.add(p.organisationId());
      }
    }
    directory.unitsWithRecommender(unitIds).forEach((id, u) -> units.put(id, u.unit()));
    Map<Long, ReviewApplication> apps = new LinkedHashMap<>();
    for (ApplicationPeople p : under) {
      if (wanted != null && !wanted.contains(p.id())) {
        continue;
      }
      OrganisationView u = units.get(p.organisationId());
      Conflicts.Unit unit =
          u == null ? new Conflicts.Unit(null, null) : new Conflicts.Unit(u.name(), u.creditCode());
      List<Conflicts.Person> team = new ArrayList<>();
      for (TeamMemberForm m : p.team()) {
        team.add(
            new Conflicts.Person(
                m.idNumber(),
                m.name(),
                m.unit() == null ? null : new Conflicts.Unit(m.unit(), null)));
      }
      apps.put(
          p.id(),
          new ReviewApplication(
              p.id(),
              p.acceptanceNo(),
              p.titleZh(),
              p.titleEn(),
              p.lineCode(),
              applicationFields(p),
              new Conflicts.Application(
                  p.id(),
                  call.year(),
                  new Conflicts.Person(p.piIdNumber(), p.piName(), unit),
                  unit,
                  u == null ? null : u.city(),
                  p.domesticPartners().stream().map(n -> new Conflicts.Unit(n, null)).toList(),
                  team)));
    }
    return new Facts(
        call.id(),
        apps,
        experts(),
        history ? history(call.year(), apps.values()) : Map.of(),
        history ? declared() : List.of(),
        new Conflicts.Options(review.sameCityConflict()));
  }

  /** Every expert of the pool, by id. */
  public Map<Long, PoolExpert> experts() {
    Map<Long, PoolExpert> out = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select id, name, id_number, unit_name, unit_credit_code, city, fields,"
                    + " max_load, active, username from sc_expert order by id")
            .getResultList()) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      out.put(
          id,
          new PoolExpert(
              id,
              (String) r[1],
              (String) r[2],
              (String) r[3],
              r[4] == null ? null : r[4].toString().trim(),
              (String) r[5],
              fields((String) r[6]),
              ((Number) r[7]).intValue(),
              Times.bool(r[8]),
              (String) r[9]));
    }
    return out;
  }

  /**
   * The earlier applications (every status that counts as an application) of calls of the year and
   * the three before, indexed by each person on them (PI and members, by ID number), for the PIs of
   * {@code apps} only.
   */
  private Map<String, List<Conflicts.Past>> history(
      int year, java.util.Collection<ReviewApplication> apps) {
    Set<String> pis = new HashSet<>();
    for (ReviewApplication a : apps) {
      String k = key(a.facts().pi().idNumber());
      if (k != null) {
        pis.add(k);
      }
    }
    Map<String, List<Conflicts.Past>> out = new HashMap<>();
    if (pis.isEmpty()) {
      return out;
    }
    EnumSet<ApplicationStatus> counted = EnumSet.noneOf(ApplicationStatus.class);
    for (ApplicationStatus s : ApplicationStatus.values()) {
      if (s.isApplication()) {
        counted.add(s);
      }
    }
    Map<Long, Integer> years = new HashMap<>();
    for (ApplicationPeople p : applications.people(null, counted)) {
      int y =
          years.computeIfAbsent(
              p.callId(), c -> calls.find(c).map(CallView::year).orElse(Integer.MIN_VALUE));
      if (y < year - Conflicts.YEARS || y > year) {
        continue;
      }
      Set<String> members = new HashSet<>();
      for (TeamMemberForm m : p.team()) {
        if (m.idNumber() != null && !m.idNumber().isBlank()) {
          members.add(m.idNumber());
        }
      }
      Conflicts.Past past =
          new Conflicts.Past(p.id(), p.acceptanceNo(), y, p.piIdNumber(), members);
      Set<String> people = new HashSet<>();
      members.forEach(m -> people.add(key(m)));
      people.add(key(p.piIdNumber()));
      people.retainAll(pis);
      for (String person : people) {
        out.computeIfAbsent(person, k -> new ArrayList<>()).add(past);
      }
    }
    return out;
  }

  private List<Conflicts.Declared> declared() {
    List<Conflicts.Declared> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery("select expert_id, application_id, reason from sc_declared_conflict")
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Conflicts.Declared(
              ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2]));
    }
    return out;
  }

  /**
   * The codes the experts are fitted to: the discipline code of every line (F06) and A3's field of
   * cooperation (AI), whichever the application has.
   */
  static List<String> applicationFields(ApplicationPeople p) {
    List<String> out = new ArrayList<>();
    if (p.disciplineCode() != null && !p.disciplineCode().isBlank()) {
      out.add(p.disciplineCode().trim());
    }
    out.addAll(fields(p.fieldCode()));
    return List.copyOf(out);
  }

  static List<String> fields(String codes) {
    if (codes == null) {
      return List.of();
    }
    return Arrays.stream(codes.split("[,，;；\\s]+"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  static String key(String idNumber) {
    return idNumber == null || idNumber.isBlank() ? null : idNumber.trim().toUpperCase(Locale.ROOT);
  }
}
