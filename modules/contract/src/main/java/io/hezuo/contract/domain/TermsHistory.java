package io.hezuo.contract.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A contract's terms through time: the terms as signed and the approved change requests applied to
 * them, in order. The current terms are computed from that history, which is never rewritten:
 * applying a change appends it.
 */
public final class TermsHistory implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The terms as they stood after each applied change (the first is the signed terms). */
  public record Version(ContractTerms terms, ChangeRequest change) implements Serializable {}

  private final ContractTerms signed;
  private final List<ChangeRequest> applied;

  private TermsHistory(ContractTerms signed, List<ChangeRequest> applied) {
    this.signed = Objects.requireNonNull(signed, "signed");
    this.applied = List.copyOf(applied);
  }

  /** The history of a contract as signed, without changes. */
  public static TermsHistory of(ContractTerms signed) {
    return new TermsHistory(signed, List.of());
  }

  public ContractTerms signed() {
    return signed;
  }

  /** The applied change requests, oldest first. */
  public List<ChangeRequest> applied() {
    return applied;
  }

  /** The terms in force now: the signed terms with every applied change. */
  public ContractTerms current() {
    ContractTerms t = signed;
    for (ChangeRequest c : applied) {
      t = applyTo(t, c.change());
    }
    return t;
  }

  /** Each version of the terms, the signed one first (its change is null). */
  public List<Version> versions() {
    List<Version> out = new ArrayList<>();
    ContractTerms t = signed;
    out.add(new Version(t, null));
    for (ChangeRequest c : applied) {
      t = applyTo(t, c.change());
      out.add(new Version(t, c));
    }
    return out;
  }

  /**
   * The history with an approved change request applied, or why not: the request is APPROVED
   * (F-STATE) and not applied yet (F-STATE), and its old value is still the current one (F-STALE:
   * another change came first). The ledger's own checks of an amount or period change ({@link
   * Ledger#changeApproved}, {@link Ledger#changePeriod}) are the caller's, in the same transaction.
   */
  public Outcome<TermsHistory> apply(ChangeRequest request) {
    List<RuleViolation> v = new ArrayList<>();
    if (request.state() != ChangeRequest.State.APPROVED) {
      v.add(
          RuleViolation.error(
              "F-STATE", null, "contract.change.notApproved", request.state().name()));
    } else if (request.number() != null
        && applied.stream().anyMatch(c -> request.number().equals(c.number()))) {
      v.add(RuleViolation.error("F-STATE", null, "contract.change.applied", request.number()));
    } else {
      ContractTerms now = current();
      Object value = ChangeRequest.currentValue(now, request.kind());
      if (!Objects.equals(value, request.change().from())) {
        v.add(
            RuleViolation.error(
                "F-STALE",
                ChangeRequest.field(request.kind()),
                "contract.change.stale",
                request.kind().name()));
      }
    }
    return Outcome.of(
        v,
        () -> {
          List<ChangeRequest> next = new ArrayList<>(applied);
          next.add(request);
          return new TermsHistory(signed, next);
        });
  }

  private static ContractTerms applyTo(ContractTerms t, ChangeRequest.Change c) {
    if (c instanceof ChangeRequest.AmountChange a) {
      return t.withApproved(a.to());
    }
    if (c instanceof ChangeRequest.PeriodChange p) {
      return t.withPeriod(p.to());
    }
    if (c instanceof ChangeRequest.PartnerChange p) {
      return t.withPartner(p.to());
    }
    return t.withPi(((ChangeRequest.PiChange) c).to());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TermsHistory h && signed.equals(h.signed) && applied.equals(h.applied);
  }

  @Override
  public int hashCode() {
    return Objects.hash(signed, applied);
  }
}
