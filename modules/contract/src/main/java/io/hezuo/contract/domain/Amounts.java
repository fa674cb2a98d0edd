package io.hezuo.contract.domain;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Checks and arithmetic on amounts typed by a person, before they become {@link Money}. */
final class Amounts {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Amounts() {}

  /**
   * F-MONEY: the amount is given, more than 0 and has at most two decimals (over-precise amounts
   * are refused, never rounded). Adds to {@code v} and answers the amount as Money, or null.
   */
  static Money positive(BigDecimal amount, String field, List<RuleViolation> v) {
    if (amount == null) {
      v.add(RuleViolation.error("F-REQ", field, "contract.rule.required"));
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      v.add(
          RuleViolation.error(
              "F-MONEY", field, "contract.rule.money.precision", amount.toPlainString()));
      return null;
    }
    if (amount.signum() <= 0) {
      v.add(RuleViolation.error("F-MONEY", field, "contract.rule.money.positive"));
      return null;
    }
    return Money.of(amount.setScale(2, RoundingMode.UNNECESSARY));
  }

  /** {@code percent} % of {@code base}, rounded down to the fen (never above the exact share). */
  static Money percentOfDown(BigDecimal percent, Money base) {
    return Money.of(base.amount().multiply(percent).divide(HUNDRED).setScale(2, RoundingMode.DOWN));
  }

  /**
   * The least amount of which {@code part} is at most {@code percent} %: {@code part × 100 /
   * percent}, rounded up to the fen.
   */
  static Money leastBaseFor(Money part, BigDecimal percent) {
    return Money.of(part.amount().multiply(HUNDRED).divide(percent, 2, RoundingMode.UP));
  }

  /** The lesser of two amounts. */
  static Money min(Money a, Money b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The percentage as a person reads it: 50, 33.33. */
  static String percent(BigDecimal p) {
    return p.stripTrailingZeros().toPlainString();
  }
}
