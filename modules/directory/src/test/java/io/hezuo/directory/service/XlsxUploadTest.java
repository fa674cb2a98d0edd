package io.hezuo.directory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hezuo.directory.domain.OtherPlansWorkbook;
import io.hezuo.directory.domain.WhiteListWorkbook;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class XlsxUploadTest {

  @Test
  void readsAtMostOneByteOverTheLimit() {
    byte[] big = new byte[(int) WhiteListWorkbook.MAX_BYTES + 100];
    XlsxUpload u =
        XlsxUpload.read(WhiteListWorkbook.IMPORT, new ByteArrayInputStream(big), "a.xlsx", null);
    assertEquals(WhiteListWorkbook.MAX_BYTES + 1, u.content().length);
    assertEquals(0, XlsxUpload.read(WhiteListWorkbook.IMPORT, null, null, null).content().length);
  }

  @Test
  void fileNameAndNote() {
    XlsxUpload u = XlsxUpload.read(OtherPlansWorkbook.IMPORT, null, " ", " 2026 lists ");
    assertEquals("upload.xlsx", u.fileName());
    AuditEntry e = u.audit("officer1", "OtherPlans", "b-1", "before", "after");
    assertEquals(
        new AuditEntry(
            "officer1",
            "OFFICER",
            "OtherPlans",
            "b-1",
            "import",
            "before",
            "after",
            "upload.xlsx: 2026 lists"),
        e);
    String longName = "n".repeat(600) + ".xlsx";
    XlsxUpload named = XlsxUpload.read(OtherPlansWorkbook.IMPORT, null, longName, "");
    assertEquals(255, named.source().length());
    assertEquals(500, named.audit("o", "OtherPlans", "b", "", "").reason().length());
  }

  @Test
  void noteOfMoreThan300CharactersBreaksTheImportsRule() {
    RuleViolation v =
        assertThrows(
                RuleViolationException.class,
                () -> XlsxUpload.read(WhiteListWorkbook.IMPORT, null, "a.xlsx", "x".repeat(301)))
            .violations()
            .get(0);
    assertEquals(RuleViolation.error("F-WL", "note", "directory.tooLong", 300), v);
    XlsxUpload.read(WhiteListWorkbook.IMPORT, null, "a.xlsx", "x".repeat(300));
  }
}
