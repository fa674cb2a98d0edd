package io.hezuo.contract.domain;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The funds of one project: its approved fiscal subsidy, the disbursements finance made to the lead
 * unit and, on counterpart (B) lines, the lead unit's transfers to its partner in the aided region.
 * Immutable: every operation answers a new ledger or the violations that refused it, and a refused
 * operation leaves the ledger as it was.
 *
 * <p>All figures are computed from the entries (no running totals that could drift):
 *
 * <ul>
 *   <li>approved = the initial approved subsidy, or the last approved change of it;
 *   <li>disbursed = the sum of the disbursements; transferred = the sum of the transfers;
 *   <li>balance = disbursed − transferred (what the lead unit holds).
 * </ul>
 *
 * <p>Invariants, checked on every operation:
 *
 * <ul>
 *   <li>F-MONEY: amounts are more than 0 with at most two decimals; F-REQ: date, voucher, recipient
 *       are given; C-PERIOD: disbursement and transfer dates lie within the contract period;
 *       C-VOUCHER: a voucher number is recorded once per kind;
 *   <li>C-DISBURSE: disbursed ≤ approved (the message states what may still be disbursed);
 *   <li>G5: transferred ≤ {@code maxTransferPercent} % (50 %) of approved, exactly (50.00 % is
 *       accepted, 50.01 % is not), and transferred ≤ disbursed, both in total and on every day of
 *       the timeline (a transfer may not be dated before the money it passes on arrived); the
 *       message states the limit in money. A line without transfers refuses every transfer (G5);
 *   <li>a change of the approved amount never goes below what is disbursed (C-DISBURSE) nor below
 *       what keeps the transfers within their share (G5: 2 × transferred at 50 %).
 * </ul>
 */
