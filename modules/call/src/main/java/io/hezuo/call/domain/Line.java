package io.hezuo.call.domain;

import io.hezuo.call.api.Allocation;
import io.hezuo.call.api.ApplicantRule;
import io.hezuo.call.api.Category;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.QuotaKind;
import io.hezuo.call.api.Text;
import io.hezuo.call.api.UnitType;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.rule.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A programme line of a call (A1, A2.1 … B4) with its cap, rules and catalogue texts. */
@Entity
@Table(name = "call_line")
public class Line {

  /** Names are VARCHAR(200) in the database. */
  static final int NAME_MAX = 200;

  /** Content texts are TEXT; a generous limit keeps them readable. */
  static final int CONTENT_MAX = 20_000;

  /** DECIMAL(15,2): at most 13 digits before the decimal point. */
  private static final int CAP_INTEGER_DIGITS = 13;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "call_id", nullable = false, updatable = false)
  private Call call;

  @Column(name = "code", nullable = false, updatable = false)
  private String code;

  @Column(name = "group_code", nullable = false)
  private String groupCode;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false)
  private Category category;

  @Column(name = "group_name_zh", nullable = false)
  private String groupNameZh;

  @Column(name = "group_name_en", nullable = false)
  private String groupNameEn;

  @Column(name = "name_zh", nullable = false)
  private String nameZh;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Column(name = "cap", nullable = false, precision = 15, scale = 2)
  private Money cap;

  @Column(name = "max_duration_months", nullable = false)
  private int maxDurationMonths;

  @Enumerated(EnumType.STRING)
  @Column(name = "applicant_rule", nullable = false)
  private ApplicantRule applicantRule;

  @Enumerated(EnumType.STRING)
  @Column(name = "allocation", nullable = false)
  private Allocation allocation;

  @Enumerated(EnumType.STRING)
  @Column(name = "quota_kind", nullable = false)
  private QuotaKind quotaKind;

  @Column(name = "quota_group")
  private String quotaGroup;

  @Column(name = "quota_limit")
  private Integer quotaLimit;

  @Column(name = "white_list_exempt", nullable = false)
  private boolean whiteListExempt;

  @Column(name = "requires_cooperation_agreement", nullable = false)
  private boolean requiresCooperationAgreement;

  @Column(name = "requires_aid_hq_letter", nullable = false)
  private boolean requiresAidHqLetter;

  @Column(name = "requires_local_partner_agreement", nullable = false)
  private boolean requiresLocalPartnerAgreement;

  @Column(name = "max_transfer_percent", precision = 5, scale = 2)
  private BigDecimal maxTransferPercent;

  @Column(name = "min_on_site_days_per_year")
  private Integer minOnSiteDaysPerYear;

  @Column(name = "content_zh", nullable = false)
  private String contentZh;

  @Column(name = "content_en", nullable = false)
  private String contentEn;

  @Column(name = "targets_zh", nullable = false)
  private String targetsZh;

  @Column(name = "targets_en", nullable = false)
  private String targetsEn;

  @Column(name = "applicant_zh", nullable = false)
  private String applicantZh;

  @Column(name = "applicant_en", nullable = false)
  private String applicantEn;

  @Column(name = "requirements_zh", nullable = false)
  private String requirementsZh;

  @Column(name = "requirements_en", nullable = false)
  private String requirementsEn;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "call_line_unit_type", joinColumns = @JoinColumn(name = "line_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "unit_type", nullable = false)
  private Set<UnitType> unitTypes = EnumSet.noneOf(UnitType.class);

  @OneToMany(mappedBy = "line")
  @OrderBy("sortOrder")
  private List<Partner> partners = new ArrayList<>();

  @OneToMany(mappedBy = "line")
  @OrderBy("sortOrder")
  private List<Platform> platforms = new ArrayList<>();

  @OneToMany(mappedBy = "line")
  @OrderBy("sortOrder")
  private List<FocusField> fields = new ArrayList<>();

  @OneToMany(mappedBy = "line")
  @OrderBy("sortOrder")
  private List<Region> regions = new ArrayList<>();

  @OneToMany(mappedBy = "line")
  @OrderBy("sortOrder")
  private List<Topic> topics = new ArrayList<>();

  protected Line() {}

  /** A line in memory (tests); the seeded ones come from the migration. */
  Line(Call call, String code, Category category, Money cap, Set<UnitType> unitTypes) {
    this.call = call;
    this.code = code;
    this.groupCode = code;
    this.category = category;
    this.groupNameZh = code;
    this.groupNameEn = code;
    this.nameZh = code;
    this.nameEn = code;
    this.cap = cap;
    this.maxDurationMonths = 36;
    this.applicantRule = ApplicantRule.LISTED_TYPES;
    this.allocation = Allocation.COMPETITIVE;
    this.quotaKind = QuotaKind.NONE;
    this.contentZh = "";
    this.contentEn = "";
    this.targetsZh = "";
    this.targetsEn = "";
    this.applicantZh = "";
    this.applicantEn = "";
    this.requirementsZh = "";
    this.requirementsEn = "";
    this.unitTypes =
        unitTypes.isEmpty() ? EnumSet.noneOf(UnitType.class) : EnumSet.copyOf(unitTypes);
    if (call != null) {
      call.addLine(this);
    }
  }

  /** G6: the subsidy asked for is within the cap; the cap itself is allowed, a cent more is not. */
  public boolean capAllows(Money subsidy) {
    return LineRules.capAllows(cap, subsidy);
  }

  /** G6: the duration in months is positive and at most the line's maximum (36). */
  public boolean durationAllows(int months) {
    return LineRules.durationAllows(maxDurationMonths, months);
  }

  /** G6: whether a unit of the type may apply (for A1, lead). */
  public boolean allowsUnitType(UnitType type) {
    return LineRules.allowsUnitType(unitTypes, type);
  }

  /**
   * C3: a new cap as typed: a number, greater than zero, with at most two decimals and at most 13
   * digits before the point. Returns the amount or the violation.
   */
  public static Money parseCap(String lineCode, String typed, List<RuleViolation> violations) {
    String t = typed == null ? "" : typed.trim().replace(",", "").replace("，", "");
    BigDecimal amount;
    try {
      amount = new BigDecimal(t);
    } catch (NumberFormatException e) {
      violations.add(capViolation(lineCode, typed));
      return null;
    }
    if (amount.signum() <= 0
        || amount.stripTrailingZeros().scale() > 2
        || amount.precision() - amount.scale() > CAP_INTEGER_DIGITS) {
      violations.add(capViolation(lineCode, typed));
      return null;
    }
    return Money.of(amount);
  }

  /** C3 for an amount that arrives as a number (REST). */
  public static Money checkCap(String lineCode, BigDecimal amount, List<RuleViolation> violations) {
    return parseCap(lineCode, amount == null ? null : amount.toPlainString(), violations);
  }

  private static RuleViolation capViolation(String lineCode, String typed) {
    return RuleViolation.error(
        "C3", "cap", "call.edit.error.cap", lineCode, typed == null ? "" : typed.trim());
  }

  /** C6: names are required and at most 200 characters; contents are required. */
  public static List<RuleViolation> checkTexts(
      String lineCode, String nameZh, String nameEn, String contentZh, String contentEn) {
    List<RuleViolation> v = new ArrayList<>();
    text(v, lineCode, "nameZh", nameZh, NAME_MAX);
    text(v, lineCode, "nameEn", nameEn, NAME_MAX);
    text(v, lineCode, "contentZh", contentZh, CONTENT_MAX);
    text(v, lineCode, "contentEn", contentEn, CONTENT_MAX);
    return v;
  }

  private static void text(
      List<RuleViolation> v, String line, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      v.add(RuleViolation.error("C6", field, "call.edit.error.lineRequired", line));
    } else if (value.strip().length() > max) {
      v.add(RuleViolation.error("C6", field, "call.edit.error.lineTooLong", line, max));
    }
  }

  /**
   * Applies a checked edit and returns the changed fields as {@code [before, after]} text, or empty
   * when nothing changed.
   */
  public Optional<String[]> revise(
      Money newCap, String newNameZh, String newNameEn, String newContentZh, String newContentEn) {
    Changes c = new Changes();
    c.add("cap", cap, newCap);
    c.add("nameZh", nameZh, newNameZh.strip());
    c.add("nameEn", nameEn, newNameEn.strip());
    c.add("contentZh", contentZh, newContentZh.strip());
    c.add("contentEn", contentEn, newContentEn.strip());
    this.cap = newCap;
    this.nameZh = newNameZh.strip();
    this.nameEn = newNameEn.strip();
    this.contentZh = newContentZh.strip();
    this.contentEn = newContentEn.strip();
    return c.result();
  }

  public LineView toView() {
    return new LineView(
        id == null ? 0 : id,
        code,
        groupCode,
        category,
        new Text(groupNameZh, groupNameEn),
        new Text(nameZh, nameEn),
        cap,
        maxDurationMonths,
        applicantRule,
        unitTypes,
        allocation,
        quotaKind,
        quotaGroup,
        quotaLimit,
        whiteListExempt,
        requiresCooperationAgreement,
        requiresAidHqLetter,
        requiresLocalPartnerAgreement,
        maxTransferPercent,
        minOnSiteDaysPerYear,
        new Text(contentZh, contentEn),
        new Text(targetsZh, targetsEn),
        new Text(applicantZh, applicantEn),
        new Text(requirementsZh, requirementsEn),
        version,
        partners.stream().map(Partner::toView).toList(),
        platforms.stream().map(Platform::toView).toList(),
        fields.stream().map(FocusField::toView).toList(),
        regions.stream().map(Region::toView).toList(),
        topics.stream().map(Topic::toView).toList());
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public long getVersion() {
    return version;
  }

  public Money getCap() {
    return cap;
  }
}
