package io.hezuo.submission.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.TargetView;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.time.Zones;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.document.ApplicationPdf;
import io.hezuo.submission.document.PdfDocumentModel;
import io.hezuo.submission.document.PdfDocumentModel.Row;
import io.hezuo.submission.document.PdfDocumentModel.Section;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The application as a PDF (申报书), with its acceptance number and content hash. */
@ApplicationScoped
public class ApplicationDocument {

  @Inject Applications applications;
  @Inject CallCatalogue calls;

  @Inject io.hezuo.directory.api.AccountDirectory directory;

  /** The PDF of an application the caller may read (its PI or its unit's admin). */
  public byte[] pdf(long id) {
    ApplicationView a = applications.get(id);
    ApplicationForm f = a.form();
    java.util.Optional<LineView> lineView = calls.line(a.callId(), a.lineCode());
    String line = lineView.map(l -> l.code() + " " + l.name().zh()).orElse(a.lineCode());
    List<Row> basic = new ArrayList<>();
    basic.add(new Row("项目名称", nz(f.titleZh())));
    basic.add(new Row("英文名称", nz(f.titleEn())));
    basic.add(new Row("项目类别", line));
    basic.add(
        new Row("申报单位", directory.organisation(a.organisationId()).map(o -> o.name()).orElse("")));
    basic.add(new Row("项目负责人", nz(a.piName())));
    lineView.ifPresent(l -> choices(l, f, basic));
    if (f.basePlatformId() != null) {
      applications.platformsOfUnit(a.organisationId()).stream()
          .filter(p -> p.id() == f.basePlatformId())
          .findFirst()
          .ifPresent(
              p ->
                  basic.add(
                      new Row("依托平台基地", p.name() + "（领域：" + String.join("、", p.fields()) + "）")));
    }
    basic.add(new Row("合作方", nz(f.partnerName()) + " " + nz(f.partnerCountry())));
    if (f.partnerContact() != null) {
      basic.add(new Row("合作方联系人", f.partnerContact()));
    }
    if (f.foreignReference() != null || f.foreignDate() != null) {
      basic.add(new Row("外方申报编号及日期", nz(f.foreignReference()) + " " + nz(f.foreignDate())));
    }
    if (f.domesticPartners() != null && !f.domesticPartners().isEmpty()) {
      basic.add(new Row("国内合作单位", String.join("\n", f.domesticPartners())));
    }
    basic.add(new Row("实施期限", nz(f.startMonth()) + " 至 " + nz(f.endMonth())));
    if (f.onsiteDays() != null) {
      basic.add(new Row("负责人每年赴帮扶地工作天数", String.valueOf(f.onsiteDays())));
    }
    basic.add(new Row("受理编号", nz(a.acceptanceNo())));
    basic.add(new Row("提交时间（北京时间）", Zones.format(a.submittedAt())));
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("基本信息", basic, null));
    if (f.team() != null && !f.team().isEmpty()) {
      List<Row> team = new ArrayList<>();
      for (io.hezuo.submission.api.TeamMemberForm m : f.team()) {
        team.add(
            new Row(
                nz(m.name()),
                nz(m.unit())
                    + (m.role() == null ? "" : " · " + m.role())
                    + " · 投入 "
                    + m.months()
                    + " 个月 · "
                    + Messages.get(Messages.CHINESE, "directory.idType." + m.idType())
                    + " "
                    + io.hezuo.directory.api.IdDocuments.mask(m.idType(), m.idNumber())));
      }
      sections.add(new Section("项目组成员", team, null));
    }
    List<Row> money = new ArrayList<>();
    money.add(new Row("申请财政补助经费（元）", nz(f.subsidy())));
    money.add(new Row("自筹经费（元）", nz(f.selfFunds())));
    if (f.transferAmount() != null) {
      money.add(new Row("拨付帮扶地合作方（元）", f.transferAmount()));
    }
    if (f.budget() != null) {
      for (Map.Entry<String, String> e : f.budget().entrySet()) {
        money.add(
            new Row(
                "预算：" + Messages.get(Messages.CHINESE, "submission.budget." + e.getKey()),
                nz(e.getValue())));
      }
    }
    sections.add(new Section("经费预算", money, null));
    if (f.targets() != null && !f.targets().isEmpty()) {
      Map<String, TargetView> known = new java.util.HashMap<>();
      lineView.stream()
          .flatMap(l -> l.topics().stream())
          .filter(t -> t.code().equals(f.topicCode()))
          .flatMap(t -> t.targets().stream())
          .forEach(t -> known.put(t.code(), t));
      List<Row> t = new ArrayList<>();
      f.targets()
          .forEach(
              (k, v) -> {
                TargetView target = known.get(k);
                t.add(
                    target == null
                        ? new Row(k, String.valueOf(v))
                        : new Row(
                            target.label().zh() + "（不少于 " + target.minimum() + "）",
                            v + (target.unit() == null ? "" : " " + target.unit().zh())));
              });
      sections.add(new Section("绩效目标", t, null));
    }
    sections.add(new Section("立项依据", List.of(), nz(f.textBasis())));
    sections.add(new Section("研究内容", List.of(), nz(f.textContent())));
    sections.add(new Section("技术路线", List.of(), nz(f.textRoute())));
    sections.add(new Section("合作基础", List.of(), nz(f.textCooperation())));
    sections.add(new Section("预期成果", List.of(), nz(f.textOutcomes())));
    sections.add(new Section("考核指标", List.of(), nz(f.textIndicators())));
    List<Row> atts = new ArrayList<>();
    for (ApplicationView.AttachmentView v : a.attachments()) {
      atts.add(
          new Row(
              Messages.get(Messages.CHINESE, "submission.kind." + v.kind()) + "：" + v.fileName(),
              v.pages() + " 页 · SHA-256 " + v.sha256()));
    }
    if (!atts.isEmpty()) {
      sections.add(new Section("附件", atts, null));
    }
    String subtitle =
        a.acceptanceNo() == null
            ? "草稿（未提交）"
            : "受理编号 " + a.acceptanceNo() + " · SHA-256 " + a.contentSha256();
    return ApplicationPdf.render(
        new PdfDocumentModel("浙江省科技合作项目申报书", subtitle, sections, "浙江省科学技术厅 科技合作项目"));
  }

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

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
