package io.hezuo.recommendation.domain;

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

/** R2: a stamped PDF a recommending unit uploaded, bound to the recommended set's hash. */
@Entity
@Table(name = "rec_document")
public class RecommendationDocument {

  /** Why a document no longer counts. */
  public static final String SET_CHANGED = "SET_CHANGED";

  public static final String REPLACED = "REPLACED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false)
  private long callId;

  @Column(name = "recommender_id", nullable = false)
  private long recommenderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DocumentKind kind;

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

  @Column(name = "set_hash", nullable = false, length = 64)
  private String setHash;

  @Column(name = "uploaded_by", nullable = false, length = 60)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "voided_at")
  private Instant voidedAt;

  @Column(name = "void_reason", length = 40)
  private String voidReason;

  protected RecommendationDocument() {}

  public RecommendationDocument(
      long callId,
      long recommenderId,
      DocumentKind kind,
      String fileName,
      byte[] content,
      int pages,
      String sha256,
      String setHash,
      String uploadedBy,
      Instant uploadedAt) {
    this.callId = callId;
    this.recommenderId = recommenderId;
    this.kind = kind;
    this.fileName = fileName;
    this.content = content;
    this.sizeBytes = content.length;
    this.pages = pages;
    this.sha256 = sha256;
    this.setHash = setHash;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public void voidBecause(String reason, Instant at) {
    if (voidedAt == null) {
      this.voidedAt = at;
      this.voidReason = reason;
    }
  }

  public boolean isValid() {
    return voidedAt == null;
  }

  public Long getId() {
    return id;
  }

  public long getCallId() {
    return callId;
  }

  public long getRecommenderId() {
    return recommenderId;
  }

  public DocumentKind getKind() {
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

  public String getSetHash() {
    return setHash;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public Instant getVoidedAt() {
    return voidedAt;
  }

  public String getVoidReason() {
    return voidReason;
  }
}
