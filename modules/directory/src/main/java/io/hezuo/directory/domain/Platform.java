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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A platform base on the white list (G1): its name, level, host unit (依托单位, an organisation's id)
 * and fields. A platform missing from a later import is withdrawn ({@code active = false}), never
 * deleted, so that applications that name it keep a valid id.
 */
@Entity
@Table(name = "dir_platform")
public class Platform {

  /** How fields are joined in the database: the full-width semicolon. */
  public static final String FIELD_SEPARATOR = "；";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PlatformLevel level;

  @Column(name = "host_organisation_id", nullable = false)
  private long hostOrganisationId;

  @Column(nullable = false, length = 1000)
  private String fields;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "import_batch", length = 36)
  private String importBatch;

  @Column(length = 255)
  private String source;

  @Column(name = "imported_at")
  private Instant importedAt;

  @Version private long version;

  protected Platform() {}

  public Platform(String name, long hostOrganisationId) {
    this.name = name;
    this.hostOrganisationId = hostOrganisationId;
  }

  /** Puts the platform (back) on the list with what the import says. */
  public void imported(
      PlatformLevel level, List<String> fields, String batch, String source, Instant at) {
    this.level = level;
    this.fields = String.join(FIELD_SEPARATOR, fields);
    this.importBatch = batch;
    this.source = source;
    this.importedAt = at;
    this.active = true;
  }

  /** Takes the platform off the list (it was missing from the latest import). */
  public void withdraw() {
    this.active = false;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public PlatformLevel getLevel() {
    return level;
  }

  public long getHostOrganisationId() {
    return hostOrganisationId;
  }

  public List<String> getFields() {
    return fields == null || fields.isEmpty()
        ? List.of()
        : Arrays.asList(fields.split(FIELD_SEPARATOR));
  }

  public boolean isActive() {
    return active;
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
}
