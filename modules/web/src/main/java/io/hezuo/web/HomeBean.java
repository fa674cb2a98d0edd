package io.hezuo.web;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backing bean of {@code app/home.xhtml}: who is signed in and the home of each of their roles. */
@Named("home")
@RequestScoped
public class HomeBean {

  static final List<String> ROLES =
      List.of(
          "APPLICANT",
          "UNIT_ADMIN",
          "RECOMMENDER",
          "FORMAL_REVIEWER",
          "EXPERT",
          "OFFICER",
          "FINANCE",
          "ADMIN");

  @Inject Caller caller;
  @Inject AccountDirectory accounts;

  private AccountView account;

  public AccountView getAccount() {
    if (account == null && caller.isSignedIn()) {
      account = accounts.account(caller.name()).orElse(null);
    }
    return account;
  }

  /** The caller's roles, in a fixed order. */
  public List<String> getRoles() {
    return ROLES.stream().filter(caller::hasRole).toList();
  }
}
