package io.hezuo.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hezuo.scoring.domain.Assignment;
import io.hezuo.scoring.domain.Conflicts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The facts as the service gathers them, read by the conflict rules: the history is looked up by
 * the PI (the application itself never makes its own team "collaborators"), declared conflicts
 * count only for their own pair, the same-city option is the call's, and {@link
 * ConflictCheck.Facts#forbidden()} holds exactly the conflicted pairs for the solver.
 */
class ConflictFactsTest {

  static final Conflicts.Unit UNIT = new Conflicts.Unit("浙江甲公司", "91330100MA0000001A");

  static ConflictCheck.ReviewApplication app(long id, String pi, String member) {
    return new ConflictCheck.ReviewApplication(
        id,
        "HZ2026-A1-" + id,
        "题目",
        "Title",
        "A1",
        List.of("F0101"),
        new Conflicts.Application(
            id,
            2026,
            new Conflicts.Person(pi, "负责人" + id, UNIT),
            UNIT,
            "杭州市",
            List.of(),
            List.of(new Conflicts.Person(member, "成员" + id, new Conflicts.Unit("某大学", null)))));
  }

  static ConflictCheck.PoolExpert expert(long id, String idNumber, String city) {
    return new ConflictCheck.PoolExpert(
        id, "专家" + id, idNumber, "宁波某院", null, city, List.of("F0101"), 5, true, null);
  }

  static ConflictCheck.Facts facts(boolean sameCity, List<Conflicts.Past> pasts) {
    Map<Long, ConflictCheck.ReviewApplication> apps = new LinkedHashMap<>();
    apps.put(1L, app(1, "PI-1", "M-1"));
    apps.put(2L, app(2, "PI-2", "EXP-MEMBER"));
    Map<Long, ConflictCheck.PoolExpert> experts = new LinkedHashMap<>();
    experts.put(10L, expert(10, "EXP-COLLAB", "宁波市"));
    experts.put(11L, expert(11, "EXP-MEMBER", "宁波市"));
    experts.put(12L, expert(12, "EXP-DECLARED", "宁波市"));
    experts.put(13L, expert(13, "EXP-CITY", "杭州市"));
    Map<String, List<Conflicts.Past>> byPerson = new java.util.HashMap<>();
    for (Conflicts.Past p : pasts) {
      byPerson.computeIfAbsent(p.piId(), k -> new java.util.ArrayList<>()).add(p);
      p.memberIds()
          .forEach(m -> byPerson.computeIfAbsent(m, k -> new java.util.ArrayList<>()).add(p));
    }
    return new ConflictCheck.Facts(
        7,
        apps,
        experts,
        byPerson,
        List.of(new Conflicts.Declared(12, 1, "亲属关系")),
        new Conflicts.Options(sameCity));
  }

  @Test
  void eachPairHasItsOwnReasons() {
    // an earlier application of PI-1 with the expert on its team; application 2's own team
    // (with expert 11) is indexed too and must not count as an earlier application of itself
    ConflictCheck.Facts f =
        facts(
            true,
            List.of(
                new Conflicts.Past(5, "HZ2024-A1-5", 2024, "PI-1", Set.of("EXP-COLLAB")),
                new Conflicts.Past(2, "HZ2026-A1-2", 2026, "PI-2", Set.of("EXP-MEMBER"))));
    ConflictCheck.ReviewApplication a1 = f.applications().get(1L);
    ConflictCheck.ReviewApplication a2 = f.applications().get(2L);
    assertEquals(List.of(Conflicts.Kind.COLLABORATOR), kinds(f.reasons(f.experts().get(10L), a1)));
    assertEquals(List.of(), kinds(f.reasons(f.experts().get(10L), a2)));
    assertEquals(List.of(Conflicts.Kind.SELF), kinds(f.reasons(f.experts().get(11L), a2)));
    assertEquals(List.of(Conflicts.Kind.DECLARED), kinds(f.reasons(f.experts().get(12L), a1)));
    assertEquals(List.of(), kinds(f.reasons(f.experts().get(12L), a2)));
    assertEquals(List.of(Conflicts.Kind.SAME_CITY), kinds(f.reasons(f.experts().get(13L), a1)));
    assertEquals(
        Set.of(
            new Assignment.Pair(1, 10),
            new Assignment.Pair(2, 11),
            new Assignment.Pair(1, 12),
            new Assignment.Pair(1, 13),
            new Assignment.Pair(2, 13)),
        f.forbidden());
  }

  @Test
  void theSameCityCountsOnlyWhenTheCallSaysSo() {
    ConflictCheck.Facts f = facts(false, List.of());
    assertEquals(List.of(), kinds(f.reasons(f.experts().get(13L), f.applications().get(1L))));
  }

  @Test
  void poolFieldsAreSplitOnCommasAndSpaces() {
    assertEquals(List.of("F0101", "F02", "H"), ConflictCheck.fields("F0101, F02，H"));
    assertEquals(List.of(), ConflictCheck.fields(null));
  }

  static List<Conflicts.Kind> kinds(List<Conflicts.Reason> reasons) {
    return reasons.stream().map(Conflicts.Reason::kind).toList();
  }
}
