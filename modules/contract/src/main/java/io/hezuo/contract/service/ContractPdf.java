package io.hezuo.contract.service;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.pdf.PdfDocument;
import io.hezuo.kernel.pdf.PdfDocument.Align;
import io.hezuo.kernel.pdf.PdfDocument.Block;
import io.hezuo.kernel.pdf.PdfDocument.Column;
import io.hezuo.kernel.pdf.PdfDocument.Row;
import io.hezuo.kernel.pdf.PdfDocument.RowStyle;
import io.hezuo.kernel.pdf.PdfDocument.TableRow;
import io.hezuo.kernel.pdf.PdfRenderer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contract (任务书) of an approved project as the Department issues it: the parties (the
 * Department, the lead unit, for B lines the partner in the aided region), the project and its
 * period, the approved subsidy with the tranche schedule, for B lines the planned transfer to the
 * partner (at most the line's share, G5) and the PI's days on site per year (at least 15), the
 * performance targets, the budget as applied for, and the signature page of both sides.
 *
 * <p>Plain Java: {@link Contracts} gathers the {@link Input}, this turns it into a {@link
 * PdfDocument} for kernel's {@link PdfRenderer}. Amounts are shown as {@code 1,200,000.00 元（120
 * 万元）}.
 */
public final class ContractPdf {

  public static final String TITLE = "浙江省科技合作项目任务书";
  public static final String DEPARTMENT = "浙江省科学技术厅";
  public static final String FOOTER = "浙江省科学技术厅 科技合作项目任务书";

  /** The least days on site per year on a B line (SPEC: ≥ 15). */
  public static final int MIN_ONSITE_DAYS = 15;

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private ContractPdf() {}

  /** One tranche of the schedule: its share, when it is paid, its amount. */
  public record Tranche(int number, BigDecimal percent, String when, Money amount) {}

  /** A performance target: its label, the guide's minimum (may be empty) and the value promised. */
  public record Target(String label, String minimum, String value) {}

  /** A budget line as applied for: its label and amount as typed (may be empty). */
  public record BudgetLine(String label, String amount) {}

  /**
   * What the contract says.
   *
   * @param counterpart whether the project is on a B line (partner, transfer, days on site)
   * @param partnerName the partner in the aided region (B lines), may be null
   * @param regionName the aided region (B lines), may be null
   * @param maxTransferPercent the line's share of the subsidy that may go to the partner (50)
   * @param plannedTransfer the transfer planned, at most the share of the approved subsidy
   * @param onsiteDays the PI's days on site per year (B lines)
   * @param indicators the application's text on targets and indicators, may be null
   * @param state the contract's state, as a label, e.g. 草稿
   */
  public record Input(
      String acceptanceNo,
      String titleZh,
      String line,
      String unitName,
      String piName,
      boolean counterpart,
      String partnerName,
      String regionName,
      LocalDate periodFrom,
      LocalDate periodTo,
      Money requested,
      Money approved,
      List<Tranche> tranches,
      BigDecimal maxTransferPercent,
      Money plannedTransfer,
      Integer onsiteDays,
      List<Target> targets,
      String indicators,
      String outcomes,
      List<BudgetLine> budget,
      String state) {

    public Input {
      tranches = tranches == null ? List.of() : List.copyOf(tranches);
      targets = targets == null ? List.of() : List.copyOf(targets);
      budget = budget == null ? List.of() : List.copyOf(budget);
    }
  }

  /** The PDF's bytes. */
  public static byte[] render(Input in) {
    return PdfRenderer.render(document(in));
  }

