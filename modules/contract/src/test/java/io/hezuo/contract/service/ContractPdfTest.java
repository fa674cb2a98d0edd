package io.hezuo.contract.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.pdf.PdfContentCheck;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The contract (任务书) as a PDF, read back: parties, amounts, tranches, the B-line obligations. */
class ContractPdfTest {

  static ContractPdf.Input input(boolean counterpart, Integer onsite, Money planned) {
    return new ContractPdf.Input(
        "ZJ2026-B2-0001",
        "盐碱水养殖技术示范与推广",
        "B2 四川、重庆",
        "浙江演示农业科技有限公司",
        "张𠀾明",
        counterpart,
        counterpart ? "凉山州演示农业合作社" : null,
        counterpart ? "凉山彝族自治州" : null,
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2027, 12, 31),
        Money.of("1500000.00"),
        Money.of("1200000.00"),
        List.of(
            new ContractPdf.Tranche(1, new BigDecimal("70"), "合同生效后", Money.of("840000.00")),
            new ContractPdf.Tranche(2, new BigDecimal("30"), "中期检查通过后", Money.of("360000.00"))),
        counterpart ? new BigDecimal("50.00") : null,
        planned,
        onsite,
        List.of(new ContractPdf.Target("示范基地", "不少于 1 个", "2 个")),
        "建立示范基地 2 个，培训 30 人次",
        null,
        List.of(new ContractPdf.BudgetLine("设备费", "200000")),
        "草稿");
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("[ \\t]*\\r?\\n[ \\t]*", "\n");
    }
  }

  @Test
  void aBLineContractNamesThePartiesTheMoneyTheTranchesTheTransferAndTheDaysOnSite()
      throws Exception {
    byte[] pdf = ContractPdf.render(input(true, 20, Money.of("600000.00")));
    assertTrue(PdfContentCheck.check(pdf, "c.pdf", 20_000_000).accepted());
    String t = text(pdf);
    assertTrue(t.contains(ContractPdf.TITLE), t);
    assertTrue(t.contains("浙江省科学技术厅"), t);
    assertTrue(t.contains("浙江演示农业科技有限公司"), t);
    assertTrue(t.contains("凉山州演示农业合作社"), t);
    assertTrue(t.contains("1,200,000.00 元（120 万元）"), t);
    assertTrue(t.contains("840,000.00 元（84 万元）"), t);
    assertTrue(t.contains("360,000.00 元（36 万元）"), t);
    assertTrue(t.contains("600,000.00 元（60 万元）"), t);
    assertTrue(t.contains("50.00%"), t);
    assertTrue(t.contains("每年不少于 20 天"), t);
    assertTrue(t.contains("2026 年 1 月 1 日 至 2027 年 12 月 31 日"), t);
    assertTrue(t.contains("示范基地"), t);
    assertTrue(t.contains("200,000.00 元（20 万元）"), t);
  }

  @Test
  void theDaysOnSiteAreNeverFewerThanFifteen() throws Exception {
    assertEquals(15, ContractPdf.onsiteDays(null));
    assertEquals(15, ContractPdf.onsiteDays(10));
    assertEquals(30, ContractPdf.onsiteDays(30));
    assertTrue(text(ContractPdf.render(input(true, 3, null))).contains("每年不少于 15 天"));
  }

  @Test
  void anALineContractHasNoPartnerNorTransfer() throws Exception {
    String t = text(ContractPdf.render(input(false, null, null)));
    assertFalse(t.contains("帮扶地合作方"), t);
    assertFalse(t.contains("赴帮扶地"), t);
    assertTrue(t.contains("1,200,000.00 元（120 万元）"), t);
  }

  @Test
  void theTransferCapIsTheShareRoundedDownToTheFen() {
    assertEquals(
        Money.of("600000.00"),
        ContractPdf.transferCap(Money.of("1200000.00"), new BigDecimal("50")));
    assertEquals(
        Money.of("166666.66"),
        ContractPdf.transferCap(Money.of("333333.33"), new BigDecimal("50")));
  }

  @Test
  void storedValuesReadAsPeopleReadThem() {
    assertEquals("1,200,000.00 元（120 万元）", Contracts.shown("AMOUNT", "1200000.00"));
    assertEquals("2026-01-01 至 2027-12-31", Contracts.shown("PERIOD", "2026-01-01/2027-12-31"));
    assertEquals(
        "2026-01-01/2027-12-31",
        Contracts.value(io.hezuo.contract.domain.Period.of("2026-01-01", "2027-12-31")));
    assertEquals("1200000.00", Contracts.value(Money.of("1200000.00")));
  }
}
