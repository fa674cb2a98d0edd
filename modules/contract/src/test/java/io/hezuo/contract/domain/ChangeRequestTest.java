package io.hezuo.contract.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.contract.domain.ChangeRequest.AmountChange;
import io.hezuo.contract.domain.ChangeRequest.Kind;
import io.hezuo.contract.domain.ChangeRequest.PartnerChange;
import io.hezuo.contract.domain.ChangeRequest.PeriodChange;
import io.hezuo.contract.domain.ChangeRequest.PiChange;
import io.hezuo.contract.domain.ChangeRequest.State;
import io.hezuo.contract.domain.ContractTerms.Party;
import io.hezuo.kernel.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRequestTest {

  static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
  static final Instant T1 = Instant.parse("2026-05-03T02:00:00Z");
  static final Party PI = new Party("pi-1", "张三");
  static final Party PI2 = new Party("pi-2", "李四");
  static final Party PARTNER = new Party("unit-9", "阿克苏某农业合作社");
  static final ContractTerms SIGNED =
      new ContractTerms(Money.of("600000.00"), Period.of("2026-01-01", "2028-12-31"), PARTNER, PI);

  static ChangeRequest pending(String number, ContractTerms terms, ChangeRequest.Change c) {
    return ChangeRequest.request(number, terms, c, "合作方调整", "pi-1", T0).value();
  }

  static ChangeRequest approved(String number, ContractTerms terms, ChangeRequest.Change c) {
    return pending(number, terms, c).approve("officer", T1).value();
  }

  @Test
  void aRequestKeepsTheOldAndTheNewValueAndGoesPendingToApprovedOrRejected() {
    ChangeRequest r =
        pending("CR-1", SIGNED, new AmountChange(Money.of("600000.00"), Money.of("500000.00")));
    assertEquals(State.PENDING, r.state());
    assertEquals(Kind.AMOUNT, r.kind());
    assertEquals(Money.of("600000.00"), r.change().from());
    assertEquals(Money.of("500000.00"), r.change().to());
    ChangeRequest yes = r.approve("officer", T1).value();
    assertEquals(State.APPROVED, yes.state());
    assertEquals("officer", yes.decidedBy());
    assertEquals(T1, yes.decidedAt());
    assertNull(yes.rejectionReason());
    ChangeRequest no = r.reject("officer", T1, "  理由不充分 ").value();
    assertEquals(State.REJECTED, no.state());
    assertEquals("理由不充分", no.rejectionReason());
    // the pending request itself is unchanged
    assertEquals(State.PENDING, r.state());
  }

  @Test
  void aDecidedRequestStaysDecidedAndARejectionNeedsAReason() {
    ChangeRequest r = pending("CR-1", SIGNED, new PiChange(PI, PI2));
    assertEquals(List.of("F-REQ"), r.reject("officer", T1, " ").ruleIds());
    ChangeRequest yes = r.approve("officer", T1).value();
    assertEquals(List.of("F-STATE"), yes.approve("officer", T1).ruleIds());
    assertEquals(List.of("F-STATE"), yes.reject("officer", T1, "no").ruleIds());
    ChangeRequest no = r.reject("officer", T1, "no").value();
    assertEquals(List.of("F-STATE"), no.approve("officer", T1).ruleIds());
    assertTrue(State.PENDING.canMoveTo(State.APPROVED));
    assertTrue(!State.REJECTED.canMoveTo(State.APPROVED));
  }

  @Test
  void aRequestStartsFromTheCurrentValueChangesSomethingAndIsJustified() {
    assertEquals(
        List.of("F-STALE"),
        ChangeRequest.request(
                "CR-1",
                SIGNED,
                new AmountChange(Money.of("550000.00"), Money.of("500000.00")),
                "x",
                "pi-1",
                T0)
            .ruleIds());
    assertEquals(
        List.of("F-SAME"),
        ChangeRequest.request("CR-1", SIGNED, new PiChange(PI, PI), "x", "pi-1", T0).ruleIds());
    assertEquals(
        List.of("F-REQ"),
        ChangeRequest.request("CR-1", SIGNED, new PiChange(PI, PI2), null, "pi-1", T0).ruleIds());
  }

  @Test
  void applyingApprovedChangesYieldsTheNewTermsAndKeepsHistory() {
    TermsHistory h = TermsHistory.of(SIGNED);
    Period longer = Period.of("2026-01-01", "2029-06-30");
    Party partner2 = new Party("unit-10", "兵团第一师某研究所");
    h = h.apply(approved("CR-1", h.current(), new PeriodChange(SIGNED.period(), longer))).value();
    h =
        h.apply(
                approved(
                    "CR-2",
                    h.current(),
                    new AmountChange(Money.of("600000.00"), Money.of("450000.00"))))
            .value();
    h = h.apply(approved("CR-3", h.current(), new PartnerChange(PARTNER, partner2))).value();
    h = h.apply(approved("CR-4", h.current(), new PiChange(PI, PI2))).value();
    ContractTerms now = h.current();
    assertEquals(new ContractTerms(Money.of("450000.00"), longer, partner2, PI2), now);
    assertEquals(SIGNED, h.signed());
    assertEquals(5, h.versions().size());
    assertNull(h.versions().get(0).change());
    assertEquals(SIGNED, h.versions().get(0).terms());
    assertEquals(longer, h.versions().get(1).terms().period());
    assertEquals(Money.of("600000.00"), h.versions().get(1).terms().approved());
    assertEquals(Money.of("450000.00"), h.versions().get(2).terms().approved());
    assertEquals(
        List.of("CR-1", "CR-2", "CR-3", "CR-4"),
        h.applied().stream().map(ChangeRequest::number).toList());
  }

  @Test
  void onlyAnApprovedRequestIsAppliedOnceAndNotOverAnotherChange() {
    TermsHistory h = TermsHistory.of(SIGNED);
    ChangeRequest p = pending("CR-1", SIGNED, new PiChange(PI, PI2));
    assertEquals(List.of("F-STATE"), h.apply(p).ruleIds());
    assertEquals(List.of("F-STATE"), h.apply(p.reject("o", T1, "no").value()).ruleIds());
    ChangeRequest a = p.approve("o", T1).value();
    TermsHistory once = h.apply(a).value();
    assertEquals(List.of("F-STATE"), once.apply(a).ruleIds());
    // two requests made against the same terms: the second finds its old value gone
    ChangeRequest other = approved("CR-2", SIGNED, new PiChange(PI, new Party("pi-3", "王五")));
    assertEquals(List.of("F-STALE"), once.apply(other).ruleIds());
    assertEquals("pi", once.apply(other).violations().get(0).field());
    // a refused apply leaves the history as it was
    assertEquals(1, once.applied().size());
  }

  @Test
  void anAmountChangeIsCheckedAgainstTheLedgerAndAPeriodAgainstTheMaximumDuration() {
    Ledger l =
        Ledger.open(SIGNED.period(), SIGNED.approved(), new BigDecimal("50"))
            .disburse(LocalDate.parse("2026-02-01"), new BigDecimal("420000.00"), "F-1")
            .value();
    ChangeRequest r =
        pending("CR-1", SIGNED, new AmountChange(Money.of("600000.00"), Money.of("400000.00")));
    assertEquals(
        List.of("C-DISBURSE"),
        l.checkApprovedChange(((Money) r.change().to()).amount()).stream()
            .map(io.hezuo.kernel.rule.RuleViolation::ruleId)
            .toList());
    assertEquals(List.of(), ChangeRequest.checkDuration(Period.of("2026-01-01", "2028-12-31"), 36));
    assertEquals(
        "G6",
        ChangeRequest.checkDuration(Period.of("2026-01-01", "2029-01-01"), 36).get(0).ruleId());
    assertEquals(
        List.of(), ChangeRequest.checkDuration(Period.of("2026-01-01", "2040-01-01"), null));
  }
}
