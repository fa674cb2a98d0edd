package io.hezuo.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Blind mode: names, units, ID numbers and contacts never reach the expert's text. */
class BlindingTest {

  static final List<String> TERMS =
      List.of("许清单", "王成员", "浙江海洋大学", "Zhejiang Ocean University", "挪威科技大学", "许");

  @Test
  void namesAndUnitsAreTakenOutAlsoSpacedOrFullWidth() {
    String text =
        "项目负责人许清单（浙江 海洋 大学）与王成员合作，外方为挪威科技大学；" + "ＺＨＥＪＩＡＮＧ OCEAN university has a long record.";
    String blind = Blinding.redact(text, TERMS);
    assertEquals("项目负责人■■（■■）与■■合作，外方为■■；■■ has a long record.", blind);
  }

  @Test
  void identifyingShapesAreTakenOutWhoeverTheyBelongTo() {
    String text =
        "联系人身份证 33010619800101002X，电话 138-0571-1234、0571-88886666，"
            + "邮箱 someone@zjou.edu.cn，统一社会信用代码 12330000470051726G。";
    String blind = Blinding.redact(text, List.of());
    assertFalse(blind.contains("33010619800101002X"), blind);
    assertFalse(blind.contains("1234"), blind);
    assertFalse(blind.contains("88886666"), blind);
    assertFalse(blind.contains("zjou"), blind);
    assertFalse(blind.contains("12330000470051726G"), blind);
  }

  @Test
  void aOneCharacterTermAndOrdinaryNumbersStay() {
    String text = "许多实验在2025年完成，经费 1,200,000.00 元，样本 300 份。";
    assertEquals(
        Blinding.redact(text, TERMS).replace("(", "（"), text.replace(",", ",").replace("(", "（"));
    assertFalse(Blinding.leaks(text, TERMS));
    assertTrue(Blinding.leaks("负责人许清单", TERMS));
  }
}
