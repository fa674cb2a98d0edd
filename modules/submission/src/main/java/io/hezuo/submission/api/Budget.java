package io.hezuo.submission.api;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An application's budget as its screens and documents show it, for every module that shows one:
 * the categories in the printed order with their labels, and the total.
 */
public final class Budget {

  /**
   * Every expenditure category in the order printed: the direct costs as provincial S&T budgets
   * group them (设备费; 业务费 = 材料费, 测试化验加工费, 差旅/会议/国际合作交流费, 其他支出; 劳务费), then the partner's funds. The
   * notice itself names no categories; these are the form's.
   */
  public static final List<String> ORDER =
      List.of("EQUIPMENT", "MATERIALS", "TESTING", "TRAVEL", "OTHER", "LABOUR", "COOPERATION");

  private Budget() {}

  /** One category the applicant filled in: its code and amount (yuan, as entered). */
  public record Line(String category, String amount) implements Serializable {

    /** The category's label in {@code locale} (submission's bundle). */
    public String label(Locale locale) {
      return Messages.get(locale, "submission.budget." + category);
    }
  }

  /** The categories filled in ({@code budget} of {@link ApplicationForm}), in {@link #ORDER}. */
  public static List<Line> lines(Map<String, String> budget) {
    List<Line> out = new ArrayList<>();
    if (budget != null) {
      for (String c : ORDER) {
        String v = budget.get(c);
        if (v != null && !v.isBlank()) {
          out.add(new Line(c, v));
        }
      }
    }
    return out;
  }

  /** The sum of {@code lines}, or null when there is none. */
  public static Money total(List<Line> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    Money total = Money.ZERO;
    for (Line l : lines) {
      total = total.plus(Money.of(l.amount()));
    }
    return total;
  }
}
