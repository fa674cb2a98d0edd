package io.hezuo.submission.api;

import java.util.Map;

/**
 * What the PI types into the form (and what REST accepts): amounts as plain decimal strings in CNY,
 * months as {@code yyyy-MM}, the foreign submission date as {@code yyyy-MM-dd}. {@code version} is
 * the version the PI edited (optimistic locking). {@code basePlatformId}: the white-listed platform
 * base of the applying unit the project relies on (G1), null for A1.
 */
public record ApplicationForm(
    long version,
    String titleZh,
    String titleEn,
    String partnerCode,
    String platformCode,
    String fieldCode,
    String regionCode,
    String topicCode,
    String partnerName,
    String partnerCountry,
    String partnerContact,
    String foreignReference,
    String foreignDate,
    String startMonth,
    String endMonth,
    String subsidy,
    String selfFunds,
    String transferAmount,
    Integer onsiteDays,
    Map<String, String> budget,
    Map<String, Integer> targets,
    java.util.List<TeamMemberForm> team,
    java.util.List<String> domesticPartners,
    String textBasis,
    String textContent,
    String textRoute,
    String textCooperation,
    String textOutcomes,
    String textIndicators,
    Long basePlatformId) {}
