package io.hezuo.kernel.money;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;

/** Stores {@link Money} in a {@code DECIMAL(15,2)} column. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {

  @Override
  public BigDecimal convertToDatabaseColumn(Money money) {
    return money == null ? null : money.amount();
  }

  @Override
  public Money convertToEntityAttribute(BigDecimal value) {
    return value == null ? null : Money.of(value);
  }
}
