package io.hezuo.call.api;

import io.hezuo.kernel.money.Money;
import jakarta.json.bind.adapter.JsonbAdapter;
import java.math.BigDecimal;

/** Writes {@link Money} as a JSON number with two decimals (CNY) and reads it back. */
public class MoneyJsonAdapter implements JsonbAdapter<Money, BigDecimal> {

  @Override
  public BigDecimal adaptToJson(Money money) {
    return money == null ? null : money.amount();
  }

  @Override
  public Money adaptFromJson(BigDecimal value) {
    return value == null ? null : Money.of(value);
  }
}
