package io.hezuo.contract.domain;

import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.util.List;
import java.util.Objects;

/**
 * What a domain operation gives back: the new value, or the violations that refused it (never
 * both). A refused operation changes nothing: the domain's values are immutable.
 *
 * @param <T> the value an accepted operation yields (a new ledger, new terms …)
 */
public final class Outcome<T> {

  private final T value;
  private final List<RuleViolation> violations;

  private Outcome(T value, List<RuleViolation> violations) {
    this.value = value;
    this.violations = List.copyOf(violations);
  }

  /** Accepted: the new value. */
  public static <T> Outcome<T> ok(T value) {
    return new Outcome<>(Objects.requireNonNull(value, "value"), List.of());
  }

  /** Refused: at least one error. */
  public static <T> Outcome<T> refused(List<RuleViolation> violations) {
    if (violations.stream().noneMatch(RuleViolation::isError)) {
      throw new IllegalArgumentException("a refusal needs at least one error: " + violations);
    }
    return new Outcome<>(null, violations);
  }

  /** Refused with {@code errors} when it holds an error, otherwise the value {@code ok} gives. */
  static <T> Outcome<T> of(List<RuleViolation> errors, java.util.function.Supplier<T> ok) {
    return errors.stream().anyMatch(RuleViolation::isError) ? refused(errors) : ok(ok.get());
  }

  public boolean isOk() {
    return value != null;
  }

  /**
   * The new value.
   *
   * @throws IllegalStateException when the operation was refused
   */
  public T value() {
    if (value == null) {
      throw new IllegalStateException("refused: " + violations);
    }
    return value;
  }

  /** Why the operation was refused; empty when it was accepted. */
  public List<RuleViolation> violations() {
    return violations;
  }

  /** The new value, or a {@link RuleViolationException} with the violations (for services). */
  public T orThrow() {
    if (value == null) {
      throw new RuleViolationException(violations);
    }
    return value;
  }

  /** The rule ids of the violations, in order (for tests and logs). */
  public List<String> ruleIds() {
    return violations.stream().map(RuleViolation::ruleId).toList();
  }

  @Override
  public String toString() {
    return value != null ? "ok(" + value + ")" : "refused(" + violations + ")";
  }
}
