package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The funds of an approved project (issue 14): the Department's finance records disbursements, the
 * lead unit's finance office transfers to the counterpart partner; the approved sum and G5's 50 %
 * (50.00 % accepted, 50.01 % refused with the limit in money) hold, and two transfers at the same
 * moment can never both pass; each bad entry is refused naming its field and rule with nothing
 * saved; a unit's finance sees only its unit's projects, an applicant only their own (read-only),
 * and a guessed id is not found; the totals equal the sums of their rows.
 */
class LedgerIT extends BrowserIT {

  static final long UNIT = 913901;
  static final long OTHER_UNIT = 913902;
  static int next = 0;

  static synchronized void units() throws Exception {
    if (Db.strings("select id from dir_organisation where id = ?", UNIT).isEmpty()) {
      Db.createOrganisation(UNIT, "账本测试牵头单位", "91330100MA2LED001X", "ENTERPRISE");
      Db.createOrganisation(OTHER_UNIT, "账本测试其他单位", "91330100MA2LED002X", "ENTERPRISE");
      Db.createAccount("it_led_fin", "FINANCE", UNIT);
      Db.createAccount("it_led_fin2", "FINANCE", OTHER_UNIT);
      Db.createAccount("it_led_pi", "APPLICANT", UNIT);
      Db.createAccount("it_led_pi2", "APPLICANT", OTHER_UNIT);
    }
  }

  /**
   * A project of UNIT in force on a B line (50 % may go to the partner), approved 1,000,000.00 for
   * 2026–2027, 70 % on signing and 30 % after the mid-term check; returns its id.
   */
  static synchronized long project(String line, String approved, BigDecimal share)
      throws Exception {
    units();
    long id = 913900 + (++next) * 10 + System.nanoTime() % 7;
    Db.update(
        "insert into ct_project (id, application_id, call_id, line_code, acceptance_no, title_zh,"
            + " organisation_id, pi_username, pi_name, region_code, requested, approved,"
            + " period_from, period_to, max_transfer_percent, contract_state, created_at,"
            + " created_by) select ?, ?, id, ?, ?, '账本测试项目', ?, 'it_led_pi', '账本负责人',"
            + " 'SC-12-68', ?, ?, '2026-01-01', '2027-12-31', ?, 'IN_FORCE', UTC_TIMESTAMP(6),"
            + " 'it' from call_call where call_year = 2026",
        id,
        id,
        line,
        "IT-LED-" + id,
        UNIT,
        approved,
        approved,
        share);
    Db.update(
        "insert into ct_tranche (project_id, number, percent, trigger_kind) values (?, 1, 70,"
            + " 'SIGNING'), (?, 2, 30, 'MIDTERM')",
        id,
        id);
    return id;
  }

  static String disbursement(String date, String amount, String voucher) {
    return "{\"date\":\""
        + date
        + "\",\"amount\":\""
        + amount
        + "\",\"voucherNo\":\""
        + voucher
        + "\"}";
  }

  static String transfer(String date, String amount, String voucher) {
    return "{\"date\":\""
        + date
        + "\",\"amount\":\""
        + amount
        + "\",\"recipient\":\"凉山州演示农业合作社\",\"voucherNo\":\""
        + voucher
        + "\"}";
  }

  static List<String> rules(Api.Reply r) {
    List<String> out = new ArrayList<>();
    for (var v : r.json().getJsonArray("violations")) {
      JsonObject o = v.asJsonObject();
      out.add(o.getString("ruleId") + ":" + (o.isNull("field") ? null : o.getString("field")));
    }
    return out;
  }

  static String messages(Api.Reply r) {
    StringBuilder b = new StringBuilder();
    for (var v : r.json().getJsonArray("violations")) {
      b.append(v.asJsonObject().getString("message_zh")).append('\n');
    }
    return b.toString();
  }

  static long entries(long project) throws Exception {
    return Long.parseLong(
        Db.strings("select count(*) from ct_ledger_entry where project_id = ?", project).get(0));
  }

