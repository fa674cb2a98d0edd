package io.hezuo.formalreview.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.hezuo.formalreview.domain.Outcome;
import io.hezuo.formalreview.domain.RuleCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a run's checks reads back to the same checks; the inputs hash is stable. */
class RunWorkJsonTest {

  @Test
  void checksReadBackAsWritten() {
    List<RuleCheck> checks =
        List.of(
            new RuleCheck(
                "G3",
                Outcome.FAIL,
                "formalreview.check.g3.fail",
                List.of("30.00", "30"),
                List.of(
                    new RuleCheck.Evidence(
                        "formalreview.evidence.source", List.of("HZ2026-1 “引号”与\\反斜杠", "30.00")))),
            new RuleCheck(
                "G2", Outcome.WARNING, "formalreview.check.g2.noId", List.of("a", ""), List.of()));
    String json = RunWork.json(checks);
    assertEquals(checks, RunWork.checks(json));
    assertEquals(json, RunWork.json(RunWork.checks(json)));
  }

  @Test
  void theInputsHashIsTheSha256OfTheInputs() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", RunWork.sha256(""));
    assertNotEquals(RunWork.sha256("fr-1|a"), RunWork.sha256("fr-1|b"));
  }
}
