package io.hezuo.directory.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character resident identity number of GB 11643-1999: a 6-digit address code, the birth
 * date (yyyyMMdd), a 3-digit sequence and a check character computed with ISO 7064 MOD 11-2.
 */
public final class ResidentIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  /** Why a number is refused; {@code null} fields mean valid. */
  public enum Problem {
    FORMAT,
    REGION,
    BIRTH_DATE,
    CHECK_DIGIT
  }

  private ResidentIdNumber() {}

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** Upper-cases a trailing x and trims spaces. */
  public static String normalise(String raw) {
    return raw == null ? "" : raw.trim().toUpperCase();
  }

  /**
   * The first problem of the number, or empty when it is valid. {@code today} bounds the birth date
   * (nobody is born in the future).
   */
  public static Optional<Problem> check(String raw, LocalDate today) {
    String s = normalise(raw);
    if (!s.matches("\\d{17}[\\dX]")) {
      return Optional.of(Problem.FORMAT);
    }
    int province = Integer.parseInt(s.substring(0, 2));
    if (province < 11 || province > 91) {
      return Optional.of(Problem.REGION);
    }
    Optional<LocalDate> birth = birthDate(s);
    if (birth.isEmpty()
        || birth.get().isAfter(today)
        || birth.get().isBefore(LocalDate.of(1900, 1, 1))) {
      return Optional.of(Problem.BIRTH_DATE);
    }
    if (checkCharacter(s) != s.charAt(17)) {
      return Optional.of(Problem.CHECK_DIGIT);
    }
    return Optional.empty();
  }

  /** The birth date encoded in a well-formed number. */
  public static Optional<LocalDate> birthDate(String number) {
    String s = normalise(number);
    if (s.length() < 14) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(s.substring(6, 10)),
              Integer.parseInt(s.substring(10, 12)),
              Integer.parseInt(s.substring(12, 14))));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