  @Test
  void disbursementsAndTransfersKeepTheirLimitsAndSayWhyInMoney() throws Exception {
    long p = project("B2", "1000000.00", new BigDecimal("50.00"));
    String base = "api/v1/contract/projects/" + p;
    Api dept = Api.as(browser, this.base, "demo_finance", "Demo@2026");
    Api unit = Api.as(browser, this.base, "it_led_fin", "Demo@2026");

    // the lead unit's finance does not disburse; the Department's finance does not transfer
    assertEquals(
        403,
        unit.json("POST", base + "/disbursements", disbursement("2026-03-02", "1.00", "X"))
            .status());
    assertEquals(
        403, dept.json("POST", base + "/transfers", transfer("2026-03-02", "1.00", "X")).status());

    // bad disbursements: each field named with its rule, nothing saved
    Api.Reply bad =
        dept.json("POST", base + "/disbursements", disbursement("2026-13-40", "1.001", ""));
    assertEquals(422, bad.status(), bad.body());
    assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
    List<String> r = rules(bad);
    assertTrue(r.contains("F-DATE:disbursementDate"), r.toString());
    assertTrue(r.contains("F-MONEY:disbursementAmount"), r.toString());
    assertTrue(r.contains("F-REQ:disbursementVoucher"), r.toString());
    Api.Reply outside =
        dept.json("POST", base + "/disbursements", disbursement("2028-01-01", "100.00", "V0"));
    assertEquals(List.of("C-PERIOD:disbursementDate"), rules(outside), outside.body());
    Api.Reply negative =
        dept.json("POST", base + "/disbursements", disbursement("2026-03-02", "-5.00", "V0"));
    assertEquals(List.of("F-MONEY:disbursementAmount"), rules(negative), negative.body());
    assertEquals(0, entries(p));

    // 70 % on signing; then more than what is left is refused, stating what is left in money
    Api.Reply first =
        dept.json(
            "POST", base + "/disbursements", disbursement("2026-03-02", "700,000.00", "CZ-001"));
    assertEquals(201, first.status(), first.body());
    Api.Reply over =
        dept.json(
            "POST", base + "/disbursements", disbursement("2026-09-01", "300000.01", "CZ-002"));
    assertEquals(List.of("C-DISBURSE:disbursementAmount"), rules(over), over.body());
    assertTrue(messages(over).contains("300,000.00"), messages(over));
    Api.Reply again =
        dept.json("POST", base + "/disbursements", disbursement("2026-09-01", "1.00", "CZ-001"));
    assertEquals(List.of("C-VOUCHER:disbursementVoucher"), rules(again), again.body());
    assertEquals(1, entries(p));

    // G5: 50.01 % refused with the limit in money, exactly 50.00 % accepted, then not a fen more
    Api.Reply past =
        unit.json("POST", base + "/transfers", transfer("2026-04-01", "500000.01", "YH-1"));
    assertEquals(422, past.status(), past.body());
    assertEquals(List.of("G5:transferAmount"), rules(past));
    assertTrue(messages(past).contains("500,000.00 元（50 万元）"), messages(past));
    assertTrue(messages(past).contains("50%"), messages(past));
    Api.Reply half =
        unit.json("POST", base + "/transfers", transfer("2026-04-01", "500000.00", "YH-1"));
    assertEquals(201, half.status(), half.body());
    Api.Reply fen = unit.json("POST", base + "/transfers", transfer("2026-04-02", "0.01", "YH-2"));
    assertEquals(List.of("G5:transferAmount"), rules(fen), fen.body());

    // the ledger as each may see it
    JsonObject l = unit.get(base + "/ledger").json();
    JsonObject row = l.getJsonObject("project");
    assertEquals(new BigDecimal("700000.00"), row.getJsonNumber("disbursed").bigDecimalValue());
    assertEquals(new BigDecimal("500000.00"), row.getJsonNumber("transferred").bigDecimalValue());
    assertEquals(new BigDecimal("200000.00"), row.getJsonNumber("balance").bigDecimalValue());
    assertEquals(2, l.getJsonArray("history").size());
    assertEquals(true, l.getBoolean("mayTransfer"));
    assertEquals(false, l.getBoolean("mayDisburse"));
    // the second tranche waits for the mid-term check: nothing due yet
    assertEquals(false, row.getBoolean("nextTrancheDue"), row.toString());
    Db.update(
        "update ct_tranche set reached_on = '2026-10-01' where project_id = ? and number = 2", p);
    JsonObject due = dept.get("api/v1/contract/projects?due=true&q=IT-LED-" + p).json();
    assertEquals(1, due.getInt("total"), due.toString());
    assertEquals(
        new BigDecimal("300000.00"),
        due.getJsonArray("rows")
            .getJsonObject(0)
            .getJsonNumber("nextTrancheAmount")
            .bigDecimalValue());

    Api pi = Api.as(browser, this.base, "it_led_pi", "Demo@2026");
    assertEquals(200, pi.get(base + "/ledger").status());
    assertEquals(
        403, pi.json("POST", base + "/transfers", transfer("2026-05-01", "1.00", "P")).status());
    Api other = Api.as(browser, this.base, "it_led_fin2", "Demo@2026");
    assertEquals(404, other.get(base + "/ledger").status());
    assertEquals(
        404, other.json("POST", base + "/transfers", transfer("2026-05-01", "1.00", "O")).status());
    assertEquals(0, other.get("api/v1/contract/projects?q=IT-LED-" + p).json().getInt("total"));
    Api pi2 = Api.as(browser, this.base, "it_led_pi2", "Demo@2026");
    assertEquals(404, pi2.get(base + "/ledger").status());
    assertEquals(404, dept.get("api/v1/contract/projects/99999999/ledger").status());
    // the voucher's scan: by the office that recorded the entry, a PDF by its content, once
    String disbursementId =
        Db.strings(
                "select id from ct_ledger_entry where project_id = ? and kind = 'DISBURSEMENT'", p)
            .get(0);
    String scan = base + "/entries/" + disbursementId + "/scan";
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    assertEquals(
        403,
        unit.send("POST", scan + "?fileName=v.pdf", "application/pdf", SubmissionIT.pdf())
            .status());
    Api.Reply notPdf = dept.send("POST", scan + "?fileName=v.pdf", "application/pdf", png);
    assertEquals(List.of("F-FILE:voucherScan"), rules(notPdf), notPdf.body());
    Api.Reply attached =
        dept.send("POST", scan + "?fileName=拨付凭证.pdf", "application/pdf", SubmissionIT.pdf());
    assertEquals(200, attached.status(), attached.body());
    assertEquals("拨付凭证.pdf", attached.json().getString("scanName"));
    Api.Reply twice =
        dept.send("POST", scan + "?fileName=v2.pdf", "application/pdf", SubmissionIT.pdf());
    assertEquals(List.of("F-STATE:voucherScan"), rules(twice), twice.body());
    Api.Reply read = pi.get(scan);
    assertEquals(200, read.status());
    assertTrue(read.body().startsWith("%PDF-"));
    assertEquals(404, other.get(scan).status());
    // each movement audited
    assertEquals(
        List.of("disburse", "transfer", "voucher-scan"),
        Db.strings(
            "select action from krn_audit where entity_type = 'ContractLedger' and entity_id = ?"
                + " order by id",
            "project/" + p));
  }

