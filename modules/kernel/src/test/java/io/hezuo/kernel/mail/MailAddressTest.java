package io.hezuo.kernel.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.error.BadRequestException;
import org.junit.jupiter.api.Test;

class MailAddressTest {

  @Test
  void wellFormedAddressesPass() {
    for (String a :
        new String[] {
          "pi@demo.hezuo.local",
          "zhang.san+hezuo@zju.edu.cn",
          "a_b-c@sub.example-host.com",
          "x@例子.中国",
          "o'brien@example.ie"
        }) {
      assertTrue(MailAddress.isValid(a), a);
    }
    assertEquals("pi@example.com", MailAddress.check("  pi@example.com \t"));
  }

  @Test
  void malformedAddressesAreRefusedWithTheReason() {
    for (String a :
        new String[] {
          "",
          "   ",
          "pi",
          "pi@",
          "@example.com",
          "pi@@example.com",
          "pi@example@com",
          "pi@localhost",
          "pi@example.",
          "pi@-example.com",
          "pi@exa mple.com",
          "pi @example.com",
          "张 三 <pi@example.com>",
          "pi@example.com, other@example.com",
          "pi@example.com\r\nBcc: victim@example.com",
          "pi\u0000@example.com",
          "pi..x@example.com",
          "x".repeat(65) + "@example.com",
          "pi@" + "a".repeat(250) + ".com"
        }) {
      assertFalse(MailAddress.isValid(a), a);
      BadRequestException e = assertThrows(BadRequestException.class, () -> MailAddress.check(a));
      assertTrue(e.getMessage().startsWith("not an e-mail address ("), e.getMessage());
    }
    assertFalse(MailAddress.isValid(null));
    assertThrows(BadRequestException.class, () -> MailAddress.check(null));
  }

  @Test
  void anOutgoingMailChecksItsAddressAndKeepsItsSubjectOnOneLine() {
    assertThrows(
        BadRequestException.class, () -> new OutgoingMail("nobody", "s", "b", "Application", "1"));
    assertThrows(
        BadRequestException.class,
        () -> new OutgoingMail("pi@example.com", " ", "b", "Application", "1"));
    assertThrows(
        BadRequestException.class,
        () -> new OutgoingMail("pi@example.com", "s", "", "Application", "1"));
    OutgoingMail m =
        new OutgoingMail("pi@example.com", "申请书\r\nBcc: x@example.com", "b", null, null);
    assertEquals("申请书 Bcc: x@example.com", m.subject());
    assertEquals(
        OutgoingMail.MAX_SUBJECT,
        new OutgoingMail("pi@example.com", "长".repeat(900), "b", null, null).subject().length());
  }
}
