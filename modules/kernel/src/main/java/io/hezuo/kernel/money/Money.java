package io.hezuo.kernel.money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of Chinese yuan (CNY) with exactly two decimals. Never a floating point number.
 *
 * <p>The notice states amounts in 万元 (10,000 CNY); {@link #wan(String)} converts them at the edge.
 */
public final class Money implements Comparable<Money>, Serializable {

  private static final long serialVersionUID = 1L;
  private static final BigDecimal TEN_THOUSAND = new BigDecimal(10_000);

  public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

  private final BigDecimal amount;

  private Money(BigDecimal amount) {
    this.amount = amount;
  }

  /**
   * An amount in CNY. Refuses more than two decimals instead of rounding them away.
   *
   * @throws IllegalArgumentException when the amount is null or has more than two decimals
   */
  public static Money of(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    try {
      return new Money(amount.setScale(2, RoundingMode.UNNECESSARY));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("More than two decimals: " + amount.toPlainString(), e);
    }
  }

  /** Parses a plain decimal string such as {@code "1500000.00"}. */
  public static Money of(String amount) {
    Objects.requireNonNull(amount, "amount");
    try {
      return of(new BigDecimal(amount.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not an amount: " + amount, e);
    }
  }

  /** Converts 万元 (units of 10,000 CNY) to CNY: {@code wan("150")} is 1,500,000.00 CNY. */
  public static Money wan(String wan) {
    return of(new BigDecimal(wan.trim()).multiply(TEN_THOUSAND));
  }

  /**
   * Parses what a person typed in {@code unit}: 元 with at most two decimals, or 万元 with at most six
   * (so that the amount in 元 is exact to the fen). Thousands separators (",", "，") and blanks are
   * ignored.
   *
   * @throws IllegalArgumentException when the text is not a number or is finer than a fen
   */
  public static Money parse(String text, Unit unit) {
    Objects.requireNonNull(text, "text");
    String clean = text.replaceAll("[\\s,，]", "");
    BigDecimal value;
    try {
      value = new BigDecimal(clean);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not an amount: " + text, e);
    }
    return of(unit == Unit.WAN ? value.multiply(TEN_THOUSAND) : value);
  }

  /** The unit an amount is typed in. */
  public enum Unit {
    /** 元 (CNY). */
    YUAN,
    /** 万元 (10,000 CNY), the unit of the notice's caps. */
    WAN
  }

  /**
   * How a person reads this amount: {@code 1,200,000.00 元（120 万元）} in Chinese, {@code CNY
   * 1,200,000.00 (120 × 10,000)} in English.
   */
  public String display(Locale locale) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    String yuan = f.format(amount);
    DecimalFormat w =
        new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
    String wan = w.format(amount.divide(TEN_THOUSAND));
    if (locale != null && "en".equals(locale.getLanguage())) {
      return "CNY " + yuan + " (" + wan + " × 10,000)";
    }
    return yuan + " 元（" + wan + " 万元）";
  }

  /** The amount in 元 with thousands separators and two decimals: {@code 1,200,000.00}. */
  public String grouped() {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(amount);
  }

  public BigDecimal amount() {
    return amount;
  }

  /** This amount in 万元, without trailing zeros (1,500,000.00 → "150"). */
  public String toWanString() {
    BigDecimal w = amount.divide(TEN_THOUSAND).stripTrailingZeros();
    return w.scale() < 0 ? w.setScale(0).toPlainString() : w.toPlainString();
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount));
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(other.amount));
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  /**
   * Whether this amount is at most {@code percent} % of {@code base}, computed exactly (no
   * rounding): 50.00 % of 600,000.00 is allowed, 50.01 % is not.
   */
  public boolean isAtMostPercentOf(BigDecimal percent, Money base) {
    return amount.multiply(BigDecimal.valueOf(100)).compareTo(base.amount.multiply(percent)) <= 0;
  }

  @Override
  public int compareTo(Money o) {
    return amount.compareTo(o.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && amount.equals(m.amount);
  }

  @Override
  public int hashCode() {
    return amount.hashCode();
  }

  /** Plain amount with two decimals, e.g. {@code 1500000.00}. */
  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