  @Test
  void anALineWithoutTransfersRefusesThemAndAContractNotInForceMovesNoMoney() throws Exception {
    long a = project("A1", "800000.00", null);
    Api dept = Api.as(browser, this.base, "demo_finance", "Demo@2026");
    Api unit = Api.as(browser, this.base, "it_led_fin", "Demo@2026");
    Api.Reply ok =
        dept.json(
            "POST",
            "api/v1/contract/projects/" + a + "/disbursements",
            disbursement("2026-02-01", "560000.00", "A-1"));
    assertEquals(201, ok.status(), ok.body());
    Api.Reply none =
        unit.json(
            "POST",
            "api/v1/contract/projects/" + a + "/transfers",
            transfer("2026-03-01", "1.00", "A-T"));
    assertEquals(List.of("G5:null"), rules(none), none.body());
    Db.update("update ct_project set contract_state = 'SIGNED_UPLOADED' where id = ?", a);
    Api.Reply draft =
        dept.json(
            "POST",
            "api/v1/contract/projects/" + a + "/disbursements",
            disbursement("2026-04-01", "1.00", "A-2"));
    assertEquals(List.of("F-STATE:null"), rules(draft), draft.body());
    assertEquals(1, entries(a));
  }

  @Test
  void twoTransfersAtTheSameMomentCanNeverBothPass() throws Exception {
    units();
    Api a = Api.as(browser, this.base, "it_led_fin", "Demo@2026");
    Api b = Api.as(browser, this.base, "it_led_fin", "Demo@2026");
    a.csrfToken();
    b.csrfToken();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        long p = project("B2", "1000000.00", new BigDecimal("50.00"));
        Db.update(
            "insert into ct_ledger_entry (project_id, kind, entry_date, amount, voucher_no,"
                + " recorded_at, recorded_by) values (?, 'DISBURSEMENT', '2026-02-01', 1000000.00,"
                + " 'R-0', UTC_TIMESTAMP(6), 'it')",
            p);
        // each alone within the 500,000.00; together 600,000.00 would pass it
        CountDownLatch go = new CountDownLatch(1);
        String path = "api/v1/contract/projects/" + p + "/transfers";
        Callable<Api.Reply> x =
            () -> {
              go.await();
              return a.json("POST", path, transfer("2026-03-01", "300000.00", "RA-" + p));
            };
        Callable<Api.Reply> y =
            () -> {
              go.await();
              return b.json("POST", path, transfer("2026-03-01", "300000.00", "RB-" + p));
            };
        Future<Api.Reply> fx = pool.submit(x);
        Future<Api.Reply> fy = pool.submit(y);
        go.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(fx.get().status(), fy.get().status()));
        statuses.sort(null);
        assertEquals(List.of(201, 422), statuses, fx.get().body() + "\n" + fy.get().body());
        assertEquals(
            List.of("300000.00"),
            Db.strings(
                "select sum(amount) from ct_ledger_entry where project_id = ? and kind ="
                    + " 'TRANSFER'",
                p));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theTotalsAreTheSumsOfTheirRows() throws Exception {
    long p1 = project("B2", "1000000.00", new BigDecimal("50.00"));
    long p2 = project("B1", "333333.33", new BigDecimal("50.00"));
    Db.update(
        "insert into ct_ledger_entry (project_id, kind, entry_date, amount, voucher_no,"
            + " recorded_at, recorded_by) values (?, 'DISBURSEMENT', '2026-02-01', 233333.33, 'T-1',"
            + " UTC_TIMESTAMP(6), 'it'), (?, 'DISBURSEMENT', '2026-03-05', 0.01, 'T-2',"
            + " UTC_TIMESTAMP(6), 'it')",
        p2,
        p1);
    Api dept = Api.as(browser, this.base, "demo_finance", "Demo@2026");
    JsonObject page = dept.get("api/v1/contract/projects?unit=" + UNIT + "&size=500").json();
    BigDecimal approved = BigDecimal.ZERO;
    BigDecimal disbursed = BigDecimal.ZERO;
    for (var v : page.getJsonArray("rows")) {
      approved = approved.add(v.asJsonObject().getJsonNumber("approved").bigDecimalValue());
      disbursed = disbursed.add(v.asJsonObject().getJsonNumber("disbursed").bigDecimalValue());
    }
    JsonObject totals = page.getJsonObject("totals");
    assertEquals(page.getInt("total"), totals.getInt("projects"));
    assertEquals(0, approved.compareTo(totals.getJsonNumber("approved").bigDecimalValue()));
    assertEquals(0, disbursed.compareTo(totals.getJsonNumber("disbursed").bigDecimalValue()));
    // per line: each line's total is the sum of that line's rows, and the lines add up to all
    BigDecimal lines = BigDecimal.ZERO;
    for (var v : dept.get("api/v1/contract/projects/totals?by=line&unit=" + UNIT).jsonArray()) {
      JsonObject t = v.asJsonObject();
      BigDecimal sum = BigDecimal.ZERO;
      for (var row : page.getJsonArray("rows")) {
        if (row.asJsonObject().getString("lineCode").equals(t.getString("key"))) {
          sum = sum.add(row.asJsonObject().getJsonNumber("approved").bigDecimalValue());
        }
      }
      assertEquals(0, sum.compareTo(t.getJsonNumber("approved").bigDecimalValue()), t.toString());
      lines = lines.add(t.getJsonNumber("approved").bigDecimalValue());
    }
    assertEquals(0, lines.compareTo(approved));
    // money per month, every month between the first and the last
    String months = dept.get("api/v1/contract/projects/months?unit=" + UNIT).body();
    assertTrue(months.contains("\"2026-02\"") && months.contains("\"2026-03\""), months);
  }

