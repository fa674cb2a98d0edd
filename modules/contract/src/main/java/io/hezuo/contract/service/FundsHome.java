package io.hezuo.contract.service;

import io.hezuo.contract.api.FundsProgress;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The finance home page's figures, read through {@link Ledgers} with the caller's scope. */
@ApplicationScoped
public class FundsHome implements FundsProgress {

  @Inject Ledgers ledgers;
  @Inject Caller caller;
  @Inject Obligations obligations;

  @Override
  public List<String> onsiteWarnings(java.util.Locale locale) {
    return obligations.onsiteWarnings(locale);
  }

  @Override
  public Pending pending() {
    if (!caller.hasAnyRole(Role.FINANCE, Role.OFFICER)) {
      return new Pending(0, 0, Money.ZERO);
    }
    List<Ledgers.ProjectRow> all = ledgers.matching(Ledgers.Search.ALL);
    Money due = Money.ZERO;
    int n = 0;
    for (Ledgers.ProjectRow r : all) {
      if (r.nextTrancheDue()) {
        n++;
        due = due.plus(r.nextTrancheAmount());
      }
    }
    return new Pending(all.size(), n, due);
  }
}
