package io.hezuo.contract.domain;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request to change a contract in force (amount, period, partner or PI), decided by the officer.
 * It keeps the old and the new value; it goes PENDING → APPROVED or PENDING → REJECTED (with a
 * reason), never back (F-STATE). Immutable: {@link #approve} and {@link #reject} answer the decided
 * request. Applying an approved one is {@link TermsHistory#apply}.
 */
public record ChangeRequest(
    String number,
    Change change,
    String justification,
    String requestedBy,
    Instant requestedAt,
    State state,
    String decidedBy,
    Instant decidedAt,
    String rejectionReason)
    implements Serializable {

  /** A reason or justification longer than this is refused (F-LEN). */
  public static final int MAX_TEXT = 2000;

  /** What may be changed. */
  public enum Kind {
    AMOUNT,
    PERIOD,
    PARTNER,
    PI
  }

  /** Where a request stands. */
  public enum State {
    PENDING,
    APPROVED,
    REJECTED;

    public boolean canMoveTo(State next) {
      return this == PENDING && (next == APPROVED || next == REJECTED);
    }
  }

  /** The change asked for: its kind with the old and the new value, typed. */
  public sealed interface Change extends Serializable
      permits AmountChange, PeriodChange, PartnerChange, PiChange {
    Kind kind();

    /** The old value, as the terms held it when the request was made. */
    Object from();

    /** The new value. */
    Object to();
  }

  public record AmountChange(Money from, Money to) implements Change {
    public AmountChange {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public Kind kind() {
      return Kind.AMOUNT;
    }
  }

  public record PeriodChange(Period from, Period to) implements Change {
    public PeriodChange {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public Kind kind() {
      return Kind.PERIOD;
    }
  }

  /** The partner in the aided region; {@code from} is null when the contract named none. */
  public record PartnerChange(ContractTerms.Party from, ContractTerms.Party to) implements Change {
    public PartnerChange {
      Objects.requireNonNull(to, "to");
    }

    @Override
    public Kind kind() {
      return Kind.PARTNER;
    }
  }

  public record PiChange(ContractTerms.Party from, ContractTerms.Party to) implements Change {
    public PiChange {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public Kind kind() {
      return Kind.PI;
    }
  }

  public ChangeRequest {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(state, "state");
  }

  public Kind kind() {
    return change.kind();
  }

  /**
   * A new pending request against the current terms, or why not: the old value is the one the terms
   * hold (F-STALE), the new value differs from it (F-SAME), a justification is given (F-REQ,
   * F-LEN).
   */
  public static Outcome<ChangeRequest> request(
      String number,
      ContractTerms current,
      Change change,
      String justification,
      String requestedBy,
      Instant requestedAt) {
    List<RuleViolation> v = new ArrayList<>();
    if (!Objects.equals(currentValue(current, change.kind()), change.from())) {
      v.add(
          RuleViolation.error(
              "F-STALE", field(change.kind()), "contract.change.stale", change.kind().name()));
    }
    if (Objects.equals(change.from(), change.to())) {
      v.add(RuleViolation.error("F-SAME", field(change.kind()), "contract.change.same"));
    }
    String j = text(justification, "justification", v);
    return Outcome.of(
        v,
        () ->
            new ChangeRequest(
                number, change, j, requestedBy, requestedAt, State.PENDING, null, null, null));
  }

  /**
   * G6: a new period lasts at most {@code maxMonths} months, counted as the submission counts them
   * (the calendar months it touches); nothing when the line sets no maximum.
   */
  public static List<RuleViolation> checkDuration(Period period, Integer maxMonths) {
    if (maxMonths != null && period.monthsTouched() > maxMonths) {
      return List.of(
          RuleViolation.error(
              "G6", "period", "contract.change.duration", maxMonths, period.monthsTouched()));
    }
    return List.of();
  }

  /** The officer approves a pending request. */
  public Outcome<ChangeRequest> approve(String by, Instant at) {
    List<RuleViolation> v = new ArrayList<>();
    transition(State.APPROVED, v);
    return Outcome.of(
        v,
        () ->
            new ChangeRequest(
                number,
                change,
                justification,
                requestedBy,
                requestedAt,
                State.APPROVED,
                by,
                at,
                null));
  }

  /** The officer rejects a pending request, with a reason (F-REQ). */
  public Outcome<ChangeRequest> reject(String by, Instant at, String reason) {
    List<RuleViolation> v = new ArrayList<>();
    transition(State.REJECTED, v);
    String r = text(reason, "rejectionReason", v);
    return Outcome.of(
        v,
        () ->
            new ChangeRequest(
                number,
                change,
                justification,
                requestedBy,
                requestedAt,
                State.REJECTED,
                by,
                at,
                r));
  }

  private void transition(State next, List<RuleViolation> v) {
    if (!state.canMoveTo(next)) {
      v.add(
          RuleViolation.error(
              "F-STATE", null, "contract.change.decided", state.name(), next.name()));
    }
  }

  /** The value of {@code kind} in {@code terms}. */
  static Object currentValue(ContractTerms terms, Kind kind) {
    return switch (kind) {
      case AMOUNT -> terms.approved();
      case PERIOD -> terms.period();
      case PARTNER -> terms.partner();
      case PI -> terms.pi();
    };
  }

  /** The form field a change of {@code kind} concerns. */
  static String field(Kind kind) {
    return switch (kind) {
      case AMOUNT -> "approved";
      case PERIOD -> "period";
      case PARTNER -> "partner";
      case PI -> "pi";
    };
  }

  private static String text(String text, String field, List<RuleViolation> v) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      v.add(RuleViolation.error("F-REQ", field, "contract.rule.required"));
      return null;
    }
    if (t.length() > MAX_TEXT) {
      v.add(RuleViolation.error("F-LEN", field, "contract.rule.length", MAX_TEXT));
      return null;
    }
    return t;
  }
}
