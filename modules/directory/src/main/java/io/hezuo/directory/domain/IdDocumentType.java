package io.hezuo.directory.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The identity documents by which a person is known (G2: never by name). Resident ID numbers and
 * the 18-digit foreign permanent resident ID numbers are checked with their GB 11643 check
 * character; the others by their printed format. Each type also says how lists show its number
 * ({@link #mask}).
 */
public enum IdDocumentType {
  /** 居民身份证 (also the residence permits of HK, Macao and Taiwan residents: 81/82/83…). */
  RESIDENT_ID(6, 4),
  /** 护照, Chinese (E12345678, EA1234567, G12345678) or foreign: 5 to 20 letters or digits. */
  PASSPORT(2, 2),
  /** 港澳居民来往内地通行证: H or M and 8 digits (older cards: 10 digits). */
  HK_MACAO_PERMIT(1, 2),
  /** 台湾居民来往大陆通行证: 8 digits (older cards: 10 digits). */
  TAIWAN_PERMIT(2, 2),
  /**
   * 外国人永久居留身份证: since 2023 18 digits beginning with 9 (GB 11643 check character); the 2004 and 2017
   * cards 3 letters (nationality) and 12 digits.
   */
  FOREIGN_PERMANENT_ID(6, 4);

  private static final Map<String, IdDocumentType> CHINESE =
      Map.ofEntries(
          Map.entry("居民身份证", RESIDENT_ID),
          Map.entry("身份证", RESIDENT_ID),
          Map.entry("护照", PASSPORT),
          Map.entry("港澳居民来往内地通行证", HK_MACAO_PERMIT),
          Map.entry("港澳通行证", HK_MACAO_PERMIT),
          Map.entry("台湾居民来往大陆通行证", TAIWAN_PERMIT),
          Map.entry("台胞证", TAIWAN_PERMIT),
          Map.entry("外国人永久居留身份证", FOREIGN_PERMANENT_ID),
          Map.entry("外国人永久居留证", FOREIGN_PERMANENT_ID),
          Map.entry("永居证", FOREIGN_PERMANENT_ID));

  /** Characters a list may show at the start and at the end of a long enough number. */
  private final int head;

  private final int tail;

  IdDocumentType(int head, int tail) {
    this.head = head;
    this.tail = tail;
  }

  /** The type written in Chinese (居民身份证, 身份证, 护照…) or as its code (RESIDENT_ID…, any case). */
  public static Optional<IdDocumentType> parse(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (CHINESE.containsKey(s)) {
      return Optional.of(CHINESE.get(s));
    }
    try {
      return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The number as stored: without spaces, upper case. */
  public String normalise(String raw) {
    return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace(" ", "");
  }

  /** A violation of rule {@code F-ID} on {@code field}, or empty when the number is valid. */
  public Optional<RuleViolation> validate(String raw, String field, LocalDate today) {
    String s = normalise(raw);
    if (s.isEmpty()) {
      return Optional.of(RuleViolation.error("F-ID", field, "directory.id.required"));
    }
    switch (this) {
      case RESIDENT_ID:
        return ResidentIdNumber.check(s, today)
            .map(
                p ->
                    RuleViolation.error(
                        "F-ID", field, "directory.id.resident." + p.name().toLowerCase()));
      case PASSPORT:
        return s.matches("[A-Z0-9]{5,20}")
            ? Optional.empty()
            : Optional.of(RuleViolation.error("F-ID", field, "directory.id.passport"));
      case HK_MACAO_PERMIT:
        return s.matches("[HM]\\d{8}(\\d{2})?")
            ? Optional.empty()
            : Optional.of(RuleViolation.error("F-ID", field, "directory.id.hkMacao"));
      case TAIWAN_PERMIT:
        return s.matches("\\d{8}(\\d{2})?")
            ? Optional.empty()
            : Optional.of(RuleViolation.error("F-ID", field, "directory.id.taiwan"));
      case FOREIGN_PERMANENT_ID:
        return foreignPermanentProblem(s, today)
            .map(p -> RuleViolation.error("F-ID", field, "directory.id.foreign." + p));
      default:
        throw new IllegalStateException(name());
    }
  }

  /**
   * The 2023 card: 9, the province of issue (2 digits), the nationality (3 digits), the birth date
   * (yyyyMMdd), a sequence (3 digits), the GB 11643 check character. The earlier cards: the
   * nationality (3 letters, ISO 3166), 12 digits.
   */
  private static Optional<String> foreignPermanentProblem(String s, LocalDate today) {
    if (s.matches("[A-Z]{3}\\d{12}")) {
      return Optional.empty();
    }
    if (!s.matches("9\\d{16}[\\dX]")) {
      return Optional.of("format");
    }
    LocalDate birth;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(s.substring(6, 10)),
              Integer.parseInt(s.substring(10, 12)),
              Integer.parseInt(s.substring(12, 14)));
    } catch (DateTimeException e) {
      return Optional.of("birth_date");
    }
    if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
      return Optional.of("birth_date");
    }
    if (ResidentIdNumber.checkCharacter(s) != s.charAt(17)) {
      return Optional.of("check_digit");
    }
    return Optional.empty();
  }

  /** The birth date a number of this type carries (resident and 18-digit foreign IDs), if any. */
  public Optional<LocalDate> birthDate(String number) {
    String s = normalise(number);
    if (this == RESIDENT_ID || (this == FOREIGN_PERMANENT_ID && s.matches("9\\d{16}[\\dX]"))) {
      return ResidentIdNumber.birthDate(s);
    }
    return Optional.empty();
  }

  /**
   * The number as lists show it: its middle hidden, e.g. 330106********0017 (resident ID: region
   * and last 4), E4*****48 (passport: first and last 2), H*******78 (HK/Macao permit). Whatever the
   * length, at least 4 characters and at least a third of them are hidden (a number of 4 or fewer
   * is all stars), the end is kept before the start, the length is kept and nothing is thrown.
   */
  public String mask(String number) {
    return mask(number, head, tail);
  }

  /** {@link #mask} for a number whose type is unknown: first and last 2 (6 and 4 from 15 on). */
  public static String maskAny(String number) {
    int n = number == null ? 0 : number.codePointCount(0, number.length());
    return n >= 15 ? mask(number, 6, 4) : mask(number, 2, 2);
  }

  private static String mask(String number, int head, int tail) {
    if (number == null || number.isEmpty()) {
      return "";
    }
    int[] cp = number.codePoints().toArray();
    int n = cp.length;
    int hidden = Math.min(n, Math.max(n - head - tail, Math.max(4, (n + 2) / 3)));
    int visible = n - hidden;
    int shownTail = Math.min(tail, visible);
    int shownHead = visible - shownTail;
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      if (i < shownHead || i >= n - shownTail) {
        b.appendCodePoint(cp[i]);
      } else {
        b.append('*');
      }
    }
    return b.toString();
  }
}