  /** Types into a field of the ledger's forms and records it after the confirmation. */
  private void record(String form, String date, String amount, String voucher, String recipient) {
    String f = form.equals("disburse") ? "disbursement" : "transfer";
    browser.typeSurely(form + ":" + f + "Date", date);
    browser.typeSurely(form + ":" + f + "Amount", amount);
    if (recipient != null) {
      browser.typeSurely(form + ":transferRecipient", recipient);
    }
    browser.typeSurely(form + ":" + f + "Voucher", voucher);
    browser.clickWhenClickable(org.openqa.selenium.By.id(form + ":record"));
    browser.clickWhenClickable(org.openqa.selenium.By.id("confirmForm:confirmYes"));
    browser.ajaxIdle();
  }

  @Test
  void financeRecordsTwoTranchesAndATransferAndTheTotalsPageMatches() throws Exception {
    long p = project("B2", "1000000.00", new BigDecimal("50.00"));
    Db.update(
        "update ct_tranche set reached_on = '2026-06-30' where project_id = ? and number = 2", p);
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_finance", "Demo@2026");
    // the home page shows what is due
    String home = browser.waitFor(org.openqa.selenium.By.id("fundsPendingText")).getText();
    assertTrue(home.contains("已到期"), home);
    browser.open("/app/contract/ledger.xhtml?id=" + p);
    browser.waitFor(org.openqa.selenium.By.id("disburse:disbursementDate"));
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
    // an over-precise amount is refused beside its field, nothing saved
    record("disburse", "2026-03-02", "700000.001", "CZ-B1", null);
    browser.waitForText(
        org.openqa.selenium.By.xpath("//*[@id='disburse:disbursementAmount']/ancestor::div[1]"),
        "F-MONEY");
    assertEquals(0, entries(p));
    record("disburse", "2026-03-02", "700,000.00", "CZ-B1", null);
    browser.waitForText(org.openqa.selenium.By.id("disbursed"), "700,000.00 元（70 万元）");
    record("disburse", "2026-07-01", "300000", "CZ-B2", null);
    browser.waitForText(org.openqa.selenium.By.id("disbursed"), "1,000,000.00 元（100 万元）");
    assertTrue(browser.bodyText().contains("已拨付"), "both tranches paid: " + browser.bodyText());

    // the lead unit's finance office transfers half to the partner
    browser.logout();
    browser.login("it_led_fin", "Demo@2026");
    browser.open("/app/contract/ledger.xhtml?id=" + p);
    browser.waitFor(org.openqa.selenium.By.id("transfer:transferDate"));
    assertTrue(
        browser
            .driver
            .findElements(org.openqa.selenium.By.id("disburse:disbursementDate"))
            .isEmpty(),
        "the unit does not disburse");
    record("transfer", "2026-07-10", "500000.01", "YH-B1", "凉山州演示农业合作社");
    org.openqa.selenium.By g5Box =
        org.openqa.selenium.By.xpath("//*[@id='transfer:transferAmount']/ancestor::div[1]");
    browser.waitForText(g5Box, "G5");
    String g5 = browser.driver.findElement(g5Box).getText();
    assertTrue(g5.contains("500,000.00 元（50 万元）"), g5);
    record("transfer", "2026-07-10", "500000.00", "YH-B1", "凉山州演示农业合作社");
    browser.waitForText(org.openqa.selenium.By.id("transferred"), "500,000.00 元（50 万元）");

    // the totals page: the sums of the rows shown, and the export holds the same
    browser.logout();
    browser.login("demo_finance", "Demo@2026");
    browser.open("/app/contract/finance.xhtml");
    browser.waitFor(org.openqa.selenium.By.id("fin:text"));
    browser.typeSurely("fin:text", "IT-LED-" + p);
    browser.clickWhenClickable(org.openqa.selenium.By.id("fin:search"));
    browser.ajaxIdle();
    browser.waitForText(org.openqa.selenium.By.id("sumProjects"), "1");
    assertEquals(
        "1,000,000.00 元（100 万元）",
        browser.driver.findElement(org.openqa.selenium.By.id("sumApproved")).getText());
    assertEquals(
        "1,000,000.00 元（100 万元）",
        browser.driver.findElement(org.openqa.selenium.By.id("sumDisbursed")).getText());
    assertEquals(
        "500,000.00 元（50 万元）",
        browser.driver.findElement(org.openqa.selenium.By.id("sumTransferred")).getText());
    assertEquals(
        "500,000.00 元（50 万元）",
        browser.driver.findElement(org.openqa.selenium.By.id("sumBalance")).getText());
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
    byte[] xlsx = ExcelExportsIT.download("fin", "fin:projects:export");
    List<List<String>> rows = new ArrayList<>();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
      for (org.apache.poi.ss.usermodel.Row r : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
          cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
        }
        rows.add(cells);
      }
    }
    assertEquals(2, rows.size(), rows.toString());
    assertEquals("受理编号", rows.get(0).get(0));
    assertEquals("IT-LED-" + p, rows.get(1).get(0));
    assertTrue(rows.get(1).contains("500,000.00 元（50 万元）"), rows.get(1).toString());
    assertTrue(rows.get(1).get(2).startsWith("B2 · "), rows.get(1).toString());
  }

  @Test
  void theDemoProjectsGiveFinanceSomethingRealToTrack() throws Exception {
    Api dept = Api.as(browser, this.base, "demo_finance", "Demo@2026");
    JsonObject b2 = dept.get("api/v1/contract/projects?q=HZ2026-B2-900402").json();
    assertEquals(1, b2.getInt("total"), b2.toString());
    JsonObject row = b2.getJsonArray("rows").getJsonObject(0);
    assertEquals(new BigDecimal("350000.00"), row.getJsonNumber("disbursed").bigDecimalValue());
    assertEquals(new BigDecimal("160000.00"), row.getJsonNumber("transferred").bigDecimalValue());
    assertEquals("IN_FORCE", row.getString("contractState"));
    // the B1 project passed its mid-term check: its second tranche is due
    JsonObject due = dept.get("api/v1/contract/projects?due=true&q=HZ2026-B1-900403").json();
    assertEquals(1, due.getInt("total"), due.toString());
    assertEquals(
        new BigDecimal("90000.00"),
        due.getJsonArray("rows")
            .getJsonObject(0)
            .getJsonNumber("nextTrancheAmount")
            .bigDecimalValue());
    // contracts in several states
    assertEquals(
        List.of("DRAFT", "IN_FORCE", "UNIT_REVIEWED"),
        Db.strings(
            "select distinct contract_state from ct_project where demo and id between 900401 and"
                + " 900405 order by contract_state"));
    // the unit's finance office sees its unit's projects; the PI their own, read-only
    Api unitFin = Api.as(browser, this.base, "demo_unitfin", "Demo@2026");
    assertEquals(200, unitFin.get("api/v1/contract/projects/900402/ledger").status());
    Api pi = Api.as(browser, this.base, "demo_proj2", "Demo@2026");
    assertEquals(200, pi.get("api/v1/contract/projects/900402/ledger").status());
    assertEquals(404, pi.get("api/v1/contract/projects/900401/ledger").status());
    assertEquals(1, pi.get("api/v1/contract/projects").json().getInt("total"));
  }

  @Test
  void theOfficerSetsTheTranchePlanAndRecordsTheMidTermCheck() throws Exception {
    long p = project("B2", "1000000.00", new BigDecimal("50.00"));
    String base = "api/v1/contract/projects/" + p;
    Api officer = Api.as(browser, this.base, "demo_officer", "Demo@2026");
    Api dept = Api.as(browser, this.base, "demo_finance", "Demo@2026");
    // shares not adding up to 100, a DATE tranche without its date, no reason: refused
    Api.Reply bad =
        officer.json(
            "PUT",
            base + "/tranches",
            "{\"tranches\":[{\"percent\":\"60\",\"trigger\":\"SIGNING\"},"
                + "{\"percent\":\"30\",\"trigger\":\"DATE\"}]}");
    List<String> r = rules(bad);
    assertTrue(r.contains("C-TRANCHE:tranches"), r.toString());
    assertTrue(r.contains("C-TRANCHE:tranche_1_percent"), r.toString());
    assertTrue(r.contains("F-REQ:planReason"), r.toString());
    assertEquals(
        List.of("70.00", "30.00"),
        Db.strings("select percent from ct_tranche where project_id = ? order by number", p));
    assertEquals(
        403, dept.json("PUT", base + "/tranches", "{\"tranches\":[],\"reason\":\"x\"}").status());
    Api.Reply ok =
        officer.json(
            "PUT",
            base + "/tranches",
            "{\"tranches\":[{\"percent\":\"60\",\"trigger\":\"SIGNING\"},"
                + "{\"percent\":\"25.5\",\"trigger\":\"MIDTERM\"},"
                + "{\"percent\":\"14.5\",\"trigger\":\"DATE\",\"dueOn\":\"2027-06-30\"}],"
                + "\"reason\":\"合同约定三期拨付\"}");
    assertEquals(200, ok.status(), ok.body());
    assertEquals(3, ok.json().getJsonArray("tranches").size());
    assertEquals(
        new BigDecimal("255000.00"),
        ok.json()
            .getJsonArray("tranches")
            .getJsonObject(1)
            .getJsonNumber("amount")
            .bigDecimalValue());
    // the first tranche paid; then the plan is fixed
    assertEquals(
        201,
        dept.json("POST", base + "/disbursements", disbursement("2026-03-02", "600000.00", "PL-1"))
            .status());
    assertEquals(
        List.of("F-STATE:tranches"),
        rules(
            officer.json(
                "PUT",
                base + "/tranches",
                "{\"tranches\":[{\"percent\":\"100\",\"trigger\":\"SIGNING\"}],"
                    + "\"reason\":\"再改\"}")));
    // the mid-term check passed: the second tranche is due; a day in the future is refused
    assertEquals(
        List.of("C-PERIOD:reachedOn"),
        rules(officer.json("POST", base + "/tranches/2/reached", "{\"date\":\"2099-01-01\"}")));
    assertEquals(
        List.of("F-STATE:reachedOn"),
        rules(officer.json("POST", base + "/tranches/1/reached", "{\"date\":\"2026-05-01\"}")));
    Api.Reply reached =
        officer.json("POST", base + "/tranches/2/reached", "{\"date\":\"2026-05-01\"}");
    assertEquals(200, reached.status(), reached.body());
    JsonObject row = reached.json().getJsonObject("project");
    assertEquals(true, row.getBoolean("nextTrancheDue"), row.toString());
    assertEquals(2, row.getInt("nextTranche"));
    assertEquals(
        List.of("tranche-plan", "disburse", "tranche-reached"),
        Db.strings(
            "select action from krn_audit where entity_type = 'ContractLedger' and entity_id = ?"
                + " order by id",
            "project/" + p));
  }
}
