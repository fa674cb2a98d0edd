package io.hezuo.contract.api;

import io.hezuo.kernel.money.Money;
import java.io.Serializable;

/**
 * What the home pages show of the approved projects: to finance, how many projects the caller sees,
 * how many of them have their next tranche due, and its sum; to the PI and the officer, the years
 * on site ending short of the days required.
 */
public interface FundsProgress {

  /** The caller's pending work on the funds (finance and officers; empty figures for others). */
  Pending pending();

  /**
   * The warnings of the caller's projects (a PI's own, an officer's all) whose year on site in the
   * aided region is ending below the days required, or ended so (G5), each naming its project.
   */
  java.util.List<String> onsiteWarnings(java.util.Locale locale);

  /** Projects seen, projects whose next tranche is due and the sum of those tranches. */
  record Pending(int projects, int due, Money dueAmount) implements Serializable {}
}