  /** The largest transfer the line's share allows of {@code approved} (rounded down to the fen). */
  public static Money transferCap(Money approved, BigDecimal percent) {
    if (approved == null || percent == null) {
      return null;
    }
    return Money.of(
        approved.amount().multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN));
  }

  /** The days on site the contract states: what was planned, never fewer than 15. */
  public static int onsiteDays(Integer planned) {
    return planned == null ? MIN_ONSITE_DAYS : Math.max(MIN_ONSITE_DAYS, planned);
  }

  /** The document to render. */
  public static PdfDocument document(Input in) {
    List<Block> blocks = new ArrayList<>();

    // parties
    List<Row> parties = new ArrayList<>();
    parties.add(new Row("甲方（委托方）", DEPARTMENT));
    parties.add(new Row("乙方（项目承担单位）", nz(in.unitName())));
    if (in.counterpart()) {
      parties.add(new Row("丙方（帮扶地合作方）", blank(in.partnerName()) ? "（未填写）" : in.partnerName()));
      if (!blank(in.regionName())) {
        parties.add(new Row("帮扶地区", in.regionName()));
      }
    }
    parties.add(new Row("项目负责人", nz(in.piName())));
    blocks.addAll(PdfDocument.section("一、合同各方", parties, null));

    // the project
    List<Row> project = new ArrayList<>();
    project.add(new Row("项目名称", nz(in.titleZh())));
    project.add(new Row("受理编号", nz(in.acceptanceNo())));
    project.add(new Row("项目类别", nz(in.line())));
    project.add(new Row("实施期限", date(in.periodFrom()) + " 至 " + date(in.periodTo())));
    blocks.addAll(PdfDocument.section("二、项目基本信息", project, null));

    // money
    List<Row> money = new ArrayList<>();
    if (in.requested() != null) {
      money.add(new Row("申请财政补助经费", in.requested().display(ZH)));
    }
    money.add(new Row("批准财政补助经费", in.approved().display(ZH)));
    blocks.addAll(PdfDocument.section("三、财政补助经费及拨付计划", money, null));
    List<TableRow> tranches = new ArrayList<>();
    Money total = Money.ZERO;
    for (Tranche t : in.tranches()) {
      total = total.plus(t.amount());
      tranches.add(
          new TableRow(
              RowStyle.NORMAL,
              0,
              "第 " + t.number() + " 期",
              percent(t.percent()),
              nz(t.when()),
              t.amount().display(ZH)));
    }
    if (!in.tranches().isEmpty()) {
      tranches.add(new TableRow(RowStyle.TOTAL, 0, "合计", "100%", "", total.display(ZH)));
      blocks.add(
          new PdfDocument.Table(
              List.of(
                  new Column("期次", 1.2f, Align.LEFT),
                  new Column("比例", 1f, Align.RIGHT),
                  new Column("拨付条件", 2.2f, Align.LEFT),
                  new Column("金额", 3f, Align.RIGHT)),
              tranches));
    } else {
      blocks.add(new PdfDocument.Paragraph("拨付计划：（未确定）"));
    }

    // B lines: the partner's share and the days on site
    if (in.counterpart()) {
      List<Row> b = new ArrayList<>();
      BigDecimal share =
          in.maxTransferPercent() == null ? BigDecimal.valueOf(50) : in.maxTransferPercent();
      Money cap = transferCap(in.approved(), share);
      Money planned = in.plannedTransfer();
      if (planned != null) {
        b.add(new Row("计划拨付帮扶地合作方", planned.display(ZH)));
        if (in.approved().amount().signum() > 0) {
          BigDecimal p =
              planned
                  .amount()
                  .multiply(BigDecimal.valueOf(100))
                  .divide(in.approved().amount(), 2, RoundingMode.DOWN);
          b.add(new Row("占批准财政补助经费", p.toPlainString() + "%"));
        }
      } else {
        b.add(new Row("计划拨付帮扶地合作方", "（未计划）"));
      }
      b.add(new Row("拨付上限", "财政补助经费的 " + percent(share) + "，即 " + cap.display(ZH)));
      b.add(new Row("依据", "牵头单位可按合同约定拨付不超过财政补助经费的 " + percent(share) + " 至帮扶地合作方"));
      b.add(new Row("项目负责人赴帮扶地工作", "实施期内每年不少于 " + onsiteDays(in.onsiteDays()) + " 天"));
      blocks.addAll(PdfDocument.section("四、对口支援与东西部协作的约定", b, null));
    }

    // targets
    String n = in.counterpart() ? "五" : "四";
    blocks.add(new PdfDocument.Heading(n + "、绩效目标"));
    if (!in.targets().isEmpty()) {
      List<TableRow> rows = new ArrayList<>();
      for (Target t : in.targets()) {
        rows.add(new TableRow(RowStyle.NORMAL, 0, nz(t.label()), nz(t.minimum()), nz(t.value())));
      }
      blocks.add(
          new PdfDocument.Table(
              List.of(
                  new Column("绩效指标", 4f, Align.LEFT),
                  new Column("指南最低要求", 2f, Align.RIGHT),
                  new Column("合同约定值", 2f, Align.RIGHT)),
              rows));
    }
    if (!blank(in.indicators())) {
      blocks.add(new PdfDocument.Paragraph("考核指标：" + in.indicators()));
    }
    if (!blank(in.outcomes())) {
      blocks.add(new PdfDocument.Paragraph("预期成果：" + in.outcomes()));
    }
    if (in.targets().isEmpty() && blank(in.indicators()) && blank(in.outcomes())) {
      blocks.add(new PdfDocument.Paragraph("（申报书未填写）"));
    }

    // budget
    n = in.counterpart() ? "六" : "五";
    blocks.add(new PdfDocument.Heading(n + "、经费预算（按申报书）"));
    if (!in.budget().isEmpty()) {
      List<TableRow> rows = new ArrayList<>();
      for (BudgetLine l : in.budget()) {
        rows.add(new TableRow(RowStyle.NORMAL, 0, nz(l.label()), amount(l.amount())));
      }
      blocks.add(
          new PdfDocument.Table(
              List.of(new Column("科目", 3f, Align.LEFT), new Column("金额", 2.3f, Align.RIGHT)),
              rows));
    } else {
      blocks.add(new PdfDocument.Paragraph("（申报书未填写）"));
    }

    // signatures
    n = in.counterpart() ? "七" : "六";
    blocks.add(new PdfDocument.Heading(n + "、签章"));
    blocks.add(
        new PdfDocument.Signatures(
            "乙方（项目承担单位）：" + nz(in.unitName()),
            List.of("单位负责人（签字）", "项目负责人（签字）"),
            "乙方（盖章）",
            "日期：      年    月    日",
            150f));
    blocks.add(
        new PdfDocument.Signatures(
            "甲方（委托方）：" + DEPARTMENT, List.of("经办人（签字）"), "甲方（盖章）", "日期：      年    月    日", 130f));

    String subtitle =
        "受理编号 " + nz(in.acceptanceNo()) + (blank(in.state()) ? "" : " · " + in.state());
    return new PdfDocument(TITLE, subtitle, blocks, FOOTER);
  }

  private static String percent(BigDecimal p) {
    return p == null ? "" : p.stripTrailingZeros().toPlainString() + "%";
  }

  private static String amount(String typed) {
    if (blank(typed)) {
      return Money.ZERO.display(ZH);
    }
    try {
      return Money.of(typed.trim()).display(ZH);
    } catch (IllegalArgumentException e) {
      return typed;
    }
  }

  private static String date(LocalDate d) {
    return d == null
        ? ""
        : d.getYear() + " 年 " + d.getMonthValue() + " 月 " + d.getDayOfMonth() + " 日";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
