package io.hezuo.contract.domain;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.time.Zones;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The officer's approval (立项) on one line: which projects are funded and with how much.
 *
 * <ul>
 *   <li>An approved subsidy has at most two decimals (F-MONEY), is more than 0 (A-POSITIVE), at
 *       most the subsidy the application asked for (A-REQUESTED) and at most the line's cap (G6).
 *   <li>The approved subsidies of a line's selection add up to at most the line's budget
 *       (A-BUDGET).
 *   <li>The list is finalised only after its public notice period has ended (A-NOTICE).
 * </ul>
 */
public final class Approval {

  private Approval() {}

  /** A line as approval sees it: its code, its cap per project and its budget for this call. */
  public record Line(String code, Money cap, Money budget) implements Serializable {
    public Line {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(cap, "cap");
      Objects.requireNonNull(budget, "budget");
    }
  }

  /**
   * One selected application: what it asked for and the subsidy the officer typed (not yet Money:
   * an over-precise amount is reported, not rounded).
   */
  public record Selected(long applicationId, Money requested, BigDecimal approved)
      implements Serializable {
    public Selected {
      Objects.requireNonNull(requested, "requested");
    }
  }

  /** The field of the {@code row}-th selection's approved subsidy: {@code selection_0_approved}. */
  public static String field(int row) {
    return "selection_" + row + "_approved";
  }

  /**
   * The rules for one approved subsidy (F-MONEY, A-POSITIVE, A-REQUESTED, G6), reported against
   * {@code field}.
   */
  public static List<RuleViolation> checkAmount(
      BigDecimal approved, Money requested, Money cap, String field) {
    List<RuleViolation> v = new ArrayList<>();
    if (approved == null) {
      v.add(RuleViolation.error("F-REQ", field, "contract.rule.required"));
      return v;
    }
    if (approved.stripTrailingZeros().scale() > 2) {
      v.add(
          RuleViolation.error(
              "F-MONEY", field, "contract.rule.money.precision", approved.toPlainString()));
      return v;
    }
    if (approved.signum() <= 0) {
      v.add(RuleViolation.error("A-POSITIVE", field, "contract.approval.positive"));
      return v;
    }
    Money amount = Money.of(approved);
    if (amount.isGreaterThan(requested)) {
      v.add(
          RuleViolation.error(
              "A-REQUESTED",
              field,
              "contract.approval.requested",
              requested.grouped(),
              requested.toWanString()));
    }
    if (amount.isGreaterThan(cap)) {
      v.add(
          RuleViolation.error(
              "G6", field, "contract.approval.cap", cap.grouped(), cap.toWanString()));
    }
    return v;
  }

  /**
   * The rules for a line's whole selection: each amount (fields {@link #field(int)}) and the total
   * against the line's budget (A-BUDGET, field {@code selectionTotal}, stating the total and the
   * budget in money). The total counts only the amounts that are themselves valid.
   */
  public static List<RuleViolation> checkSelection(Line line, List<Selected> selection) {
    List<RuleViolation> v = new ArrayList<>();
    Money total = Money.ZERO;
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < selection.size(); i++) {
      Selected s = selection.get(i);
      if (!seen.add(s.applicationId())) {
        v.add(
            RuleViolation.error(
                "A-DUPLICATE", field(i), "contract.approval.duplicate", s.applicationId()));
        continue;
      }
      List<RuleViolation> own = checkAmount(s.approved(), s.requested(), line.cap(), field(i));
      v.addAll(own);
      if (s.approved() != null && s.approved().stripTrailingZeros().scale() <= 2) {
        // an amount above the request or the cap still counts against the budget as typed
        Money m = Money.of(s.approved());
        if (!m.isNegative()) {
          total = total.plus(m);
        }
      }
    }
    if (total.isGreaterThan(line.budget())) {
      Money over = total.minus(line.budget());
      v.add(
          RuleViolation.error(
              "A-BUDGET",
              "selectionTotal",
              "contract.approval.budget",
              total.grouped(),
              line.budget().grouped(),
              line.budget().toWanString(),
              over.grouped()));
    }
    return v;
  }

  /** What is left of the line's budget after the selection (negative when it is over). */
  public static Money remainingBudget(Line line, List<Money> approved) {
    Money total = approved.stream().reduce(Money.ZERO, Money::plus);
    return line.budget().minus(total);
  }

  /**
   * A-NOTICE: the published list may be finalised only once its public notice period has ended
   * ({@code now} at or after {@code noticeEndsAt}). Empty when it may.
   */
  public static List<RuleViolation> checkFinalise(Instant noticeEndsAt, Instant now) {
    if (now.isBefore(noticeEndsAt)) {
      return List.of(
          RuleViolation.error(
              "A-NOTICE", null, "contract.approval.noticeRunning", Zones.format(noticeEndsAt)));
    }
    return List.of();
  }
}
