package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every role (and nobody) against every protected REST endpoint and screen: a role that may not use
 * it gets 401/403 (a screen sends the anonymous to the login page), a role that may gets past the
 * check (its request may still be refused by a rule, never by the role). Requests are made so that
 * even an allowed role changes nothing (empty or invalid bodies, unknown ids).
 */
class SecurityMatrixIT extends BrowserIT {

  record Endpoint(String method, String path, String contentType, String body, Set<String> roles) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final String JSON = "application/json";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static List<Endpoint> endpoints(long callId) {
    Set<String> officer = Set.of("OFFICER");
    return List.of(
        new Endpoint("PUT", "api/v1/call/calls/" + callId, JSON, "{}", officer),
        new Endpoint("GET", "api/v1/call/calls/" + callId + "/platform-hosts", null, null, officer),
        new Endpoint("POST", "api/v1/call/platform-hosts", JSON, "{\"platformId\":0}", officer),
        new Endpoint(
            "POST",
            "api/v1/call/platform-hosts/999999999/removal",
            JSON,
            "{\"reason\":\"x\"}",
            officer),
        new Endpoint("POST", "api/v1/directory/whitelist", XLSX, "not a workbook", officer),
        new Endpoint("POST", "api/v1/directory/other-plans", XLSX, "not a workbook", officer),
        new Endpoint(
            "GET",
            "api/v1/directory/other-plans",
            null,
            null,
            Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint("GET", "api/v1/directory/other-plans/imports/999999999", null, null, officer),
        new Endpoint("GET", "api/v1/directory/other-plans/imports/latest", null, null, officer),
        new Endpoint(
            "POST",
            "api/v1/formal-review/library/imports",
            "application/zip",
            "not a zip",
            officer),
        new Endpoint("GET", "api/v1/formal-review/library/imports/999999999", null, null, officer),
        new Endpoint("GET", "api/v1/formal-review/library/imports/latest", null, null, officer),
        new Endpoint(
            "POST", "api/v1/formal-review/library/imports/999999999/stop", JSON, "{}", officer),
        new Endpoint(
            "POST", "api/v1/formal-review/library/imports/999999999/resume", JSON, "{}", officer),
        new Endpoint(
            "GET",
            "api/v1/formal-review/library",
            null,
            null,
            Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint(
            "GET",
            "api/v1/directory/other-plans/summary",
            null,
            null,
            Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint(
            "GET", "api/v1/directory/registrations/pending", null, null, Set.of("UNIT_ADMIN")),
        new Endpoint("GET", "api/v1/submission/applications", null, null, Set.of("APPLICANT")),
        new Endpoint("POST", "api/v1/submission/applications", JSON, "{}", Set.of("APPLICANT")),
        new Endpoint(
            "GET", "api/v1/submission/unit/applications", null, null, Set.of("UNIT_ADMIN")),
        new Endpoint("POST", "api/v1/submission/extensions", JSON, "{}", officer),
        new Endpoint(
            "GET",
            "api/v1/submission/search",
            null,
            null,
            Set.of("OFFICER", "FORMAL_REVIEWER", "UNIT_ADMIN", "RECOMMENDER")),
        new Endpoint("GET", "api/v1/directory/accounts", null, null, Set.of("ADMIN", "UNIT_ADMIN")),
        new Endpoint(
            "POST",
            "api/v1/directory/accounts/999999999/unlock",
            JSON,
            "{\"reason\":\"x\"}",
            Set.of("ADMIN")),
        new Endpoint(
            "POST",
            "api/v1/directory/accounts/999999999/password-reset",
            JSON,
            "{\"reason\":\"x\"}",
            Set.of("ADMIN", "UNIT_ADMIN")),
        new Endpoint("GET", "api/v1/directory/registrations/clashes", null, null, officer),
        new Endpoint(
            "GET", "api/v1/formal-review/queue", null, null, Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint(
            "GET",
            "api/v1/formal-review/applications/999999999/checklist",
            null,
            null,
            Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint(
            "GET",
            "api/v1/formal-review/applications/999999999/similarity/library/999999999",
            null,
            null,
            Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint("GET", "api/v1/scoring/sheets", null, null, Set.of("OFFICER")),
        new Endpoint("GET", "api/v1/scoring/sheets/A1", null, null, Set.of("OFFICER", "EXPERT")),
        new Endpoint("GET", "api/v1/scoring/ranking/A1", null, null, Set.of("OFFICER")),
        new Endpoint("GET", "api/v1/contract/approval/lines/A1", null, null, Set.of("OFFICER")),
        new Endpoint(
            "PUT",
            "api/v1/contract/approval/lines/A1/selection/999999999",
            JSON,
            "{\"approved\":\"1\"}",
            Set.of("OFFICER")),
        new Endpoint(
            "PUT",
            "api/v1/scoring/panels/999999999/remark",
            JSON,
            "{\"remark\":\"x\"}",
            Set.of("OFFICER")),
        new Endpoint("GET", "api/v1/scoring/my/assignments", null, null, Set.of("EXPERT")),
        new Endpoint(
            "GET", "api/v1/scoring/my/assignments/999999999", null, null, Set.of("EXPERT")),
        new Endpoint(
            "GET", "api/v1/scoring/my/assignments/999999999/pdf", null, null, Set.of("EXPERT")),
        new Endpoint(
            "PUT",
            "api/v1/scoring/my/assignments/999999999/sheet",
            JSON,
            "{\"scores\":{}}",
            Set.of("EXPERT")),
        new Endpoint(
            "POST",
            "api/v1/scoring/my/assignments/999999999/submit",
            JSON,
            "{\"scores\":{}}",
            Set.of("EXPERT")),
        new Endpoint(
            "POST",
            "api/v1/scoring/my/assignments/999999999/conflict",
            JSON,
            "{\"reason\":\"x\"}",
            Set.of("EXPERT")),
        new Endpoint("GET", "api/v1/scoring/experts", null, null, officer),
        new Endpoint("GET", "api/v1/scoring/experts/export", null, null, officer),
        new Endpoint("GET", "api/v1/scoring/experts/template", null, null, officer),
        new Endpoint("POST", "api/v1/scoring/experts/imports", XLSX, "not a workbook", officer),
        new Endpoint("GET", "api/v1/scoring/experts/imports/999999999", null, null, officer),
        new Endpoint("GET", "api/v1/scoring/experts/imports/latest", null, null, officer),
        new Endpoint(
            "POST",
            "api/v1/scoring/experts/999999999/deactivate",
            JSON,
            "{\"reason\":\"x\"}",
            officer),
        new Endpoint(
            "POST",
            "api/v1/scoring/experts/999999999/activate",
            JSON,
            "{\"reason\":\"x\"}",
            officer),
        new Endpoint("GET", "api/v1/scoring/review", null, null, Set.of("OFFICER", "EXPERT")),
        new Endpoint("PUT", "api/v1/scoring/review", JSON, "{}", officer),
        new Endpoint("GET", "api/v1/scoring/assignments", null, null, officer),
        new Endpoint("GET", "api/v1/scoring/assignments/experts", null, null, officer),
        new Endpoint("POST", "api/v1/scoring/assignments/auto", JSON, "{}", officer),
        new Endpoint("POST", "api/v1/scoring/assignments", JSON, "{}", officer),
        new Endpoint(
            "DELETE", "api/v1/scoring/assignments/999999999?reason=x", null, null, officer),
        new Endpoint(
            "POST",
            "api/v1/scoring/assignments/999999999/reopen",
            JSON,
            "{\"reason\":\"x\"}",
            officer),
        new Endpoint(
            "POST",
            "api/v1/scoring/assignments/remind",
            JSON,
            "{\"expertIds\":[999999999]}",
            officer),
        new Endpoint(
            "GET",
            "api/v1/scoring/applications/999999999/conflicts?expert=999999999",
            null,
            null,
            officer),
        new Endpoint(
            "GET",
            "api/v1/formal-review/runs/current",
            null,
            null,
            Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint(
            "POST",
            "api/v1/formal-review/applications/999999999/decision",
            JSON,
            "{}",
            Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint(
            "GET",
            "api/v1/formal-review/integrity-records",
            null,
            null,
            Set.of("OFFICER", "FORMAL_REVIEWER")),
        new Endpoint(
            "GET",
            "api/v1/contract/projects",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "GET",
            "api/v1/contract/projects/totals",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "GET",
            "api/v1/contract/projects/months",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "GET",
            "api/v1/contract/projects/999999999/ledger",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "POST",
            "api/v1/contract/projects/999999999/disbursements",
            JSON,
            "{}",
            Set.of("FINANCE")),
        new Endpoint(
            "POST", "api/v1/contract/projects/999999999/transfers", JSON, "{}", Set.of("FINANCE")),
        new Endpoint(
            "GET",
            "api/v1/contract/projects/999999999/onsite",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "POST", "api/v1/contract/projects/999999999/onsite", JSON, "{}", Set.of("APPLICANT")),
        new Endpoint(
            "GET",
            "api/v1/contract/projects/999999999/targets",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "POST",
            "api/v1/contract/projects/999999999/targets/reports",
            JSON,
            "{}",
            Set.of("APPLICANT")),
        new Endpoint(
            "POST",
            "api/v1/contract/projects/999999999/targets/reports/999999999/review",
            JSON,
            "{}",
            officer),
        new Endpoint(
            "GET",
            "api/v1/contract/contracts",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "GET",
            "api/v1/contract/contracts/999999999",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "GET",
            "api/v1/contract/contracts/999999999/pdf",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "GET",
            "api/v1/contract/contracts/999999999/scan",
            null,
            null,
            Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT")),
        new Endpoint(
            "POST", "api/v1/contract/contracts/999999999/review", JSON, "{}", Set.of("UNIT_ADMIN")),
        new Endpoint(
            "POST",
            "api/v1/contract/contracts/999999999/scan",
            "application/pdf",
            "%PDF-1.4",
            Set.of("UNIT_ADMIN")),
        new Endpoint(
            "POST", "api/v1/contract/contracts/999999999/countersign", JSON, "{}", officer),
        new Endpoint("POST", "api/v1/contract/contracts/999999999/return", JSON, "{}", officer),
        new Endpoint(
            "POST",
            "api/v1/contract/contracts/999999999/changes",
            JSON,
            "{}",
            Set.of("UNIT_ADMIN")),
        new Endpoint(
            "POST",
            "api/v1/contract/contracts/999999999/changes/999999999/decision",
            JSON,
            "{}",
            officer),
        new Endpoint("GET", "api/v1/directory/units", null, null, officer),
        new Endpoint("POST", "api/v1/directory/units", JSON, "{}", officer),
        new Endpoint(
            "POST",
            "api/v1/directory/units/999999999/recommending",
            JSON,
            "{\"recommending\":true,\"reason\":\"x\"}",
            officer),
        new Endpoint(
            "POST",
            "api/v1/directory/units/999999999/recommender",
            JSON,
            "{\"recommenderId\":null,\"reason\":\"x\"}",
            officer),
        new Endpoint(
            "POST",
            "api/v1/directory/account/password",
            JSON,
            "{}",
            Set.copyOf(LoginAndRolesIT.ROLES.values())));
  }

  /** Screen → the roles that may open it; the others get 403. */
  static final Map<String, Set<String>> SCREENS = new LinkedHashMap<>();

  static {
    SCREENS.put("/app/admin/audit.xhtml", Set.of("ADMIN"));
    SCREENS.put(
        "/app/contract/contracts.xhtml", Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT"));
    SCREENS.put(
        "/app/contract/contract.xhtml?id=900404",
        Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT"));
    SCREENS.put(
        "/app/contract/finance.xhtml", Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT"));
    SCREENS.put(
        "/app/contract/ledger.xhtml?id=900402",
        Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT"));
    SCREENS.put(
        "/app/contract/obligations.xhtml?id=900402",
        Set.of("OFFICER", "FINANCE", "UNIT_ADMIN", "APPLICANT"));
    SCREENS.put("/app/call/platform-hosts.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/directory/whitelist-import.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/directory/other-plans.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/directory/units.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/formal-review/queue.xhtml", Set.of("OFFICER", "FORMAL_REVIEWER"));
    SCREENS.put("/app/formal-review/integrity.xhtml", Set.of("OFFICER", "FORMAL_REVIEWER"));
    SCREENS.put("/app/scoring/sheets.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/scoring/mine.xhtml", Set.of("EXPERT"));
    SCREENS.put("/app/scoring/ranking.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/contract/approval.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/scoring/work.xhtml", Set.of("EXPERT"));
    SCREENS.put("/app/scoring/experts.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/formal-review/library.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/submission/extensions.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/recommendation/quotas.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/recommendation/list.xhtml", Set.of("RECOMMENDER"));
    SCREENS.put("/app/recommendation/ranking.xhtml", Set.of("RECOMMENDER"));
    SCREENS.put("/app/recommendation/documents.xhtml", Set.of("RECOMMENDER"));
    SCREENS.put("/app/recommendation/dashboard.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/directory/registrations.xhtml", Set.of("UNIT_ADMIN", "OFFICER"));
    SCREENS.put("/app/submission/unit.xhtml", Set.of("UNIT_ADMIN"));
    SCREENS.put("/app/submission/all.xhtml", Set.of("OFFICER", "FORMAL_REVIEWER"));
    SCREENS.put("/app/submission/list.xhtml", Set.of("APPLICANT"));
    SCREENS.put("/app/directory/accounts.xhtml", Set.of("ADMIN", "UNIT_ADMIN"));
    SCREENS.put("/app/account/password.xhtml", Set.copyOf(LoginAndRolesIT.ROLES.values()));
    SCREENS.put("/app/scoring/assignments.xhtml", Set.of("OFFICER"));
    SCREENS.put("/app/home.xhtml", Set.copyOf(LoginAndRolesIT.ROLES.values()));
    SCREENS.put("/app/inbox.xhtml", Set.copyOf(LoginAndRolesIT.ROLES.values()));
  }

  @Test
  void everyRoleAgainstEveryProtectedEndpointAndScreen() throws Exception {
    long callId =
        Api.anonymous(base).get("api/v1/call/calls/current").json().getJsonNumber("id").longValue();
    List<String> wrong = new ArrayList<>();
    Map<String, Api> callers = new LinkedHashMap<>();
    callers.put("ANONYMOUS", Api.anonymous(base));
    for (Map.Entry<String, String> e : LoginAndRolesIT.ROLES.entrySet()) {
      callers.put(e.getValue(), Api.as(browser, base, e.getKey(), "Demo@2026"));
    }
    for (Map.Entry<String, Api> c : callers.entrySet()) {
      String role = c.getKey();
      for (Endpoint ep : endpoints(callId)) {
        Api.Reply r =
            c.getValue()
                .send(
                    ep.method(),
                    ep.path(),
                    ep.contentType(),
                    ep.body() == null ? null : ep.body().getBytes(StandardCharsets.UTF_8));
        boolean denied = r.status() == 401 || r.status() == 403;
        boolean allowed = ep.roles().contains(role);
        if (allowed == denied || r.status() >= 500) {
          wrong.add(role + " " + ep + " → " + r.status() + " " + abbreviate(r.body()));
        }
      }
      for (Map.Entry<String, Set<String>> s : SCREENS.entrySet()) {
        Api.Reply r = c.getValue().send("GET", s.getKey(), null, null);
        boolean allowed = s.getValue().contains(role);
        boolean ok;
        if (role.equals("ANONYMOUS")) {
          // the login page instead, never the screen
          ok =
              r.status() == 302
                  || r.status() == 303
                  || r.status() == 401
                  || r.status() == 403
                  || (r.status() == 200 && r.body().contains("login:username"));
        } else {
          ok = allowed ? r.status() == 200 : r.status() == 403;
        }
        if (!ok) {
          wrong.add(role + " GET " + s.getKey() + " → " + r.status());
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  static java.net.http.HttpResponse<String> basic(java.net.URI uri, String user, String password)
      throws Exception {
    String token =
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + token)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void machineClientsSignInWithHttpBasicOnTheApiOnly() throws Exception {
    java.net.URI root = Db.loopback(base).toURI();
    Db.createAccount("it_basic", "APPLICANT");
    // the right password: the caller's own data, under the same role checks
    var mine = basic(root.resolve("api/v1/submission/applications"), "it_basic", "Demo@2026");
    assertTrue(mine.statusCode() == 200 && mine.body().startsWith("["), mine.body());
    var notOfficer = basic(root.resolve("api/v1/submission/extensions"), "it_basic", "Demo@2026");
    assertTrue(notOfficer.statusCode() != 200, "an applicant is no officer");
    long callId =
        Api.anonymous(base).get("api/v1/call/calls/current").json().getJsonNumber("id").longValue();
    var officer =
        basic(
            root.resolve("api/v1/call/calls/" + callId + "/platform-hosts"),
            "demo_officer",
            "Demo@2026");
    assertTrue(officer.statusCode() == 200, officer.body());
    // a wrong password: 401 with the challenge, and the failure counts towards the lockout
    var wrong = basic(root.resolve("api/v1/submission/applications"), "it_basic", "Wrong#pass1");
    assertTrue(wrong.statusCode() == 401, "status " + wrong.statusCode());
    assertTrue(
        wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
        wrong.headers().map().toString());
    assertTrue(
        Db.strings("select action from krn_audit where entity_id = 'it_basic'")
            .contains("login-failed"));
    // pages do not take Basic: they still ask for the form
    var page = basic(root.resolve("app/home.xhtml"), "it_basic", "Demo@2026");
    assertTrue(!page.body().contains("home-APPLICANT"), "the home page was shown to Basic");
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.substring(0, Math.min(160, s.length()));
  }
}
