package io.hezuo.web.menu;

import io.hezuo.kernel.message.Inbox;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The menu of the signed-in user's roles; only screens that exist are listed. */
@Named("menu")
@RequestScoped
public class MenuBean {

  /** Role → its own screens, in menu order. */
  static final Map<Role, List<MenuItem>> BY_ROLE = new LinkedHashMap<>();

  static {
    BY_ROLE.put(
        Role.APPLICANT,
        List.of(
            new MenuItem("mySubmissions", "web.menu.mySubmissions", "/app/submission/list"),
            new MenuItem("contractFinance", "web.menu.contractFinance", "/app/contract/finance"),
            new MenuItem("contracts", "web.menu.contracts", "/app/contract/contracts")));
    BY_ROLE.put(
        Role.UNIT_ADMIN,
        List.of(
            new MenuItem("unitApplications", "web.menu.unitApplications", "/app/submission/unit"),
            new MenuItem("registrations", "web.menu.registrations", "/app/directory/registrations"),
            new MenuItem("unitAccounts", "web.menu.accounts", "/app/directory/accounts"),
            new MenuItem("contractFinance", "web.menu.contractFinance", "/app/contract/finance"),
            new MenuItem("contracts", "web.menu.contracts", "/app/contract/contracts")));
    BY_ROLE.put(
        Role.RECOMMENDER,
        List.of(
            new MenuItem("recList", "web.menu.recList", "/app/recommendation/list"),
            new MenuItem("recRanking", "web.menu.recRanking", "/app/recommendation/ranking"),
            new MenuItem(
                "recDocuments", "web.menu.recDocuments", "/app/recommendation/documents")));
    BY_ROLE.put(
        Role.FORMAL_REVIEWER,
        List.of(
            new MenuItem("allApplications", "web.menu.allApplications", "/app/submission/all"),
            new MenuItem("formalReview", "web.menu.formalReview", "/app/formal-review/queue"),
            new MenuItem("integrity", "web.menu.integrity", "/app/formal-review/integrity")));
    BY_ROLE.put(
        Role.EXPERT,
        List.of(new MenuItem("scoringMine", "web.menu.scoringMine", "/app/scoring/mine")));
    BY_ROLE.put(
        Role.OFFICER,
        List.of(
            new MenuItem("allApplications", "web.menu.allApplications", "/app/submission/all"),
            new MenuItem("formalReview", "web.menu.formalReview", "/app/formal-review/queue"),
            new MenuItem("integrity", "web.menu.integrity", "/app/formal-review/integrity"),
            new MenuItem("library", "web.menu.library", "/app/formal-review/library"),
            new MenuItem("scoringSheets", "web.menu.scoringSheets", "/app/scoring/sheets"),
            new MenuItem("scoringExperts", "web.menu.scoringExperts", "/app/scoring/experts"),
            new MenuItem(
                "scoringAssignments", "web.menu.scoringAssignments", "/app/scoring/assignments"),
            new MenuItem("scoringRanking", "web.menu.scoringRanking", "/app/scoring/ranking"),
            new MenuItem("approval", "web.menu.approval", "/app/contract/approval"),
            new MenuItem("callEdit", "web.menu.callEdit", "/app/call/edit"),
            new MenuItem("platformHosts", "web.menu.platformHosts", "/app/call/platform-hosts"),
            new MenuItem("extensions", "web.menu.extensions", "/app/submission/extensions"),
            new MenuItem(
                "whitelistImport", "web.menu.whitelistImport", "/app/directory/whitelist-import"),
            new MenuItem("otherPlans", "web.menu.otherPlans", "/app/directory/other-plans"),
            new MenuItem("idClashes", "web.menu.idClashes", "/app/directory/registrations"),
            new MenuItem("units", "web.menu.units", "/app/directory/units"),
            new MenuItem("recQuotas", "web.menu.recQuotas", "/app/recommendation/quotas"),
            new MenuItem("recDashboard", "web.menu.recDashboard", "/app/recommendation/dashboard"),
            new MenuItem("contractFinance", "web.menu.contractFinance", "/app/contract/finance"),
            new MenuItem("contracts", "web.menu.contracts", "/app/contract/contracts")));
    BY_ROLE.put(
        Role.FINANCE,
        List.of(
            new MenuItem("contractFinance", "web.menu.contractFinance", "/app/contract/finance"),
            new MenuItem("contracts", "web.menu.contracts", "/app/contract/contracts")));
    BY_ROLE.put(
        Role.ADMIN,
        List.of(
            new MenuItem("audit", "web.menu.audit", "/app/admin/audit"),
            new MenuItem("accounts", "web.menu.accounts", "/app/directory/accounts")));
  }

  @Inject Caller caller;
  @Inject Inbox inbox;

  private List<MenuItem> items;
  private Long unread;

  /** How many messages the signed-in user has not read yet (0 when nobody is signed in). */
  public long getUnread() {
    if (unread == null) {
      unread = !caller.isSignedIn() ? 0L : inbox.count(caller.name(), true);
    }
    return unread;
  }

  public List<MenuItem> getItems() {
    if (items == null) {
      items = new ArrayList<>();
      items.add(new MenuItem("catalogue", "web.menu.catalogue", "/call/catalogue"));
      items.add(new MenuItem("whitelist", "web.menu.whitelist", "/directory/whitelist"));
      if (caller.isSignedIn()) {
        items.add(0, new MenuItem("home", "web.menu.home", "/app/home"));
        for (Map.Entry<Role, List<MenuItem>> e : BY_ROLE.entrySet()) {
          if (caller.hasRole(e.getKey())) {
            for (MenuItem i : e.getValue()) {
              if (items.stream().noneMatch(x -> x.id().equals(i.id()))) {
                items.add(i);
              }
            }
          }
        }
        items.add(new MenuItem("password", "web.menu.password", "/app/account/password"));
      }
    }
    return items;
  }
}
