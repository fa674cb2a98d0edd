package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The contract (任务书) of an approved project (issue 14): generated from the approved application as
 * a PDF (parties, amounts in 元 and 万元, the tranche schedule, for a B line the transfer to the
 * partner and the PI's days on site); the lead unit reviews it and uploads the signed scan (a PDF
 * by its content: a PNG renamed .pdf is refused); the officer returns it with a reason or
 * countersigns, on the screen too; each step audited, the wrong roles refused (403) and guessed ids
 * not found (404). Change requests keep their old and new values; a period that would leave a
 * recorded disbursement outside is refused, an amount above the line's cap is G6, an approved
 * amount goes through the ledger.
 */
class ContractIT extends BrowserIT {

  static final long UNIT = 923901;
  static final long OTHER_UNIT = 923902;
  static int next = 0;

  static synchronized void units() throws Exception {
    if (Db.strings("select id from dir_organisation where id = ?", UNIT).isEmpty()) {
      Db.createOrganisation(UNIT, "合同测试牵头单位", "91330100MA2CTD001X", "ENTERPRISE");
      Db.createOrganisation(OTHER_UNIT, "合同测试其他单位", "91330100MA2CTD002X", "ENTERPRISE");
      Db.createAccount("it_ct_unit", "UNIT_ADMIN", UNIT);
      Db.createAccount("it_ct_unit2", "UNIT_ADMIN", OTHER_UNIT);
      Db.createAccount("it_ct_pi", "APPLICANT", UNIT);
      Db.createAccount("it_ct_pi2", "APPLICANT", UNIT);
      Db.createAccount("it_ct_fin2", "FINANCE", OTHER_UNIT);
    }
  }

  /**
   * An approved application of UNIT on B2 (partner 凉山州演示农业合作社, 20 days on site a year, transfer
   * 300,000.00 planned) and its project: 600,000.00 approved for 2026–2027, 70 % on signing, 30 %
   * after the mid-term check, in {@code state}; returns the project's id.
   */
  static synchronized long project(String state) throws Exception {
    units();
    long id = 923900 + (++next) * 10 + System.nanoTime() % 7;
    String no = "IT-CT-" + id;
    Db.update(
        "insert into sub_application (id, call_id, line_code, status, pi_username, pi_name,"
            + " organisation_id, title_zh, region_code, partner_name, start_month, end_month,"
            + " subsidy, self_funds, transfer_amount, onsite_days, text_indicators, acceptance_no,"
            + " submitted_at, created_at, updated_at) select ?, id, 'B2', 'APPROVED', 'it_ct_pi',"
            + " '合同负责人', ?, '合同测试项目', 'SC-12-68', '凉山州演示农业合作社', '2026-01',"
            + " '2027-12', 600000.00, 100000.00, 300000.00, 20, '建立示范基地 2 个，培训 30 人次', ?,"
            + " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) from call_call where"
            + " call_year = 2026",
        id,
        UNIT,
        no);
    Db.update(
        "insert into sub_budget_item (application_id, category, amount) values (?, 'EQUIPMENT',"
            + " 200000.00)",
        id);
    Db.update(
        "insert into ct_project (id, application_id, call_id, line_code, acceptance_no, title_zh,"
            + " organisation_id, pi_username, pi_name, region_code, requested, approved,"
            + " period_from, period_to, max_transfer_percent, planned_transfer,"
            + " onsite_days_per_year, contract_state, created_at, created_by) select ?, ?, id,"
            + " 'B2', ?, '合同测试项目', ?, 'it_ct_pi', '合同负责人', 'SC-12-68', 600000.00,"
            + " 600000.00, '2026-01-01', '2027-12-31', 50.00, 300000.00, 20, ?, UTC_TIMESTAMP(6),"
            + " 'it' from call_call where call_year = 2026",
        id,
        id,
        no,
        UNIT,
        state);
    Db.update(
        "insert into ct_tranche (project_id, number, percent, trigger_kind) values (?, 1, 70,"
            + " 'SIGNING'), (?, 2, 30, 'MIDTERM')",
        id,
        id);
    return id;
  }

