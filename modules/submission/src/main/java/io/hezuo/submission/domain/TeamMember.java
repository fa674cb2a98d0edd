package io.hezuo.submission.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A member of the project team, known by an identity document. */
@Embeddable
public class TeamMember {

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "id_type", nullable = false, length = 20)
  private String idType;

  @Column(name = "id_number", nullable = false, length = 30)
  private String idNumber;

  @Column(name = "unit", nullable = false, length = 200)
  private String unit;

  @Column(name = "role", length = 100)
  private String role;

  @Column(name = "months", nullable = false)
  private int months;

  protected TeamMember() {}

  public TeamMember(
      String name, String idType, String idNumber, String unit, String role, int months) {
    this.name = name;
    this.idType = idType;
    this.idNumber = idNumber;
    this.unit = unit;
    this.role = role;
    this.months = months;
  }

  public String getName() {
    return name;
  }

  public String getIdType() {
    return idType;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public String getUnit() {
    return unit;
  }

  public String getRole() {
    return role;
  }

  public int getMonths() {
    return months;
  }
}
