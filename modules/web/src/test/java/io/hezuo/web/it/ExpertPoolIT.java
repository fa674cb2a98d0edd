package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The officer's expert pool (issue 13): a good file imports (experts in the pool, accounts with a
 * one-time password that must be changed, the password in the e-mail outbox); a bad file imports
 * nothing and its report names each row, column and rule; a second import updates by ID document;
 * deactivation blocks the expert's login and reactivation restores it; only officers reach the
 * endpoints; the export and the template read back; the screen imports, lists and deactivates.
 */
class ExpertPoolIT extends BrowserIT {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final String[] HEADER = {
    "姓名", "证件类型", "证件号码", "工作单位", "统一社会信用代码", "职称", "学科代码", "所在城市", "电子邮箱", "手机号码", "最大评审数"
  };

  static byte[] xlsx(List<String[]> rows) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("experts");
      Row h = sheet.createRow(0);
      for (int c = 0; c < HEADER.length; c++) {
        h.createCell(c).setCellValue(HEADER[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).length; c++) {
          row.createCell(c).setCellValue(rows.get(r)[c]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  static String[] expert(String name, String id, String email, String fields) {
    return new String[] {
      name, "居民身份证", id, "IT 评审大学", "", "教授", fields, "杭州", email, "13912340000", ""
    };
  }

  /** Uploads a file (202: an import job) and waits for the job to end. */
  static JsonObject imported(Api officer, String query, byte[] xlsx) throws Exception {
    Api.Reply started = officer.send("POST", "api/v1/scoring/experts/imports?" + query, XLSX, xlsx);
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonObject("job").getJsonNumber("id").longValue();
    AtomicReference<JsonObject> last = new AtomicReference<>();
    Awaitility.await("the import " + id + " ends")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Api.Reply r = officer.get("api/v1/scoring/experts/imports/" + id);
              assertEquals(200, r.status(), r.body());
              last.set(r.json());
              return !"RUNNING".equals(r.json().getJsonObject("job").getString("status"));
            });
    return last.get();
  }

  static String status(JsonObject imported) {
    return imported.getJsonObject("job").getString("status");
  }

  static long experts() throws Exception {
    return Long.parseLong(Db.strings("select count(*) from sc_expert").get(0));
  }

  /** The one-time password the expert's e-mail carries, and the user name it names. */
  static String[] mailed(String email) throws Exception {
    List<String> bodies =
        Db.strings(
            "select body from krn_mail_outbox where to_address = ? and entity_type = 'Expert'"
                + " order by id",
            email);
    assertEquals(1, bodies.size(), bodies.toString());
    Matcher user = Pattern.compile("登录账号：(\\S+)").matcher(bodies.get(0));
    Matcher password = Pattern.compile("一次性密码：(\\S+)").matcher(bodies.get(0));
    assertTrue(user.find() && password.find(), bodies.get(0));
    assertTrue(bodies.get(0).contains("One-time password: " + password.group(1)), bodies.get(0));
    return new String[] {user.group(1), password.group(1)};
  }

  @Test
  void aGoodFileImportsWithAccountsAndAReImportUpdatesByIdDocument() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    String a = OtherPlansIT.residentId("33010619700101101");
    String b = OtherPlansIT.residentId("33020319720202202");
    long before = experts();

    JsonObject done =
        imported(
            officer,
            "fileName=pool.xlsx&note=IT%20%E4%B8%93%E5%AE%B6",
            xlsx(
                List.of(
                    expert("IT 甲专家", a, "it.pool.a@example.org", "F0102、AI"),
                    expert("IT 乙专家", b, "it.pool.b@example.org", "CLIMATE"))));
    assertEquals("DONE", status(done), done.toString());
    assertEquals(2, done.getJsonObject("outcome").getInt("created"), done.toString());
    assertEquals(0, done.getJsonObject("outcome").getInt("updated"), done.toString());
    assertEquals(2, done.getJsonObject("outcome").getInt("accounts"), done.toString());
    assertEquals(before + 2, experts());
    assertEquals(
        List.of("IT 甲专家|F0102,AI|杭州市|20|1"),
        Db.strings(
            "select concat(name, '|', fields, '|', city, '|', max_load, '|', active) from sc_expert"
                + " where id_type = 'RESIDENT_ID' and id_number = ?",
            a));

    // each has an account: EXPERT, active, the one-time password to be changed, sent by e-mail
    String[] mailA = mailed("it.pool.a@example.org");
    assertEquals("it.pool.a.example", mailA[0]);
    assertEquals(
        List.of(mailA[0] + " ACTIVE 1 EXPERT"),
        Db.strings(
            "select concat(a.username, ' ', a.status, ' ', a.must_change_password, ' ', r.role)"
                + " from dir_account a join dir_account_role r on r.account_id = a.id"
                + " where a.username = (select username from sc_expert where id_number = ?)",
            a));
    assertFalse(
        Db.strings("select password_hash from dir_account where username = ?", mailA[0])
            .get(0)
            .contains(mailA[1]));
    // the one-time password signs in, but only to change it
    Api.Reply first = Api.basic(base, mailA[0], mailA[1]).get("api/v1/scoring/sheets/A1");
    assertEquals(403, first.status(), first.body());
    assertTrue(first.body().contains("Change the one-time password"), first.body());
    // never shown in lists
    Api.Reply list = officer.get("api/v1/scoring/experts?q=IT%20%E7%94%B2");
    assertEquals(200, list.status(), list.body());
    assertEquals(1, list.json().getInt("total"), list.body());
    assertFalse(list.body().contains(mailA[1]), list.body());
    assertFalse(list.body().contains(a), list.body());
    JsonObject item = list.json().getJsonArray("items").getJsonObject(0);
    assertEquals(
        a.substring(0, 6) + "********" + a.substring(14), item.getString("idNumberMasked"));
    assertEquals(mailA[0], item.getString("username"));
    assertFalse(
        Db.strings(
                "select id from krn_audit where entity_type = 'ExpertPool' and action = 'import'"
                    + " and actor = 'demo_officer' and reason = 'pool.xlsx: IT 专家'")
            .isEmpty());

    // the same people again, one renamed, with new fields and another unit: updated, not added,
    // no second account or e-mail; by ID document, never by name
    String[] renamed = expert("IT 甲专家（更名）", a, "it.pool.a@example.org", "H2701");
    renamed[3] = "IT 另一所大学";
    renamed[10] = "8";
    String c = OtherPlansIT.residentId("33030219750303303");
    JsonObject again =
        imported(
            officer,
            "fileName=pool-again.xlsx",
            xlsx(
                List.of(
                    renamed,
                    expert("IT 乙专家", b, "it.pool.b@example.org", "CLIMATE"),
                    expert("IT 甲专家", c, "it.pool.a@example.net", "F0102"))));
    assertEquals("DONE", status(again), again.toString());
    assertEquals(1, again.getJsonObject("outcome").getInt("created"), again.toString());
    assertEquals(2, again.getJsonObject("outcome").getInt("updated"), again.toString());
    assertEquals(1, again.getJsonObject("outcome").getInt("accounts"), again.toString());
    assertEquals(before + 3, experts());
    assertEquals(
        List.of("IT 甲专家（更名）|IT 另一所大学|H2701|8|" + mailA[0]),
        Db.strings(
            "select concat(name, '|', unit_name, '|', fields, '|', max_load, '|', username)"
                + " from sc_expert where id_number = ?",
            a));
    mailed("it.pool.a@example.org"); // still one e-mail
    // a namesake with another document is another expert; the user name asked for is taken
    assertEquals(mailA[0] + "2", mailed("it.pool.a@example.net")[0]);
    assertEquals(
        List.of("1"),
        Db.strings(
            "select count(*) from dir_account a join dir_person p on p.id = a.person_id"
                + " where p.id_number = ?",
            a));
  }

