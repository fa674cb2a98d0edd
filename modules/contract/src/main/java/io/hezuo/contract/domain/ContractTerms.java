package io.hezuo.contract.domain;

import io.hezuo.kernel.money.Money;
import java.io.Serializable;
import java.util.Objects;

/**
 * The terms of a contract (任务书) that a change request may change: the approved fiscal subsidy, the
 * implementation period, the partner in the aided region (B lines; null on other lines) and the PI.
 */
public record ContractTerms(Money approved, Period period, Party partner, Party pi)
    implements Serializable {

  public ContractTerms {
    Objects.requireNonNull(approved, "approved");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(pi, "pi");
  }

  /**
   * A party named in the contract: a reference the services resolve (a unit or account id, or an
   * ID-document key for a person) and the name as written in the contract.
   */
  public record Party(String ref, String name) implements Serializable {
    public Party {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(name, "name");
    }
  }

  ContractTerms withApproved(Money m) {
    return new ContractTerms(m, period, partner, pi);
  }

  ContractTerms withPeriod(Period p) {
    return new ContractTerms(approved, p, partner, pi);
  }

  ContractTerms withPartner(Party p) {
    return new ContractTerms(approved, period, p, pi);
  }

  ContractTerms withPi(Party p) {
    return new ContractTerms(approved, period, partner, p);
  }
}
