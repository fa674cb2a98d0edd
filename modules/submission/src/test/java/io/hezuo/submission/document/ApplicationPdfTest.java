package io.hezuo.submission.document;

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
import io.hezuo.kernel.money.Money;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.api.TeamMemberForm;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The 申报书 of a representative A1 and B2 application, rendered and read back: budget order,
 * subtotals and totals as Money shows them, the PI, the team, the targets, the transfer, the
 * opinion page, and the contents whose page numbers are where the headings are.
 */
class ApplicationPdfTest {

  static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  static final String ZH = "本项目围绕海洋装备的智能运维开展联合研发，双方已签订合作协议，明确知识产权归属与成果转化方式。";

  // ---------------------------------------------------------------- the applications

  static LineView a1Line() {
    Text intl = Text.of("国际（含港澳台）科技合作项目", "International");
    return new LineView(
        1,
        "A1",
        "A1",
        Category.INTERNATIONAL,
        intl,
        Text.of("政府间科技合作项目", "Intergovernmental"),
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
        intl,
        intl,
        intl,
        intl,
        0,
        List.of(
            new PartnerView(
                "NO",
                Text.of("挪威", "Norway"),
                intl,
                intl,
                null,
                LocalDate.of(2025, 9, 25),
                false,
                SubmissionMode.DUAL,
                null)),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static LineView b2Line() {
    Text b = Text.of("对口支援与东西部协作项目", "Counterpart");
    TopicView topic =
        new TopicView(
            "B2-AGRI",
            Text.of("特色种养与加工", "Local breeding"),
            b,
            List.of(
                new TargetView("VARIETY", Text.of("开发当地特色作物（畜牧、水产）品种", "v"), 1, Text.of("个", "")),
                new TargetView("DEMO_BASE", Text.of("技术应用示范基地", "b"), 1, Text.of("个", "")),
                new TargetView("TRAINED", Text.of("培育产业技术人才", "t"), 30, Text.of("名", ""))));
    return new LineView(
        7,
        "B2",
        "B2",
        Category.COUNTERPART,
        b,
        Text.of("四川、重庆科技合作项目", "Sichuan"),
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
        b,
        b,
        b,
        b,
        0,
        List.of(),
        List.of(),
        List.of(),
        List.of(new RegionView("SC", Text.of("四川", "Sichuan"))),
        List.of(topic));
  }

  /** The one place that builds a form (its shape is changing). */
  static ApplicationForm form(
      String line,
      String subsidy,
      String selfFunds,
      String transfer,
      Integer onsiteDays,
      Map<String, String> budget,
      Map<String, Integer> targets,
      List<TeamMemberForm> team,
      int textRepeat) {
    boolean a1 = line.equals("A1");
    String text = (ZH + "\n").repeat(textRepeat);
    return new ApplicationForm(
        3,
        new ApplicationForm.Project(
            a1 ? "中挪海洋装备智能运维联合研发" : "川渝林下灵芝高效栽培与病害防控技术示范",
            a1 ? "Sino-Norwegian marine equipment" : "Understory Ganoderma in Sichuan",
            a1 ? "E11" : "C16",
            null,
            null,
            null,
            a1 ? null : "SC",
            a1 ? null : "B2-AGRI"),
        new ApplicationForm.Partner(
            a1 ? "NO" : null,
            a1 ? "Demo Marine AS" : "四川演示农业合作社",
            a1 ? "Norway" : null,
            a1 ? "Ola Nordmann" : "张合作",
            a1 ? "IN-2025-77" : null,
            a1 ? "2025-09-10" : null),
        new ApplicationForm.Period("2026-01", "2028-12", onsiteDays),
        new ApplicationForm.Funding(subsidy, selfFunds, transfer, budget),
        targets,
        team,
        List.of("浙江演示大学"),
        new ApplicationForm.Texts(text, text, text, text, text, text));
  }

  static ApplicationView view(String line, ApplicationForm form) {
    return new ApplicationView(
        42,
        1,
        3,
        line,
        "SUBMITTED",
        "王小明",
        "it_pi",
        9,
        "HZ2026-" + line + "-000042",
        SHA,
        Instant.parse("2025-09-15T09:29:59Z"),
        form,
        List.of(
            new ApplicationView.AttachmentView(
                1,
                line.equals("A1") ? "COOPERATION_AGREEMENT" : "AID_HQ_LETTER",
                "协议.pdf",
                1234,
                3,
                SHA)),
        List.of());
  }

  static ApplicationPdf.Pi pi() {
    return new ApplicationPdf.Pi(
        "王小明",
        "RESIDENT_ID",
        "330106198001010016",
        "浙江演示海洋科技有限公司",
        "13800138000",
        "wang@example.cn");
  }

  static ApplicationPdf.Input a1() {
    Map<String, String> budget = new LinkedHashMap<>();
    // typed in another order than the table's: the table has its own
    budget.put("LABOUR", "300000.00");
    budget.put("OTHER", "50000.00");
    budget.put("EQUIPMENT", "1000000.00");
    budget.put("TRAVEL", "150000.00");
    budget.put("MATERIALS", "400000.00");
    budget.put("TESTING", "100000.00");
    ApplicationForm f =
        form(
            "A1",
            "1500000.00",
            "500000.00",
            null,
            null,
            budget,
            Map.of(),
            List.of(
                new TeamMemberForm("李成员", "RESIDENT_ID", "330106198102020026", "浙江演示大学", "骨干", 12),
                new TeamMemberForm(
                    "Anna Berg", "PASSPORT", "E47619348", "Demo Marine AS", "外方负责人", 6)),
            12);
    return new ApplicationPdf.Input(
        view("A1", f), a1Line(), "浙江演示海洋科技有限公司", pi(), null, "E11 海洋工程（工程与材料科学部）");
  }

  static ApplicationPdf.Input b2() {
    Map<String, String> budget = new LinkedHashMap<>();
    budget.put("MATERIALS", "200000.00");
    budget.put("COOPERATION", "250000.00");
    budget.put("LABOUR", "150000.00");
    Map<String, Integer> targets = new LinkedHashMap<>();
    targets.put("VARIETY", 2);
    targets.put("DEMO_BASE", 1);
    targets.put("TRAINED", 40);
    ApplicationForm f =
        form(
            "B2",
            "500000.00",
            "100000.00",
            "250000.00",
            20,
            budget,
            targets,
            List.of(
                new TeamMemberForm("陈成员", "RESIDENT_ID", "330106198102020026", "浙江演示大学", "骨干", 10)),
            1);
    return new ApplicationPdf.Input(view("B2", f), b2Line(), "浙江演示大学", pi(), null);
  }

  // ---------------------------------------------------------------- reading back

  static byte[] render(ApplicationPdf.Input in) {
    return ApplicationPdf.render(in);
  }

  /** Each page's text, 1-based (index 0 is empty). */
  static List<String> pages(byte[] pdf) throws IOException {
    List<String> pages = new ArrayList<>();
    pages.add("");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int n = 1; n <= doc.getNumberOfPages(); n++) {
        stripper.setStartPage(n);
        stripper.setEndPage(n);
        pages.add(stripper.getText(doc));
      }
    }
    return pages;
  }

