package io.hezuo.kernel.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void chineseNameKeptExactlyInFilenameStar() {
    String h = ContentDisposition.attachment("申报书 2026.pdf");
    assertEquals(
        "attachment; filename=\"___ 2026.pdf\"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6%202026.pdf",
        h);
    String star = h.substring(h.indexOf("UTF-8''") + 7);
    assertEquals(
        "申报书 2026.pdf", URLDecoder.decode(star.replace("+", "%2B"), StandardCharsets.UTF_8));
  }

  @Test
  void nothingInANameBreaksTheHeader() {
    String h = ContentDisposition.inline("a\"b\\c\r\nSet-Cookie: x=1;.pdf");
    assertFalse(h.contains("\r") || h.contains("\n"));
    assertEquals(
        "inline; filename=\"a_b_c__Set-Cookie: x=1;.pdf\"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1%3B.pdf",
        h);
  }
}
