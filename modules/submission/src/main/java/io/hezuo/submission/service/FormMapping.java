package io.hezuo.submission.service;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.TeamMemberForm;
import io.hezuo.submission.domain.Application;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The form as typed (strings, as the screen and REST send them) into the application and back:
 * format errors (lengths, amounts, dates, ID documents) are collected as F-… violations; the
 * content's SHA-256 of the receipt.
 */
final class FormMapping {

  private FormMapping() {}

  static void apply(Application a, ApplicationForm f, List<RuleViolation> bad) {
    a.setTitleZh(trim(f.titleZh()));
    a.setTitleEn(trim(f.titleEn()));
    a.setPartnerCode(trim(f.partnerCode()));
    a.setPlatformCode(trim(f.platformCode()));
    a.setBasePlatformId(f.basePlatformId());
    a.setFieldCode(trim(f.fieldCode()));
    a.setDisciplineCode(trim(f.disciplineCode()));
    a.setRegionCode(trim(f.regionCode()));
    a.setTopicCode(trim(f.topicCode()));
    a.setPartnerName(limit(bad, "partnerName", f.partnerName(), 300));
    a.setPartnerCountry(limit(bad, "partnerCountry", f.partnerCountry(), 100));
    a.setPartnerContact(limit(bad, "partnerContact", f.partnerContact(), 300));
    a.setForeignReference(limit(bad, "foreignReference", f.foreignReference(), 100));
    a.setForeignDate(date(bad, "foreignDate", f.foreignDate()));
    a.setStartMonth(limit(bad, "startMonth", f.startMonth(), 7));
    a.setEndMonth(limit(bad, "endMonth", f.endMonth(), 7));
    a.setSubsidy(money(bad, "subsidy", f.subsidy()));
    a.setSelfFunds(money(bad, "selfFunds", f.selfFunds()));
    a.setTransferAmount(money(bad, "transferAmount", f.transferAmount()));
    if (f.onsiteDays() != null && (f.onsiteDays() < 0 || f.onsiteDays() > 366)) {
      bad.add(RuleViolation.error("G5", "onsiteDays", "submission.rule.days"));
    }
    a.setOnsiteDays(f.onsiteDays());
    a.getBudget().clear();
    if (f.budget() != null) {
      for (Map.Entry<String, String> e : new TreeMap<>(f.budget()).entrySet()) {
        Money m = money(bad, "budget_" + e.getKey(), e.getValue());
        if (m != null && e.getKey().length() <= 40) {
          a.getBudget().put(e.getKey(), m);
        }
      }
    }
    a.getTargets().clear();
    if (f.targets() != null) {
      f.targets()
          .forEach(
              (k, v) -> {
                if (v != null && k.length() <= 40) {
                  a.getTargets().put(k, v);
                }
              });
    }
    a.getTeam().clear();
    if (f.team() != null) {
      int i = 0;
      for (io.hezuo.submission.api.TeamMemberForm m : f.team()) {
        if (m == null || (blank(m.name()) && blank(m.idNumber()))) {
          continue;
        }
        String field = "team_" + i++;
        String name = limit(bad, field + "_name", m.name(), 100);
        String unit = limit(bad, field + "_unit", m.unit(), 200);
        String role = limit(bad, field + "_role", m.role(), 100);
        String type = m.idType() == null ? "RESIDENT_ID" : m.idType();
        String number = io.hezuo.directory.api.IdDocuments.normalise(type, m.idNumber());
        if (number.length() > 30) {
          bad.add(RuleViolation.error("F-LEN", field + "_idNumber", "submission.rule.tooLong", 30));
        }
        a.getTeam()
            .add(
                new io.hezuo.submission.domain.TeamMember(
                    name == null ? "" : name,
                    type,
                    number,
                    unit == null ? "" : unit,
                    role,
                    m.months() == null ? 0 : m.months()));
      }
    }
    a.getDomesticPartners().clear();
    if (f.domesticPartners() != null) {
      for (String d : f.domesticPartners()) {
        String t = limit(bad, "domesticPartners", d, 200);
        if (t != null) {
          a.getDomesticPartners().add(t);
        }
      }
    }
    a.setTextBasis(f.textBasis());
    a.setTextContent(f.textContent());
    a.setTextRoute(f.textRoute());
    a.setTextCooperation(f.textCooperation());
    a.setTextOutcomes(f.textOutcomes());
    a.setTextIndicators(f.textIndicators());
    String[][] lengths = {
      {"titleZh", a.getTitleZh(), "200"},
      {"titleEn", a.getTitleEn(), "300"},
      {"partnerCode", a.getPartnerCode(), "20"},
      {"platformCode", a.getPlatformCode(), "40"},
      {"fieldCode", a.getFieldCode(), "40"},
      {"disciplineCode", a.getDisciplineCode(), "10"},
      {"regionCode", a.getRegionCode(), "40"},
      {"topicCode", a.getTopicCode(), "40"},
      {"textBasis", a.getTextBasis(), "30000"},
      {"textContent", a.getTextContent(), "30000"},
      {"textRoute", a.getTextRoute(), "30000"},
      {"textCooperation", a.getTextCooperation(), "30000"},
      {"textOutcomes", a.getTextOutcomes(), "30000"},
      {"textIndicators", a.getTextIndicators(), "30000"}
    };
    for (String[] l : lengths) {
      if (l[1] != null && l[1].length() > Integer.parseInt(l[2])) {
        bad.add(
            RuleViolation.error("F-LEN", l[0], "submission.rule.tooLong", Integer.parseInt(l[2])));
      }
    }
  }