public final class Ledger implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A voucher number or recipient longer than this is refused (F-LEN). */
  public static final int MAX_VOUCHER = 64;

  public static final int MAX_RECIPIENT = 200;

  /** One recorded event of the ledger; entries are kept in the order they were recorded. */
  public sealed interface Entry extends Serializable
      permits Disbursement, Transfer, ApprovedChange {
    LocalDate date();
  }

  /** Finance paid {@code amount} to the lead unit on {@code date} (voucher number). */
  public record Disbursement(LocalDate date, Money amount, String voucherNo) implements Entry {
    public Disbursement {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(voucherNo, "voucherNo");
    }
  }

  /** The lead unit passed {@code amount} on to its partner in the aided region (bank voucher). */
  public record Transfer(LocalDate date, Money amount, String recipient, String voucherNo)
      implements Entry {
    public Transfer {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(recipient, "recipient");
      Objects.requireNonNull(voucherNo, "voucherNo");
    }
  }

  /**
   * The approved subsidy changed from {@code from} to {@code to} on {@code date} by an approved
   * change request ({@code reference}, e.g. its number).
   */
  public record ApprovedChange(LocalDate date, Money from, Money to, String reference)
      implements Entry {
    public ApprovedChange {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  private final Period period;
  private final Money initialApproved;
  private final BigDecimal maxTransferPercent;
  private final List<Entry> entries;

  private Ledger(
      Period period, Money initialApproved, BigDecimal maxTransferPercent, List<Entry> entries) {
    this.period = period;
    this.initialApproved = initialApproved;
    this.maxTransferPercent = maxTransferPercent;
    this.entries = List.copyOf(entries);
  }

  /**
   * An empty ledger for a contract.
   *
   * @param period the contract's implementation period
   * @param approved the approved fiscal subsidy (more than 0)
   * @param maxTransferPercent the share of the subsidy that may go to the partner (50 on B lines,
   *     from the line's data), or null when the line has no transfers
   */
  public static Ledger open(Period period, Money approved, BigDecimal maxTransferPercent) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(approved, "approved");
    if (approved.amount().signum() <= 0) {
      throw new IllegalArgumentException("approved subsidy must be more than 0: " + approved);
    }
    if (maxTransferPercent != null
        && (maxTransferPercent.signum() < 0 || maxTransferPercent.compareTo(Amounts.HUNDRED) > 0)) {
      throw new IllegalArgumentException("transfer share out of 0..100: " + maxTransferPercent);
    }
    return new Ledger(period, approved, maxTransferPercent, List.of());
  }

  /**
   * A ledger rebuilt from stored entries, each checked as if it were recorded now, in order (so a
   * store that was changed behind the ledger's back is noticed, not trusted).
   */
  public static Outcome<Ledger> replay(
      Period period, Money approved, BigDecimal maxTransferPercent, List<Entry> entries) {
    Ledger l = open(period, approved, maxTransferPercent);
    for (Entry e : entries) {
      Outcome<Ledger> next;
      if (e instanceof Disbursement d) {
        next = l.disburse(d.date(), d.amount().amount(), d.voucherNo());
      } else if (e instanceof Transfer t) {
        next = l.transfer(t.date(), t.amount().amount(), t.recipient(), t.voucherNo());
      } else {
        ApprovedChange c = (ApprovedChange) e;
        next =
            c.from().equals(l.approved())
                ? l.changeApproved(c.date(), c.to().amount(), c.reference())
                : Outcome.refused(
                    List.of(
                        RuleViolation.error(
                            "F-STALE",
                            "approved",
                            "contract.ledger.changeStale",
                            c.from().grouped(),
                            l.approved().grouped())));
      }
      if (!next.isOk()) {
        return next;
      }
      l = next.value();
    }
    return Outcome.ok(l);
  }

  // ---- figures, all computed from the entries

  public Period period() {
    return period;
  }

  public BigDecimal maxTransferPercent() {
    return maxTransferPercent;
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<Disbursement> disbursements() {
    return entries.stream()
        .filter(Disbursement.class::isInstance)
        .map(Disbursement.class::cast)
        .toList();
  }

  public List<Transfer> transfers() {
    return entries.stream().filter(Transfer.class::isInstance).map(Transfer.class::cast).toList();
  }

  /** The approved subsidy first granted, before any change request. */
  public Money initialApproved() {
    return initialApproved;
  }

  /** The approved subsidy now: the last approved change, or the initial one. */
  public Money approved() {
    Money a = initialApproved;
    for (Entry e : entries) {
      if (e instanceof ApprovedChange c) {
        a = c.to();
      }
    }
    return a;
  }

  public Money disbursed() {
    return sum(disbursements().stream().map(Disbursement::amount).toList());
  }

  public Money transferred() {
    return sum(transfers().stream().map(Transfer::amount).toList());
  }

  /** What the lead unit holds: disbursed − transferred. */
  public Money balance() {
    return disbursed().minus(transferred());
  }

  /** What finance may still disburse: approved − disbursed. */
  public Money remainingToDisburse() {
    return approved().minus(disbursed());
  }

  /** Whether the line lets the lead unit transfer to a partner at all. */
  public boolean allowsTransfers() {
    return maxTransferPercent != null && maxTransferPercent.signum() > 0;
  }

  /**
   * The most that may be transferred in total under the share: {@code maxTransferPercent} % of
   * approved, rounded down to the fen (zero on a line without transfers).
   */
  public Money transferCap() {
    return allowsTransfers() ? Amounts.percentOfDown(maxTransferPercent, approved()) : Money.ZERO;
  }

  /** What may still be transferred now: min(share cap, disbursed) − transferred, at least 0. */
  public Money transferAvailable() {
    Money room = Amounts.min(transferCap(), disbursed()).minus(transferred());
    return room.isNegative() ? Money.ZERO : room;
  }

  // ---- operations

  /** Records a disbursement to the lead unit, or says why not. */
  public Outcome<Ledger> disburse(LocalDate date, BigDecimal amount, String voucherNo) {
    List<RuleViolation> v = new ArrayList<>();
    date(date, "disbursementDate", v);
    Money m = Amounts.positive(amount, "disbursementAmount", v);
    String voucher =
        text(voucherNo, "disbursementVoucher", MAX_VOUCHER, v, Disbursement.class::isInstance);
    if (m != null) {
      Money remaining = remainingToDisburse();
      if (m.isGreaterThan(remaining)) {
        Money approved = approved();
        v.add(
            RuleViolation.error(
                "C-DISBURSE",
                "disbursementAmount",
                "contract.ledger.disburseOver",
                approved.grouped(),
                approved.toWanString(),
                disbursed().grouped(),
                remaining.grouped(),
                remaining.toWanString()));
      }
    }
    return Outcome.of(v, () -> with(new Disbursement(date, m, voucher)));
  }

  /** Records a transfer to the partner in the aided region, or says why not (G5 and the rest). */
  public Outcome<Ledger> transfer(
      LocalDate date, BigDecimal amount, String recipient, String voucherNo) {
    List<RuleViolation> v = new ArrayList<>();
    if (!allowsTransfers()) {
      v.add(RuleViolation.error("G5", null, "contract.ledger.noTransfers"));
      return Outcome.refused(v);
    }
    date(date, "transferDate", v);
    Money m = Amounts.positive(amount, "transferAmount", v);
    String who = text(recipient, "transferRecipient", MAX_RECIPIENT, v, e -> false);
    String voucher = text(voucherNo, "transferVoucher", MAX_VOUCHER, v, Transfer.class::isInstance);
    if (m != null) {
      Money approved = approved();
      Money total = transferred().plus(m);
      if (!total.isAtMostPercentOf(maxTransferPercent, approved)) {
        Money cap = transferCap();
        Money room = cap.minus(transferred());
        v.add(
            RuleViolation.error(
                "G5",
                "transferAmount",
                "contract.ledger.transferShare",
                Amounts.percent(maxTransferPercent),
                cap.grouped(),
                cap.toWanString(),
                transferred().grouped(),
                (room.isNegative() ? Money.ZERO : room).grouped()));
      } else if (total.isGreaterThan(disbursed())) {
        Money room = disbursed().minus(transferred());
        v.add(
            RuleViolation.error(
                "G5",
                "transferAmount",
                "contract.ledger.transferDisbursed",
                disbursed().grouped(),
                disbursed().toWanString(),
                transferred().grouped(),
                (room.isNegative() ? Money.ZERO : room).grouped()));
      } else if (date != null && period.contains(date)) {
        LocalDate uncovered = firstUncoveredDay(with(new Transfer(date, m, "?", "?")));
        if (uncovered != null) {
          Money by = disbursedBy(uncovered);
          v.add(
              RuleViolation.error(
                  "G5",
                  "transferDate",
                  "contract.ledger.transferEarly",
                  uncovered.toString(),
                  by.grouped(),
                  by.toWanString()));
        }
      }
    }
    return Outcome.of(v, () -> with(new Transfer(date, m, who, voucher)));
  }

  /**
   * The rules a new approved subsidy must meet, as violations against the field {@code approved}:
   * F-MONEY; not below what is disbursed (C-DISBURSE); not below what keeps the transfers within
   * their share (G5). The line's cap (G6) is {@link Approval#checkAmount}'s, not the ledger's.
   */
  public List<RuleViolation> checkApprovedChange(BigDecimal newApproved) {
    List<RuleViolation> v = new ArrayList<>();
    Money m = Amounts.positive(newApproved, "approved", v);
    if (m == null) {
      return v;
    }
    Money disbursed = disbursed();
    if (m.compareTo(disbursed) < 0) {
      v.add(
          RuleViolation.error(
              "C-DISBURSE",
              "approved",
              "contract.ledger.approvedBelowDisbursed",
              disbursed.grouped(),
              disbursed.toWanString()));
    }
    Money transferred = transferred();
    if (transferred.amount().signum() > 0
        && !transferred.isAtMostPercentOf(maxTransferPercent, m)) {
      Money least = Amounts.leastBaseFor(transferred, maxTransferPercent);
      v.add(
          RuleViolation.error(
              "G5",
              "approved",
              "contract.ledger.approvedBelowTransfers",
              transferred.grouped(),
              Amounts.percent(maxTransferPercent),
              least.grouped(),
              least.toWanString()));
    }
    return v;
  }

  /** Changes the approved subsidy (an approved change request), or says why not. */
  public Outcome<Ledger> changeApproved(LocalDate date, BigDecimal newApproved, String reference) {
    List<RuleViolation> v = new ArrayList<>();
    if (date == null) {
      v.add(RuleViolation.error("F-REQ", "changeDate", "contract.rule.required"));
    }
    v.addAll(checkApprovedChange(newApproved));
    return Outcome.of(
        v, () -> with(new ApprovedChange(date, approved(), Money.of(newApproved), reference)));
  }

  /**
   * The ledger under a changed contract period (an approved change request), or why not: every
   * disbursement and transfer already recorded must lie within the new period (C-PERIOD).
   */
  public Outcome<Ledger> changePeriod(Period newPeriod) {
    Objects.requireNonNull(newPeriod, "newPeriod");
    List<RuleViolation> v = new ArrayList<>();
    for (Entry e : entries) {
      if (!(e instanceof ApprovedChange) && !newPeriod.contains(e.date())) {
        v.add(
            RuleViolation.error(
                "C-PERIOD",
                "period",
                "contract.ledger.periodExcludes",
                e.date().toString(),
                newPeriod.from().toString(),
                newPeriod.to().toString()));
        break;
      }
    }
    return Outcome.of(v, () -> new Ledger(newPeriod, initialApproved, maxTransferPercent, entries));
  }

  // ---- helpers

  private Ledger with(Entry e) {
    List<Entry> next = new ArrayList<>(entries);
    next.add(e);
    return new Ledger(period, initialApproved, maxTransferPercent, next);
  }

  private void date(LocalDate date, String field, List<RuleViolation> v) {
    if (date == null) {
      v.add(RuleViolation.error("F-REQ", field, "contract.rule.required"));
    } else if (!period.contains(date)) {
      v.add(
          RuleViolation.error(
              "C-PERIOD",
              field,
              "contract.ledger.outsidePeriod",
              date.toString(),
              period.from().toString(),
              period.to().toString()));
    }
  }

  /** A required text, trimmed, within its length, and (for vouchers) not yet recorded. */
  private String text(
      String text, String field, int max, List<RuleViolation> v, Predicate<Entry> sameKind) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", field, "contract.rule.required"));
      return null;
    }
    if (t.length() > max) {
      v.add(RuleViolation.error("F-LEN", field, "contract.rule.length", max));
      return null;
    }
    for (Entry e : entries) {
      if (sameKind.test(e) && t.equals(voucherOf(e))) {
        v.add(RuleViolation.error("C-VOUCHER", field, "contract.ledger.voucherTaken", t));
        return null;
      }
    }
    return t;
  }

  private static String voucherOf(Entry e) {
    if (e instanceof Disbursement d) {
      return d.voucherNo();
    }
    return e instanceof Transfer t ? t.voucherNo() : null;
  }

  /**
   * The first day on which the transfers made by then exceed the disbursements made by then, or
   * null when there is none.
   */
  private static LocalDate firstUncoveredDay(Ledger l) {
    List<Entry> dated = new ArrayList<>(l.entries);
    dated.removeIf(ApprovedChange.class::isInstance);
    dated.sort(Comparator.comparing(Entry::date));
    Money in = Money.ZERO;
    Money out = Money.ZERO;
    for (int i = 0; i < dated.size(); i++) {
      Entry e = dated.get(i);
      if (e instanceof Disbursement d) {
        in = in.plus(d.amount());
      } else if (e instanceof Transfer t) {
        out = out.plus(t.amount());
      }
      boolean lastOfDay = i == dated.size() - 1 || !dated.get(i + 1).date().equals(e.date());
      if (lastOfDay && out.isGreaterThan(in)) {
        return e.date();
      }
    }
    return null;
  }

  /** What was disbursed on or before {@code day}. */
  public Money disbursedBy(LocalDate day) {
    return sum(
        disbursements().stream()
            .filter(d -> !d.date().isAfter(day))
            .map(Disbursement::amount)
            .toList());
  }

  private static Money sum(List<Money> amounts) {
    return amounts.stream().reduce(Money.ZERO, Money::plus);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ledger l
        && period.equals(l.period)
        && initialApproved.equals(l.initialApproved)
        && Objects.equals(maxTransferPercent, l.maxTransferPercent)
        && entries.equals(l.entries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(period, initialApproved, maxTransferPercent, entries);
  }

  @Override
  public String toString() {
    return "Ledger[approved="
        + approved()
        + ", disbursed="
        + disbursed()
        + ", transferred="
        + transferred()
        + ", entries="
        + entries.size()
        + "]";
  }
}