  @Test
  void aBadFileImportsNothingAndItsReportNamesRowsColumnsAndRules() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    String good = OtherPlansIT.residentId("33010619800808808");
    String badDigit = good.substring(0, 17) + (good.charAt(17) == '1' ? "2" : "1");
    long before = experts();
    long accounts = Long.parseLong(Db.strings("select count(*) from dir_account").get(0));

    String[] badId = expert("IT 坏号码", badDigit, "it.bad.1@example.org", "F0102");
    String[] badMail = expert("IT 坏邮箱", OtherPlansIT.residentId("33010619810909909"), "x@", "F01");
    badMail[9] = "12345";
    String[] badCode =
        expert(
            "IT 坏代码",
            OtherPlansIT.residentId("33010619821010010"),
            "it.bad.3@example.org",
            "Q99 F0102");
    String[] twice = expert("IT 好人", good, "it.bad.4@example.org", "F0102");
    String[] again = expert("IT 好人重复", good, "it.bad.5@example.org", "F0103");
    JsonObject refused =
        imported(
            officer,
            "fileName=bad-pool.xlsx",
            xlsx(List.of(badId, badMail, badCode, twice, again)));
    assertEquals("REFUSED", status(refused), refused.toString());
    List<String> where = new ArrayList<>();
    for (var v : refused.getJsonArray("problems")) {
      JsonObject p = v.asJsonObject();
      where.add(p.getInt("row") + " " + p.getString("column") + " " + p.getString("ruleId"));
      assertFalse(p.getString("messageZh").startsWith("???"), p.toString());
      assertFalse(p.getString("messageEn").startsWith("???"), p.toString());
    }
    assertEquals(
        List.of(
            "2 idNumber F-ID",
            "3 email F-EMAIL",
            "3 phone F-PHONE",
            "4 fields F-POOL",
            "6 idNumber F-POOL"),
        where);
    JsonObject digit = refused.getJsonArray("problems").getJsonObject(0);
    assertEquals("证件号码", digit.getString("columnZh"));
    assertEquals("id number", digit.getString("columnEn"));
    assertTrue(digit.getString("messageZh").contains("校验码"), digit.toString());
    JsonObject duplicate = refused.getJsonArray("problems").getJsonObject(4);
    assertTrue(duplicate.getString("messageZh").contains("第 5 行"), duplicate.toString());
    assertTrue(duplicate.getString("messageEn").contains("row 5"), duplicate.toString());
    assertTrue(!refused.containsKey("outcome") || refused.isNull("outcome"), refused.toString());
    // nothing imported, no account made, no e-mail
    assertEquals(before, experts());
    assertEquals(accounts, Long.parseLong(Db.strings("select count(*) from dir_account").get(0)));
    assertTrue(
        Db.strings("select id from krn_mail_outbox where to_address like 'it.bad.%'").isEmpty());

