package io.hezuo.kernel.faces;

import io.hezuo.kernel.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Shows amounts on screens as people read them: {@code #{money.show(x)}} gives {@code 1,200,000.00
 * 元（120 万元）} (or the English form), for a {@link Money}, a {@link BigDecimal} or a plain decimal
 * string; blank for null or text that is not an amount. Pure formatting, no query.
 */
@Named("money")
@ApplicationScoped
public class MoneyDisplay {

  public String show(Object amount) {
    Money m = toMoney(amount);
    return m == null ? "" : m.display(locale());
  }

  static Money toMoney(Object amount) {
    try {
      if (amount instanceof Money m) {
        return m;
      }
      if (amount instanceof BigDecimal b) {
        return Money.of(b);
      }
      if (amount instanceof String s && !s.isBlank()) {
        return Money.parse(s, Money.Unit.YUAN);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static Locale locale() {
    FacesContext fc = FacesContext.getCurrentInstance();
    return fc == null || fc.getViewRoot() == null
        ? Locale.SIMPLIFIED_CHINESE
        : fc.getViewRoot().getLocale();
  }
}
