package io.hezuo.submission.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedWarningTest {

  @Test
  void warningsSurviveTheTextColumnWithTheirRuleFieldAndBothLanguages() {
    List<RecordedWarning> ws =
        List.of(
            new RecordedWarning("G1", "basePlatformId", "[G1] 平台: 未选择", "[G1] Platform: none"),
            new RecordedWarning("G2", null, "含\t制表符\n和换行 \\ 反斜杠", "tab\tline\nback\\slash"));
    String text = RecordedWarning.encode(ws);
    assertEquals(ws, RecordedWarning.decode(text));
    assertNull(RecordedWarning.encode(List.of()));
    assertEquals(List.of(), RecordedWarning.decode(null));
    assertEquals(List.of(), RecordedWarning.decode(" "));
  }

  @Test
  void bilingualLinesOfTheFirstVersionAreStillRead() {
    String legacy =
        "[G1] 平台基地: 请选择 / [G1] Platform base: choose one\n"
            + "[G8] 外方截止时间待定 / [G8] The foreign deadline is to be announced";
    assertEquals(
        List.of(
            new RecordedWarning("G1", null, "[G1] 平台基地: 请选择", "[G1] Platform base: choose one"),
            new RecordedWarning(
                "G8", null, "[G8] 外方截止时间待定", "[G8] The foreign deadline is to be announced")),
        RecordedWarning.decode(legacy));
  }
}
