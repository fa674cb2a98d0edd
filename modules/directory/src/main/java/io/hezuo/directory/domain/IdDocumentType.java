package io.hezuo.directory.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.time.LocalDate;
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
