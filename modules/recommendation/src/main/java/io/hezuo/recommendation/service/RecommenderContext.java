package io.hezuo.recommendation.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.error.NotSignedInException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** Who the signed-in recommender is: its recommending unit, the current call, its area. */
@ApplicationScoped
class RecommenderContext {

  @Inject Caller caller;
  @Inject AccountDirectory accounts;
  @Inject CallCatalogue calls;

  /** The signed-in recommender's unit, call and applying units. */
  record Me(String username, OrganisationView unit, CallView call, Set<Long> area) {
    long id() {
      return unit.id();
    }
  }

  /**
   * The caller as a recommending unit (403 for any other role or a unit that may not recommend).
   */
  Me me() {
    caller.require(Role.RECOMMENDER);
    AccountView a =
        accounts
            .account(caller.name())
            .orElseThrow(() -> new NotSignedInException("no such account"));
    Long org = a.organisationId();
    if (org == null) {
      throw new AccessDeniedException("a recommender account without a recommending unit");
    }
    OrganisationView unit =
        recommenders().stream()
            .filter(o -> o.id() == org)
            .findFirst()
            .orElseThrow(() -> new AccessDeniedException("the account's unit may not recommend"));
    return new Me(caller.name(), unit, call(), Set.copyOf(accounts.unitsRecommendedBy(org)));
  }

  /** An applying unit's name, as the directory has it. */
  String unitName(long organisationId) {
    return accounts.organisation(organisationId).map(OrganisationView::name).orElse("");
  }

  List<OrganisationView> recommenders() {
    return accounts.recommendingUnits();
  }

  CallView call() {
    return calls.current().orElseThrow(() -> new NotFoundException("no published call"));
  }
}
