package io.hezuo.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test builder of the application form's JSON as REST takes it (the groups of {@code
 * ApplicationForm}): {@code ApplicationForms.a1(version).subsidy("1500000.00").json()} instead of a
 * hand-written string. {@link #a1(long)} is a complete A1 application (Norway, dual submission);
 * {@link #empty(long)} has nothing but the version.
 */
final class ApplicationForms {

  /** A team member as typed. */
  record Member(
      String name, String idType, String idNumber, String unit, String role, int months) {}

  private final long version;
  private final Map<String, Object> project = new LinkedHashMap<>();
  private final Map<String, Object> partner = new LinkedHashMap<>();
  private final Map<String, Object> period = new LinkedHashMap<>();
  private final Map<String, Object> funding = new LinkedHashMap<>();
  private final Map<String, String> budget = new LinkedHashMap<>();
  private final Map<String, Integer> targets = new LinkedHashMap<>();
  private final List<Member> team = new ArrayList<>();
  private final List<String> domesticPartners = new ArrayList<>();
  private final Map<String, Object> texts = new LinkedHashMap<>();

  private ApplicationForms(long version) {
    this.version = version;
  }

  /** Nothing but the version. */
  static ApplicationForms empty(long version) {
    return new ApplicationForms(version);
  }

  /**
   * A valid A1 application in discipline E11 (ocean engineering) with a Norwegian partner that
   * submitted on 2025-09-10, 2026-01 to 2028-12, subsidy 1,500,000.00 and self-raised 500,000.00 in
   * two budget lines, one team member and the six texts.
   */
  static ApplicationForms a1(long version) {
    return new ApplicationForms(version)
        .titleZh("中挪海洋装备联合研发")
        .titleEn("Sino-Norwegian marine equipment")
        .disciplineCode("E11")
        .partnerCode("NO")
        .partnerName("Demo Marine AS")
        .partnerCountry("Norway")
        .foreignReference("IN-2025-77")
        .foreignDate("2025-09-10")
        .period("2026-01", "2028-12")
        .subsidy("1500000.00")
        .selfFunds("500000.00")
        .budget("EQUIPMENT", "1000000.00")
        .budget("LABOUR", "1000000.00")
        .member(new Member("李成员", "RESIDENT_ID", "330106198102020026", "浙江演示大学", "骨干", 12))
        .domesticPartner("浙江演示大学")
        .texts("立项依据……", "研究内容……", "技术路线……", "合作基础……", "预期成果……", "考核指标……");
  }

  ApplicationForms titleZh(String v) {
    project.put("titleZh", v);
    return this;
  }

  ApplicationForms titleEn(String v) {
    project.put("titleEn", v);
    return this;
  }

  ApplicationForms disciplineCode(String v) {
    project.put("disciplineCode", v);
    return this;
  }

  ApplicationForms platformCode(String v) {
    project.put("platformCode", v);
    return this;
  }

  /** The white-listed platform base (G1); null leaves it unset. */
  ApplicationForms basePlatformId(Long v) {
    if (v != null) {
      project.put("basePlatformId", v);
    }
    return this;
  }

  /** B lines: the aided region and the topic. */
  ApplicationForms counterpart(String regionCode, String topicCode) {
    project.put("regionCode", regionCode);
    project.put("topicCode", topicCode);
    return this;
  }

  /** B lines: the transfer to the aided region's partner (G5). */
  ApplicationForms transferAmount(String v) {
    funding.put("transferAmount", v);
    return this;
  }

  /** B lines: the PI's days on site per year. */
  ApplicationForms onsiteDays(int days) {
    period.put("onsiteDays", days);
    return this;
  }

  ApplicationForms partnerCode(String v) {
    partner.put("code", v);
    return this;
  }

  ApplicationForms partnerName(String v) {
    partner.put("name", v);
    return this;
  }

  ApplicationForms partnerCountry(String v) {
    partner.put("country", v);
    return this;
  }

  ApplicationForms foreignReference(String v) {
    partner.put("foreignReference", v);
    return this;
  }

  ApplicationForms foreignDate(String v) {
    partner.put("foreignDate", v);
    return this;
  }

  ApplicationForms period(String startMonth, String endMonth) {
    period.put("startMonth", startMonth);
    period.put("endMonth", endMonth);
    return this;
  }

  ApplicationForms subsidy(String v) {
    funding.put("subsidy", v);
    return this;
  }

  ApplicationForms selfFunds(String v) {
    funding.put("selfFunds", v);
    return this;
  }

  ApplicationForms budget(String category, String amount) {
    budget.put(category, amount);
    return this;
  }

  ApplicationForms target(String code, int declared) {
    targets.put(code, declared);
    return this;
  }

  /** Replaces the team. */
  ApplicationForms team(Member... members) {
    team.clear();
    team.addAll(List.of(members));
    return this;
  }

  ApplicationForms member(Member m) {
    team.add(m);
    return this;
  }

  ApplicationForms domesticPartner(String name) {
    domesticPartners.add(name);
    return this;
  }

  ApplicationForms texts(
      String basis,
      String content,
      String route,
      String cooperation,
      String outcomes,
      String indicators) {
    texts.put("basis", basis);
    texts.put("content", content);
    texts.put("route", route);
    texts.put("cooperation", cooperation);
    texts.put("outcomes", outcomes);
    texts.put("indicators", indicators);
    return this;
  }

  /** The form as REST's JSON. */
  String json() {
    JsonObjectBuilder o = Json.createObjectBuilder().add("version", version);
    if (!project.isEmpty()) {
      o.add("project", Json.createObjectBuilder(project));
    }
    if (!partner.isEmpty()) {
      o.add("partner", Json.createObjectBuilder(partner));
    }
    if (!period.isEmpty()) {
      o.add("period", Json.createObjectBuilder(period));
    }
    if (!funding.isEmpty() || !budget.isEmpty()) {
      JsonObjectBuilder f = Json.createObjectBuilder(funding);
      if (!budget.isEmpty()) {
        f.add("budget", Json.createObjectBuilder(new LinkedHashMap<String, Object>(budget)));
      }
      o.add("funding", f);
    }
    if (!targets.isEmpty()) {
      o.add("targets", Json.createObjectBuilder(new LinkedHashMap<String, Object>(targets)));
    }
    if (!team.isEmpty()) {
      JsonArrayBuilder t = Json.createArrayBuilder();
      for (Member m : team) {
        t.add(
            Json.createObjectBuilder()
                .add("name", m.name())
                .add("idType", m.idType())
                .add("idNumber", m.idNumber())
                .add("unit", m.unit())
                .add("role", m.role())
                .add("months", m.months()));
      }
      o.add("team", t);
    }
    if (!domesticPartners.isEmpty()) {
      o.add("domesticPartners", Json.createArrayBuilder(domesticPartners));
    }
    if (!texts.isEmpty()) {
      o.add("texts", Json.createObjectBuilder(texts));
    }
    return o.build().toString();
  }
}
