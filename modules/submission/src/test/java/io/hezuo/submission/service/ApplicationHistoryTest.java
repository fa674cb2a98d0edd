package io.hezuo.submission.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The history shows labels and people, never codes or user names, in one language. */
class ApplicationHistoryTest {

  private static final Instant AT = Instant.parse("2025-09-10T02:00:00Z");
  private static final Pattern CODE = Pattern.compile("[A-Z_]{4,}|submit|attach|sha256");

  private static ApplicationHistory.Entry zh(
      String name, String role, String action, String to, String reason) {
    return ApplicationHistory.entry(Messages.CHINESE, AT, name, role, action, to, reason);
  }

  @Test
  void aSubmissionShowsItsLabelTheStatusAndThePersonByNameAndRole() {
    var e = zh("张三", "APPLICANT", "submit", "SUBMITTED HZ2026-A1-000117", null);
    assertEquals("提交", e.what());
    assertEquals("已提交（待单位确认） · 受理编号 HZ2026-A1-000117", e.status());
    assertEquals("张三（申请人）", e.who());
  }

  @Test
  void anUploadNamesTheKindOfAttachmentAndTheFile() {
    var e =
        zh(
            "张三",
            "APPLICANT",
            "attach",
            "COOPERATION_AGREEMENT 合作协议.pdf sha256=" + "ab".repeat(32),
            null);
    assertEquals("上传附件：合作协议（合作协议.pdf）", e.what());
    assertEquals("—", e.status());
    var en =
        ApplicationHistory.entry(
            Messages.ENGLISH,
            AT,
            "Lena Holm",
            "APPLICANT",
            "attach",
            "AID_HQ_LETTER letter.pdf sha256=00",
            null);
    assertTrue(en.what().startsWith("Attachment uploaded: "), en.what());
    assertEquals("Lena Holm (applicant)", en.who());
  }

  @Test
  void theUnitsStepsAndAnUnknownActionOrPersonStillShowNoCode() {
    List<ApplicationHistory.Entry> all =
        List.of(
            zh("李四", "UNIT_ADMIN", "confirm", "CONFIRMED", null),
            zh("李四", "UNIT_ADMIN", "return", "RETURNED", "预算不全"),
            zh(null, "SOMETHING_NEW", "markRecommended", "RECOMMENDED", null),
            zh("张三", "APPLICANT", "message", "message 12 to demo_unit, demo_unit2", null),
            zh("张三", "APPLICANT", "attach-refused", "x.pdf sha256=-", "over 20971520 bytes"));
    for (var e : all) {
      String shown = e.who() + " " + e.what() + " " + e.status() + " " + e.reason();
      assertFalse(CODE.matcher(shown).find(), shown);
      assertFalse(shown.contains("demo_unit"), shown);
    }
    assertEquals("单位退回修改", all.get(1).what());
    assertEquals("已退回修改", all.get(1).status());
    assertEquals("预算不全", all.get(1).reason());
    assertEquals("未知用户（其他）", all.get(2).who());
  }

  @Test
  void warningsRecordedInBothLanguagesShowInTheReadersOnly() {
    String both = "[G1] 中文说明 / [G1] English text";
    assertEquals("[G1] 中文说明", zh("张三", "APPLICANT", "submit", "SUBMITTED X", both).reason());
    assertEquals(
        "[G1] English text",
        ApplicationHistory.entry(
                Messages.ENGLISH, AT, "张三", "APPLICANT", "submit", "SUBMITTED X", both)
            .reason());
  }
}
