package io.hezuo.directory.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The identity documents by which a person is known (G2: never by name). Resident ID numbers are
 * checked with their GB 11643 check character; the others by their printed format.
 */
public enum IdDocumentType {
  RESIDENT_ID,
  PASSPORT,
  HK_MACAO_PERMIT,
  TAIWAN_PERMIT;

  private static final Map<String, IdDocumentType> CHINESE =
      Map.of(
          "居民身份证", RESIDENT_ID,
          "身份证", RESIDENT_ID,
          "护照", PASSPORT,
          "港澳居民来往内地通行证", HK_MACAO_PERMIT,
          "港澳通行证", HK_MACAO_PERMIT,
          "台湾居民来往大陆通行证", TAIWAN_PERMIT,
          "台胞证", TAIWAN_PERMIT);

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

  /** The number as stored: trimmed, upper case. */
  public String normalise(String raw) {
    return raw == null ? "" : raw.trim().toUpperCase().replace(" ", "");
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
      default:
        throw new IllegalStateException(name());
    }
  }
}
