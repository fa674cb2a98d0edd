/**
 * Entities, value objects and rules of the contract module as plain Java (no CDI, Faces or JAX-RS):
 * approval ({@link io.hezuo.contract.domain.Approval}, {@link
 * io.hezuo.contract.domain.ApprovalListState}), the contract's states and terms ({@link
 * io.hezuo.contract.domain.ContractState}, {@link io.hezuo.contract.domain.ContractTerms}, {@link
 * io.hezuo.contract.domain.TermsHistory}, {@link io.hezuo.contract.domain.ChangeRequest}), the
 * tranche schedule ({@link io.hezuo.contract.domain.TrancheSchedule}), the funds of a project
 * ({@link io.hezuo.contract.domain.Ledger}) and the PI's days on site ({@link
 * io.hezuo.contract.domain.OnsiteDays}). Values are immutable; an operation answers an {@link
 * io.hezuo.contract.domain.Outcome}: the new value, or the rule violations that refused it.
 *
 * <h2>Rule ids</h2>
 *
 * SPEC.md's rules where they apply:
 *
 * <ul>
 *   <li><b>G5</b> transfers to the aided-region partner: in total at most 50 % (the line's share)
 *       of the approved fiscal subsidy, exactly (50.00 % passes, 50.01 % does not), and at most
 *       what the lead unit has received, in total and on every day; a change of the approved amount
 *       may not push the transfers past their share; a line without transfers refuses them. Also
 *       the on-site warnings (at least 15 days a year, as the submission and formal review file
 *       it).
 *   <li><b>G6</b> an approved subsidy within the line's cap; a changed period within the line's
 *       maximum duration.
 * </ul>
 *
 * Ids of this module:
 *
 * <ul>
 *   <li><b>A-POSITIVE</b> an approved subsidy is more than 0.
 *   <li><b>A-REQUESTED</b> an approved subsidy is at most the subsidy requested.
 *   <li><b>A-BUDGET</b> a line's approved subsidies add up to at most the line's budget.
 *   <li><b>A-DUPLICATE</b> an application is on a line's list once.
 *   <li><b>A-NOTICE</b> a published list is finalised only after its public notice period.
 *   <li><b>C-TRANCHE</b> tranche shares are more than 0 with two decimals at most and add up to
 *       exactly 100; a DATE tranche has a date, the others none; dates in order.
 *   <li><b>C-PERIOD</b> disbursements, transfers and on-site stays lie within the contract's
 *       implementation period; a changed period keeps the entries already recorded.
 *   <li><b>C-DISBURSE</b> disbursed in total ≤ the approved subsidy (the message states what
 *       remains); the approved subsidy never goes below what is disbursed.
 *   <li><b>C-VOUCHER</b> a voucher number is recorded once (per disbursements, per transfers).
 *   <li><b>B-OVERLAP</b> on-site stays do not overlap.
 *   <li><b>B-DATES</b> an on-site stay ends no earlier than it starts and no later than today.
 * </ul>
 *
 * Field rules shared with other modules: <b>F-REQ</b> (required), <b>F-LEN</b> (too long),
 * <b>F-MONEY</b> (an amount is not more than 0, or has more than two decimals: refused, never
 * rounded), <b>F-STATE</b> (a move the state does not allow), <b>F-STALE</b> (a change made against
 * terms that have changed since), <b>F-SAME</b> (a change to the same value).
 *
 * <p>Messages are {@code contract.*} in {@code io/hezuo/contract/messages*.properties}; amounts in
 * them are given in 元 with separators and in 万元.
 */
package io.hezuo.contract.domain;