    // a good file whose e-mail another expert of the pool holds (checked against the pool while
    // the rows are read a chunk at a time): refused on that cell
    JsonObject taken =
        imported(
            officer,
            "fileName=taken.xlsx&chunk=1",
            xlsx(
                List.of(
                    expert(
                        "IT 新专家",
                        OtherPlansIT.residentId("33010619831111111"),
                        "it.bad.6@example.org",
                        "F01"),
                    expert(
                        "IT 撞邮箱",
                        OtherPlansIT.residentId("33010619841212212"),
                        "EXPERT06@demo.hezuo.local",
                        "F01"))));
    assertEquals("REFUSED", status(taken), taken.toString());
    JsonObject mail = taken.getJsonArray("problems").getJsonObject(0);
    assertEquals(1, taken.getJsonArray("problems").size(), taken.toString());
    assertEquals(
        "3 email F-EMAIL",
        mail.getInt("row") + " " + mail.getString("column") + " " + mail.getString("ruleId"));
    assertTrue(mail.getString("messageEn").contains("Another expert"), mail.toString());
    assertEquals(before, experts());

    // not a workbook: one problem of the whole file
    JsonObject notXlsx =
        imported(officer, "fileName=notes.txt", "name,id".getBytes(StandardCharsets.UTF_8));
    assertEquals("REFUSED", status(notXlsx), notXlsx.toString());
    JsonObject file = notXlsx.getJsonArray("problems").getJsonObject(0);
    assertEquals(0, file.getInt("row"));
    assertTrue(file.getString("messageEn").contains("not an Excel workbook"), file.toString());
  }

  @Test
  void deactivationBlocksTheLoginAndReactivationRestoresIt() throws Exception {
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    String id = OtherPlansIT.residentId("33060219690606606");
    JsonObject done =
        imported(
            officer,
            "fileName=one.xlsx",
            xlsx(
                List.<String[]>of(
                    expert("IT 停用专家", id, "it.pool.off@example.org", "SUSTAINABLE"))));
    assertEquals("DONE", status(done), done.toString());
    String[] mail = mailed("it.pool.off@example.org");
    String password = "Pool#Review2026x";
    Api.Reply changed =
        Api.basic(base, mail[0], mail[1])
            .json(
                "POST",
                "api/v1/directory/account/password",
                "{\"current\":\""
                    + mail[1]
                    + "\",\"password\":\""
                    + password
                    + "\",\"passwordRepeat\":\""
                    + password
                    + "\"}");
    assertEquals(204, changed.status(), changed.body());
    Api expert = Api.basic(base, mail[0], password);
    assertEquals(200, expert.get("api/v1/scoring/sheets/A1").status());

    long expertId =
        Long.parseLong(Db.strings("select id from sc_expert where id_number = ?", id).get(0));
    // a reason is required
    Api.Reply noReason =
        officer.json("POST", "api/v1/scoring/experts/" + expertId + "/deactivate", "{}");
    assertEquals(422, noReason.status(), noReason.body());
    assertTrue(noReason.body().contains("F-REQ"), noReason.body());
    assertEquals(List.of("1"), Db.strings("select active from sc_expert where id = ?", expertId));

    Api.Reply off =
        officer.json(
            "POST",
            "api/v1/scoring/experts/" + expertId + "/deactivate",
            "{\"reason\":\"IT 长期出国，暂停评审\"}");
    assertEquals(200, off.status(), off.body());
    assertFalse(off.json().getBoolean("active"));
    assertEquals("IT 长期出国，暂停评审", off.json().getString("deactivatedReason"));
    assertEquals(401, Api.basic(base, mail[0], password).get("api/v1/scoring/sheets/A1").status());
    assertEquals(
        List.of("0 DISABLED"),
        Db.strings(
            "select concat(e.active, ' ', a.status) from sc_expert e join dir_account a"
                + " on a.username = e.username where e.id = ?",
            expertId));
    Api.Reply inactive =
        officer.get("api/v1/scoring/experts?active=false&q=IT%20%E5%81%9C%E7%94%A8");
    assertEquals(1, inactive.json().getInt("total"), inactive.body());
    Api.Reply twice =
        officer.json(
            "POST", "api/v1/scoring/experts/" + expertId + "/deactivate", "{\"reason\":\"再次\"}");
    assertEquals(422, twice.status(), twice.body());

    Api.Reply on =
        officer.json(
            "POST", "api/v1/scoring/experts/" + expertId + "/activate", "{\"reason\":\"IT 已回国\"}");
    assertEquals(200, on.status(), on.body());
    assertTrue(on.json().getBoolean("active"));
    assertEquals(200, Api.basic(base, mail[0], password).get("api/v1/scoring/sheets/A1").status());
    assertEquals(
        List.of("deactivate IT 长期出国，暂停评审", "activate IT 已回国"),
        Db.strings(
            "select concat(action, ' ', reason) from krn_audit where entity_type = 'Expert'"
                + " and entity_id = ? and action in ('deactivate', 'activate') order by id",
            String.valueOf(expertId)));
    assertEquals(
        List.of("disable", "enable"),
        Db.strings(
            "select action from krn_audit where entity_type = 'Account' and action in"
                + " ('disable', 'enable') and entity_id = (select id from dir_account where"
                + " username = ?) order by id",
            mail[0]));
  }

  @Test
  void onlyOfficersReachThePoolAndTheExportAndTemplateReadBack() throws Exception {
    Api expert = Api.as(browser, base, "demo_expert", "Demo@2026");
    for (String[] call :
        List.of(
            new String[] {"GET", "api/v1/scoring/experts"},
            new String[] {"GET", "api/v1/scoring/experts/export"},
            new String[] {"GET", "api/v1/scoring/experts/template"},
            new String[] {"POST", "api/v1/scoring/experts/imports"},
            new String[] {"GET", "api/v1/scoring/experts/imports/latest"},
            new String[] {"GET", "api/v1/scoring/experts/imports/1"},
            new String[] {"POST", "api/v1/scoring/experts/900006/deactivate"},
            new String[] {"POST", "api/v1/scoring/experts/900044/activate"})) {
      Api.Reply r =
          call[0].equals("GET")
              ? expert.get(call[1])
              : call[1].endsWith("imports")
                  ? expert.send("POST", call[1], XLSX, xlsx(List.of()))
                  : expert.json("POST", call[1], "{\"reason\":\"x\"}");
      assertEquals(403, r.status(), call[1] + ": " + r.body());
    }
    assertEquals(List.of("1"), Db.strings("select active from sc_expert where id = 900006"));

    // the demo pool: 40 experts, the demo expert among them
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    Api.Reply demo = officer.get("api/v1/scoring/experts?q=%E9%92%B1%E4%B8%93%E5%AE%B6");
    assertEquals(
        "demo_expert", demo.json().getJsonArray("items").getJsonObject(0).getString("username"));
    assertTrue(
        Long.parseLong(Db.strings("select count(*) from sc_expert where demo = true").get(0))
            >= 40);
    Api.Reply ningbo =
        officer.get("api/v1/scoring/experts?city=%E5%AE%81%E6%B3%A2%E5%B8%82&field=AI");
    assertEquals(200, ningbo.status(), ningbo.body());
    for (var v : ningbo.json().getJsonArray("items")) {
      JsonObject e = v.asJsonObject();
      assertEquals("宁波市", e.getString("city"));
      assertTrue(e.getJsonArray("fields").toString().contains("\"AI\""), e.toString());
    }

    // the export: the import's columns, the masked ID number, each expert of the search
    byte[] export = officer.bytes("api/v1/scoring/experts/export?field=CLIMATE");
    long climate =
        Long.parseLong(
            Db.strings(
                    "select count(*) from sc_expert where concat(',', fields, ',') like '%,CLIMATE,%'")
                .get(0));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
      Sheet sheet = wb.getSheet("experts");
      assertNotNull(sheet);
      DataFormatter f = new DataFormatter();
      for (int c = 0; c < HEADER.length; c++) {
        assertEquals(HEADER[c], f.formatCellValue(sheet.getRow(0).getCell(c)));
      }
      assertEquals(climate, sheet.getLastRowNum(), "rows of CLIMATE experts");
      boolean demoExpert = false;
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        assertTrue(f.formatCellValue(sheet.getRow(r).getCell(6)).contains("CLIMATE"));
        if (f.formatCellValue(sheet.getRow(r).getCell(0)).equals("钱专家")) {
          demoExpert = true;
          assertEquals("330106********0054", f.formatCellValue(sheet.getRow(r).getCell(2)));
        }
      }
      assertTrue(demoExpert);
    }

    // the template: the headers and an example row the import takes
    byte[] template = officer.bytes("api/v1/scoring/experts/template");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter f = new DataFormatter();
      for (int c = 0; c < HEADER.length; c++) {
        assertEquals(HEADER[c], f.formatCellValue(sheet.getRow(0).getCell(c)));
      }
      assertEquals(1, sheet.getLastRowNum());
    }
  }

  @Test
  void theOfficersScreenImportsListsAndDeactivates() throws Exception {
    String id = OtherPlansIT.residentId("33070219660505505");
    Path file = Files.createTempDirectory("hezuo-pool").resolve("experts.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(
          xlsx(
              List.<String[]>of(expert("IT 界面专家", id, "it.pool.screen@example.org", "TCM F0102"))));
    }
    browser.driver.manage().deleteAllCookies();
    browser.login("demo_officer", "Demo@2026");
    browser.waitFor(By.id("home-OFFICER"));
    assertFalse(
        browser.driver.findElements(By.cssSelector("#menu a[data-menu=scoringExperts]")).isEmpty());
    browser.open("/app/scoring/experts.xhtml");
    browser
        .waitFor(By.cssSelector("#imp input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());
    browser.type("imp:note", "IT 界面");
    browser.driver.findElement(By.id("imp:submit")).click();
    browser.waitForText(By.id("jobStatus"), "已完成");
    browser.waitForText(By.id("outcome"), "新增 1 位");

    browser.type("list:q", "IT 界面专家");
    browser.driver.findElement(By.id("list:search")).click();
    browser.waitForText(By.id("list:experts"), "IT 界面专家");
    browser.waitForText(By.id("list:total"), "共 1 位专家");
    String table = browser.driver.findElement(By.id("list:experts")).getText();
    assertTrue(table.contains("TCM 中医药"), table);
    assertTrue(table.contains(id.substring(0, 6) + "********" + id.substring(14)), table);
    assertFalse(browser.driver.getPageSource().contains(id));
    ExcelExportsIT.compare("list", "list:experts", "list:experts:export", 11);

    // deactivate: the dialog asks for a reason
    browser.clickWhenClickable(By.id("list:experts:0:deactivate"));
    browser.waitFor(By.id("status:statusReason"));
    browser.clickWhenClickable(By.id("status:confirm"));
    browser.ajaxIdle();
    browser.waitForText(By.id("status"), "请填写理由");
    browser.typeSurely("status:statusReason", "IT 界面停用");
    browser.clickWhenClickable(By.id("status:confirm"));
    browser.waitForText(By.id("list:experts"), "已停用");
    assertEquals(
        List.of("0 IT 界面停用"),
        Db.strings(
            "select concat(active, ' ', deactivated_reason) from sc_expert where id_number = ?",
            id));

    // in English: the labels switch, the data stays
    org.openqa.selenium.WebElement intro = browser.driver.findElement(By.id("intro"));
    browser.driver.findElement(By.id("hdr:langEn")).click();
    browser.waitUntilGone(intro);
    browser.waitForText(By.id("intro"), "Import reviewers from Excel");
    org.openqa.selenium.WebElement english = browser.driver.findElement(By.id("intro"));
    browser.driver.findElement(By.id("hdr:langZh")).click();
    // the page reloads in Chinese before the next click (else the click may hit the old page)
    browser.waitUntilGone(english);
    browser.waitForText(By.id("intro"), "从 Excel 导入评审专家");
    browser.logout();
  }
}
