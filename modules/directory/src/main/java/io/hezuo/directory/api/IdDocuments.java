package io.hezuo.directory.api;

import io.hezuo.directory.domain.IdDocumentType;
import io.hezuo.kernel.rule.RuleViolation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Identity documents as other modules may check them: the document types and the validation of a
 * number (resident ID with its GB 11643 check digit, passport, permits), as rule {@code F-ID}.
 */
public final class IdDocuments {

  private IdDocuments() {}

  public static List<String> types() {
    return Arrays.stream(IdDocumentType.values()).map(Enum::name).toList();
  }

  /**
   * The type written in Chinese (居民身份证, 身份证, 护照…) or as its code (RESIDENT_ID…, any case), as one
   * of {@link #types()}; empty when it names none.
   */
  public static Optional<String> parseType(String raw) {
    return IdDocumentType.parse(raw).map(Enum::name);
  }

  /** The number as stored (trimmed, upper case), or the input when the type is unknown. */
  public static String normalise(String type, String number) {
    try {
      return IdDocumentType.valueOf(type).normalise(number);
    } catch (RuntimeException e) {
      return number == null ? "" : number.trim();
    }
  }

  /**
   * The number with its middle hidden as lists and documents show it (330106********0017,
   * E4*****48); any length, never an exception; an unknown type is masked by length alone.
   */
  public static String mask(String type, String number) {
    try {
      return IdDocumentType.valueOf(type).mask(number);
    } catch (RuntimeException e) {
      return IdDocumentType.maskAny(number);
    }
  }

  /** A violation of {@code F-ID} on {@code field}, or empty when type and number are valid. */
  public static Optional<RuleViolation> validate(
      String type, String number, String field, LocalDate today) {
    IdDocumentType t;
    try {
      t = IdDocumentType.valueOf(type);
    } catch (RuntimeException e) {
      return Optional.of(RuleViolation.error("F-ID", field, "directory.id.type"));
    }
    return t.validate(number, field, today);
  }
}
