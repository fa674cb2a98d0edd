package io.hezuo.submission.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A PDF attached to an application, checked by content and kept with its SHA-256. */
@Entity
@Table(name = "sub_attachment")
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private AttachmentKind kind;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private int pages;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by", nullable = false, length = 60)
  private String uploadedBy;

  protected Attachment() {}

  public Attachment(
      long applicationId,
      AttachmentKind kind,
      String fileName,
      byte[] content,
      int pages,
      String sha256,
      String uploadedBy,
      Instant at) {
    this.applicationId = applicationId;
    this.kind = kind;
    this.fileName = fileName;
    this.content = content;
    this.sizeBytes = content.length;
    this.pages = pages;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public AttachmentKind getKind() {
    return kind;
  }

  public String getFileName() {
    return fileName;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public int getPages() {
    return pages;
  }

  public String getSha256() {
    return sha256;
  }

  public byte[] getContent() {
    return content;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }
}
