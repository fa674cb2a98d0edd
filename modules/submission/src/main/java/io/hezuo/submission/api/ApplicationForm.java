package io.hezuo.submission.api;

import java.util.List;
import java.util.Map;

/**
 * What the PI types into the form (and what REST accepts), grouped: the project (titles and the
 * line's choices), the partner, the period, the funding (amounts as plain decimal strings in CNY,
 * the budget lines by category), the declared targets, the team, the domestic cooperating units and
 * the six text sections. Months are {@code yyyy-MM}, the foreign submission date {@code
 * yyyy-MM-dd}. {@code version} is the version the PI edited (optimistic locking). A missing group
 * reads as an empty one (every field null).
 *
 * <p>The flat accessors below ({@link #titleZh()}, {@link #subsidy()}, …) read through the groups
 * for the screens and the PDF; they are not part of the JSON (JSON-B serialises the components).
 */
public record ApplicationForm(
    long version,
    Project project,
    Partner partner,
    Period period,
    Funding funding,
    Map<String, Integer> targets,
    List<TeamMemberForm> team,
    List<String> domesticPartners,
    Texts texts)
    implements java.io.Serializable {

  public ApplicationForm {
    project = project == null ? Project.EMPTY : project;
    partner = partner == null ? Partner.EMPTY : partner;
    period = period == null ? Period.EMPTY : period;
    funding = funding == null ? Funding.EMPTY : funding;
    texts = texts == null ? Texts.EMPTY : texts;
  }

  /**
   * The project: titles, the discipline code (学科代码 of every line, F06; the experts' fit) and the
   * line's choices ({@code basePlatformId}: the white-listed platform base of the applying unit the
   * project relies on, G1; null for A1).
   */
  public record Project(
      String titleZh,
      String titleEn,
      String disciplineCode,
      String platformCode,
      Long basePlatformId,
      String fieldCode,
      String regionCode,
      String topicCode)
      implements java.io.Serializable {
    static final Project EMPTY = new Project(null, null, null, null, null, null, null, null);
  }

  /**
   * The foreign (or, for B lines, local) partner; {@code code} is the catalogue's partner country
   * of A1; the partner's own submission to its agency (G8).
   */
  public record Partner(
      String code,
      String name,
      String country,
      String contact,
      String foreignReference,
      String foreignDate)
      implements java.io.Serializable {
    static final Partner EMPTY = new Partner(null, null, null, null, null, null);
  }

  /** The implementation period and, for B lines, the PI's days on site per year (G5). */
  public record Period(String startMonth, String endMonth, Integer onsiteDays)
      implements java.io.Serializable {
    static final Period EMPTY = new Period(null, null, null);
  }

  /** The money: subsidy, self-raised funds, the transfer to the partner (G5), the budget lines. */
  public record Funding(
      String subsidy, String selfFunds, String transferAmount, Map<String, String> budget)
      implements java.io.Serializable {
    static final Funding EMPTY = new Funding(null, null, null, null);
  }

  /** The six text sections of the 申报书. */
  public record Texts(
      String basis,
      String content,
      String route,
      String cooperation,
      String outcomes,
      String indicators)
      implements java.io.Serializable {
    static final Texts EMPTY = new Texts(null, null, null, null, null, null);
  }

  // ---- flat reads through the groups (screens, PDF) ---------------------------------------------

  public String titleZh() {
    return project.titleZh();
  }

  public String titleEn() {
    return project.titleEn();
  }

  public String disciplineCode() {
    return project.disciplineCode();
  }

  public String platformCode() {
    return project.platformCode();
  }

  public Long basePlatformId() {
    return project.basePlatformId();
  }

  public String fieldCode() {
    return project.fieldCode();
  }

  public String regionCode() {
    return project.regionCode();
  }

  public String topicCode() {
    return project.topicCode();
  }

  public String partnerCode() {
    return partner.code();
  }

  public String partnerName() {
    return partner.name();
  }

  public String partnerCountry() {
    return partner.country();
  }

  public String partnerContact() {
    return partner.contact();
  }

  public String foreignReference() {
    return partner.foreignReference();
  }

  public String foreignDate() {
    return partner.foreignDate();
  }

  public String startMonth() {
    return period.startMonth();
  }

  public String endMonth() {
    return period.endMonth();
  }

  public Integer onsiteDays() {
    return period.onsiteDays();
  }

  public String subsidy() {
    return funding.subsidy();
  }

  public String selfFunds() {
    return funding.selfFunds();
  }

  public String transferAmount() {
    return funding.transferAmount();
  }

  public Map<String, String> budget() {
    return funding.budget();
  }

  public String textBasis() {
    return texts.basis();
  }

  public String textContent() {
    return texts.content();
  }

  public String textRoute() {
    return texts.route();
  }

  public String textCooperation() {
    return texts.cooperation();
  }

  public String textOutcomes() {
    return texts.outcomes();
  }

  public String textIndicators() {
    return texts.indicators();
  }
}
