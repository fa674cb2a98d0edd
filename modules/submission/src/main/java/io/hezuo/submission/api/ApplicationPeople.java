package io.hezuo.submission.api;

import java.io.Serializable;
import java.util.List;

/**
 * An application's people and units as the conflict-of-interest rules of expert scoring read them:
 * its PI (ID document number and name), its applying unit (by organisation id), its domestic
 * cooperating units (names as typed), its team members (name, ID document number, unit as typed),
 * and what the assignment of experts needs (line, A3's field of cooperation, the discipline code of
 * every line, title, acceptance number).
 */
public record ApplicationPeople(
    long id,
    long callId,
    String lineCode,
    String status,
    String acceptanceNo,
    String titleZh,
    String titleEn,
    String fieldCode,
    String disciplineCode,
    long organisationId,
    String piIdNumber,
    String piName,
    List<String> domesticPartners,
    List<TeamMemberForm> team)
    implements Serializable {

  public ApplicationPeople {
    domesticPartners = domesticPartners == null ? List.of() : List.copyOf(domesticPartners);
    team = team == null ? List.of() : List.copyOf(team);
  }
}
