package io.hezuo.directory.service;

import io.hezuo.directory.api.AccountView;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The accounts read during one request, by user name: a page asks for the signed-in account from
 * several beans (the home page, the search's unit window, the caller's checks), and each read is
 * four statements. {@link AccountService} forgets an account it changes.
 */
@RequestScoped
class AccountViews {

  private final Map<String, Optional<AccountView>> read = new HashMap<>();

  Optional<AccountView> get(String username, Function<String, Optional<AccountView>> load) {
    Optional<AccountView> known = read.get(username);
    if (known == null) {
      known = load.apply(username);
      read.put(username, known);
    }
    return known;
  }

  void forget() {
    read.clear();
  }
}
