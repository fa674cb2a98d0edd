package io.hezuo.contract.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LedgerTest {

  static final Period PERIOD = Period.of("2026-01-01", "2028-12-31");
  static final BigDecimal FIFTY = new BigDecimal("50");
  static final LocalDate D1 = LocalDate.parse("2026-03-01");
  static final LocalDate D2 = LocalDate.parse("2026-04-01");

  static Ledger b(String approved) {
    return Ledger.open(PERIOD, Money.of(approved), FIFTY);
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  /** A ledger with {@code disbursed} paid on D1. */
  static Ledger paid(String approved, String disbursed) {
    return b(approved).disburse(D1, d(disbursed), "FIN-1").value();
  }

  @Test
  void figuresAreComputedFromTheEntries() {
    Ledger l =
        b("600000.00")
            .disburse(D1, d("420000.00"), "FIN-1")
            .value()
            .transfer(D2, d("100000.00"), "阿克苏某合作社", "BANK-1")
            .value()
            .transfer(D2, d("50000.5"), "阿克苏某合作社", "BANK-2")
            .value();
    assertEquals(Money.of("600000.00"), l.approved());
    assertEquals(Money.of("420000.00"), l.disbursed());
    assertEquals(Money.of("150000.50"), l.transferred());
    assertEquals(Money.of("269999.50"), l.balance());
    assertEquals(Money.of("180000.00"), l.remainingToDisburse());
    assertEquals(Money.of("300000.00"), l.transferCap());
    assertEquals(Money.of("149999.50"), l.transferAvailable());
    assertEquals(3, l.entries().size());
    assertEquals(1, l.disbursements().size());
    assertEquals(2, l.transfers().size());
  }

  @Test
  void exactlyFiftyPercentIsAcceptedAndFiftyPointZeroOneIsRefused() {
    Ledger full = paid("600000.00", "600000.00");
    // 300,000.00 of 600,000.00 is 50.00 %
    assertTrue(full.transfer(D2, d("300000.00"), "合作方", "B-1").isOk());
    // 300,060.00 of 600,000.00 is 50.01 %
    Outcome<Ledger> over = full.transfer(D2, d("300060.00"), "合作方", "B-1");
    assertEquals(List.of("G5"), over.ruleIds());
    RuleViolation v = over.violations().get(0);
    assertEquals("transferAmount", v.field());
    assertEquals("contract.ledger.transferShare", v.messageKey());
    String zh = Messages.describe(Messages.CHINESE, v);
    assertTrue(zh.contains("50%，即 300,000.00 元（30 万元）"), zh);
    assertTrue(zh.contains("本次最多可转拨 300,000.00 元"), zh);
    String en = Messages.describe(Messages.ENGLISH, v);
    assertTrue(en.contains("50 % of the fiscal subsidy, i.e. CNY 300,000.00 (30 × 10,000)"), en);
    // one fen past 50 % in several steps
    Ledger half = full.transfer(D2, d("299999.99"), "合作方", "B-1").value();
    assertTrue(half.transfer(D2, d("0.01"), "合作方", "B-2").isOk());
    assertEquals(List.of("G5"), half.transfer(D2, d("0.02"), "合作方", "B-2").ruleIds());
  }

  @Test
  void theShareIsExactOnAnOddSubsidy() {
    // 50 % of 600,000.01 is 300,000.005: 300,000.00 passes, 300,000.01 does not
    Ledger l = paid("600000.01", "600000.01");
    assertTrue(l.transfer(D2, d("300000.00"), "合作方", "B-1").isOk());
    Outcome<Ledger> over = l.transfer(D2, d("300000.01"), "合作方", "B-1");
    assertEquals(List.of("G5"), over.ruleIds());
    assertEquals("300,000.00", over.violations().get(0).args().get(1));
    assertEquals(Money.of("300000.00"), l.transferCap());
  }

  @Test
  void transfersNeverExceedWhatWasDisbursed() {
    Ledger l = paid("600000.00", "100000.00");
    assertTrue(l.transfer(D2, d("100000.00"), "合作方", "B-1").isOk());
    Outcome<Ledger> over = l.transfer(D2, d("100000.01"), "合作方", "B-1");
    assertEquals(List.of("G5"), over.ruleIds());
    assertEquals("contract.ledger.transferDisbursed", over.violations().get(0).messageKey());
    assertEquals(
        "[G5] 转拨金额: 转拨金额合计不得超过牵头单位已收到的拨款 100,000.00 元（10 万元）：已转拨 0.00 元，本次最多可转拨 100,000.00 元",
        Messages.describe(Messages.CHINESE, over.violations().get(0)));
    // nothing disbursed yet: no transfer at all
    assertEquals(List.of("G5"), b("600000.00").transfer(D2, d("1.00"), "合作方", "B-1").ruleIds());
  }

  @Test
  void aTransferMayNotBeDatedBeforeTheMoneyArrived() {
    Ledger l = b("600000.00").disburse(D2, d("100000.00"), "FIN-1").value();
    // dated a month before the disbursement: the lead unit had nothing to pass on
    Outcome<Ledger> early = l.transfer(D1, d("10000.00"), "合作方", "B-1");
    assertEquals(List.of("G5"), early.ruleIds());
    assertEquals("transferDate", early.violations().get(0).field());
    assertEquals("2026-03-01", early.violations().get(0).args().get(0));
    // on the same day it is fine
    assertTrue(l.transfer(D2, d("10000.00"), "合作方", "B-1").isOk());
    // a disbursement recorded later but dated earlier covers an earlier transfer
    Ledger back = l.disburse(D1, d("20000.00"), "FIN-0").value();
    assertTrue(back.transfer(D1, d("20000.00"), "合作方", "B-1").isOk());
    assertEquals(List.of("G5"), back.transfer(D1, d("20000.01"), "合作方", "B-1").ruleIds());
  }

  @Test
  void disbursementsNeverExceedTheApprovedSubsidyAndTheMessageStatesWhatRemains() {
    Ledger l = paid("600000.00", "420000.00");
    assertTrue(l.disburse(D2, d("180000.00"), "FIN-2").isOk());
    Outcome<Ledger> over = l.disburse(D2, d("180000.01"), "FIN-2");
    assertEquals(List.of("C-DISBURSE"), over.ruleIds());
    assertEquals(
        "[C-DISBURSE] 拨付金额: 拨付金额合计不得超过批准的财政补助经费 600,000.00 元（60 万元）：已拨付 420,000.00 元，尚可拨付 180,000.00 元（18 万元）",
        Messages.describe(Messages.CHINESE, over.violations().get(0)));
  }

  @Test
  void badAmountsAreRefusedNeverRounded() {
    Ledger l = b("600000.00");
    assertEquals(List.of("F-MONEY"), l.disburse(D1, d("100.001"), "F").ruleIds());
    assertEquals(List.of("F-MONEY"), l.disburse(D1, d("0"), "F").ruleIds());
    assertEquals(List.of("F-MONEY"), l.disburse(D1, d("-5.00"), "F").ruleIds());
    assertEquals(List.of("F-REQ"), l.disburse(D1, null, "F").ruleIds());
    // trailing zeros are not extra precision
    assertTrue(l.disburse(D1, d("100.000"), "F").isOk());
    assertEquals(Money.of("100.00"), l.disburse(D1, d("100.000"), "F").value().disbursed());
    Ledger p = paid("600000.00", "1000.00");
    assertEquals(List.of("F-MONEY"), p.transfer(D2, d("0.001"), "合作方", "B").ruleIds());
    assertEquals(List.of("F-MONEY"), p.transfer(D2, d("-1"), "合作方", "B").ruleIds());
  }

  @Test
  void datesLieWithinTheContractPeriod() {
    Ledger l = b("600000.00");
    assertTrue(l.disburse(PERIOD.from(), d("1.00"), "F").isOk());
    assertTrue(l.disburse(PERIOD.to(), d("1.00"), "F").isOk());
    Outcome<Ledger> before = l.disburse(PERIOD.from().minusDays(1), d("1.00"), "F");
    assertEquals(List.of("C-PERIOD"), before.ruleIds());
    assertEquals(
        "[C-PERIOD] 拨付日期: 日期 2025-12-31 不在合同实施期限（2026-01-01 至 2028-12-31）内",
        Messages.describe(Messages.CHINESE, before.violations().get(0)));
    assertEquals(
        List.of("C-PERIOD"),
        paid("600000.00", "10.00")
            .transfer(PERIOD.to().plusDays(1), d("1.00"), "合作方", "B")
            .ruleIds());
    assertEquals(List.of("F-REQ"), l.disburse(null, d("1.00"), "F").ruleIds());
  }

  @Test
  void everyFaultIsReportedAtOnce() {
    Outcome<Ledger> o = b("600000.00").disburse(LocalDate.parse("2030-01-01"), d("-1"), " ");
    assertEquals(List.of("C-PERIOD", "F-MONEY", "F-REQ"), o.ruleIds());
  }

  @Test
  void vouchersAndRecipientsAreRequiredAndAVoucherIsRecordedOnce() {
    Ledger l = paid("600000.00", "1000.00");
    assertEquals(List.of("C-VOUCHER"), l.disburse(D2, d("1.00"), " FIN-1 ").ruleIds());
    assertEquals(List.of("F-REQ"), l.transfer(D2, d("1.00"), "", "B").ruleIds());
    assertEquals(List.of("F-REQ"), l.transfer(D2, d("1.00"), "合作方", null).ruleIds());
    assertEquals(List.of("F-LEN"), l.disburse(D2, d("1.00"), "X".repeat(65)).ruleIds());
    // a transfer's bank voucher may carry the same number as a disbursement's voucher
    assertTrue(l.transfer(D2, d("1.00"), "合作方", "FIN-1").isOk());
  }

  @Test
  void aLineWithoutTransfersRefusesThem() {
    Ledger a = Ledger.open(PERIOD, Money.of("1500000.00"), null);
    Ledger paid = a.disburse(D1, d("1000.00"), "F").value();
    Outcome<Ledger> o = paid.transfer(D2, d("1.00"), "合作方", "B");
    assertEquals(List.of("G5"), o.ruleIds());
    assertEquals("contract.ledger.noTransfers", o.violations().get(0).messageKey());
    assertEquals(Money.ZERO, paid.transferCap());
    assertEquals(Money.ZERO, paid.transferAvailable());
  }

  @Test
  void theApprovedAmountNeverGoesBelowWhatIsDisbursedNorBelowTwiceTheTransfers() {
    Ledger l = paid("600000.00", "420000.00").transfer(D2, d("150000.01"), "合作方", "B-1").value();
    assertTrue(l.changeApproved(D2, d("420000.00"), "CR-1").isOk());
    assertEquals(List.of("C-DISBURSE"), l.changeApproved(D2, d("419999.99"), "CR-1").ruleIds());
    Ledger small =
        paid("600000.00", "200000.00").transfer(D2, d("150000.01"), "合作方", "B-1").value();
    // 2 × 150,000.01 = 300,000.02
    assertTrue(small.changeApproved(D2, d("300000.02"), "CR-1").isOk());
    Outcome<Ledger> below = small.changeApproved(D2, d("300000.01"), "CR-1");
    assertEquals(List.of("G5"), below.ruleIds());
    assertTrue(
        Messages.describe(Messages.CHINESE, below.violations().get(0))
            .contains("不得低于 300,000.02 元（30.000002 万元）"));
    assertEquals(List.of("F-MONEY"), small.changeApproved(D2, d("0"), "CR-1").ruleIds());
  }

  @Test
  void aChangedApprovedAmountMovesTheLimitsAndIsKeptAsHistory() {
    Ledger l = paid("600000.00", "300000.00");
    Ledger raised = l.changeApproved(D2, d("800000.00"), "CR-1").value();
    assertEquals(Money.of("800000.00"), raised.approved());
    assertEquals(Money.of("600000.00"), raised.initialApproved());
    assertEquals(Money.of("500000.00"), raised.remainingToDisburse());
    assertEquals(Money.of("400000.00"), raised.transferCap());
    Ledger.ApprovedChange c = (Ledger.ApprovedChange) raised.entries().get(1);
    assertEquals(Money.of("600000.00"), c.from());
    assertEquals(Money.of("800000.00"), c.to());
    assertEquals("CR-1", c.reference());
  }

  @Test
  void aChangedPeriodKeepsTheEntriesAlreadyRecorded() {
    Ledger l = paid("600000.00", "1000.00");
    assertTrue(l.changePeriod(Period.of("2026-03-01", "2029-06-30")).isOk());
    assertEquals(
        List.of("C-PERIOD"), l.changePeriod(Period.of("2026-03-02", "2029-06-30")).ruleIds());
    Ledger moved = l.changePeriod(Period.of("2026-01-01", "2029-06-30")).value();
    assertTrue(moved.disburse(LocalDate.parse("2029-06-30"), d("1.00"), "F-2").isOk());
  }

  @Test
  void aRefusedOperationLeavesTheLedgerAsItWas() {
    Ledger l = paid("600000.00", "100000.00");
    Ledger copy = paid("600000.00", "100000.00");
    assertFalse(l.transfer(D2, d("100000.01"), "合作方", "B").isOk());
    assertFalse(l.disburse(D2, d("500000.01"), "F-2").isOk());
    assertFalse(l.changeApproved(D2, d("99999.99"), "CR").isOk());
    assertEquals(copy, l);
    assertEquals(1, l.entries().size());
  }

  @Test
  void aReplayRebuildsTheLedgerAndNoticesAnEntryThatBreaksAnInvariant() {
    Ledger l =
        paid("600000.00", "420000.00")
            .transfer(D2, d("150000.00"), "合作方", "B-1")
            .value()
            .changeApproved(D2, d("500000.00"), "CR-1")
            .value();
    assertEquals(l, Ledger.replay(PERIOD, Money.of("600000.00"), FIFTY, l.entries()).value());
    List<Ledger.Entry> tampered =
        List.of(
            new Ledger.Disbursement(D1, Money.of("100000.00"), "F"),
            new Ledger.Transfer(D2, Money.of("100000.01"), "合作方", "B"));
    assertEquals(
        List.of("G5"), Ledger.replay(PERIOD, Money.of("600000.00"), FIFTY, tampered).ruleIds());
    List<Ledger.Entry> stale =
        List.of(new Ledger.ApprovedChange(D2, Money.of("500000.00"), Money.of("550000.00"), "CR"));
    assertEquals(
        List.of("F-STALE"), Ledger.replay(PERIOD, Money.of("600000.00"), FIFTY, stale).ruleIds());
  }

  @Test
  void aServiceGetsTheViolationsAsAnException() {
    Ledger l = b("600000.00");
    Outcome<Ledger> refused = l.disburse(D1, d("600000.01"), "F");
    Executable orThrow = refused::orThrow;
    RuleViolationException e =
        org.junit.jupiter.api.Assertions.assertThrows(RuleViolationException.class, orThrow);
    assertEquals("C-DISBURSE", e.violations().get(0).ruleId());
    Outcome<Ledger> ok = l.disburse(D1, d("1.00"), "F");
    assertSame(ok.value(), ok.orThrow());
    assertTrue(ok.violations().isEmpty());
  }
}
