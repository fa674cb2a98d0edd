package io.hezuo.submission.document;

import io.hezuo.call.api.Category;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.TopicView;
import io.hezuo.directory.api.IdDocuments;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.pdf.PdfDocument;
import io.hezuo.kernel.pdf.PdfDocument.Align;
import io.hezuo.kernel.pdf.PdfDocument.Block;
import io.hezuo.kernel.pdf.PdfDocument.Column;
import io.hezuo.kernel.pdf.PdfDocument.Fields;
import io.hezuo.kernel.pdf.PdfDocument.Heading;
import io.hezuo.kernel.pdf.PdfDocument.Row;
import io.hezuo.kernel.pdf.PdfDocument.RowStyle;
import io.hezuo.kernel.pdf.PdfDocument.TableRow;
import io.hezuo.kernel.pdf.PdfRenderer;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.api.Budget;
import io.hezuo.submission.api.TeamMemberForm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The application as the Department files it (申报书): basic data, the PI, the partners, the team, the
 * budget table in the order of the budget categories with subtotals and totals, the transfer to the
 * aided region's partner (B lines), the performance targets, the six texts, the attachments, and
 * the applying unit's opinion page (申报单位意见) with signature, stamp and date; a table of contents
 * when the document is longer than {@link #CONTENTS_ABOVE_PAGES} pages.
 *
 * <p>Plain Java: the service gathers the {@link Input}, this turns it into a {@link PdfDocument}
 * for kernel's {@link PdfRenderer}. Everything printed is a label or a value, never a code.
 */
public final class ApplicationPdf {

  /** A document longer than this (without contents) gets a table of contents after its title. */
  public static final int CONTENTS_ABOVE_PAGES = 4;

  public static final String TITLE = "浙江省科技合作项目申报书";
  public static final String FOOTER = "浙江省科学技术厅 科技合作项目";
  public static final String OPINION = "申报单位意见";

  /** The categories of 业务费, summed up in a subtotal. */
  static final List<String> BUSINESS = List.of("MATERIALS", "TESTING", "TRAVEL", "OTHER");

  /** Every expenditure category in the order printed ({@link Budget#ORDER}). */
  public static final List<String> BUDGET_ORDER = Budget.ORDER;

  private static final String[] NUMERALS = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"
  };

  private static final Locale ZH = Messages.CHINESE;

  private ApplicationPdf() {}

  /**
   * The PI as the directory holds them.
   *
   * @param idType a name of the directory's ID document types, may be null
   * @param phone null when not held
   * @param email null when not held
   */
  public record Pi(
      String name, String idType, String idNumber, String unit, String phone, String email) {}

  /**
   * What the document is made of.
   *
   * @param application the application with its form and attachments
   * @param line its programme line; null when the call no longer has it
   * @param unitName the applying unit's name
   * @param pi the PI's details
   * @param basePlatform the white-listed platform base the project relies on, as a text; may be
   *     null
   * @param discipline the discipline code with its name and section ({@code F06 人工智能（信息科学部）}); null
   *     when none was chosen
   */
  public record Input(
      ApplicationView application,
      LineView line,
      String unitName,
      Pi pi,
      String basePlatform,
      String discipline) {

    /** Without a discipline code. */
    public Input(
        ApplicationView application, LineView line, String unitName, Pi pi, String basePlatform) {
      this(application, line, unitName, pi, basePlatform, null);
    }
  }

  /** The PDF's bytes. */
  public static byte[] render(Input in) {
    return PdfRenderer.render(document(in));
  }

  /** The document to render. */
  public static PdfDocument document(Input in) {
    ApplicationView a = in.application();
    ApplicationForm f = a.form();
    Optional<LineView> line = Optional.ofNullable(in.line());
    boolean counterpart = line.map(l -> l.category() == Category.COUNTERPART).orElse(false);
    Numbers n = new Numbers();
    List<Block> blocks = new ArrayList<>();

    // basic data
    List<Row> basic = new ArrayList<>();
    basic.add(new Row("项目名称", nz(f.titleZh())));
    basic.add(new Row("英文名称", nz(f.titleEn())));
    basic.add(
        new Row(
            "项目类别",
            line.map(l -> l.groupName().zh() + " · " + l.code() + " " + l.name().zh())
                .orElse(a.lineCode())));
    basic.add(new Row("申报单位", nz(in.unitName())));
    basic.add(
        new Row(
            "学科代码",
            in.discipline() != null
                ? in.discipline()
                : f.disciplineCode() == null ? "（未填写）" : f.disciplineCode()));
    line.ifPresent(l -> choices(l, f, basic));
    if (in.basePlatform() != null) {
      basic.add(new Row("依托平台基地", in.basePlatform()));
    }
    basic.add(new Row("实施期限", period(f)));
    basic.add(new Row("受理编号", a.acceptanceNo() == null ? "（未提交）" : a.acceptanceNo()));
    basic.add(
        new Row("提交时间（北京时间）", a.submittedAt() == null ? "（未提交）" : Zones.format(a.submittedAt())));
    blocks.add(new Heading(n.next("基本信息")));
    blocks.add(new Fields(basic));

    // the PI
    Pi pi = in.pi();
    List<Row> piRows = new ArrayList<>();
    piRows.add(new Row("姓名", pi == null ? nz(a.piName()) : nz(pi.name())));
    if (pi != null && pi.idType() != null) {
      piRows.add(
          new Row(
              "证件",
              Messages.get(ZH, "directory.idType." + pi.idType())
                  + " "
                  + IdDocuments.mask(pi.idType(), pi.idNumber())));
    }
    piRows.add(new Row("所在单位", pi == null || pi.unit() == null ? nz(in.unitName()) : pi.unit()));
    piRows.add(new Row("联系电话", pi == null || blank(pi.phone()) ? "（未登记）" : pi.phone()));
    piRows.add(new Row("电子邮箱", pi == null || blank(pi.email()) ? "（未登记）" : pi.email()));
    if (counterpart || f.onsiteDays() != null) {
      Integer minimum = line.map(LineView::minOnSiteDaysPerYear).orElse(null);
      piRows.add(
          new Row(
              "每年赴帮扶地工作天数",
              (f.onsiteDays() == null ? "（未填写）" : f.onsiteDays() + " 天")
                  + (minimum == null ? "" : "（不少于 " + minimum + " 天）")));
    }
    blocks.add(new Heading(n.next("项目负责人")));
    blocks.add(new Fields(piRows));

    // partners
    List<Row> partner = new ArrayList<>();
    partner.add(new Row(counterpart ? "帮扶地合作方" : "合作方", nz(f.partnerName())));
    if (!blank(f.partnerCountry())) {
      partner.add(new Row("合作方所在国家（地区）", f.partnerCountry()));
    }
    if (!blank(f.partnerContact())) {
      partner.add(new Row("合作方联系人", f.partnerContact()));
    }
    if (!blank(f.foreignReference()) || !blank(f.foreignDate())) {
      partner.add(
          new Row("外方申报编号及日期", (nz(f.foreignReference()) + " " + nz(f.foreignDate())).strip()));
    }
    if (f.domesticPartners() != null && !f.domesticPartners().isEmpty()) {
      partner.add(new Row("国内合作单位", String.join("\n", f.domesticPartners())));
    }
    blocks.add(new Heading(n.next("合作单位")));
    blocks.add(new Fields(partner));

    // the team
    if (f.team() != null && !f.team().isEmpty()) {
      List<TableRow> team = new ArrayList<>();
      int i = 0;
      for (TeamMemberForm m : f.team()) {
        i++;
        team.add(
            new TableRow(
                RowStyle.NORMAL,
                0,
                String.valueOf(i),
                nz(m.name()),
                nz(m.unit()),
                nz(m.role()),
                m.months() == null ? "" : String.valueOf(m.months()),
                // last, so that the text layer reads the type and the number together
                m.idType() == null
                    ? ""
                    : Messages.get(ZH, "directory.idType." + m.idType())
                        + "\n"
                        + IdDocuments.mask(m.idType(), m.idNumber())));
      }
      blocks.add(new Heading(n.next("项目组成员")));
      blocks.add(
          new PdfDocument.Table(
              List.of(
                  new Column("序号", 0.7f, Align.CENTRE),
                  new Column("姓名", 1.5f, Align.LEFT),
                  new Column("单位", 2.6f, Align.LEFT),
                  new Column("分工", 1.6f, Align.LEFT),
                  new Column("投入（月）", 1.2f, Align.RIGHT),
                  new Column("证件", 2.8f, Align.LEFT)),
              team));
    }

    // the budget
    blocks.add(new Heading(n.next("经费预算")));
    boolean transfer = counterpart || !blank(f.transferAmount());
    if (transfer) {
      blocks.add(new Heading("（一）经费预算表", 2));
    }
    blocks.addAll(budget(f));
    if (transfer) {
      blocks.add(new Heading("（二）拨付帮扶地合作方经费", 2));
      blocks.add(new Fields(transfer(f, line.map(LineView::maxTransferPercent).orElse(null))));
    }

    // targets
    if (f.targets() != null && !f.targets().isEmpty()) {
      blocks.add(new Heading(n.next("绩效目标")));
      blocks.add(targets(f, line));
    }

    // the texts
    blocks.add(new Heading(n.next("立项依据")));
    blocks.add(new PdfDocument.Paragraph(orNone(f.textBasis())));
    blocks.add(new Heading(n.next("研究内容")));
    blocks.add(new PdfDocument.Paragraph(orNone(f.textContent())));
    blocks.add(new Heading(n.next("技术路线")));
    blocks.add(new PdfDocument.Paragraph(orNone(f.textRoute())));
    blocks.add(new Heading(n.next("合作基础")));
    blocks.add(new PdfDocument.Paragraph(orNone(f.textCooperation())));
    blocks.add(new Heading(n.next("预期成果")));
    blocks.add(new PdfDocument.Paragraph(orNone(f.textOutcomes())));
    blocks.add(new Heading(n.next("考核指标")));
    blocks.add(new PdfDocument.Paragraph(orNone(f.textIndicators())));

    // attachments
    if (!a.attachments().isEmpty()) {
      List<TableRow> rows = new ArrayList<>();
      for (ApplicationView.AttachmentView v : a.attachments()) {
        rows.add(
            new TableRow(
                RowStyle.NORMAL,
                0,
                Messages.get(ZH, "submission.kind." + v.kind()),
                v.fileName(),
                String.valueOf(v.pages()),
                v.sha256()));
      }
      blocks.add(new Heading(n.next("附件")));
      blocks.add(
          new PdfDocument.Table(
              List.of(
                  new Column("类别", 2f, Align.LEFT),
                  new Column("文件名", 2.6f, Align.LEFT),
                  new Column("页数", 0.8f, Align.RIGHT),
                  new Column("SHA-256", 4.6f, Align.LEFT)),
              rows));
    }

    // the applying unit's opinion, on a page of its own
    blocks.add(new PdfDocument.PageBreak());
    blocks.add(new Heading(n.next(OPINION)));
    blocks.add(
        new Fields(
            List.of(
                new Row("申报单位", nz(in.unitName())),
                new Row("项目名称", nz(f.titleZh())),
                new Row("受理编号", a.acceptanceNo() == null ? "（未提交）" : a.acceptanceNo()))));
    blocks.add(
        new PdfDocument.Signatures(
            "申报单位对申报材料的真实性、项目负责人及团队成员的科研诚信、项目实施的配套条件及经费预算签署意见：",
            List.of("单位负责人（签字）", "经办人（签字）"),
            "申报单位（盖章）",
            "日期：" + " ".repeat(10) + "年" + " ".repeat(6) + "月" + " ".repeat(6) + "日",
            380f));

    String subtitle =
        line.map(l -> l.groupName().zh() + "\n").orElse("")
            + (a.acceptanceNo() == null
                ? "草稿（未提交）"
                : "受理编号 " + a.acceptanceNo() + " · SHA-256 " + nz(a.contentSha256()));
    return new PdfDocument(TITLE, subtitle, blocks, FOOTER, CONTENTS_ABOVE_PAGES);
  }

  // ---------------------------------------------------------------- budget

  /**
   * The budget table: sources (subsidy, self-raised funds, their total), then expenditure by
   * category in {@link #BUDGET_ORDER} with the 业务费 subtotal and the total; a note when the two
   * totals differ. Every amount as {@link Money#display}, every category shown (0 when empty).
   */
  static List<Block> budget(ApplicationForm f) {
    Map<String, String> b = f.budget() == null ? Map.of() : f.budget();
    Sum sources = new Sum();
    Sum spending = new Sum();
    List<TableRow> rows = new ArrayList<>();
    rows.add(new TableRow(RowStyle.GROUP, 0, "资金来源", ""));
    rows.add(new TableRow(RowStyle.NORMAL, 1, "1. 申请财政补助经费", sources.add(f.subsidy())));
    rows.add(new TableRow(RowStyle.NORMAL, 1, "2. 自筹经费", sources.add(f.selfFunds())));
    rows.add(new TableRow(RowStyle.SUBTOTAL, 0, "资金来源合计", sources.show()));

    rows.add(new TableRow(RowStyle.GROUP, 0, "资金支出", ""));
    rows.add(
        new TableRow(
            RowStyle.NORMAL, 1, "1. " + label("EQUIPMENT"), spending.add(b.get("EQUIPMENT"))));
    Sum business = new Sum();
    List<TableRow> businessRows = new ArrayList<>();
    int k = 0;
    for (String c : BUSINESS) {
      k++;
      String shown = business.add(b.get(c));
      businessRows.add(new TableRow(RowStyle.NORMAL, 2, "（" + k + "）" + label(c), shown));
    }
    spending.add(business);
    rows.add(new TableRow(RowStyle.SUBTOTAL, 1, "2. 业务费（小计）", business.show()));
    rows.addAll(businessRows);
    rows.add(
        new TableRow(RowStyle.NORMAL, 1, "3. " + label("LABOUR"), spending.add(b.get("LABOUR"))));
    rows.add(
        new TableRow(
            RowStyle.NORMAL, 1, "4. " + label("COOPERATION"), spending.add(b.get("COOPERATION"))));
    // categories the order does not know (none today): after the known ones, never lost
    Set<String> other = new LinkedHashSet<>(b.keySet());
    BUDGET_ORDER.forEach(other::remove);
    int m = 4;
    for (String c : other) {
      m++;
      rows.add(new TableRow(RowStyle.NORMAL, 1, m + ". " + label(c), spending.add(b.get(c))));
    }
    rows.add(new TableRow(RowStyle.TOTAL, 0, "资金支出合计", spending.show()));

    List<Block> blocks = new ArrayList<>();
    blocks.add(new PdfDocument.Paragraph("经费预算：金额单位为元，括号内为万元。"));
    blocks.add(
        new PdfDocument.Table(
            List.of(new Column("科目", 3f, Align.LEFT), new Column("金额", 2.3f, Align.RIGHT)), rows));
    if (sources.valid && spending.valid && sources.total.compareTo(spending.total) != 0) {
      blocks.add(
          new PdfDocument.Paragraph(
              "注：资金支出合计与资金来源合计不一致，相差 " + sources.total.minus(spending.total).display(ZH) + "。"));
    }
    return blocks;
  }

  /** The planned transfer to the aided region's partner and its limit (G5). */
  static List<Row> transfer(ApplicationForm f, BigDecimal maxPercent) {
    List<Row> rows = new ArrayList<>();
    Money subsidy = money(f.subsidy());
    Money transfer = money(f.transferAmount());
    rows.add(
        new Row(
            "拨付帮扶地合作方",
            transfer != null
                ? transfer.display(ZH)
                : blank(f.transferAmount()) ? "（未计划）" : f.transferAmount()));
    if (transfer != null && subsidy != null && subsidy.amount().signum() > 0) {
      BigDecimal percent =
          transfer
              .amount()
              .multiply(BigDecimal.valueOf(100))
              .divide(subsidy.amount(), 2, RoundingMode.DOWN);
      rows.add(new Row("占申请财政补助经费", percent.toPlainString() + "%"));
    }
    if (maxPercent != null) {
      String percent = maxPercent.stripTrailingZeros().toPlainString() + "%";
      String limit = "财政补助经费的 " + percent;
      if (subsidy != null) {
        BigDecimal cap =
            subsidy
                .amount()
                .multiply(maxPercent)
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        limit += "，即 " + Money.of(cap).display(ZH);
      }
      rows.add(new Row("拨付上限", limit));
      rows.add(new Row("依据", "牵头单位可按合同约定拨付不超过财政补助经费的 " + percent + " 至帮扶地合作方"));
    }
    return rows;
  }

  // ---------------------------------------------------------------- targets

  private static PdfDocument.Table targets(ApplicationForm f, Optional<LineView> line) {
    Optional<TopicView> topic =
        line.flatMap(
            l -> l.topics().stream().filter(t -> t.code().equals(f.topicCode())).findFirst());
    List<TableRow> rows = new ArrayList<>();
    f.targets()
        .forEach(
            (code, value) -> {
              Optional<TargetView> target = topic.flatMap(t -> t.target(code));
              String unit = target.map(t -> t.unit() == null ? "" : " " + t.unit().zh()).orElse("");
              rows.add(
                  new TableRow(
                      RowStyle.NORMAL,
                      0,
                      target.map(t -> t.label().zh()).orElse("（已不在指南中的指标）"),
                      target.map(t -> "不少于 " + t.minimum() + unit).orElse(""),
                      (value == null ? "" : value) + unit));
            });
    return new PdfDocument.Table(
        List.of(
            new Column("绩效指标", 4f, Align.LEFT),
            new Column("指南最低要求", 2f, Align.RIGHT),
            new Column("申报值", 2f, Align.RIGHT)),
        rows);
  }

  // ---------------------------------------------------------------- helpers

  /** The line's own choice, by name: partner country, platform, field, or region and topic. */
  private static void choices(LineView l, ApplicationForm f, List<Row> rows) {
    l.partners().stream()
        .filter(p -> p.code().equals(f.partnerCode()))
        .findFirst()
        .ifPresent(p -> rows.add(new Row("合作国家（地区）", p.name().zh())));
    l.platforms().stream()
        .filter(p -> p.code().equals(f.platformCode()))
        .findFirst()
        .ifPresent(p -> rows.add(new Row("合作平台", p.name().zh())));
    l.fields().stream()
        .filter(x -> x.code().equals(f.fieldCode()))
        .findFirst()
        .ifPresent(x -> rows.add(new Row("合作领域", x.groupName().zh() + " · " + x.name().zh())));
    l.regions().stream()
        .filter(r -> r.code().equals(f.regionCode()))
        .findFirst()
        .ifPresent(r -> rows.add(new Row("帮扶地区", r.name().zh())));
    l.topics().stream()
        .filter(t -> t.code().equals(f.topicCode()))
        .findFirst()
        .ifPresent(t -> rows.add(new Row("研究方向", t.name().zh())));
  }

  private static String period(ApplicationForm f) {
    if (blank(f.startMonth()) && blank(f.endMonth())) {
      return "（未填写）";
    }
    return month(f.startMonth()) + " 至 " + month(f.endMonth());
  }

  /** {@code 2026-01} as 2026 年 1 月; anything else as typed. */
  private static String month(String m) {
    if (m != null && m.matches("\\d{4}-\\d{2}")) {
      return m.substring(0, 4) + " 年 " + Integer.parseInt(m.substring(5)) + " 月";
    }
    return nz(m);
  }

  private static String label(String category) {
    String key = "submission.budget." + category;
    return Messages.exists(key) ? Messages.get(ZH, key) : "其他科目";
  }

  /** A typed amount as Money; null when empty or not an amount (a draft may hold anything). */
  static Money money(String s) {
    if (blank(s)) {
      return null;
    }
    try {
      return Money.of(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Adds up the amounts shown; an amount that is not one makes the sum unknown. */
  private static final class Sum {
    Money total = Money.ZERO;
    boolean valid = true;

    /** Adds the typed amount (empty counts as 0) and returns how it is shown. */
    String add(String typed) {
      if (blank(typed)) {
        return Money.ZERO.display(ZH);
      }
      Money m = money(typed);
      if (m == null) {
        valid = false;
        return typed;
      }
      total = total.plus(m);
      return m.display(ZH);
    }

    void add(Sum other) {
      total = total.plus(other.total);
      valid &= other.valid;
    }

    String show() {
      return valid ? total.display(ZH) : "—";
    }
  }

  /** Numbers the sections 一、二、… in the order they appear. */
  private static final class Numbers {
    private int next;

    String next(String heading) {
      return NUMERALS[Math.min(next++, NUMERALS.length - 1)] + "、" + heading;
    }
  }

  private static String orNone(String s) {
    return blank(s) ? "（未填写）" : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