  private static String limit(List<RuleViolation> bad, String field, String v, int max) {
    String t = trim(v);
    if (t != null && t.length() > max) {
      bad.add(RuleViolation.error("F-LEN", field, "submission.rule.tooLong", max));
    }
    return t;
  }

  private static Money money(List<RuleViolation> bad, String field, String v) {
    String t = trim(v);
    if (t == null) {
      return null;
    }
    try {
      Money m = Money.of(t.replace(",", ""));
      if (m.amount().abs().compareTo(new java.math.BigDecimal("9999999999999.99")) > 0) {
        throw new IllegalArgumentException("too large");
      }
      return m;
    } catch (IllegalArgumentException e) {
      bad.add(RuleViolation.error("F-MONEY", field, "kernel.money.invalid"));
      return null;
    }
  }

  private static LocalDate date(List<RuleViolation> bad, String field, String v) {
    String t = trim(v);
    if (t == null) {
      return null;
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      bad.add(RuleViolation.error("F-DATE", field, "submission.rule.date"));
      return null;
    }
  }

  static String contentHash(Application a) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("line", a.getLineCode());
    c.put("pi", a.getPiIdType() + ":" + a.getPiIdNumber());
    c.put("titleZh", a.getTitleZh());
    c.put("titleEn", a.getTitleEn());
    c.put("partner", a.getPartnerCode() + "|" + a.getPartnerName() + "|" + a.getPartnerCountry());
    c.put(
        "choice",
        a.getPlatformCode()
            + "|"
            + a.getBasePlatformId()
            + "|"
            + a.getFieldCode()
            + "|"
            + a.getRegionCode()
            + "|"
            + a.getTopicCode()
            // after the choices, and only when given: the receipts of earlier applications still
            // match
            + (a.getDisciplineCode() == null ? "" : "|" + a.getDisciplineCode()));
    c.put("period", a.getStartMonth() + "/" + a.getEndMonth());
    c.put("money", a.getSubsidy() + "|" + a.getSelfFunds() + "|" + a.getTransferAmount());
    c.put("budget", new TreeMap<>(a.getBudget()).toString());
    c.put("targets", new TreeMap<>(a.getTargets()).toString());
    c.put(
        "team",
        a.getTeam().stream()
            .map(
                m ->
                    m.getName()
                        + "|"
                        + m.getIdType()
                        + ":"
                        + m.getIdNumber()
                        + "|"
                        + m.getUnit()
                        + "|"
                        + m.getRole()
                        + "|"
                        + m.getMonths())
            .toList()
            .toString());
    c.put("domestic", a.getDomesticPartners().toString());
    c.put(
        "texts",
        String.join(
            "\u0000",
            String.valueOf(a.getTextBasis()),
            String.valueOf(a.getTextContent()),
            String.valueOf(a.getTextRoute()),
            String.valueOf(a.getTextCooperation()),
            String.valueOf(a.getTextOutcomes()),
            String.valueOf(a.getTextIndicators())));
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(c.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The form as the application holds it (what the screen and REST show). */
  static ApplicationForm form(Application a) {
    Map<String, String> budget = new LinkedHashMap<>();
    a.getBudget().forEach((k, v) -> budget.put(k, v == null ? null : v.toString()));
    return new ApplicationForm(
        a.getVersion(),
        new ApplicationForm.Project(
            a.getTitleZh(),
            a.getTitleEn(),
            a.getDisciplineCode(),
            a.getPlatformCode(),
            a.getBasePlatformId(),
            a.getFieldCode(),
            a.getRegionCode(),
            a.getTopicCode()),
        new ApplicationForm.Partner(
            a.getPartnerCode(),
            a.getPartnerName(),
            a.getPartnerCountry(),
            a.getPartnerContact(),
            a.getForeignReference(),
            a.getForeignDate() == null ? null : a.getForeignDate().toString()),
        new ApplicationForm.Period(a.getStartMonth(), a.getEndMonth(), a.getOnsiteDays()),
        new ApplicationForm.Funding(
            str(a.getSubsidy()), str(a.getSelfFunds()), str(a.getTransferAmount()), budget),
        new LinkedHashMap<>(a.getTargets()),
        a.getTeam().stream()
            .map(
                m ->
                    new TeamMemberForm(
                        m.getName(),
                        m.getIdType(),
                        m.getIdNumber(),
                        m.getUnit(),
                        m.getRole(),
                        m.getMonths()))
            .toList(),
        List.copyOf(a.getDomesticPartners()),
        new ApplicationForm.Texts(
            a.getTextBasis(),
            a.getTextContent(),
            a.getTextRoute(),
            a.getTextCooperation(),
            a.getTextOutcomes(),
            a.getTextIndicators()));
  }

  private static String str(Money m) {
    return m == null ? null : m.toString();
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
