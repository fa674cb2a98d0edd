package io.hezuo.contract.api;

import io.hezuo.kernel.money.Money;
import java.io.Serializable;

/**
 * What the home page shows finance of the project funds: how many projects the caller sees, how
 * many of them have their next tranche due, and its sum.
 */
public interface FundsProgress {

  /** The caller's pending work on the funds (finance and officers; empty figures for others). */
  Pending pending();

  /** Projects seen, projects whose next tranche is due and the sum of those tranches. */
  record Pending(int projects, int due, Money dueAmount) implements Serializable {}
}