  static byte[] pdf() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A PNG's bytes (what a phone's photo of the contract is), to be sent as "contract.pdf". */
  static byte[] png() {
    byte[] b = new byte[256];
    byte[] head = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static List<String> rules(Api.Reply r) {
    List<String> out = new ArrayList<>();
    for (var v : r.json().getJsonArray("violations")) {
      JsonObject o = v.asJsonObject();
      out.add(o.getString("ruleId") + ":" + (o.isNull("field") ? null : o.getString("field")));
    }
    return out;
  }

  static String state(long p) throws Exception {
    return Db.strings("select contract_state from ct_project where id = ?", p).get(0);
  }

  static Api.Reply upload(Api api, long p, String name, byte[] content) throws Exception {
    return api.send(
        "POST",
        "api/v1/contract/contracts/" + p + "/scan?fileName=" + name,
        "application/pdf",
        content);
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("[ \\t]*\\r?\\n[ \\t]*", "\n");
    }
  }

  @Test
  void theContractGoesFromDraftToInForceWithTheRightRolesOnly() throws Exception {
    long p = project("DRAFT");
    String base = "api/v1/contract/contracts/" + p;
    Api unit = Api.as(browser, this.base, "it_ct_unit", "Demo@2026");
    Api unit2 = Api.as(browser, this.base, "it_ct_unit2", "Demo@2026");
    Api pi = Api.as(browser, this.base, "it_ct_pi", "Demo@2026");
    Api officer = Api.as(browser, this.base, "demo_officer", "Demo@2026");
    Api finance = Api.as(browser, this.base, "demo_finance", "Demo@2026");
    Api finance2 = Api.as(browser, this.base, "it_ct_fin2", "Demo@2026");

    // who sees it: the unit, the PI, the officer, the Department's finance; not another unit
    for (Api a : List.of(unit, pi, officer, finance)) {
      Api.Reply r = a.get(base);
      assertEquals(200, r.status(), r.body());
    }
    assertEquals(404, unit2.get(base).status());
    assertEquals(404, finance2.get(base).status());
    assertEquals(404, finance2.get(base + "/pdf").status());
    assertEquals(404, officer.get("api/v1/contract/contracts/99999999").status());
    assertEquals(404, officer.get("api/v1/contract/contracts/99999999/pdf").status());
    JsonObject v = unit.get(base).json();
    assertEquals("DRAFT", v.getJsonObject("project").getString("state"));
    assertTrue(v.getBoolean("mayReview"));
    assertEquals(
        0,
        unit2.get("api/v1/contract/contracts").jsonArray().stream()
            .filter(x -> x.asJsonObject().getJsonNumber("projectId").longValue() == p)
            .count());
    assertEquals(
        1,
        officer.get("api/v1/contract/contracts?state=DRAFT").jsonArray().stream()
            .filter(x -> x.asJsonObject().getJsonNumber("projectId").longValue() == p)
            .count());

    // the PDF: parties, money in 元 and 万元, tranches, the transfer and the days on site
    String t = text(pi.bytes(base + "/pdf"));
    assertTrue(t.contains("浙江省科技合作项目任务书"), t);
    assertTrue(t.contains("浙江省科学技术厅"), t);
    assertTrue(t.contains("合同测试牵头单位"), t);
    assertTrue(t.contains("凉山州演示农业合作社"), t);
    assertTrue(t.contains("合同负责人"), t);
    assertTrue(t.contains("600,000.00 元（60 万元）"), t);
    assertTrue(t.contains("420,000.00 元（42 万元）"), t);
    assertTrue(t.contains("180,000.00 元（18 万元）"), t);
    assertTrue(t.contains("300,000.00 元（30 万元）"), t);
    assertTrue(t.contains("50%"), t);
    assertTrue(t.contains("每年不少于 20 天"), t);
    assertTrue(t.contains("200,000.00 元（20 万元）"), t);

    // the review: only the lead unit's administrator
    String remark = "{\"remark\":\"内容无误\"}";
    assertEquals(403, officer.json("POST", base + "/review", remark).status());
    assertEquals(403, pi.json("POST", base + "/review", remark).status());
    assertEquals(404, unit2.json("POST", base + "/review", remark).status());
    assertEquals(
        404, unit.json("POST", "api/v1/contract/contracts/99999999/review", remark).status());
    Api.Reply reviewed = unit.json("POST", base + "/review", remark);
    assertEquals(200, reviewed.status(), reviewed.body());
    assertEquals("UNIT_REVIEWED", state(p));
    assertEquals(List.of("F-STATE:null"), rules(unit.json("POST", base + "/review", remark)));
    assertEquals(List.of("F-STATE:null"), rules(officer.json("POST", base + "/countersign", "{}")));

    // the scan: a PNG named .pdf is refused by its content, nothing saved
    Api.Reply photo = upload(unit, p, "contract.pdf", png());
    assertEquals(422, photo.status(), photo.body());
    assertEquals(List.of("F-FILE:scan"), rules(photo));
    assertTrue(photo.body().contains("contract.pdf"), photo.body());
    assertEquals("UNIT_REVIEWED", state(p));
    assertEquals(403, upload(pi, p, "c.pdf", pdf()).status());
    assertEquals(404, upload(unit2, p, "c.pdf", pdf()).status());
    byte[] scan = pdf();
    Api.Reply up = upload(unit, p, "signed.pdf", scan);
    assertEquals(200, up.status(), up.body());
    assertEquals(sha256(scan), up.json().getString("scanSha256"));
    assertEquals("SIGNED_UPLOADED", state(p));
    assertEquals(sha256(scan), sha256(officer.bytes(base + "/scan")));

    // the officer: only they countersign or return; a return needs a reason
    assertEquals(403, unit.json("POST", base + "/countersign", "{}").status());
    assertEquals(403, finance.json("POST", base + "/countersign", "{}").status());
    assertEquals(
        List.of("F-REQ:returnReason"),
        rules(officer.json("POST", base + "/return", "{\"reason\":\" \"}")));
    Api.Reply back = officer.json("POST", base + "/return", "{\"reason\":\"缺少单位公章\"}");
    assertEquals(200, back.status(), back.body());
    assertEquals("UNIT_REVIEWED", state(p));
    assertEquals("缺少单位公章", back.json().getString("returnReason"));
    assertEquals(200, upload(unit, p, "signed2.pdf", pdf()).status());
    Api.Reply signed = officer.json("POST", base + "/countersign", "{}");
    assertEquals(200, signed.status(), signed.body());
    assertEquals("IN_FORCE", state(p));
    assertFalse(signed.json().isNull("inForceAt"));
    assertNotNull(Db.strings("select in_force_at from ct_project where id = ?", p).get(0));
    assertEquals(
        List.of("review", "upload", "return", "upload", "countersign"),
        Db.strings(
            "select action from krn_audit where entity_type = 'ContractDocument' and entity_id ="
                + " ? order by id",
            "project/" + p));
  }

  @Test
  void theDemoProjectsContractsReadFromTheirApplications() throws Exception {
    Api officer = Api.as(browser, this.base, "demo_officer", "Demo@2026");
    int demo = 0;
    for (var x : officer.get("api/v1/contract/contracts").jsonArray()) {
      JsonObject r = x.asJsonObject();
      long id = r.getJsonNumber("projectId").longValue();
      if (id < 900401 || id > 900499) {
        continue;
      }
      demo++;
      Api.Reply v = officer.get("api/v1/contract/contracts/" + id);
      assertEquals(200, v.status(), v.body());
      String t = text(officer.bytes("api/v1/contract/contracts/" + id + "/pdf"));
      assertTrue(t.contains(r.getString("unitName")), t);
      assertTrue(t.contains(r.getString("acceptanceNo")), t);
      assertTrue(t.contains(" 元（"), t);
      if (r.getString("lineCode").startsWith("B")) {
        assertTrue(t.contains("每年不少于"), t);
        assertTrue(t.contains("拨付上限"), t);
      }
    }
    assertTrue(demo >= 1, "demo projects seen: " + demo);
  }

  static String change(String kind, String field, String value, String justification) {
    return "{\"kind\":\""
        + kind
        + "\","
        + field
        + (value == null ? "" : "\"" + value + "\"")
        + ",\"justification\":\""
        + justification
        + "\"}";
  }

  static long requestId(Api.Reply r) {
    return r.json().getJsonNumber("id").longValue();
  }

  @Test
  void changeRequestsKeepOldAndNewValuesAndThePeriodKeepsTheMoney() throws Exception {
    long p = project("IN_FORCE");
    String base = "api/v1/contract/contracts/" + p;
    Db.update(
        "insert into ct_ledger_entry (project_id, kind, entry_date, amount, voucher_no,"
            + " recorded_at, recorded_by) values (?, 'DISBURSEMENT', '2026-03-02', 420000.00,"
            + " 'CT-1', UTC_TIMESTAMP(6), 'it')",
        p);
    Api unit = Api.as(browser, this.base, "it_ct_unit", "Demo@2026");
    Api unit2 = Api.as(browser, this.base, "it_ct_unit2", "Demo@2026");
    Api pi = Api.as(browser, this.base, "it_ct_pi", "Demo@2026");
    Api officer = Api.as(browser, this.base, "demo_officer", "Demo@2026");

    // a period that would leave the disbursement of 2026-03-02 outside: filed, then refused
    String later =
        "{\"kind\":\"PERIOD\",\"periodFrom\":\"2026-06-01\",\"periodTo\":\"2028-05-31\","
            + "\"justification\":\"合作方推迟启动\"}";
    assertEquals(403, pi.json("POST", base + "/changes", later).status());
    assertEquals(403, officer.json("POST", base + "/changes", later).status());
    assertEquals(404, unit2.json("POST", base + "/changes", later).status());
    Api.Reply filed = unit.json("POST", base + "/changes", later);
    assertEquals(201, filed.status(), filed.body());
    long period = requestId(filed);
    assertEquals("2026-01-01 至 2027-12-31", filed.json().getString("oldValue"));
    assertEquals("2026-06-01 至 2028-05-31", filed.json().getString("newValue"));
    assertEquals(
        403,
        unit.json("POST", base + "/changes/" + period + "/decision", "{\"approve\":true}")
            .status());
    Api.Reply outside =
        officer.json("POST", base + "/changes/" + period + "/decision", "{\"approve\":true}");
    assertEquals(422, outside.status(), outside.body());
    assertEquals(List.of("C-PERIOD:period"), rules(outside));
    assertEquals(
        List.of("2026-01-01", "2027-12-31", "PENDING"),
        List.of(
            Db.strings("select period_from from ct_project where id = ?", p).get(0),
            Db.strings("select period_to from ct_project where id = ?", p).get(0),
            Db.strings("select state from ct_change_request where id = ?", period).get(0)));
    Api.Reply no =
        officer.json(
            "POST",
            base + "/changes/" + period + "/decision",
            "{\"approve\":false,\"reason\":\"已有拨款在原期限内\"}");
    assertEquals(200, no.status(), no.body());
    assertEquals("REJECTED", no.json().getString("state"));
    assertEquals(
        List.of("F-STATE:null"),
        rules(
            officer.json("POST", base + "/changes/" + period + "/decision", "{\"approve\":true}")));
    assertEquals(
        404,
        officer.json("POST", base + "/changes/99999999/decision", "{\"approve\":true}").status());

    // a longer period that keeps the money: approved, the project's period changes
    Api.Reply longer =
        unit.json(
            "POST",
            base + "/changes",
            "{\"kind\":\"PERIOD\",\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2028-06-30\","
                + "\"justification\":\"延长半年\"}");
    assertEquals(201, longer.status(), longer.body());
    Api.Reply ok =
        officer.json(
            "POST", base + "/changes/" + requestId(longer) + "/decision", "{\"approve\":true}");
    assertEquals(200, ok.status(), ok.body());
    assertEquals(
        "2028-06-30", Db.strings("select period_to from ct_project where id = ?", p).get(0));

    // the amount: above the line's cap is G6; lower, through the ledger
    Api.Reply cap =
        unit.json("POST", base + "/changes", change("AMOUNT", "\"amount\":", "700000.00", "扩大示范"));
    assertEquals(List.of("G6:approved"), rules(cap), cap.body());
    Api.Reply less =
        unit.json("POST", base + "/changes", change("AMOUNT", "\"amount\":", "500000.00", "缩减规模"));
    assertEquals(201, less.status(), less.body());
    assertEquals("600,000.00 元（60 万元）", less.json().getString("oldValue"));
    assertEquals("500,000.00 元（50 万元）", less.json().getString("newValue"));
    Api.Reply amount =
        officer.json(
            "POST", base + "/changes/" + requestId(less) + "/decision", "{\"approve\":true}");
    assertEquals(200, amount.status(), amount.body());
    assertEquals(
        List.of("500000.00"),
        Db.strings(
            "select amount from ct_ledger_entry where project_id = ? and kind = 'APPROVED'", p));
    JsonObject c = unit.get(base).json();
    assertEquals(
        0,
        new java.math.BigDecimal("500000.00")
            .compareTo(c.getJsonObject("project").getJsonNumber("approved").bigDecimalValue()));

    // the PI and the partner change the terms shown
    Api.Reply newPi =
        unit.json(
            "POST", base + "/changes", change("PI", "\"piUsername\":", "it_ct_pi2", "原负责人调离"));
    assertEquals(201, newPi.status(), newPi.body());
    assertEquals(
        200,
        officer
            .json("POST", base + "/changes/" + requestId(newPi) + "/decision", "{\"approve\":true}")
            .status());
    assertEquals(
        "it_ct_pi2", Db.strings("select pi_username from ct_project where id = ?", p).get(0));
    Api.Reply partner =
        unit.json(
            "POST", base + "/changes", change("PARTNER", "\"partnerName\":", "阿坝州演示合作社", "合作方变更"));
    assertEquals(201, partner.status(), partner.body());
    assertEquals("凉山州演示农业合作社", partner.json().getString("oldValue"));
    officer.json(
        "POST", base + "/changes/" + requestId(partner) + "/decision", "{\"approve\":true}");
    assertEquals("阿坝州演示合作社", unit.get(base).json().getString("partnerName"));

    // the history: every request with its old and new value, in order
    List<String> history = new ArrayList<>();
    for (var x : unit.get(base).json().getJsonArray("changes")) {
      JsonObject o = x.asJsonObject();
      history.add(
          o.getString("kind")
              + " "
              + o.getString("oldValue")
              + " → "
              + o.getString("newValue")
              + " "
              + o.getString("state"));
    }
    assertEquals(
        List.of(
            "PERIOD 2026-01-01 至 2027-12-31 → 2026-06-01 至 2028-05-31 REJECTED",
            "PERIOD 2026-01-01 至 2027-12-31 → 2026-01-01 至 2028-06-30 APPROVED",
            "AMOUNT 600,000.00 元（60 万元） → 500,000.00 元（50 万元） APPROVED",
            history.get(3),
            "PARTNER 凉山州演示农业合作社 → 阿坝州演示合作社 APPROVED"),
        history);
    assertTrue(
        history.get(3).startsWith("PI 合同负责人 → ") && history.get(3).endsWith(" APPROVED"),
        history.get(3));
  }

  @Test
  void theUnitUploadsTheScanAndTheOfficerCountersignsOnTheScreen() throws Exception {
    long p = project("DRAFT");
    String base = "api/v1/contract/contracts/" + p;
    // Api.as signs in through the browser: the browser is the unit's administrator now
    Api unit = Api.as(browser, this.base, "it_ct_unit", "Demo@2026");
    assertEquals(200, unit.json("POST", base + "/review", "{}").status());
    browser.open("/app/home.xhtml");
    String home = browser.waitFor(By.id("unitContracts")).getText();
    assertTrue(home.contains("待上传签章扫描件"), home);

    // the unit uploads: a PNG named .pdf is refused beside the field, then the signed PDF
    browser.open("/app/contract/contract.xhtml?id=" + p);
    By file = By.cssSelector("input[type=file][id^='upload:scan']");
    browser.waitFor(file);
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
    java.nio.file.Path photo = java.nio.file.Files.createTempFile("hezuo-ct-", ".pdf");
    java.nio.file.Files.write(photo, png());
    browser.waitFor(file).sendKeys(photo.toString());
    org.openqa.selenium.WebElement button = browser.driver.findElement(By.id("upload:doUpload"));
    button.click();
    browser.waitUntilGone(button);
    browser.waitForText(By.xpath("//input[@type='file']/ancestor::div[1]"), "F-FILE");
    assertEquals("UNIT_REVIEWED", state(p));
    java.nio.file.Path signed = java.nio.file.Files.createTempFile("hezuo-ct-", ".pdf");
    java.nio.file.Files.write(signed, pdf());
    browser.waitFor(file).sendKeys(signed.toString());
    button = browser.driver.findElement(By.id("upload:doUpload"));
    button.click();
    browser.waitUntilGone(button);
    browser.waitForText(By.id("state"), "已上传签章合同");
    assertEquals("SIGNED_UPLOADED", state(p));

    // the officer finds it among the uploaded ones and countersigns after the confirmation
    browser.logout();
    browser.login("demo_officer", "Demo@2026");
    browser.open("/app/contract/contracts.xhtml?state=SIGNED_UPLOADED");
    browser.waitFor(By.id("ct:rows"));
    assertTrue(browser.bodyText().contains("IT-CT-" + p), browser.bodyText());
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
    browser.open("/app/contract/contract.xhtml?id=" + p);
    browser.waitFor(By.id("officer:countersign"));
    assertEquals("已上传签章合同", browser.driver.findElement(By.id("state")).getText());
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
    browser.clickWhenClickable(By.id("officer:countersign"));
    browser.clickWhenClickable(By.id("confirmForm:confirmYes"));
    browser.ajaxIdle();
    browser.waitForText(By.id("state"), "已生效");
    assertEquals("IN_FORCE", state(p));
    assertTrue(browser.driver.findElements(By.id("officer:countersign")).isEmpty());
    assertTrue(browser.axe().isEmpty(), browser.axe().toString());
  }
}
