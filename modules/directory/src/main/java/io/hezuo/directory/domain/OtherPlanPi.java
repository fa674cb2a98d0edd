package io.hezuo.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A principal investigator on the imported applicant list of another provincial plan or of the
 * provincial Natural Science Foundation for a year (G2), known by ID document. Rows are only ever
 * replaced by a later import of the same year and kind, never edited.
 */
@Entity
@Table(name = "dir_other_plan_pi")
public class OtherPlanPi {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The list's year (column {@code year}; the field avoids the JPQL date-part word YEAR). */
  @Column(name = "year", nullable = false)
  private int planYear;

  @Enumerated(EnumType.STRING)
  @Column(name = "plan_kind", nullable = false, length = 20)
  private OtherPlanKind planKind;

  @Column(name = "plan_name", nullable = false, length = 100)
  private String planName;

  @Column(name = "project_title", nullable = false, length = 300)
  private String projectTitle;

  @Enumerated(EnumType.STRING)
  @Column(name = "id_type", nullable = false, length = 20)
  private IdDocumentType idType;

  @Column(name = "id_number", nullable = false, length = 30)
  private String idNumber;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "unit_name", length = 200)
  private String unitName;

  @Column(name = "import_batch", nullable = false, length = 36)
  private String importBatch;

  @Column(length = 255)
  private String source;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @Column(name = "imported_by", nullable = false, length = 60)
  private String importedBy;

  protected OtherPlanPi() {}

  /** A row of an import; the ID number is stored normalised (trimmed, upper case). */
  public OtherPlanPi(
      OtherPlansWorkbook.PiRow row, String batch, String source, Instant at, String by) {
    this.planYear = row.year();
    this.planKind = row.planKind();
    this.planName = row.planName();
    this.projectTitle = row.projectTitle();
    this.idType = row.idType();
    this.idNumber = row.idType().normalise(row.idNumber());
    this.name = row.name();
    this.unitName = row.unitName();
    this.importBatch = batch;
    this.source = source;
    this.importedAt = at;
    this.importedBy = by;
  }

  public Long getId() {
    return id;
  }

  public int getYear() {
    return planYear;
  }

  public OtherPlanKind getPlanKind() {
    return planKind;
  }

  public String getPlanName() {
    return planName;
  }

  public String getProjectTitle() {
    return projectTitle;
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

  public String getUnitName() {
    return unitName;
  }

  public String getImportBatch() {
    return importBatch;
  }

  public String getSource() {
    return source;
  }

  public Instant getImportedAt() {
    return importedAt;
  }

  public String getImportedBy() {
    return importedBy;
  }

  /** The ID number as lists show it (see {@link IdDocumentType#mask}): 330106********0013. */
  public String getMaskedIdNumber() {
    return idType == null ? IdDocumentType.maskAny(idNumber) : idType.mask(idNumber);
  }

  /**
   * An ID number of unknown type as lists show it: 6 and 4 characters kept from 15 characters on
   * (330106********0013), otherwise the first and last 2 (E1*****78); short ones mostly stars.
   */
  public static String mask(String number) {
    return IdDocumentType.maskAny(number);
  }
}
