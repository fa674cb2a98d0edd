package io.hezuo.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X", // the standard's own example (GB 11643-1999, appendix)
        "11010519491231002x", // lower-case x is accepted and normalised
        "330106198001010013",
        "33010619860707007X",
        " 330106199003070022 "
      })
  void validNumbers(String n) {
    assertEquals(Optional.empty(), ResidentIdNumber.check(n, TODAY));
  }

  @Test
  void checkDigitIsComputedPerGb11643() {
    assertEquals('X', ResidentIdNumber.checkCharacter("11010519491231002"));
    assertEquals('4', ResidentIdNumber.checkCharacter("44052418800101001"));
  }

  @Test
  void eachProblemIsNamed() {
    assertEquals(
        Optional.of(ResidentIdNumber.Problem.CHECK_DIGIT),
        ResidentIdNumber.check("110105194912310021", TODAY));
    assertEquals(
        Optional.of(ResidentIdNumber.Problem.FORMAT),
        ResidentIdNumber.check("11010519491231002", TODAY));
    assertEquals(
        Optional.of(ResidentIdNumber.Problem.FORMAT),
        ResidentIdNumber.check("1101051949123100AX", TODAY));
    assertEquals(
        Optional.of(ResidentIdNumber.Problem.BIRTH_DATE),
        ResidentIdNumber.check("110105194902300021", TODAY)); // 30 February
    assertEquals(
        Optional.of(ResidentIdNumber.Problem.BIRTH_DATE),
        ResidentIdNumber.check("110105203001010011", TODAY)); // born in the future
    assertEquals(
        Optional.of(ResidentIdNumber.Problem.REGION),
        ResidentIdNumber.check("000105194912310021", TODAY));
  }

  @Test
  void birthDateIsRead() {
    assertEquals(
        LocalDate.of(1949, 12, 31), ResidentIdNumber.birthDate("11010519491231002X").get());
    assertTrue(ResidentIdNumber.birthDate("1101").isEmpty());
  }
}
