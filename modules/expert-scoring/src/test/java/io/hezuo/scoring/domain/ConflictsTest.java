package io.hezuo.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each conflict rule, with what explains it, and pairs that do not conflict. */
class ConflictsTest {

  static final Conflicts.Unit APPLYING = new Conflicts.Unit("浙江海洋大学", "12330000470051726G");
  static final Conflicts.Unit PARTNER = new Conflicts.Unit("上海交通大学", null);
  static final Conflicts.Unit OTHER = new Conflicts.Unit("宁波大学", "12330200419140031C");
  static final Conflicts.Person PI = new Conflicts.Person("330106197506051234", "许清单", APPLYING);
  static final Conflicts.Person MEMBER =
      new Conflicts.Person("33010619800101002X", "王成员", new Conflicts.Unit("浙江工业大学", null));
  static final Conflicts.Options PLAIN = new Conflicts.Options(false);

  static Conflicts.Application app() {
    return new Conflicts.Application(
        7, 2026, PI, APPLYING, "舟山市", List.of(PARTNER), List.of(MEMBER));
  }

  static Conflicts.Expert expert(String id, Conflicts.Unit unit, String city) {
    return new Conflicts.Expert(100, id, unit, city);
  }

  static List<Conflicts.Kind> kinds(List<Conflicts.Reason> r) {
    return r.stream().map(Conflicts.Reason::kind).toList();
  }

  static List<Conflicts.Reason> of(Conflicts.Expert e) {
    return Conflicts.of(e, app(), List.of(), List.of(), PLAIN);
  }

  @Test
  void anExpertOfAnotherUnitAndCityHasNoConflict() {
    assertTrue(of(expert("110105196001011111", OTHER, "宁波市")).isEmpty());
  }

  @Test
  void theApplyingUnitByCreditCodeEvenUnderAnotherName() {
    List<Conflicts.Reason> r =
        of(
            expert(
                "110105196001011111",
                new Conflicts.Unit("浙江海洋大学（本部）", "12330000470051726g"),
                null));
    assertEquals(List.of(Conflicts.Kind.SAME_UNIT), kinds(r));
    assertEquals(List.of("浙江海洋大学"), r.get(0).args());
  }

  @Test
  void aDomesticCooperatingUnitByNameIgnoringWidthAndSpaces() {
    List<Conflicts.Reason> r =
        of(
            expert(
                "110105196001011111", new Conflicts.Unit(" 上海交通大学 ", "12100000425010390X"), null));
    assertEquals(List.of(Conflicts.Kind.PARTNER_UNIT), kinds(r));
  }

  @Test
  void aTeamMembersUnit() {
    List<Conflicts.Reason> r =
        of(expert("110105196001011111", new Conflicts.Unit("浙江工业大学", null), null));
    assertEquals(List.of(Conflicts.Kind.MEMBER_UNIT), kinds(r));
    assertEquals(List.of("王成员", "浙江工业大学"), r.get(0).args());
  }

  @Test
  void theExpertOnTheTeamIsSelfByIdNumberNotName() {
    assertEquals(
        List.of(Conflicts.Kind.SELF), kinds(of(expert("33010619800101002x", OTHER, null))));
    // the same name with another ID number is another person
    assertTrue(of(new Conflicts.Expert(100, "110105196001011111", OTHER, null)).isEmpty());
  }

  @Test
  void aCollaboratorOfThePiWithinThreeYears() {
    String expertId = "110105196001011111";
    Conflicts.Past onPisTeam =
        new Conflicts.Past(1, "2023-A3-001", 2023, PI.idNumber(), Set.of(expertId));
    Conflicts.Past piOnMine =
        new Conflicts.Past(2, "2024-B1-002", 2024, expertId, Set.of(PI.idNumber().toLowerCase()));
    Conflicts.Past tooOld =
        new Conflicts.Past(3, "2022-A3-003", 2022, PI.idNumber(), Set.of(expertId));
    Conflicts.Past unrelated = new Conflicts.Past(4, "2025-A3-004", 2025, "999", Set.of(expertId));
    List<Conflicts.Reason> r =
        Conflicts.of(
            expert(expertId, OTHER, null),
            app(),
            List.of(onPisTeam, piOnMine, tooOld, unrelated),
            List.of(),
            PLAIN);
    assertEquals(List.of(Conflicts.Kind.COLLABORATOR, Conflicts.Kind.COLLABORATOR), kinds(r));
    assertEquals(List.of("2023", "2023-A3-001"), r.get(0).args());
    assertEquals(List.of("2024", "2024-B1-002"), r.get(1).args());
  }

  @Test
  void aDeclaredConflictWithItsReason() {
    List<Conflicts.Reason> r =
        Conflicts.of(
            expert("110105196001011111", OTHER, null),
            app(),
            List.of(),
            List.of(
                new Conflicts.Declared(100, 7, "曾指导申请人博士论文"),
                new Conflicts.Declared(100, 8, "另一项")),
            PLAIN);
    assertEquals(List.of(Conflicts.Kind.DECLARED), kinds(r));
    assertEquals(List.of("曾指导申请人博士论文"), r.get(0).args());
  }

  @Test
  void theSameCityOnlyWhenTheCallSaysSo() {
    Conflicts.Expert e = expert("110105196001011111", OTHER, "舟山市");
    assertTrue(of(e).isEmpty());
    assertEquals(
        List.of(Conflicts.Kind.SAME_CITY),
        kinds(Conflicts.of(e, app(), List.of(), List.of(), new Conflicts.Options(true))));
  }
}
