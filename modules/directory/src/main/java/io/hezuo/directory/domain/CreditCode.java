package io.hezuo.directory.domain;

import java.util.Optional;

/**
 * The 18-character unified social credit code of GB 32100-2015. Its alphabet has 31 characters
 * (digits and upper-case letters without I, O, Z, S, V); the last is a check character, MOD 31.
 */
public final class CreditCode {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  /** Why a code is refused. */
  public enum Problem {
    FORMAT,
    CHECK_CHARACTER
  }

  private CreditCode() {}

  public static String normalise(String raw) {
    return raw == null ? "" : raw.trim().toUpperCase();
  }

  /** The check character for the first 17 characters (all from the alphabet). */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    int c = 31 - sum % 31;
    return ALPHABET.charAt(c == 31 ? 0 : c);
  }

  /** The first problem of the code, or empty when it is valid. */
  public static Optional<Problem> check(String raw) {
    String s = normalise(raw);
    if (s.length() != 18) {
      return Optional.of(Problem.FORMAT);
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(s.charAt(i)) < 0) {
        return Optional.of(Problem.FORMAT);
      }
    }
    if (checkCharacter(s) != s.charAt(17)) {
      return Optional.of(Problem.CHECK_CHARACTER);
    }
    return Optional.empty();
  }
}
