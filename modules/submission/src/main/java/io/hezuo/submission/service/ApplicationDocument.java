package io.hezuo.submission.service;

import io.hezuo.call.api.CallCatalogue;
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

  @Inject ApplicationService applications;
  @Inject CallCatalogue calls;

  /** The PDF of an application the caller may read (its PI or its unit's admin). */
  public byte[] pdf(long id) {
    ApplicationView a = applications.get(id);
    ApplicationForm f = a.form();
    String line =
        calls
            .line(a.callId(), a.lineCode())
            .map(l -> l.code() + " " + l.name().zh())
            .orElse(a.lineCode());
    List<Section> sections = new ArrayList<>();
    sections.add(
        new Section(
            "基本信息",
            List.of(
                new Row("项目名称", nz(f.titleZh())),
                new Row("英文名称", nz(f.titleEn())),
                new Row("项目类别", line),
                new Row("项目负责人", nz(a.piName())),
                new Row("合作方", nz(f.partnerName()) + " " + nz(f.partnerCountry())),
                new Row("实施期限", nz(f.startMonth()) + " 至 " + nz(f.endMonth())),
                new Row("受理编号", nz(a.acceptanceNo())),
                new Row("提交时间（北京时间）", Zones.format(a.submittedAt()))),
            null));
    List<Row> money = new ArrayList<>();
    money.add(new Row("申请财政补助经费（元）", nz(f.subsidy())));
    money.add(new Row("自筹经费（元）", nz(f.selfFunds())));
    if (f.transferAmount() != null) {
      money.add(new Row("拨付帮扶地合作方（元）", f.transferAmount()));
    }
    if (f.budget() != null) {
      for (Map.Entry<String, String> e : f.budget().entrySet()) {
        money.add(new Row("预算：" + e.getKey(), nz(e.getValue())));
      }
    }
    sections.add(new Section("经费预算", money, null));
    if (f.targets() != null && !f.targets().isEmpty()) {
      List<Row> t = new ArrayList<>();
      f.targets().forEach((k, v) -> t.add(new Row(k, String.valueOf(v))));
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
      atts.add(new Row(v.kind() + " " + v.fileName(), "SHA-256 " + v.sha256()));
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

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
