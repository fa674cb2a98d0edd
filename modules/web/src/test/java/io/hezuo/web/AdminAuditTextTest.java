package io.hezuo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hezuo.kernel.i18n.Messages;
import org.junit.jupiter.api.Test;

/** The audit view shows recorded codes and phrases as labels in the user's language. */
class AdminAuditTextTest {

  @Test
  void statusesKindsAndPhrasesBecomeLabels() {
    assertEquals(
        "已提交（待单位确认） HZ2026-A3-000082",
        AdminAudit.text(Messages.CHINESE, "SUBMITTED HZ2026-A3-000082"));
    assertEquals(
        "合作协议 a.pdf sha256=00ff",
        AdminAudit.text(Messages.CHINESE, "COOPERATION_AGREEMENT a.pdf sha256=00ff"));
    assertEquals("密码错误", AdminAudit.text(Messages.CHINESE, "wrong password"));
    assertEquals("Wrong password", AdminAudit.text(Messages.ENGLISH, "wrong password"));
    assertEquals(
        "锁定至 2026-01-01 10:00:00",
        AdminAudit.text(Messages.CHINESE, "locked until 2026-01-01 10:00:00"));
    assertEquals(
        "留言，发给 demo_unit, demo_pi",
        AdminAudit.text(Messages.CHINESE, "message 12 to demo_unit, demo_pi"));
    assertEquals("待审核 (某某大学)", AdminAudit.text(Messages.CHINESE, "PENDING (某某大学)"));
    assertEquals("", AdminAudit.text(Messages.CHINESE, null));
  }

  @Test
  void codesWithoutALabelAreNeverShownAsCodes() {
    assertEquals("其他", AdminAudit.actionLabel(Messages.CHINESE, "some-new-action"));
    assertEquals("申报书", AdminAudit.typeLabel(Messages.CHINESE, "Application"));
    assertEquals("Application", AdminAudit.typeLabel(Messages.ENGLISH, "Application"));
    assertEquals("申报单位管理员", AdminAudit.roleLabel(Messages.CHINESE, "UNIT_ADMIN"));
    assertEquals("登录", AdminAudit.actionLabel(Messages.CHINESE, "login"));
  }
}
