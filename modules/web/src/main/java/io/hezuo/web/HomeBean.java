package io.hezuo.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationCount;
import io.hezuo.submission.api.ApplicationRow;
import io.hezuo.submission.service.ApplicationSearch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backing bean of {@code app/home.xhtml}: who is signed in and, for each of their roles, the work
 * waiting with counts and a link to the next step: the PI's drafts and returned applications and
 * the submission window of the PI's unit; the unit's applications to confirm and registrations to
 * decide; for officers and formal reviewers the call's applications per line and status. Read once
 * per request in {@link #load()}; the getters only return fields.
 */
@Named("home")
@RequestScoped
public class HomeBean {

  static final List<Role> ROLES =
      List.of(
          Role.APPLICANT,
          Role.UNIT_ADMIN,
          Role.RECOMMENDER,
          Role.FORMAL_REVIEWER,
          Role.EXPERT,
          Role.OFFICER,
          Role.FINANCE,
          Role.ADMIN);

  /** The statuses an officer's table counts, in the order of an application's life. */
  static final List<String> STATUSES = List.of("SUBMITTED", "CONFIRMED", "RETURNED", "WITHDRAWN");

  @Inject Caller caller;
  @Inject AccountDirectory accounts;
  @Inject ApplicationSearch search;
  @Inject CallCatalogue calls;
  @Inject io.hezuo.recommendation.api.RecommendationProgress recommendation;
  @Inject io.hezuo.web.i18n.LocaleBean localeBean;
  @Inject io.hezuo.directory.api.UnitDirectory units;
  @Inject io.hezuo.formalreview.api.FormalReviewProgress formalReview;
  @Inject io.hezuo.scoring.api.ScoringProgress scoring;
  @Inject io.hezuo.contract.api.FundsProgress funds;
  @Inject io.hezuo.contract.api.ContractWork contractWork;
  @Inject io.hezuo.contract.api.ApprovalProgress approval;

  private AccountView account;
  private List<String> roles = List.of();

  // the PI
  private List<ApplicationRow> toEdit = List.of();
  private long mySubmitted;
  private int myTotal;
  private String window;
  private boolean windowOpen;

  // the unit admin
  private long toConfirm;
  private int registrations;

  // officers and formal reviewers
  private final List<CountRow> counts = new ArrayList<>();
  private CountRow totals;

  // the recommending unit and the Department's recommendation progress
  private io.hezuo.recommendation.api.RoundView round;
  private String roundDeadline;
  private io.hezuo.recommendation.api.RecommendationProgress.Overall progress;
  private long unitsWithoutRecommender;
  private io.hezuo.formalreview.api.FormalReviewProgress.Pending formalPending;
  private io.hezuo.scoring.api.ScoringProgress.Pending scoringPending;
  private long approvalPending;

  // finance
  private io.hezuo.contract.api.FundsProgress.Pending fundsPending;
  private List<String> onsiteWarnings = List.of();

  // the lead unit's contracts
  private io.hezuo.contract.api.ContractWork.Waiting contractsWaiting;
  private io.hezuo.contract.api.ContractWork.OfficerWaiting officerContracts;

  // the expert
  private io.hezuo.scoring.api.ExpertPending expertPending;
  private String expertDeadline;

  /** One line of the officer's table: the line, its count per status and in all. */
  public record CountRow(
      String lineCode, String lineName, Map<String, Long> byStatus, long total) {}

  /** Reads everything the page shows, once. */
  public void load() {
    if (!caller.isSignedIn()) {
      return;
    }
    account = accounts.account(caller.name()).orElse(null);
    roles = ROLES.stream().filter(caller::hasRole).map(Role::name).toList();
    Locale locale = locale();
    if (caller.hasRole(Role.FINANCE)) {
      fundsPending = funds.pending();
    }
    if (caller.hasAnyRole(Role.APPLICANT, Role.OFFICER)) {
      onsiteWarnings = funds.onsiteWarnings(locale);
    }
    if (caller.hasRole(Role.APPLICANT)) {
      List<ApplicationRow> mine = search.mine();
      myTotal = mine.size();
      toEdit =
          mine.stream()
              .filter(r -> r.status().equals("DRAFT") || r.status().equals("RETURNED"))
              .toList();
      mySubmitted =
          mine.stream()
              .filter(r -> r.status().equals("SUBMITTED") || r.status().equals("CONFIRMED"))
              .count();
      ApplicationSearch.Window w = search.windowOfMyUnit().orElse(null);
      if (w != null) {
        window = window(w, locale);
        windowOpen = w.open();
      }
    }
    if (caller.hasRole(Role.UNIT_ADMIN)) {
      toConfirm =
          search.counts(null).stream()
              .filter(c -> c.status().equals("SUBMITTED"))
              .mapToLong(ApplicationCount::count)
              .sum();
      registrations = accounts.pendingRegistrations().size();
      contractsWaiting = contractWork.waiting();
    }
    if (caller.hasRole(Role.RECOMMENDER)) {
      try {
        round = recommendation.myRound();
        roundDeadline = Zones.format(round.closesAt());
      } catch (io.hezuo.kernel.error.HezuoException e) {
        round = null; // an account whose unit may not recommend: nothing to show
      }
    }
    if (caller.hasRole(Role.OFFICER)) {
      progress = recommendation.overall();
      unitsWithoutRecommender = units.withoutRecommender();
      scoringPending = scoring.pending();
      approvalPending = approval.pendingLines();
      officerContracts = contractWork.officerWaiting();
    }
    if (caller.hasRole(Role.EXPERT)) {
      expertPending = scoring.expertPending();
      expertDeadline =
          expertPending.closesAt() == null ? null : Zones.format(expertPending.closesAt());
    }
    if (caller.hasRole(Role.OFFICER) || caller.hasRole(Role.FORMAL_REVIEWER)) {
      formalPending = formalReview.pending();
      countTable(locale);
    }
  }

  private void countTable(Locale locale) {
    List<ApplicationCount> found = search.counts(null);
    CallView call = calls.current().orElse(null);
    List<String[]> lines = new ArrayList<>();
    if (call != null) {
      for (LineView l : call.lines()) {
        lines.add(new String[] {l.code(), l.name().in(locale)});
      }
    }
    for (ApplicationCount c : found) {
      if (lines.stream().noneMatch(l -> l[0].equals(c.lineCode()))) {
        lines.add(new String[] {c.lineCode(), ""});
      }
    }
    Map<String, Long> all = new LinkedHashMap<>();
    STATUSES.forEach(s -> all.put(s, 0L));
    long grand = 0;
    for (String[] l : lines) {
      Map<String, Long> by = new LinkedHashMap<>();
      STATUSES.forEach(s -> by.put(s, 0L));
      long total = 0;
      for (ApplicationCount c : found) {
        if (c.lineCode().equals(l[0])) {
          by.merge(c.status(), c.count(), Long::sum);
          all.merge(c.status(), c.count(), Long::sum);
          total += c.count();
        }
      }
      grand += total;
      counts.add(new CountRow(l[0], l[1], by, total));
    }
    totals = new CountRow(null, null, all, grand);
  }

  /** The PI's window in words: open until …, extended for the unit until …, or closed since …. */
  static String window(ApplicationSearch.Window w, Locale locale) {
    if (w.notYetOpen()) {
      return Messages.get(locale, "web.home.window.notYet", Zones.format(w.opensAt()));
    }
    if (w.open()) {
      return w.extended()
          ? Messages.get(
              locale,
              "web.home.window.extended",
              Zones.format(w.closesAt()),
              Zones.format(w.callClosesAt()))
          : Messages.get(locale, "web.home.window.open", Zones.format(w.closesAt()));
    }
    return Messages.get(locale, "web.home.window.closed", Zones.format(w.closesAt()));
  }

  private Locale locale() {
    return Messages.normalise(localeBean.getLocale());
  }

  public AccountView getAccount() {
    return account;
  }

  /** The caller's roles, in a fixed order. */
  public List<String> getRoles() {
    return roles;
  }

  public List<ApplicationRow> getToEdit() {
    return toEdit;
  }

  public long getMySubmitted() {
    return mySubmitted;
  }

  public int getMyTotal() {
    return myTotal;
  }

  public String getWindow() {
    return window;
  }

  public boolean isWindowOpen() {
    return windowOpen;
  }

  public io.hezuo.recommendation.api.RoundView getRound() {
    return round;
  }

  public String getRoundDeadline() {
    return roundDeadline;
  }

  /** The years on site ending short of the days required (the PI's projects, an officer's all). */
  public List<String> getOnsiteWarnings() {
    return onsiteWarnings;
  }

  /** The lead unit's contracts waiting for its review or upload (unit admins; null for others). */
  public io.hezuo.contract.api.ContractWork.Waiting getContractsWaiting() {
    return contractsWaiting;
  }

  /** The project funds' pending work (finance; null for others). */
  public io.hezuo.contract.api.FundsProgress.Pending getFundsPending() {
    return fundsPending;
  }

  /** Contracts to countersign, changes to decide, target reports to review (officers). */
  public io.hezuo.contract.api.ContractWork.OfficerWaiting getOfficerContracts() {
    return officerContracts;
  }

  /** Lines whose ranking is complete but whose approval list is not final (officers). */
  public long getApprovalPending() {
    return approvalPending;
  }

  /** The formal review's pending work (formal reviewers and officers; null for others). */
  public io.hezuo.scoring.api.ScoringProgress.Pending getScoringPending() {
    return scoringPending;
  }

  /** The expert review's pending work (officers; null for others). */
  public io.hezuo.formalreview.api.FormalReviewProgress.Pending getFormalPending() {
    return formalPending;
  }

  /** The applying units that report to no recommending unit (officers; 0 for others). */
  public long getUnitsWithoutRecommender() {
    return unitsWithoutRecommender;
  }

  public io.hezuo.recommendation.api.RecommendationProgress.Overall getProgress() {
    return progress;
  }

  public long getToConfirm() {
    return toConfirm;
  }

  public int getRegistrations() {
    return registrations;
  }

  public List<CountRow> getCounts() {
    return counts;
  }

  public CountRow getTotals() {
    return totals;
  }

  public List<String> getStatuses() {
    return STATUSES;
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }

  public io.hezuo.scoring.api.ExpertPending getExpertPending() {
    return expertPending;
  }

  public String getExpertDeadline() {
    return expertDeadline;
  }
}
