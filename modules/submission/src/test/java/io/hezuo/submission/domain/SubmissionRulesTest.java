package io.hezuo.submission.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.call.api.Allocation;
import io.hezuo.call.api.ApplicantRule;
import io.hezuo.call.api.Category;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.PartnerView;
import io.hezuo.call.api.QuotaKind;
import io.hezuo.call.api.RegionView;
import io.hezuo.call.api.SubmissionMode;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.Text;
import io.hezuo.call.api.TopicView;
import io.hezuo.call.api.UnitType;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule of the submission checks at its boundary. */
class SubmissionRulesTest {

  static final Text T = Text.of("x", "x");
  static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

  static LineView a1() {
    return new LineView(
        1,
        "A1",
        "A1",
        Category.INTERNATIONAL,
        T,
        T,
        Money.wan("150"),
        36,
        ApplicantRule.ENTERPRISE_LEAD,
        Set.of(UnitType.ENTERPRISE),
        Allocation.COMPETITIVE,
        QuotaKind.NONE,
        null,
        null,
        true,
        true,
        false,
        false,
        null,
        null,
        T,
        T,
        T,
        T,
        0,
        List.of(
            new PartnerView(
                "NO", T, T, T, null, LocalDate.of(2025, 9, 25), false, SubmissionMode.DUAL, null),
            new PartnerView("SG", T, T, T, null, null, true, SubmissionMode.DUAL, null),
            new PartnerView(
                "IL", T, T, T, null, LocalDate.of(2025, 7, 3), false, SubmissionMode.DUAL, null),
            new PartnerView("FI", T, T, T, null, null, false, SubmissionMode.UNILATERAL, null)),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static LineView b2() {
    TopicView topic =
        new TopicView(
            "B2-AGRI",
            T,
            T,
            List.of(
                new TargetView("VARIETY", Text.of("品种", "varieties"), 1, Text.of("个", "")),
                new TargetView(
                    "TRAINED", Text.of("培育人才", "people trained"), 30, Text.of("人", "people"))));
    return new LineView(
        7,
        "B2",
        "B2",
        Category.COUNTERPART,
        T,
        T,
        Money.wan("60"),
        36,
        ApplicantRule.LISTED_TYPES,
        Set.of(UnitType.ENTERPRISE, UnitType.UNIVERSITY, UnitType.INSTITUTE),
        Allocation.COMPETITIVE,
        QuotaKind.COMBINED,
        "B",
        null,
        false,
        false,
        true,
        true,
        new BigDecimal("50"),
        15,
        T,
        T,
        T,
        T,
        0,
        List.of(),
        List.of(),
        List.of(),
        List.of(new RegionView("SC", T)),
        List.of(topic));
  }

  static Application complete(String line) {
    Application a = new Application(1, line, "pi", 1, Instant.EPOCH);
    a.setTitleZh("标题");
    a.setDisciplineCode("F06");
    a.setTitleEn("Title");
    a.setTextBasis("依据");
    a.setTextContent("内容");
    a.setTextRoute("路线");
    a.setTextCooperation("基础");
    a.setTextOutcomes("成果");
    a.setTextIndicators("指标");
    a.setStartMonth("2026-01");
    a.setEndMonth("2028-12");
    a.setPartnerName("Partner AS");
    a.setSelfFunds(Money.of("100000.00"));
    if (line.equals("A1")) {
      a.setPartnerCode("NO");
      a.setForeignReference("IN-2025-001");
      a.setForeignDate(LocalDate.of(2025, 9, 10));
      a.setSubsidy(Money.of("1500000.00"));
      a.getBudget().put("EQUIPMENT", Money.of("600000.00"));
      a.getBudget().put("LABOUR", Money.of("1000000.00"));
    } else {
      a.setRegionCode("SC");
      a.setTopicCode("B2-AGRI");
      a.setSubsidy(Money.of("600000.00"));
      a.setTransferAmount(Money.of("300000.00"));
      a.setOnsiteDays(15);
      a.getTargets().put("VARIETY", 1);
      a.getTargets().put("TRAINED", 30);
      a.getBudget().put("MATERIALS", Money.of("400000.00"));
      a.getBudget().put("COOPERATION", Money.of("300000.00"));
    }
    return a;
  }

  static CheckFacts facts(AttachmentKind... kinds) {
    return new CheckFacts(
        TODAY,
        true,
        "ENTERPRISE",
        Set.of(kinds),
        CheckFacts.WhiteListResult.MEMBER,
        List.of(),
        List.of());
  }

  static List<String> errors(List<RuleViolation> vs) {
    return vs.stream()
        .filter(RuleViolation::isError)
        .map(v -> v.ruleId() + ":" + v.field())
        .toList();
  }

  static List<String> warnings(List<RuleViolation> vs) {
    return vs.stream().filter(v -> !v.isError()).map(v -> v.ruleId() + ":" + v.field()).toList();
  }

  @Test
  void everyLineNeedsAKnownDisciplineCode() {
    Application a = complete("B2");
    a.setDisciplineCode(null);
    CheckFacts f = facts(AttachmentKind.AID_HQ_LETTER, AttachmentKind.LOCAL_PARTNER_AGREEMENT);
    assertEquals(List.of("F-REQ:disciplineCode"), errors(SubmissionRules.check(a, b2(), f)));
    a.setDisciplineCode("X99");
    CheckFacts unknown =
        new CheckFacts(
            f.today(),
            f.windowOpen(),
            f.unitType(),
            f.attachments(),
            f.whiteList(),
            f.otherApplicationsOfPi(),
            f.importedPlansOfPi(),
            f.platformHost(),
            f.piClosesAt(),
            false);
    assertEquals(List.of("F-CODE:disciplineCode"), errors(SubmissionRules.check(a, b2(), unknown)));
  }

  @Test
  void completeApplicationsPass() {
    assertEquals(
        List.of(),
        errors(
            SubmissionRules.check(
                complete("A1"), a1(), facts(AttachmentKind.COOPERATION_AGREEMENT))));
    assertEquals(
        List.of(),
        errors(
            SubmissionRules.check(
                complete("B2"),
                b2(),
                facts(AttachmentKind.AID_HQ_LETTER, AttachmentKind.LOCAL_PARTNER_AGREEMENT))));
  }

  @Test
  void capExactlyIsAcceptedAndOneFenMoreIsRefused() {
    Application a = complete("A1");
    a.setSubsidy(Money.of("1500000.01"));
    a.getBudget().put("LABOUR", Money.of("1000000.01"));
    List<RuleViolation> vs =
        SubmissionRules.check(a, a1(), facts(AttachmentKind.COOPERATION_AGREEMENT));
    assertEquals(List.of("G6:subsidy"), errors(vs));
    String text = Messages.describeBilingual(vs.get(0));
    assertTrue(text.contains("1,500,000.00 元（150 万元）"), text);
    assertTrue(text.contains("[G6]") && text.contains("cap"), text);
  }

  @Test
  void thirtySixMonthsAcceptedThirtySevenRefused() {
    Application a = complete("A1");
    a.setStartMonth("2026-01");
    a.setEndMonth("2028-12");
    assertEquals(36, a.durationMonths());
    assertFalse(
        errors(SubmissionRules.check(a, a1(), facts(AttachmentKind.COOPERATION_AGREEMENT)))
            .contains("G6:endMonth"));
    a.setEndMonth("2029-01");
    assertEquals(37, a.durationMonths());
    assertEquals(
        List.of("G6:endMonth"),
        errors(SubmissionRules.check(a, a1(), facts(AttachmentKind.COOPERATION_AGREEMENT))));
    a.setEndMonth("2025-12");
    assertEquals(
        List.of("G6:endMonth"),
        errors(SubmissionRules.check(a, a1(), facts(AttachmentKind.COOPERATION_AGREEMENT))));
    a.setEndMonth("2026-13");
    assertEquals(
        List.of("G6:endMonth"),
        errors(SubmissionRules.check(a, a1(), facts(AttachmentKind.COOPERATION_AGREEMENT))));
  }

  @Test
  void transferFiftyPercentAcceptedFiftyPointZeroOneRefused() {
    Application a = complete("B2");
    CheckFacts f = facts(AttachmentKind.AID_HQ_LETTER, AttachmentKind.LOCAL_PARTNER_AGREEMENT);
    a.setTransferAmount(Money.of("300000.00"));
    assertEquals(List.of(), errors(SubmissionRules.check(a, b2(), f)));
    a.setTransferAmount(Money.of("300060.00")); // 50.01 %
    assertEquals(List.of("G5:transferAmount"), errors(SubmissionRules.check(a, b2(), f)));
    a.setTransferAmount(Money.of("300000.01"));
    assertEquals(List.of("G5:transferAmount"), errors(SubmissionRules.check(a, b2(), f)));
  }

  @Test
  void onSiteDaysAndTopicMinimums() {
    Application a = complete("B2");
    CheckFacts f = facts(AttachmentKind.AID_HQ_LETTER, AttachmentKind.LOCAL_PARTNER_AGREEMENT);
    a.setOnsiteDays(14);
    a.getTargets().put("TRAINED", 29);
    List<RuleViolation> vs = SubmissionRules.check(a, b2(), f);
    assertEquals(List.of("G5:onsiteDays", "G7:target_TRAINED"), errors(vs));
    String text = Messages.describeBilingual(vs.get(1));
    assertTrue(text.contains("培育人才") && text.contains("30 人"), text);
    assertTrue(text.contains("people trained") && text.contains("at least 30 people"), text);
    a.getTargets().remove("VARIETY");
    assertTrue(errors(SubmissionRules.check(a, b2(), f)).contains("G7:target_VARIETY"));
  }

  @Test
  void attachmentsByLine() {
    assertEquals(
        List.of("G4:attachments"), errors(SubmissionRules.check(complete("A1"), a1(), facts())));
    assertEquals(
        List.of("G5:attachments", "G5:attachments"),
        errors(SubmissionRules.check(complete("B2"), b2(), facts())));
  }

  @Test
  void budgetMustAddUpExactly() {
    Application a = complete("A1");
    a.getBudget().put("LABOUR", Money.of("999999.99"));
    assertEquals(
        List.of("F-BUDGET:budget"),
        errors(SubmissionRules.check(a, a1(), facts(AttachmentKind.COOPERATION_AGREEMENT))));
  }

  @Test
  void enterpriseLeadForA1AndUnitTypesForOthers() {
    CheckFacts uni =
        new CheckFacts(
            TODAY,
            true,
            "UNIVERSITY",
            Set.of(AttachmentKind.COOPERATION_AGREEMENT),
            CheckFacts.WhiteListResult.EXEMPT,
            List.of(),
            List.of());
    assertEquals(List.of("G6:null"), errors(SubmissionRules.check(complete("A1"), a1(), uni)));
    CheckFacts medical =
        new CheckFacts(
            TODAY,
            true,
            "MEDICAL",
            Set.of(AttachmentKind.AID_HQ_LETTER, AttachmentKind.LOCAL_PARTNER_AGREEMENT),
            CheckFacts.WhiteListResult.MEMBER,
            List.of(),
            List.of());
    assertEquals(List.of("G6:null"), errors(SubmissionRules.check(complete("B2"), b2(), medical)));
  }

  @Test
  void dualPartnerReferenceAndForeignDeadlinesAreWarnings() {
    Application a = complete("A1");
    a.setForeignReference(null);
    CheckFacts f = facts(AttachmentKind.COOPERATION_AGREEMENT);
    List<RuleViolation> vs = SubmissionRules.check(a, a1(), f);
    assertEquals(List.of(), errors(vs));
    assertEquals(List.of("G8:foreignReference"), warnings(vs));
    a.setPartnerCode("SG"); // to be announced
    assertTrue(warnings(SubmissionRules.check(a, a1(), f)).contains("G8:partnerCode"));
    a.setPartnerCode("FI"); // unilateral: nothing to record
    assertEquals(List.of(), warnings(SubmissionRules.check(a, a1(), f)));
  }

  @Test
  void g8JudgesThePartnersOwnDateAgainstThatCountrysDeadlineNotToday() {
    Application a = complete("A1");
    a.setPartnerCode("IL"); // Israel: 2025-07-03, long past on TODAY (2025-09-01)
    CheckFacts f = facts(AttachmentKind.COOPERATION_AGREEMENT);
    a.setForeignDate(LocalDate.of(2025, 7, 2)); // before
    assertEquals(List.of(), warnings(SubmissionRules.check(a, a1(), f)));
    a.setForeignDate(LocalDate.of(2025, 7, 3)); // on the deadline's day: in time
    assertEquals(List.of(), warnings(SubmissionRules.check(a, a1(), f)));
    a.setForeignDate(LocalDate.of(2025, 7, 4)); // after
    List<RuleViolation> late = SubmissionRules.check(a, a1(), f);
    assertEquals(List.of("G8:foreignDate"), warnings(late));
    assertEquals(List.of(), errors(late));
    String zh = Messages.describe(Messages.CHINESE, late.get(0));
    String en = Messages.describe(Messages.ENGLISH, late.get(0));
    assertTrue(zh.contains("2025-07-04") && zh.contains("2025-07-03"), zh);
    assertTrue(en.contains("2025-07-04") && en.contains("2025-07-03"), en);
    assertTrue(en.contains("country's") && !en.contains("''"), en);
    // Norway (2025-09-25): a date after today but before that deadline is in time, whatever today
    a.setPartnerCode("NO");
    a.setForeignDate(LocalDate.of(2025, 9, 25));
    CheckFacts later =
        new CheckFacts(
            LocalDate.of(2025, 12, 1),
            true,
            "ENTERPRISE",
            Set.of(AttachmentKind.COOPERATION_AGREEMENT),
            CheckFacts.WhiteListResult.MEMBER,
            List.of(),
            List.of());
    assertEquals(List.of(), warnings(SubmissionRules.check(a, a1(), later)));
    a.setForeignDate(LocalDate.of(2025, 9, 26));
    assertEquals(List.of("G8:foreignDate"), warnings(SubmissionRules.check(a, a1(), f)));
    // to be announced: shown whatever the date; no date: only the reference is asked for
    a.setPartnerCode("SG");
    assertEquals(List.of("G8:partnerCode"), warnings(SubmissionRules.check(a, a1(), f)));
    a.setPartnerCode("IL");
    a.setForeignDate(null);
    assertEquals(List.of("G8:foreignReference"), warnings(SubmissionRules.check(a, a1(), f)));
  }

  @Test
  void g9MatchesWholeNormalisedNamesNeverAPart() {
    assertFalse(SubmissionRules.sameName("de", "Universidade de Teste"));
    assertFalse(SubmissionRules.sameName("Te", "Universidade de Teste"));
    assertFalse(SubmissionRules.sameName("Universidade de Teste", "de"));
    assertFalse(
        SubmissionRules.sameName("Universidade de Teste do Porto", "Universidade de Teste"));
    assertFalse(SubmissionRules.sameName("", "Universidade de Teste"));
    assertFalse(SubmissionRules.sameName(null, ""));
    assertTrue(SubmissionRules.sameName("Universidade de Teste", "Universidade de Teste"));
    assertTrue(SubmissionRules.sameName("  universidade   DE teste ", "Universidade de Teste"));
    assertTrue(SubmissionRules.sameName("Universidade de Teste.", "Universidade de Teste"));
    assertTrue(SubmissionRules.sameName("Universidade de Téste", "Universidade de Teste"));
    assertTrue(SubmissionRules.sameName("Ｆｒａｕｎｈｏｆｅｒ ＩＷＳ", "Fraunhofer IWS"));
    assertTrue(SubmissionRules.sameName("Fraunhofer-IWS", "Fraunhofer IWS"));
  }

  @Test
  void g9WarnsWhenThePartnerIsOnlyAPartOfTheCoBuildersName() {
    Application a = complete("A1");
    a.setPartnerCode(null);
    a.setPlatformCode("PROV-JOINT-LAB");
    CheckFacts host = hostFacts(CheckFacts.HostStatus.HOST, List.of("Universidade de Teste"));
    for (String partial : List.of("de", "Te", "Universidade")) {
      a.setPartnerName(partial);
      assertEquals(
          List.of("G9:partnerName"), warnings(SubmissionRules.check(a, a23(), host)), partial);
    }
    a.setPartnerName("universidade de teste");
    assertEquals(List.of(), warnings(SubmissionRules.check(a, a23(), host)));
  }

  @Test
  void d1NamesThePisDeadlineInBeijingTime() {
    CheckFacts closed =
        new CheckFacts(
            TODAY,
            false,
            "ENTERPRISE",
            Set.of(AttachmentKind.COOPERATION_AGREEMENT),
            CheckFacts.WhiteListResult.MEMBER,
            List.of(),
            List.of(),
            CheckFacts.PlatformHostResult.NOT_APPLICABLE,
            Instant.parse("2025-09-15T09:30:00Z"));
    List<RuleViolation> vs = SubmissionRules.check(complete("A1"), a1(), closed);
    assertEquals(List.of("D1:null"), errors(vs));
    RuleViolation d1 = vs.stream().filter(RuleViolation::isError).findFirst().orElseThrow();
    assertTrue(
        Messages.describe(Messages.CHINESE, d1).contains("2025-09-15 17:30:00"),
        Messages.describe(Messages.CHINESE, d1));
    assertTrue(
        Messages.describe(Messages.ENGLISH, d1).contains("2025-09-15 17:30:00 Beijing time"),
        Messages.describe(Messages.ENGLISH, d1));
  }

  @Test
  void whiteListIsAWarningExceptForA1() {
    CheckFacts notMember =
        new CheckFacts(
            TODAY,
            true,
            "ENTERPRISE",
            Set.of(
                AttachmentKind.AID_HQ_LETTER,
                AttachmentKind.LOCAL_PARTNER_AGREEMENT,
                AttachmentKind.PLATFORM_PROOF),
            CheckFacts.WhiteListResult.NOT_MEMBER,
            List.of(),
            List.of());
    List<RuleViolation> vs = SubmissionRules.check(complete("B2"), b2(), notMember);
    assertEquals(List.of(), errors(vs));
    assertEquals(List.of("G1:basePlatformId"), warnings(vs));
  }

  @Test
  void duplicatePiIsAnErrorAndImportedListsAWarning() {
    CheckFacts dup =
        new CheckFacts(
            TODAY,
            true,
            "ENTERPRISE",
            Set.of(AttachmentKind.COOPERATION_AGREEMENT),
            CheckFacts.WhiteListResult.EXEMPT,
            List.of(
                new CheckFacts.OtherApplication(7, "HZ2026-B1-000001", "已提交", "submitted", false)),
            List.of("省自然科学基金"));
    List<RuleViolation> vs = SubmissionRules.check(complete("A1"), a1(), dup);
    assertEquals(List.of("G2:null"), errors(vs));
    assertEquals(List.of("G2:null"), warnings(vs));
  }

  @Test
  void duplicateNamesTheOtherApplicationsStatusAndAdvises() {
    CheckFacts.OtherApplication own =
        new CheckFacts.OtherApplication(
            82, "HZ2026-A3-000082", "已提交（待单位确认）", "submitted (awaiting the unit)", true);
    CheckFacts dup =
        new CheckFacts(
            TODAY,
            true,
            "ENTERPRISE",
            Set.of(AttachmentKind.COOPERATION_AGREEMENT),
            CheckFacts.WhiteListResult.EXEMPT,
            List.of(own),
            List.of());
    RuleViolation v =
        SubmissionRules.check(complete("A1"), a1(), dup).stream()
            .filter(x -> x.ruleId().equals("G2"))
            .findFirst()
            .orElseThrow();
    assertEquals("submission.rule.g2.duplicateOwn", v.messageKey());
    assertEquals(82L, v.args().get(2));
    String zh = Messages.describe(Messages.CHINESE, v);
    assertTrue(zh.contains("HZ2026-A3-000082（已提交（待单位确认））") && zh.contains("撤回该申报后再提交"), zh);
    String en = Messages.describe(Messages.ENGLISH, v);
    assertTrue(
        en.contains("HZ2026-A3-000082 (submitted (awaiting the unit))") && en.contains("withdraw"),
        en);
    assertFalse(en.contains("已提交"), en);

    CheckFacts other =
        new CheckFacts(
            TODAY,
            true,
            "ENTERPRISE",
            Set.of(AttachmentKind.COOPERATION_AGREEMENT),
            CheckFacts.WhiteListResult.EXEMPT,
            List.of(
                new CheckFacts.OtherApplication(
                    83, "HZ2026-A3-000083", "单位已确认", "confirmed", false)),
            List.of());
    v =
        SubmissionRules.check(complete("A1"), a1(), other).stream()
            .filter(x -> x.ruleId().equals("G2"))
            .findFirst()
            .orElseThrow();
    assertEquals("submission.rule.g2.duplicate", v.messageKey());
    assertEquals(0L, v.args().get(2));
    assertTrue(Messages.describe(Messages.CHINESE, v).contains("申报单位管理员"));
  }

  @Test
  void transferRefusalStatesTheLimitInMoney() {
    Application a = complete("B2");
    CheckFacts f = facts(AttachmentKind.AID_HQ_LETTER, AttachmentKind.LOCAL_PARTNER_AGREEMENT);
    a.setSubsidy(Money.of("1200000.00"));
    a.setSelfFunds(Money.ZERO);
    a.getBudget().put("MATERIALS", Money.of("900000.00"));
    a.setTransferAmount(Money.of("600000.01"));
    RuleViolation v =
        SubmissionRules.check(a, b2(), f).stream()
            .filter(x -> x.field() != null && x.field().equals("transferAmount"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "[G5] "
            + Messages.get(Messages.CHINESE, "submission.field.transferAmount")
            + ": 拨付帮扶地合作方经费不得超过财政补助经费的 50%，即 600,000.00 元（60 万元）",
        Messages.describe(Messages.CHINESE, v));
    assertTrue(
        Messages.describe(Messages.ENGLISH, v).endsWith("i.e. CNY 600,000.00 (60 × 10,000)"),
        Messages.describe(Messages.ENGLISH, v));
    // an odd fen: the limit is the largest amount still within 50 %
    assertEquals(
        Money.of("300000.00"),
        SubmissionRules.percentOf(new java.math.BigDecimal("50"), Money.of("600000.01")));
  }

  @Test
  void transferWithoutPartnerFundsInTheBudgetIsAWarning() {
    Application a = complete("B2");
    CheckFacts f = facts(AttachmentKind.AID_HQ_LETTER, AttachmentKind.LOCAL_PARTNER_AGREEMENT);
    assertFalse(warnings(SubmissionRules.check(a, b2(), f)).contains("G5:budget_COOPERATION"));
    a.getBudget().remove("COOPERATION");
    a.getBudget().put("MATERIALS", Money.of("700000.00"));
    List<RuleViolation> vs = SubmissionRules.check(a, b2(), f);
    assertEquals(List.of(), errors(vs));
    assertTrue(warnings(vs).contains("G5:budget_COOPERATION"), warnings(vs).toString());
    String zh =
        vs.stream()
            .filter(x -> "budget_COOPERATION".equals(x.field()))
            .findFirst()
            .map(x -> Messages.describe(Messages.CHINESE, x))
            .orElseThrow();
    assertTrue(zh.contains("300,000.00 元（30 万元）") && zh.contains("合作方经费"), zh);
    a.getBudget().put("COOPERATION", Money.ZERO);
    assertTrue(warnings(SubmissionRules.check(a, b2(), f)).contains("G5:budget_COOPERATION"));
    a.setTransferAmount(Money.ZERO);
    assertFalse(warnings(SubmissionRules.check(a, b2(), f)).contains("G5:budget_COOPERATION"));
  }

  @Test
  void closedWindowIsAnError() {
    CheckFacts closed =
        new CheckFacts(
            TODAY,
            false,
            "ENTERPRISE",
            Set.of(AttachmentKind.COOPERATION_AGREEMENT),
            CheckFacts.WhiteListResult.EXEMPT,
            List.of(),
            List.of());
    assertEquals(List.of("D1:null"), errors(SubmissionRules.check(complete("A1"), a1(), closed)));
  }

  @Test
  void emptyDraftListsEveryMissingField() {
    Application a = new Application(1, "A1", "pi", 1, Instant.EPOCH);
    List<String> errors = errors(SubmissionRules.check(a, a1(), facts()));
    for (String f :
        List.of(
            "F-REQ:titleZh",
            "F-REQ:textBasis",
            "G6:subsidy",
            "G6:startMonth",
            "F-REQ:partnerCode",
            "F-REQ:partnerName",
            "G4:attachments")) {
      assertTrue(errors.contains(f), f + " in " + errors);
    }
  }

  @Test
  void teamMembersAreCheckedByIdDocumentAndMonths() {
    Application a = complete("A1");
    a.setPi(1L, "RESIDENT_ID", "330106198001010013", "张海洋");
    a.getTeam().add(new TeamMember("李成员", "RESIDENT_ID", "330106198102020026", "浙江演示大学", "骨干", 12));
    CheckFacts f = facts(AttachmentKind.COOPERATION_AGREEMENT);
    assertEquals(List.of(), errors(SubmissionRules.check(a, a1(), f)));
    // wrong check digit, the PI again, 37 months of effort
    a.getTeam().add(new TeamMember("王错号", "RESIDENT_ID", "330106198102020027", "单位", null, 6));
    a.getTeam().add(new TeamMember("张海洋", "RESIDENT_ID", "330106198001010013", "单位", null, 6));
    a.getTeam().add(new TeamMember("赵超时", "PASSPORT", "E1234567", "单位", null, 37));
    assertEquals(
        List.of("F-ID:team_1_idNumber", "F-TEAM:team_2_idNumber", "F-TEAM:team_3_months"),
        errors(SubmissionRules.check(a, a1(), f)));
    // the messages name the member's row and column, not the field id
    List<String> zh =
        SubmissionRules.check(a, a1(), f).stream()
            .filter(v -> v.field() != null && v.field().startsWith("team_"))
            .map(
                v ->
                    io.hezuo.kernel.i18n.Messages.describe(
                        io.hezuo.kernel.i18n.Messages.CHINESE, v))
            .toList();
    assertTrue(zh.get(0).startsWith("[F-ID] 项目组成员 2 · 证件号码: "), zh.toString());
    assertTrue(zh.get(2).startsWith("[F-TEAM] 项目组成员 4 · 投入月数: "), zh.toString());
    String en =
        io.hezuo.kernel.i18n.Messages.describe(
            io.hezuo.kernel.i18n.Messages.ENGLISH,
            SubmissionRules.check(a, a1(), f).stream()
                .filter(v -> "team_1_idNumber".equals(v.field()))
                .findFirst()
                .orElseThrow());
    assertTrue(en.startsWith("[F-ID] Team member 2 · ID number: "), en);
  }

  static LineView a23() {
    return new LineView(
        4,
        "A2.3",
        "A2",
        Category.INTERNATIONAL,
        T,
        T,
        Money.wan("150"),
        36,
        ApplicantRule.PLATFORM_HOST,
        Set.of(UnitType.ENTERPRISE, UnitType.UNIVERSITY, UnitType.INSTITUTE, UnitType.MEDICAL),
        Allocation.COMPETITIVE,
        QuotaKind.PER_PLATFORM,
        null,
        1,
        false,
        true,
        false,
        false,
        null,
        null,
        T,
        T,
        T,
        T,
        0,
        List.of(),
        List.of(
            new io.hezuo.call.api.PlatformView(
                "MOST-BASE",
                io.hezuo.call.api.PlatformKind.CARRIER_KIND,
                Text.of("在浙的科技部国际科技合作基地", "MOST bases"),
                1,
                false),
            new io.hezuo.call.api.PlatformView(
                "PROV-JOINT-LAB",
                io.hezuo.call.api.PlatformKind.CARRIER_KIND,
                Text.of("省级国际联合实验室", "Provincial international joint labs"),
                1,
                true)),
        List.of(),
        List.of(),
        List.of());
  }

  static CheckFacts hostFacts(CheckFacts.HostStatus status, List<String> coBuilders) {
    return new CheckFacts(
        TODAY,
        true,
        "UNIVERSITY",
        Set.of(AttachmentKind.COOPERATION_AGREEMENT, AttachmentKind.PLATFORM_PROOF),
        CheckFacts.WhiteListResult.MEMBER,
        List.of(),
        List.of(),
        new CheckFacts.PlatformHostResult(status, List.of("某联合实验室"), coBuilders));
  }

  @Test
  void a2ApplicantMustBeTheRecordedHostUnitAndAJointLabNamesItsCoBuilder() {
    Application a = complete("A1");
    a.setPartnerCode(null);
    a.setPlatformCode("MOST-BASE");
    a.setPartnerName("Universidade do Porto");
    // the recorded host: no error, no warning about the host
    List<RuleViolation> host =
        SubmissionRules.check(a, a23(), hostFacts(CheckFacts.HostStatus.HOST, List.of()));
    assertEquals(List.of(), errors(host));
    assertFalse(warnings(host).contains("G6:platformCode"), warnings(host).toString());
    // another unit: an error naming the platform
    List<RuleViolation> notHost =
        SubmissionRules.check(a, a23(), hostFacts(CheckFacts.HostStatus.NOT_HOST, List.of()));
    assertEquals(List.of("G6:platformCode"), errors(notHost));
    String text = Messages.describeBilingual(notHost.get(0));
    assertTrue(text.contains("在浙的科技部国际科技合作基地") && text.contains("MOST bases"), text);
    // nothing recorded yet: a warning, not a block
    List<RuleViolation> unknown =
        SubmissionRules.check(a, a23(), hostFacts(CheckFacts.HostStatus.NONE_RECORDED, List.of()));
    assertEquals(List.of(), errors(unknown));
    assertTrue(warnings(unknown).contains("G6:platformCode"), warnings(unknown).toString());
    // a provincial joint lab applies with its overseas co-builder (G9)
    a.setPlatformCode("PROV-JOINT-LAB");
    List<RuleViolation> wrongPartner =
        SubmissionRules.check(
            a, a23(), hostFacts(CheckFacts.HostStatus.HOST, List.of("Fraunhofer IWS")));
    assertEquals(List.of("G9:partnerName"), warnings(wrongPartner));
    assertTrue(Messages.describeBilingual(wrongPartner.get(0)).contains("Fraunhofer IWS"));
    a.setPartnerName("fraunhofer iws");
    assertEquals(
        List.of(),
        warnings(
            SubmissionRules.check(
                a, a23(), hostFacts(CheckFacts.HostStatus.HOST, List.of("Fraunhofer IWS")))));
  }

  static CheckFacts whiteListFacts(CheckFacts.WhiteListResult r) {
    return new CheckFacts(
        TODAY,
        true,
        "ENTERPRISE",
        Set.of(
            AttachmentKind.AID_HQ_LETTER,
            AttachmentKind.LOCAL_PARTNER_AGREEMENT,
            AttachmentKind.PLATFORM_PROOF),
        r,
        List.of(),
        List.of());
  }

  @Test
  void g1AsksForTheUnitsPlatformBaseAndThePisMembershipAsWarnings() {
    Application a = complete("B2");
    assertEquals(
        List.of(),
        warnings(
            SubmissionRules.check(a, b2(), whiteListFacts(CheckFacts.WhiteListResult.MEMBER))));
    for (CheckFacts.WhiteListResult r :
        List.of(
            CheckFacts.WhiteListResult.NOT_CHOSEN,
            CheckFacts.WhiteListResult.NOT_OF_UNIT,
            CheckFacts.WhiteListResult.NOT_MEMBER)) {
      List<RuleViolation> vs = SubmissionRules.check(a, b2(), whiteListFacts(r));
      assertEquals(List.of(), errors(vs), r.name());
      assertEquals(List.of("G1:basePlatformId"), warnings(vs), r.name());
    }
    assertEquals(
        List.of("G1:null"),
        warnings(
            SubmissionRules.check(
                a, b2(), whiteListFacts(CheckFacts.WhiteListResult.NO_PLATFORM))));
    // without the proof of the platform and the membership: a warning on the attachments
    assertEquals(
        List.of("G1:attachments"),
        warnings(
            SubmissionRules.check(
                a,
                b2(),
                new CheckFacts(
                    TODAY,
                    true,
                    "ENTERPRISE",
                    Set.of(AttachmentKind.AID_HQ_LETTER, AttachmentKind.LOCAL_PARTNER_AGREEMENT),
                    CheckFacts.WhiteListResult.MEMBER,
                    List.of(),
                    List.of()))));
    // A1 is exempt whatever the unit has
    assertEquals(
        List.of(),
        warnings(
                SubmissionRules.check(
                    complete("A1"),
                    a1(),
                    new CheckFacts(
                        TODAY,
                        true,
                        "ENTERPRISE",
                        Set.of(AttachmentKind.COOPERATION_AGREEMENT),
                        CheckFacts.WhiteListResult.NOT_CHOSEN,
                        List.of(),
                        List.of())))
            .stream()
            .filter(w -> w.startsWith("G1"))
            .toList());
  }
}
