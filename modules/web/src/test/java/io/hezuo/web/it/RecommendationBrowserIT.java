package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The recommending unit in the browser (issue 11): a city bureau recommends three applications
 * within its A3 quota of three, the fourth is refused with R1's message beside its row, a reason is
 * required to not recommend, the ranking is changed by keyboard (the focus stays on the moved row's
 * button), the summary table is downloaded (PDF and Excel read back: the rows in ranking order and
 * the set's hash), the three stamped PDFs are uploaded and the recommendation submitted, after
 * which the page says it is locked.
 */
class RecommendationBrowserIT extends BrowserIT {

  static final long REC = 910301;
  static final long UNIT = 910311;

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  @Test
  void aCityBureauRecommendsRanksUploadsAndSubmits() throws Exception {
    RecommendationIT.recommender(REC, "测试推荐局丙", "11330100IT0000301E");
    RecommendationIT.unit(UNIT, "测试申报单位丙", "91330100IT0000311F", REC);
    Db.createAccount("it_recb", "RECOMMENDER", REC);
    Db.createApplicant("it_recb_pi", "钱推荐", "33010619880808234", UNIT);
    Api pi = Api.as(browser, base, "it_recb_pi", "Demo@2026");
    RecommendationIT.template = SubmissionIT.submitA1(pi);
    Api officer = Api.as(browser, base, "demo_officer", "Demo@2026");
    officer.clock(RecommendationIT.BEFORE_DEADLINE);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(RecommendationIT.confirmed(UNIT, "A3", null));
    }
    Api.Reply q =
        officer.json(
            "PUT",
            "api/v1/recommendation/quotas/" + REC + "/A3",
            "{\"places\":3,\"reason\":\"IT\"}");
    assertEquals(204, q.status(), q.body());

    browser.login("it_recb", "Demo@2026");
    browser.waitFor(By.cssSelector("section[id^=home-]"));
    browser.open("/app/recommendation/list.xhtml");
    browser.waitFor(By.id("list:apps"));
    assertTrue(browser.bodyText().contains("国际科技合作项目（A3）"), browser.bodyText());
    List<String> acceptance = texts(By.cssSelector("#list\\:apps .app-acceptance"));
    assertEquals(4, acceptance.size(), acceptance.toString());

    for (int i = 0; i < 3; i++) {
      browser.clickWhenClickable(By.id("list:apps:" + i + ":recommend"));
      browser.clickWhenClickable(By.id("list:confirmYes"));
      browser.waitForText(By.id("messages"), "已推荐申报书 " + acceptance.get(i));
      browser.waitForText(By.cssSelector("#quota-A3 .quota-used"), String.valueOf(i + 1));
    }
    browser.waitForText(By.cssSelector("#quota-A3 .quota-remaining"), "0");
    // the fourth: R1, beside its row and in the messages
    browser.clickWhenClickable(By.id("list:apps:3:recommend"));
    browser.clickWhenClickable(By.id("list:confirmYes"));
    browser.waitForText(By.id("list:apps:3:rowMsgShow"), "R1");
    assertTrue(browser.bodyText().contains("名额已用完"), browser.bodyText());
    // not recommended needs a reason: beside the field
    browser.clickWhenClickable(By.id("list:apps:3:notRecommend"));
    browser.waitForText(By.cssSelector("[id='list:apps:3:reason'] ~ .ui-message"), "理由");
    browser.type("list:apps:3:reason", "名额已满，本年度不推荐");
    browser.clickWhenClickable(By.id("list:apps:3:notRecommend"));
    browser.waitForText(By.id("messages"), "已决定不推荐申报书 " + acceptance.get(3));

    // ranking by keyboard: the third one place up, the focus on its up button in its new row
    browser.open("/app/recommendation/ranking.xhtml");
    browser.waitFor(By.id("rank:groups:0:table"));
    assertEquals(acceptance.subList(0, 3), texts(By.cssSelector(".hz-ranking .app-acceptance")));
    browser.clickWhenClickable(By.id("rank:groups:0:table:2:up"));
    List<String> expected = List.of(acceptance.get(0), acceptance.get(2), acceptance.get(1));
    List<String> keyboard = expected;
    browser
        .patiently()
        .until(d -> texts(By.cssSelector(".hz-ranking .app-acceptance")).equals(keyboard));
    browser
        .patiently()
        .until(
            d ->
                "rank:groups:0:table:1:up".equals(d.switchTo().activeElement().getAttribute("id")));
    assertTrue(
        browser
            .driver
            .findElement(By.id("rank:groups:0:table:1:up"))
            .getAttribute("aria-label")
            .contains(acceptance.get(2)));

    // ranking by drag and drop: the first row dragged below the last
    WebElement first =
        browser.driver.findElement(
            By.cssSelector(".hz-ranking tbody tr:first-child .app-acceptance"));
    WebElement last = browser.driver.findElement(By.cssSelector(".hz-ranking tbody tr:last-child"));
    int dy =
        last.getLocation().getY() + last.getSize().getHeight() * 3 / 4 - first.getLocation().getY();
    // jQuery UI's sortable follows the mouse: small steps, as a hand would move
    Actions drag = new Actions(browser.driver).moveToElement(first).clickAndHold();
    for (int moved = 0; moved < dy; moved += 6) {
      drag.moveByOffset(0, Math.min(6, dy - moved)).pause(Duration.ofMillis(20));
    }
    drag.pause(Duration.ofMillis(200)).release().perform();
    List<String> dragged = List.of(expected.get(1), expected.get(2), expected.get(0));
    browser
        .patiently()
        .until(d -> texts(By.cssSelector(".hz-ranking .app-acceptance")).equals(dragged));
    browser.open("/app/recommendation/ranking.xhtml");
    browser.waitFor(By.id("rank:groups:0:table"));
    assertEquals(dragged, texts(By.cssSelector(".hz-ranking .app-acceptance")), "saved");
    expected = dragged;

    // the summary table, in ranking order, with the set's hash
    browser.open("/app/recommendation/documents.xhtml");
    String hash = browser.waitFor(By.id("setHash")).getText().strip();
    assertEquals(64, hash.length(), hash);
    Api rec = Api.as(browser, base, "it_recb", "Demo@2026");
    String pdfText;
    try (PDDocument doc = Loader.loadPDF(rec.bytes("api/v1/recommendation/summary.pdf"))) {
      pdfText = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    }
    // the PDF's table wraps the acceptance number inside its cell: its tail is on one line
    assertInOrder(pdfText, expected.stream().map(a -> a.substring(a.lastIndexOf("-REC"))).toList());
    assertTrue(pdfText.contains(hash.substring(0, 12)), pdfText);
    StringBuilder sheet = new StringBuilder();
    DataFormatter f = new DataFormatter();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(rec.bytes("api/v1/recommendation/summary.xlsx")))) {
      for (Row row : wb.getSheetAt(0)) {
        for (Cell c : row) {
          sheet.append(f.formatCellValue(c)).append('|');
        }
      }
    }
    assertInOrder(sheet.toString(), expected);
    assertTrue(sheet.toString().contains(hash), sheet.toString());

    // the three stamped PDFs (Api.as signed in through the browser, which left the page)
    browser.open("/app/recommendation/documents.xhtml");
    browser.waitFor(By.id("setHash"));
    Path pdf = Files.createTempFile("hezuo-rec-", ".pdf");
    Files.write(pdf, SubmissionIT.pdf());
    for (String kind : List.of("LETTER", "SUMMARY", "COMMITMENT")) {
      WebElement input =
          browser.waitFor(By.cssSelector("input[type=file][id^='docs:document" + kind + "']"));
      input.sendKeys(pdf.toString());
      WebElement button = browser.driver.findElement(By.id("docs:upload" + kind));
      button.click();
      browser.waitUntilGone(button);
      browser.waitForText(By.cssSelector("#doc-" + kind + " .doc-state"), "有效");
    }
    assertTrue(browser.driver.findElement(By.id("submitForm:ready")).isDisplayed());
    browser.clickWhenClickable(By.id("submitForm:submit"));
    browser.clickWhenClickable(By.id("submitForm:confirmYes"));
    browser.waitForText(By.id("lockedText"), "已锁定");
    assertEquals(
        List.of("SUBMITTED"),
        Db.strings("select status from rec_round where recommender_id = ?", REC));
  }

  private static List<String> texts(By by) {
    return browser.driver.findElements(by).stream().map(e -> e.getText().strip()).toList();
  }

  private static void assertInOrder(String text, List<String> parts) {
    int at = -1;
    for (String p : parts) {
      int i = text.indexOf(p, at + 1);
      assertTrue(i > at, p + " after position " + at + " in " + text);
      at = i;
    }
  }
}
