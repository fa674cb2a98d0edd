package io.hezuo.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application PDF (申报书) served by the deployed WAR prints team members' names with rare
 * characters (CJK Extension B: 𠀀, 𪚥) and emoji exactly, and shows every ID document type masked
 * (a 9-character passport, an 18-digit foreign permanent resident ID).
 */
class RareNamesPdfIT extends BrowserIT {

  @AfterEach
  void freeClock() throws Exception {
    Api.anonymous(base).systemClock();
  }

  @Test
  void rareCharactersOfNamesPrintExactlyAndIdNumbersAreMasked() throws Exception {
    Api pi = Api.as(browser, base, "demo_pi", "Demo@2026");
    pi.clock(SubmissionIT.LAST_SECOND);
    Api.Reply created = pi.json("POST", "api/v1/submission/applications", "{\"lineCode\":\"A1\"}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    long version = created.json().getJsonNumber("version").longValue();

    String form =
        ApplicationForms.a1(version)
            .team(
                new ApplicationForms.Member("王𪚥", "PASSPORT", "E47619348", "浙江演示大学", "骨干", 12),
                new ApplicationForms.Member(
                    "𠀀明😀", "FOREIGN_PERMANENT_ID", "933840198506120010", "浙江演示大学", "骨干", 6))
            .json();
    Api.Reply saved = pi.json("PUT", "api/v1/submission/applications/" + id, form);
    assertEquals(200, saved.status(), saved.body());

    Api.Reply pdf = pi.send("GET", "api/v1/submission/applications/" + id + "/pdf", null, null);
    assertEquals(200, pdf.status(), pdf.body());
    byte[] bytes = pi.bytes("api/v1/submission/applications/" + id + "/pdf");
    String text;
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      text = new PDFTextStripper().getText(doc);
    }
    assertTrue(text.contains("王𪚥"), text);
    assertTrue(text.contains("𠀀明😀"), text);
    assertFalse(text.contains("王?") || text.contains("?明"), text);
    String compact = text.replaceAll("\\s+", "");
    assertTrue(compact.contains("护照E4*****48"), text);
    assertTrue(compact.contains("外国人永久居留身份证933840********0010"), text);
    assertFalse(compact.contains("E47619348") || compact.contains("933840198506120010"), text);
  }
}
