package io.hezuo.contract.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The approval list as PDF and Excel, read back: Chinese text, amounts in full, the total. */
class ApprovalDocumentsTest {

  static Approvals.LineApproval list() {
    List<Approvals.Candidate> c =
        List.of(
            new Approvals.Candidate(
                1,
                1,
                false,
                new BigDecimal("91.5000"),
                3,
                true,
                "HZ2026-A1-000001",
                "中挪海洋装备联合研发",
                "浙江演示海洋科技有限公司",
                "欧阳立项",
                Money.of("1500000.00"),
                true,
                Money.of("1200000.00")),
            new Approvals.Candidate(
                2,
                2,
                false,
                new BigDecimal("80.0000"),
                2,
                true,
                "HZ2026-A1-000002",
                "深海传感器",
                "浙江演示大学",
                "𠀀名",
                Money.of("1000000.00"),
                false,
                null));
    return new Approvals.LineApproval(
        1,
        "A1",
        "政府间科技合作项目",
        "Intergovernmental",
        Money.of("1500000.00"),
        "PUBLISHED",
        Money.of("3000000.00"),
        Money.of("1200000.00"),
        Money.of("1800000.00"),
        1,
        true,
        Instant.parse("2026-12-01T00:00:00Z"),
        Instant.parse("2026-12-06T00:00:00Z"),
        null,
        null,
        null,
        null,
        3,
        c);
  }

  @Test
  void thePdfHoldsTheSelectedApplicationsAndTheTotalInChinese() throws Exception {
    String text;
    try (PDDocument doc = Loader.loadPDF(ApprovalDocuments.pdf(list(), Messages.CHINESE))) {
      text = new PDFTextStripper().getText(doc);
    }
    assertTrue(text.contains("浙江省科技合作项目拟立项名单"), text);
    assertTrue(text.contains("HZ2026-A1-000001"), text);
    assertTrue(text.contains("1,200,000.00 元（120 万元）"), text);
    assertTrue(text.contains("3,000,000.00 元（300 万元）"), text);
    assertTrue(text.contains("公示中"), text);
    assertTrue(!text.contains("HZ2026-A1-000002"), "not selected: " + text);
  }

  @Test
  void theWorkbookHoldsTheRequestTheApprovedSumAndTheTotal() throws Exception {
    List<String> cells = new ArrayList<>();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(ApprovalDocuments.xlsx(list(), Messages.CHINESE)))) {
      for (Row r : wb.getSheetAt(0)) {
        for (Cell x : r) {
          cells.add(x.getStringCellValue());
        }
      }
    }
    assertTrue(cells.contains("中挪海洋装备联合研发"), cells.toString());
    assertTrue(cells.contains("1,500,000.00 元（150 万元）"), cells.toString());
    assertTrue(cells.contains("1,200,000.00 元（120 万元）"), cells.toString());
    assertTrue(cells.contains("合计"), cells.toString());
    assertTrue(!cells.contains("深海传感器"), cells.toString());
  }
}
