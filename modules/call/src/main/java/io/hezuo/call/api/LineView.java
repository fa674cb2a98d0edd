package io.hezuo.call.api;

import io.hezuo.kernel.money.Money;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A programme line of a call (A1, A2.1, A2.2, A2.3, A3, B1…B4) with everything an application is
 * checked against: cap, duration, who may apply, allocation, quota, requirements, and the line's
 * partners (A1), platforms (A2), fields (A3), aided regions and topics with minimum targets (B).
 */
public record LineView(
    long id,
    String code,
    String groupCode,
    Category category,
    Text groupName,
    Text name,
    @JsonbTypeAdapter(MoneyJsonAdapter.class) Money cap,
    int maxDurationMonths,
    ApplicantRule applicantRule,
    Set<UnitType> unitTypes,
    Allocation allocation,
    QuotaKind quotaKind,
    String quotaGroup,
    Integer quotaLimit,
    boolean whiteListExempt,
    boolean requiresCooperationAgreement,
    boolean requiresAidHqLetter,
    boolean requiresLocalPartnerAgreement,
    BigDecimal maxTransferPercent,
    Integer minOnSiteDaysPerYear,
    Text content,
    Text targets,
    Text applicants,
    Text requirements,
    long version,
    List<PartnerView> partners,
    List<PlatformView> platforms,
    List<FieldView> fields,
    List<RegionView> regions,
    List<TopicView> topics)
    implements Serializable {

  public LineView {
    unitTypes = Set.copyOf(unitTypes);
    partners = List.copyOf(partners);
    platforms = List.copyOf(platforms);
    fields = List.copyOf(fields);
    regions = List.copyOf(regions);
    topics = List.copyOf(topics);
  }

  /** G6: the subsidy asked for is within the cap (the cap itself is allowed); see LineRules. */
  public boolean capAllows(Money subsidy) {
    return io.hezuo.call.domain.LineRules.capAllows(cap, subsidy);
  }

  /** G6: the duration is positive and at most the line's maximum; see LineRules. */
  public boolean durationAllows(int months) {
    return io.hezuo.call.domain.LineRules.durationAllows(maxDurationMonths, months);
  }

  /** G6: the unit type may apply (A1: this is the lead unit's type); see LineRules. */
  public boolean allowsUnitType(UnitType type) {
    return io.hezuo.call.domain.LineRules.allowsUnitType(unitTypes, type);
  }

  /** G5: the transfer to the aided region's partner is within the line's share of the subsidy. */
  public boolean transferAllowed(Money transfer, Money subsidy) {
    return maxTransferPercent == null
        ? transfer.amount().signum() == 0
        : transfer.isAtMostPercentOf(maxTransferPercent, subsidy);
  }

  public Optional<TopicView> topic(String topicCode) {
    return topics.stream().filter(t -> t.code().equals(topicCode)).findFirst();
  }

  public Optional<PartnerView> partner(String partnerCode) {
    return partners.stream().filter(p -> p.code().equals(partnerCode)).findFirst();
  }

  public Optional<PlatformView> platform(String platformCode) {
    return platforms.stream().filter(p -> p.code().equals(platformCode)).findFirst();
  }

  /** The code usable in an HTML id or a Faces component id: {@code A2.1 → A2_1}. */
  public String htmlId() {
    return htmlId(code);
  }

  public static String htmlId(String lineCode) {
    return lineCode.replace('.', '_');
  }
}
