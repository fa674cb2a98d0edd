package io.hezuo.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91350100M000100Y43", // GB 32100-2015's own example
        "91330100MA2A00003U",
        "11330000MB0000001L",
        "12330000MB0000004T",
        "91330200ma2b00006w" // lower case is normalised
      })
  void validCodes(String code) {
    assertEquals(Optional.empty(), CreditCode.check(code));
  }

  @Test
  void wrongCheckCharacter() {
    assertEquals(
        Optional.of(CreditCode.Problem.CHECK_CHARACTER), CreditCode.check("91350100M000100Y44"));
    assertEquals(
        Optional.of(CreditCode.Problem.CHECK_CHARACTER), CreditCode.check("91330100MA2A00003W"));
  }

  @Test
  void wrongFormat() {
    assertEquals(Optional.of(CreditCode.Problem.FORMAT), CreditCode.check("91350100M000100Y4"));
    // I, O, Z, S and V are not in the alphabet
    assertEquals(Optional.of(CreditCode.Problem.FORMAT), CreditCode.check("91350100I000100Y43"));
    assertEquals(Optional.of(CreditCode.Problem.FORMAT), CreditCode.check(null));
  }

  @Test
  void checkCharacterIsComputedPerGb32100() {
    assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
  }
}
