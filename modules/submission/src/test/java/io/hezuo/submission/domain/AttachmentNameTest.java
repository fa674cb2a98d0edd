package io.hezuo.submission.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../etc",
        "../../etc/passwd",
        "..\\..\\windows\\system32",
        "a/b.pdf",
        "C:\\Users\\x\\协议.pdf",
        "report\r\nX-Injected: 1.pdf",
        "name\u0000.pdf",
        "line\nbreak.pdf",
        "tab\there.pdf",
        "invoice\u202Efdp.exe",
        "zero\u200Bwidth.pdf",
        "..",
        ".",
        "del\u007F.pdf",
        "ls\u2028ep.pdf"
      })
  void refused(String raw) {
    assertEquals(Optional.empty(), AttachmentName.normalise(raw), raw);
  }

  @Test
  void normalisedAndKept() {
    assertEquals(Optional.of("合作协议.pdf"), AttachmentName.normalise("  合作协议.pdf \t"));
    assertEquals(Optional.of("attachment.pdf"), AttachmentName.normalise(null));
    assertEquals(Optional.of("attachment.pdf"), AttachmentName.normalise("   "));
    // decomposed é (e + combining acute) is stored composed (NFC)
    assertEquals(Optional.of("caf\u00e9.pdf"), AttachmentName.normalise("cafe\u0301.pdf"));
    assertEquals(Optional.of("..pdf"), AttachmentName.normalise("..pdf"));
    assertEquals(Optional.of("𠀀𪚥.pdf"), AttachmentName.normalise("𠀀𪚥.pdf"));
  }

  @Test
  void lengthCountsCharactersNotUnits() {
    String ok = "字".repeat(AttachmentName.MAX_LENGTH - 4) + ".pdf";
    assertTrue(AttachmentName.normalise(ok).isPresent());
    assertTrue(AttachmentName.normalise("字" + ok).isEmpty());
    String ext = "𪚥".repeat(AttachmentName.MAX_LENGTH);
    assertTrue(AttachmentName.normalise(ext).isPresent());
  }
}
