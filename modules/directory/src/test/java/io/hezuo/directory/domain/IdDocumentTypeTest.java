package io.hezuo.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.rule.RuleViolation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdDocumentTypeTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Test
  void residentIdViolationNamesRuleFieldAndProblem() {
    RuleViolation v =
        IdDocumentType.RESIDENT_ID.validate("110105194912310021", "idNumber", TODAY).orElseThrow();
    assertEquals("F-ID", v.ruleId());
    assertEquals("idNumber", v.field());
    assertEquals("directory.id.resident.check_digit", v.messageKey());
  }

  @Test
  void otherDocumentsByFormat() {
    assertTrue(IdDocumentType.PASSPORT.validate("E12345678", "f", TODAY).isEmpty());
    assertTrue(IdDocumentType.PASSPORT.validate("E1", "f", TODAY).isPresent());
    assertTrue(IdDocumentType.HK_MACAO_PERMIT.validate("H12345678", "f", TODAY).isEmpty());
    assertTrue(IdDocumentType.HK_MACAO_PERMIT.validate("X12345678", "f", TODAY).isPresent());
    assertTrue(IdDocumentType.TAIWAN_PERMIT.validate("12345678", "f", TODAY).isEmpty());
    assertTrue(IdDocumentType.TAIWAN_PERMIT.validate("1234567", "f", TODAY).isPresent());
    assertEquals(
        "directory.id.required",
        IdDocumentType.PASSPORT.validate("  ", "f", TODAY).orElseThrow().messageKey());
  }

  @Test
  void typeReadInChineseOrAsItsCode() {
    assertEquals(IdDocumentType.RESIDENT_ID, IdDocumentType.parse(" 身份证 ").orElseThrow());
    assertEquals(IdDocumentType.HK_MACAO_PERMIT, IdDocumentType.parse("港澳通行证").orElseThrow());
    assertEquals(IdDocumentType.TAIWAN_PERMIT, IdDocumentType.parse("台胞证").orElseThrow());
    assertEquals(IdDocumentType.PASSPORT, IdDocumentType.parse("passport").orElseThrow());
    assertTrue(IdDocumentType.parse("军官证").isEmpty());
    assertTrue(IdDocumentType.parse(null).isEmpty());
  }
}