  static List<String> lines(List<String> pages) {
    List<String> lines = new ArrayList<>();
    for (String p : pages) {
      for (String l : p.split("\\R")) {
        if (!l.isBlank()) {
          lines.add(l.strip());
        }
      }
    }
    return lines;
  }

  /** The index of the first line starting with the text, after {@code from}. */
  static int indexOf(List<String> lines, String start, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + start + " after line " + from);
  }

  /** The budget table's amount on the line of a label. */
  static String amount(List<String> lines, String label, int from) {
    String line = lines.get(indexOf(lines, label, from));
    return line.substring(label.length()).strip();
  }

  static String money(String amount) {
    return Money.of(amount).display(java.util.Locale.SIMPLIFIED_CHINESE);
  }

  // ---------------------------------------------------------------- tests

  @Test
  void theBudgetOfAnA1IsInTheTablesOrderWithSubtotalsAndTotals() throws IOException {
    List<String> lines = lines(pages(render(a1())));
    int table = indexOf(lines, "科目 金额", 0);
    List<String> order =
        List.of(
            "资金来源",
            "1. 申请财政补助经费",
            "2. 自筹经费",
            "资金来源合计",
            "资金支出",
            "1. 设备费",
            "2. 业务费（小计）",
            "（1）材料费",
            "（2）测试化验加工费",
            "（3）差旅/会议/国际合作交流费",
            "（4）其他支出",
            "3. 劳务费",
            "4. 合作方经费",
            "资金支出合计");
    int at = table;
    for (String label : order) {
      int next = indexOf(lines, label, at + 1);
      assertEquals(at + 1, next, () -> label + " is not next after line " + lines.get(0));
      at = next;
    }
    assertEquals("1,500,000.00 元（150 万元）", amount(lines, "1. 申请财政补助经费", table));
    assertEquals(money("500000.00"), amount(lines, "2. 自筹经费", table));
    assertEquals("2,000,000.00 元（200 万元）", amount(lines, "资金来源合计", table));
    assertEquals(money("1000000.00"), amount(lines, "1. 设备费", table));
    assertEquals("700,000.00 元（70 万元）", amount(lines, "2. 业务费（小计）", table));
    assertEquals(money("400000.00"), amount(lines, "（1）材料费", table));
    assertEquals(money("50000.00"), amount(lines, "（4）其他支出", table));
    assertEquals(money("300000.00"), amount(lines, "3. 劳务费", table));
    assertEquals("0.00 元（0 万元）", amount(lines, "4. 合作方经费", table));
    assertEquals("2,000,000.00 元（200 万元）", amount(lines, "资金支出合计", table));
    assertFalse(String.join("\n", lines).contains("不一致"));
    assertFalse(String.join("\n", lines).contains("拨付帮扶地合作方"), "no transfer for A1");
  }

  @Test
  void anA1NamesThePiTheTeamAndThePartnerByLabels() throws IOException {
    List<String> pages = pages(render(a1()));
    String all = String.join("\n", pages);
    String compact = all.replaceAll("\\s+", "");
    for (String expected :
        List.of(
            "浙江省科技合作项目申报书",
            "受理编号 HZ2026-A1-000042",
            "项目类别 国际（含港澳台）科技合作项目 · A1 政府间科技合作项目",
            "合作国家（地区） 挪威",
            "学科代码 E11 海洋工程（工程与材料科学部）",
            "实施期限 2026 年 1 月 至 2028 年 12 月",
            "提交时间（北京时间） 2025-09-15 17:29:59",
            "联系电话 13800138000",
            "电子邮箱 wang@example.cn",
            "所在单位 浙江演示海洋科技有限公司",
            "外方申报编号及日期 IN-2025-77 2025-09-10",
            "Anna Berg")) {
      assertTrue(all.contains(expected), () -> "missing " + expected + " in\n" + all);
    }
    assertTrue(compact.contains("证件居民身份证330106********0016"), all);
    assertTrue(compact.contains("护照E4*****48"), all);
    assertTrue(compact.contains("1李成员浙江演示大学骨干12居民身份证330106********0026"), all);
    assertFalse(compact.contains("330106198001010016") || compact.contains("E47619348"), all);
    assertFalse(all.matches("(?s).*\\b(EQUIPMENT|RESIDENT_ID|COOPERATION_AGREEMENT)\\b.*"), all);
  }

  @Test
  void aB2HasTheTransferItsLimitTheTargetsAndTheDaysOnSite() throws IOException {
    List<String> pages = pages(render(b2()));
    List<String> lines = lines(pages);
    String all = String.join("\n", lines);
    int table = indexOf(lines, "科目 金额", 0);
    assertEquals("500,000.00 元（50 万元）", amount(lines, "1. 申请财政补助经费", table));
    assertEquals("600,000.00 元（60 万元）", amount(lines, "资金来源合计", table));
    assertEquals("200,000.00 元（20 万元）", amount(lines, "2. 业务费（小计）", table));
    assertEquals("250,000.00 元（25 万元）", amount(lines, "4. 合作方经费", table));
    assertEquals("600,000.00 元（60 万元）", amount(lines, "资金支出合计", table));
    assertTrue(indexOf(lines, "（二）拨付帮扶地合作方经费", table) > table);
    for (String expected :
        List.of(
            "拨付帮扶地合作方 250,000.00 元（25 万元）",
            "占申请财政补助经费 50.00%",
            "拨付上限 财政补助经费的 50%，即 250,000.00 元（25 万元）",
            "依据 牵头单位可按合同约定拨付不超过财政补助经费的 50% 至帮扶地合作方",
            "每年赴帮扶地工作天数 20 天（不少于 15 天）",
            "帮扶地区 四川",
            "研究方向 特色种养与加工",
            "帮扶地合作方 四川演示农业合作社",
            "培育产业技术人才 不少于 30 名 40 名",
            "技术应用示范基地 不少于 1 个 1 个",
            "陈成员",
            "帮扶指挥部推荐函")) {
      assertTrue(all.contains(expected), () -> "missing " + expected + " in\n" + all);
    }
  }

  @Test
  void aB2WithMismatchedTotalsSaysSo() throws IOException {
    ApplicationPdf.Input b2 = b2();
    ApplicationForm f = b2.application().form();
    ApplicationForm off =
        form(
            "B2",
            "500000.00",
            "100000.00",
            "250000.00",
            20,
            Map.of("MATERIALS", "1.50"),
            f.targets(),
            f.team(),
            1);
    String all =
        String.join(
            "\n",
            pages(
                render(
                    new ApplicationPdf.Input(
                        view("B2", off), b2.line(), b2.unitName(), b2.pi(), null))));
    assertTrue(all.contains("注：资金支出合计与资金来源合计不一致，相差 599,998.50 元（59.99985 万元）。"), all);
  }

  @Test
  void theOpinionPageHasTheSignatureStampAndDateLines() throws IOException {
    for (ApplicationPdf.Input in : List.of(a1(), b2())) {
      List<String> pages = pages(render(in));
      String last = pages.get(pages.size() - 1);
      assertTrue(last.contains("申报单位意见"), last);
      String compact = last.replaceAll("\\s+", "");
      for (String expected :
          List.of(
              "申报单位对申报材料的真实性",
              "单位负责人（签字）：",
              "经办人（签字）：",
              "申报单位（盖章）",
              "日期：年月日",
              "受理编号" + in.application().acceptanceNo())) {
        assertTrue(compact.contains(expected), () -> "missing " + expected + " in\n" + last);
      }
      // the page is the opinion's alone: nothing of the texts before it
      assertFalse(last.contains("考核指标"), last);
      // the date line keeps its blanks to write in
      assertTrue(last.matches("(?s).*日期：\\s+年\\s+月\\s+日.*"), last);
    }
  }

  @Test
  void aLongApplicationHasContentsWithThePagesOfItsHeadings() throws IOException {
    List<String> pages = pages(render(a1()));
    assertTrue(pages.size() - 1 > ApplicationPdf.CONTENTS_ABOVE_PAGES, "pages " + pages.size());
    Map<String, Integer> toc = contents(pages.get(1));
    assertEquals(
        List.of(
            "一、基本信息",
            "二、项目负责人",
            "三、合作单位",
            "四、项目组成员",
            "五、经费预算",
            "六、立项依据",
            "七、研究内容",
            "八、技术路线",
            "九、合作基础",
            "十、预期成果",
            "十一、考核指标",
            "十二、附件",
            "十三、申报单位意见"),
        List.copyOf(toc.keySet()),
        pages.get(1));
    toc.forEach(
        (heading, page) -> {
          assertTrue(page >= 2 && page < pages.size(), heading + " → " + page);
          assertTrue(
              pages.get(page).lines().anyMatch(l -> l.strip().equals(heading)),
              () -> heading + " is not on page " + page + ":\n" + pages.get(page));
          for (int other = 2; other < pages.size(); other++) {
            int o = other;
            if (other != page) {
              assertFalse(
                  pages.get(other).lines().anyMatch(l -> l.strip().equals(heading)),
                  () -> heading + " is also on page " + o);
            }
          }
        });
    assertEquals(pages.size() - 1, toc.get("十三、申报单位意见"), "the opinion is the last page");
  }

  @Test
  void aShortDraftHasNoContents() throws IOException {
    ApplicationPdf.Input b2 = b2();
    ApplicationForm empty =
        form("B2", "500000.00", "100000.00", null, null, Map.of(), Map.of(), List.of(), 0);
    ApplicationView draft =
        new ApplicationView(
            43, 1, 1, "B2", "DRAFT", "王小明", "it_pi", 9, null, null, null, empty, List.of(),
            List.of());
    List<String> pages =
        pages(render(new ApplicationPdf.Input(draft, b2.line(), b2.unitName(), b2.pi(), null)));
    assertTrue(pages.size() - 1 <= ApplicationPdf.CONTENTS_ABOVE_PAGES, "pages " + pages.size());
    assertTrue(contents(pages.get(1)).isEmpty(), pages.get(1));
    assertFalse(pages.get(1).replace(" ", "").contains("目录"), pages.get(1));
    String all = String.join("\n", pages);
    assertTrue(all.contains("草稿（未提交）"), all);
    assertTrue(all.contains("受理编号 （未提交）"), all);
    assertTrue(all.contains("拨付帮扶地合作方 （未计划）"), all);
    assertTrue(all.contains("立项依据\n（未填写）"), all);
  }

  /** As RareNamesPdfIT reads it from the server: rare names exact, every ID masked. */
  @Test
  void rareNamesPrintExactlyAndEveryIdIsMaskedNextToItsType() throws IOException {
    ApplicationPdf.Input a1 = a1();
    ApplicationForm f = a1.application().form();
    ApplicationForm rare =
        form(
            "A1",
            f.subsidy(),
            f.selfFunds(),
            null,
            null,
            f.budget(),
            Map.of(),
            List.of(
                new TeamMemberForm("王𪚥", "PASSPORT", "E47619348", "浙江演示大学", "骨干", 12),
                new TeamMemberForm(
                    "𠀀明😀", "FOREIGN_PERMANENT_ID", "933840198506120010", "浙江演示大学", "骨干", 6)),
            1);
    String text =
        String.join(
            "\n",
            pages(
                render(
                    new ApplicationPdf.Input(
                        view("A1", rare), a1.line(), a1.unitName(), a1.pi(), null))));
    assertTrue(text.contains("王𪚥"), text);
    assertTrue(text.contains("𠀀明😀"), text);
    String compact = text.replaceAll("\\s+", "");
    assertTrue(compact.contains("护照E4*****48"), text);
    assertTrue(compact.contains("外国人永久居留身份证933840********0010"), text);
    assertFalse(compact.contains("E47619348") || compact.contains("933840198506120010"), text);
  }

  /** Writes both to target/ to look at: pdftoppm -png -r 70 target/application-a1.pdf a1 */
  @Test
  void writesSamplesToLookAt() throws IOException {
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("application-a1.pdf"), render(a1()));
      Files.write(target.resolve("application-b2.pdf"), render(b2()));
    }
  }

  /** The contents' entries on page 1 (after 目录): heading → page printed. */
  static Map<String, Integer> contents(String page) {
    Map<String, Integer> entries = new LinkedHashMap<>();
    Pattern entry = Pattern.compile("^(.+?)\\s+(\\d+)$");
    boolean in = false;
    for (String line : page.split("\\R")) {
      String l = line.strip();
      if (l.replace(" ", "").equals("目录")) {
        in = true;
      } else if (in && !l.startsWith("第 ")) {
        Matcher m = entry.matcher(l);
        if (m.matches()) {
          entries.put(m.group(1).strip(), Integer.parseInt(m.group(2)));
        }
      }
    }
    return entries;
  }
}
