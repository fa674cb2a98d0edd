package io.hezuo.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member of a white-listed platform, known by ID document (type and number), as G1 checks. */
@Entity
@Table(name = "dir_platform_member")
public class PlatformMember {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "platform_id", nullable = false)
  private long platformId;

  @Enumerated(EnumType.STRING)
  @Column(name = "id_type", nullable = false, length = 20)
  private IdDocumentType idType;

  @Column(name = "id_number", nullable = false, length = 30)
  private String idNumber;

  @Column(nullable = false, length = 100)
  private String name;

  protected PlatformMember() {}

  public PlatformMember(long platformId, IdDocumentType idType, String idNumber, String name) {
    this.platformId = platformId;
    this.idType = idType;
    this.idNumber = idType.normalise(idNumber);
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public long getPlatformId() {
    return platformId;
  }

  public IdDocumentType getIdType() {
    return idType;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public String getName() {
    return name;
  }
}
