package io.hezuo.formalreview.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.formalreview.domain.OnePiOneProject.Applicant;
import io.hezuo.formalreview.domain.OnePiOneProject.Finding;
import io.hezuo.formalreview.domain.OnePiOneProject.Listed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** G2 over the round: by ID document across lines and against other plans' lists, never by name. */
class OnePiOneProjectTest {

  static final String ID_A = "330106198001010013";
  static final String ID_B = "33010619850505057X";

  static Applicant app(long id, String line, String type, String number, String name) {
    return new Applicant(id, "HZ2026-" + line + "-" + id, line, type, number, name);
  }

  static Map<Long, Finding> check(List<Applicant> round, Map<String, List<Listed>> lists) {
    Map<Long, Finding> out = new java.util.HashMap<>();
    for (Finding f :
        OnePiOneProject.check(round, a -> lists.getOrDefault(a.idNumber(), List.of()))) {
      out.put(f.applicationId(), f);
    }
    return out;
  }

  @Test
  void oneApplicationPerIdDocumentPasses() {
    var f =
        check(
            List.of(
                app(1, "A1", "RESIDENT_ID", ID_A, "张海洋"),
                app(2, "B1", "PASSPORT", "E1234567", "李明")),
            Map.of());
    assertEquals(Outcome.PASS, f.get(1L).result());
    assertEquals(Outcome.PASS, f.get(2L).result());
  }

  @Test
  void twoApplicationsUnderOneIdDocumentBothFailAcrossLines() {
    var f =
        check(
            List.of(
                app(1, "A1", "RESIDENT_ID", ID_A, "张海洋"),
                app(2, "B3", "RESIDENT_ID", " " + ID_A + " ", "张海洋"),
                app(3, "A3", "RESIDENT_ID", ID_B, "张海洋")),
            Map.of());
    assertEquals(Outcome.FAIL, f.get(1L).result());
    assertEquals(
        List.of(2L), f.get(1L).sameIdInRound().stream().map(Applicant::applicationId).toList());
    assertEquals(Outcome.FAIL, f.get(2L).result());
    assertFalse(f.get(1L).nameDiffers());
    // the same name under another ID document is another person: it passes
    assertEquals(Outcome.PASS, f.get(3L).result());
  }

  @Test
  void theSameIdUnderAnotherNameFailsAndIsFlagged() {
    // a lower-case check letter is the same number; the name differs
    var f =
        check(
            List.of(
                app(1, "A1", "RESIDENT_ID", ID_B, "王晓"),
                app(2, "A2.1", "RESIDENT_ID", ID_B.toLowerCase(), "王小")),
            Map.of());
    assertEquals(Outcome.FAIL, f.get(1L).result());
    assertTrue(f.get(1L).nameDiffers());
    assertTrue(f.get(2L).nameDiffers());
  }

  @Test
  void aPiOnAnotherPlansListFailsWithTheListAsEvidence() {
    Listed nsfc = new Listed("NSFC", "省自然科学基金", "海洋传感器基础研究", "张海洋");
    var f = check(List.of(app(1, "A1", "RESIDENT_ID", ID_A, "张海洋")), Map.of(ID_A, List.of(nsfc)));
    assertEquals(Outcome.FAIL, f.get(1L).result());
    assertEquals(List.of(nsfc), f.get(1L).otherPlans());
    assertFalse(f.get(1L).nameDiffers());

    Listed other = new Listed("PROVINCIAL_PLAN", "省重点研发计划", "智能装备", "张 海 杨");
    var g = check(List.of(app(1, "A1", "RESIDENT_ID", ID_A, "张海洋")), Map.of(ID_A, List.of(other)));
    assertEquals(Outcome.FAIL, g.get(1L).result());
    assertTrue(g.get(1L).nameDiffers());
  }

  @Test
  void namesAreComparedAsWrittenNotAsIdentity() {
    assertTrue(OnePiOneProject.sameName("阿依古丽·买买提", "阿依古丽买买提"));
    assertTrue(OnePiOneProject.sameName("John SMITH", "john smith"));
    assertTrue(OnePiOneProject.sameName("ＪＯＨＮ", "john"));
    assertFalse(OnePiOneProject.sameName("王晓", "王小"));
  }

  @Test
  void anApplicationWithoutAnIdDocumentIsAWarningNeverAMatch() {
    var f =
        check(
            List.of(app(1, "A1", "RESIDENT_ID", " ", "张海洋"), app(2, "A1", null, null, "张海洋")),
            Map.of());
    assertEquals(Outcome.WARNING, f.get(1L).result());
    assertEquals(Outcome.WARNING, f.get(2L).result());
    assertTrue(f.get(1L).sameIdInRound().isEmpty());
  }
}
