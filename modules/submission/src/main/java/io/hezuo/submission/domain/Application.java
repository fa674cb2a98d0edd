package io.hezuo.submission.domain;

import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.money.MoneyConverter;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.submission.api.ApplicationStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An application (申报书) of one PI to one line of a call. */
@Entity
@Table(name = "sub_application")
public class Application {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false)
  private long callId;

  @Column(name = "line_code", nullable = false, length = 10)
  private String lineCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ApplicationStatus status = ApplicationStatus.DRAFT;

  @Column(name = "pi_username", nullable = false, length = 60)
  private String piUsername;

  @Column(name = "pi_person_id")
  private Long piPersonId;

  @Column(name = "pi_id_type", length = 20)
  private String piIdType;

  @Column(name = "pi_id_number", length = 30)
  private String piIdNumber;

  @Column(name = "pi_name", length = 100)
  private String piName;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;

  @Column(name = "title_zh", length = 200)
  private String titleZh;

  @Column(name = "title_en", length = 300)
  private String titleEn;

  @Column(name = "partner_code", length = 20)
  private String partnerCode;

  @Column(name = "platform_code", length = 40)
  private String platformCode;

  @Column(name = "base_platform_id")
  private Long basePlatformId;

  @Column(name = "field_code", length = 40)
  private String fieldCode;

  /** The discipline code (学科代码, F06) of every line; null on applications made before it. */
  @Column(name = "discipline_code", length = 10)
  private String disciplineCode;

  @Column(name = "region_code", length = 40)
  private String regionCode;

  @Column(name = "topic_code", length = 40)
  private String topicCode;

  @Column(name = "partner_name", length = 300)
  private String partnerName;

  @Column(name = "partner_country", length = 100)
  private String partnerCountry;

  @Column(name = "partner_contact", length = 300)
  private String partnerContact;

  @Column(name = "foreign_reference", length = 100)
  private String foreignReference;

  @Column(name = "foreign_date")
  private LocalDate foreignDate;

  @Column(name = "start_month", length = 7)
  private String startMonth;

  @Column(name = "end_month", length = 7)
  private String endMonth;

  private Money subsidy;

  @Column(name = "self_funds")
  private Money selfFunds;

  @Column(name = "transfer_amount")
  private Money transferAmount;

  @Column(name = "onsite_days")
  private Integer onsiteDays;

  @Lob
  @Column(name = "text_basis")
  private String textBasis;

  @Lob
  @Column(name = "text_content")
  private String textContent;

  @Lob
  @Column(name = "text_route")
  private String textRoute;

  @Lob
  @Column(name = "text_cooperation")
  private String textCooperation;

  @Lob
  @Column(name = "text_outcomes")
  private String textOutcomes;

  @Lob
  @Column(name = "text_indicators")
  private String textIndicators;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "sub_budget_item", joinColumns = @JoinColumn(name = "application_id"))
  @MapKeyColumn(name = "category", length = 40)
  @Column(name = "amount")
  @Convert(converter = MoneyConverter.class)
  private Map<String, Money> budget = new LinkedHashMap<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "sub_target", joinColumns = @JoinColumn(name = "application_id"))
  @MapKeyColumn(name = "code", length = 40)
  @Column(name = "declared")
  private Map<String, Integer> targets = new LinkedHashMap<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "sub_team_member", joinColumns = @JoinColumn(name = "application_id"))
  @OrderColumn(name = "position")
  private List<TeamMember> team = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "sub_domestic_partner",
      joinColumns = @JoinColumn(name = "application_id"))
  @OrderColumn(name = "position")
  @Column(name = "name", length = 200)
  private List<String> domesticPartners = new ArrayList<>();

  @Column(name = "acceptance_no", length = 40)
  private String acceptanceNo;

  @Column(name = "content_sha256", length = 64)
  private String contentSha256;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "warnings", columnDefinition = "TEXT")
  private String warnings;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Application() {}

  public Application(
      long callId, String lineCode, String piUsername, long organisationId, Instant now) {
    this.callId = callId;
    this.lineCode = lineCode;
    this.piUsername = piUsername;
    this.organisationId = organisationId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The PI as the directory knows them, by ID document. */
  public void setPi(Long personId, String idType, String idNumber, String name) {
    this.piPersonId = personId;
    this.piIdType = idType;
    this.piIdNumber = idNumber;
    this.piName = name;
  }

  /** Months from the start month to the end month, both included; null when either is missing. */
  public Integer durationMonths() {
    try {
      java.time.YearMonth s = java.time.YearMonth.parse(startMonth);
      java.time.YearMonth e = java.time.YearMonth.parse(endMonth);
      return (int) (s.until(e, java.time.temporal.ChronoUnit.MONTHS) + 1);
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** Sum of the budget lines. */
  public Money budgetTotal() {
    Money total = Money.ZERO;
    for (Money m : budget.values()) {
      if (m != null) {
        total = total.plus(m);
      }
    }
    return total;
  }

  // ---- the state machine: one method per transition, each checking the current status --------

  /**
   * The PI submits (a draft, or an application the unit or the recommender returned): the server's
   * checks passed before; records the acceptance number, the content's SHA-256 and the warnings.
   */
  public void submit(String acceptanceNo, String sha256, Instant at, String warnings) {
    require(
        "submit",
        "submission.rule.notEditable",
        ApplicationStatus.DRAFT,
        ApplicationStatus.RETURNED,
        ApplicationStatus.RECOMMENDER_RETURNED);
    this.acceptanceNo = acceptanceNo;
    this.contentSha256 = sha256;
    this.submittedAt = at;
    this.warnings = warnings;
    move(ApplicationStatus.SUBMITTED, at);
  }

  /**
   * The PI withdraws an application the unit has not confirmed (D1: only while the PI's window, or
   * the unit's extension, is open).
   */
  public void withdraw(Deadlines deadlines, Instant at) {
    require(
        "withdraw",
        "submission.rule.cannotWithdraw",
        ApplicationStatus.DRAFT,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.RETURNED,
        ApplicationStatus.RECOMMENDER_RETURNED);
    refuse(deadlines.withdraw(at));
    move(ApplicationStatus.WITHDRAWN, at);
  }

  /** The applying unit confirms a submitted application (D1: until the recommendation deadline). */
  public void confirmByUnit(Deadlines deadlines, Instant at) {
    require("confirmByUnit", null, ApplicationStatus.SUBMITTED);
    refuse(deadlines.confirm(at));
    move(ApplicationStatus.CONFIRMED, at);
  }

  /**
   * The applying unit returns a submitted application to its PI, with a reason (D1: while the PI
   * could still submit again).
   */
  public void returnToPi(Deadlines deadlines, Instant at, String reason) {
    require("returnToPi", null, ApplicationStatus.SUBMITTED);
    refuse(deadlines.returnToPi(at));
    requireReason(reason);
    move(ApplicationStatus.RETURNED, at);
  }

  /** The recommending unit recommends a confirmed application (its quota is its own rule, R1). */
  public void markRecommended(Instant at) {
    require("markRecommended", null, ApplicationStatus.CONFIRMED);
    move(ApplicationStatus.RECOMMENDED, at);
  }

  /** The recommending unit does not recommend a confirmed application, with a reason. */
  public void markNotRecommended(Instant at, String reason) {
    require("markNotRecommended", null, ApplicationStatus.CONFIRMED);
    requireReason(reason);
    move(ApplicationStatus.NOT_RECOMMENDED, at);
  }

  /**
   * The recommending unit returns a confirmed application for correction, with a reason; the PI may
   * edit and submit it again (and the unit confirm it again).
   */
  public void returnByRecommender(Deadlines deadlines, Instant at, String reason) {
    require("returnByRecommender", null, ApplicationStatus.CONFIRMED);
    refuse(deadlines.returnByRecommender(at));
    requireReason(reason);
    move(ApplicationStatus.RECOMMENDER_RETURNED, at);
  }

  /**
   * The recommending unit takes back its decision (recommended or not) before it submits its
   * recommendation: the application is confirmed again and waits for a new decision.
   */
  public void reconsider(Instant at) {
    require("reconsider", null, ApplicationStatus.RECOMMENDED, ApplicationStatus.NOT_RECOMMENDED);
    move(ApplicationStatus.CONFIRMED, at);
  }

  /** Formal review passes a recommended application. */
  public void markFormallyPassed(Instant at) {
    require("markFormallyPassed", null, ApplicationStatus.RECOMMENDED);
    move(ApplicationStatus.FORMAL_PASSED, at);
  }

  /** Formal review fails a recommended application, with the reason (the rule ids). */
  public void markFormallyFailed(Instant at, String reason) {
    require("markFormallyFailed", null, ApplicationStatus.RECOMMENDED);
    requireReason(reason);
    move(ApplicationStatus.FORMAL_FAILED, at);
  }

  /** The Department approves (立项) an application that passed formal review and was scored. */
  public void markApproved(Instant at) {
    require("markApproved", null, ApplicationStatus.FORMAL_PASSED);
    move(ApplicationStatus.APPROVED, at);
  }

  /** The Department does not approve an application that passed formal review, with a reason. */
  public void markNotApproved(Instant at, String reason) {
    require("markNotApproved", null, ApplicationStatus.FORMAL_PASSED);
    requireReason(reason);
    move(ApplicationStatus.NOT_APPROVED, at);
  }

  private void require(String transition, String key, ApplicationStatus... allowed) {
    if (!Set.of(allowed).contains(status)) {
      throw key == null
          ? new TransitionRefusedException(transition, status)
          : new TransitionRefusedException(transition, status, key);
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "reason", "submission.rule.reasonRequired"));
    }
  }

  private static void refuse(Optional<RuleViolation> broken) {
    if (broken.isPresent()) {
      throw new RuleViolationException(broken.get());
    }
  }

  private void move(ApplicationStatus next, Instant at) {
    this.status = next;
    this.updatedAt = at;
  }

  public void touch(Instant at) {
    this.updatedAt = at;
  }

  // plain accessors

  public Long getId() {
    return id;
  }

  public long getCallId() {
    return callId;
  }

  public String getLineCode() {
    return lineCode;
  }

  public void setLineCode(String lineCode) {
    this.lineCode = lineCode;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public String getPiUsername() {
    return piUsername;
  }

  public Long getPiPersonId() {
    return piPersonId;
  }

  public String getPiIdType() {
    return piIdType;
  }

  public String getPiIdNumber() {
    return piIdNumber;
  }

  public String getPiName() {
    return piName;
  }

  public long getOrganisationId() {
    return organisationId;
  }

  public String getTitleZh() {
    return titleZh;
  }

  public void setTitleZh(String titleZh) {
    this.titleZh = titleZh;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String titleEn) {
    this.titleEn = titleEn;
  }

  public String getPartnerCode() {
    return partnerCode;
  }

  public void setPartnerCode(String partnerCode) {
    this.partnerCode = partnerCode;
  }

  public Long getBasePlatformId() {
    return basePlatformId;
  }

  public void setBasePlatformId(Long basePlatformId) {
    this.basePlatformId = basePlatformId;
  }

  public String getPlatformCode() {
    return platformCode;
  }

  public void setPlatformCode(String platformCode) {
    this.platformCode = platformCode;
  }

  public String getFieldCode() {
    return fieldCode;
  }

  public void setFieldCode(String fieldCode) {
    this.fieldCode = fieldCode;
  }

  public String getDisciplineCode() {
    return disciplineCode;
  }

  public void setDisciplineCode(String disciplineCode) {
    this.disciplineCode = disciplineCode;
  }

  public String getRegionCode() {
    return regionCode;
  }

  public void setRegionCode(String regionCode) {
    this.regionCode = regionCode;
  }

  public String getTopicCode() {
    return topicCode;
  }

  public void setTopicCode(String topicCode) {
    this.topicCode = topicCode;
  }

  public String getPartnerName() {
    return partnerName;
  }

  public void setPartnerName(String partnerName) {
    this.partnerName = partnerName;
  }

  public String getPartnerCountry() {
    return partnerCountry;
  }

  public void setPartnerCountry(String partnerCountry) {
    this.partnerCountry = partnerCountry;
  }

  public String getPartnerContact() {
    return partnerContact;
  }

  public void setPartnerContact(String partnerContact) {
    this.partnerContact = partnerContact;
  }

  public String getForeignReference() {
    return foreignReference;
  }

  public void setForeignReference(String foreignReference) {
    this.foreignReference = foreignReference;
  }

  public LocalDate getForeignDate() {
    return foreignDate;
  }

  public void setForeignDate(LocalDate foreignDate) {
    this.foreignDate = foreignDate;
  }

  public String getStartMonth() {
    return startMonth;
  }

  public void setStartMonth(String startMonth) {
    this.startMonth = startMonth;
  }

  public String getEndMonth() {
    return endMonth;
  }

  public void setEndMonth(String endMonth) {
    this.endMonth = endMonth;
  }

  public Money getSubsidy() {
    return subsidy;
  }

  public void setSubsidy(Money subsidy) {
    this.subsidy = subsidy;
  }

  public Money getSelfFunds() {
    return selfFunds;
  }

  public void setSelfFunds(Money selfFunds) {
    this.selfFunds = selfFunds;
  }

  public Money getTransferAmount() {
    return transferAmount;
  }

  public void setTransferAmount(Money transferAmount) {
    this.transferAmount = transferAmount;
  }

  public Integer getOnsiteDays() {
    return onsiteDays;
  }

  public void setOnsiteDays(Integer onsiteDays) {
    this.onsiteDays = onsiteDays;
  }

  public String getTextBasis() {
    return textBasis;
  }

  public void setTextBasis(String textBasis) {
    this.textBasis = textBasis;
  }

  public String getTextContent() {
    return textContent;
  }

  public void setTextContent(String textContent) {
    this.textContent = textContent;
  }

  public String getTextRoute() {
    return textRoute;
  }

  public void setTextRoute(String textRoute) {
    this.textRoute = textRoute;
  }

  public String getTextCooperation() {
    return textCooperation;
  }

  public void setTextCooperation(String textCooperation) {
    this.textCooperation = textCooperation;
  }

  public String getTextOutcomes() {
    return textOutcomes;
  }

  public void setTextOutcomes(String textOutcomes) {
    this.textOutcomes = textOutcomes;
  }

  public String getTextIndicators() {
    return textIndicators;
  }

  public void setTextIndicators(String textIndicators) {
    this.textIndicators = textIndicators;
  }

  public Map<String, Money> getBudget() {
    return budget;
  }

  public Map<String, Integer> getTargets() {
    return targets;
  }

  public List<TeamMember> getTeam() {
    return team;
  }

  public List<String> getDomesticPartners() {
    return domesticPartners;
  }

  public String getAcceptanceNo() {
    return acceptanceNo;
  }

  public String getContentSha256() {
    return contentSha256;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getWarnings() {
    return warnings;
  }

  /** The warnings recorded at submission, in their order; none before. */
  public List<RecordedWarning> recordedWarnings() {
    return RecordedWarning.decode(warnings);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
