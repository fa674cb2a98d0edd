package io.hezuo.contract.domain;

import static io.hezuo.contract.domain.ContractState.DRAFT;
import static io.hezuo.contract.domain.ContractState.IN_FORCE;
import static io.hezuo.contract.domain.ContractState.SIGNED_UPLOADED;
import static io.hezuo.contract.domain.ContractState.UNIT_REVIEWED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.kernel.i18n.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatesTest {

  @Test
  void aContractGoesDraftReviewedUploadedInForce() {
    assertTrue(DRAFT.canMoveTo(UNIT_REVIEWED));
    assertTrue(UNIT_REVIEWED.canMoveTo(SIGNED_UPLOADED));
    assertTrue(SIGNED_UPLOADED.canMoveTo(IN_FORCE));
    // returns: the officer sends a bad scan back, the unit reopens its review
    assertTrue(SIGNED_UPLOADED.canMoveTo(UNIT_REVIEWED));
    assertTrue(UNIT_REVIEWED.canMoveTo(DRAFT));
    // no skipping, nothing after in force
    assertFalse(DRAFT.canMoveTo(SIGNED_UPLOADED));
    assertFalse(DRAFT.canMoveTo(IN_FORCE));
    assertFalse(UNIT_REVIEWED.canMoveTo(IN_FORCE));
    for (ContractState s : ContractState.values()) {
      assertFalse(IN_FORCE.canMoveTo(s));
      assertFalse(s.canMoveTo(s));
    }
    assertEquals(List.of(), DRAFT.checkMove(UNIT_REVIEWED));
    assertEquals("F-STATE", DRAFT.checkMove(IN_FORCE).get(0).ruleId());
    assertEquals(
        "[F-STATE] 合同当前所处的环节不能执行此操作",
        Messages.describe(Messages.CHINESE, DRAFT.checkMove(IN_FORCE).get(0)));
  }

  @Test
  void anApprovalListGoesSelectedPublishedFinal() {
    assertTrue(ApprovalListState.SELECTED.canMoveTo(ApprovalListState.PUBLISHED));
    assertTrue(ApprovalListState.PUBLISHED.canMoveTo(ApprovalListState.FINAL));
    assertTrue(ApprovalListState.PUBLISHED.canMoveTo(ApprovalListState.SELECTED));
    assertFalse(ApprovalListState.SELECTED.canMoveTo(ApprovalListState.FINAL));
    assertFalse(ApprovalListState.FINAL.canMoveTo(ApprovalListState.PUBLISHED));
    assertFalse(ApprovalListState.FINAL.canMoveTo(ApprovalListState.SELECTED));
    assertTrue(ApprovalListState.SELECTED.editable());
    assertFalse(ApprovalListState.PUBLISHED.editable());
    assertEquals(
        "F-STATE", ApprovalListState.FINAL.checkMove(ApprovalListState.SELECTED).get(0).ruleId());
  }

  @Test
  void everyStateKindAndTriggerHasALabel() {
    for (ContractState s : ContractState.values()) {
      assertTrue(Messages.exists("contract.contractState." + s.name()), s.name());
    }
    for (ApprovalListState s : ApprovalListState.values()) {
      assertTrue(Messages.exists("contract.approvalListState." + s.name()), s.name());
    }
    for (ChangeRequest.State s : ChangeRequest.State.values()) {
      assertTrue(Messages.exists("contract.changeState." + s.name()), s.name());
    }
    for (ChangeRequest.Kind k : ChangeRequest.Kind.values()) {
      assertTrue(Messages.exists("contract.changeKind." + k.name()), k.name());
    }
    for (TrancheSchedule.Trigger t : TrancheSchedule.Trigger.values()) {
      assertTrue(Messages.exists("contract.trigger." + t.name()), t.name());
    }
  }
}
