package io.hezuo.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A person, known by an identity document (type and number), never by name alone. */
@Entity
@Table(name = "dir_person")
public class Person {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "id_type", nullable = false, length = 20)
  private IdDocumentType idType;

  @Column(name = "id_number", nullable = false, length = 30)
  private String idNumber;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Column(length = 30)
  private String phone;

  @Column(length = 200)
  private String email;

  @Column(name = "organisation_id")
  private Long organisationId;

  @Version private long version;

  protected Person() {}

  public Person(
      String name,
      IdDocumentType idType,
      String idNumber,
      String phone,
      String email,
      Long organisationId) {
    this.name = name;
    this.idType = idType;
    this.idNumber = idType.normalise(idNumber);
    this.phone = phone;
    this.email = email;
    this.organisationId = organisationId;
    this.birthDate = idType.birthDate(this.idNumber).orElse(null);
  }

  /**
   * The details of an approved registration replace those of an earlier one for the same document
   * (a rejected or abandoned registration may have typed anything).
   */
  public void correct(String name, String phone, String email, Long organisationId) {
    if (name != null && !name.isBlank()) {
      this.name = name;
    }
    this.phone = phone;
    this.email = email;
    this.organisationId = organisationId;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public IdDocumentType getIdType() {
    return idType;
  }

  public String getIdNumber() {
    return idNumber;
  }

  /**
   * The number with its middle hidden, for lists: 330106********0017, E4*****48 (see {@link
   * IdDocumentType#mask}).
   */
  public String getMaskedIdNumber() {
    return idType == null ? IdDocumentType.maskAny(idNumber) : idType.mask(idNumber);
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public Long getOrganisationId() {
    return organisationId;
  }
}
