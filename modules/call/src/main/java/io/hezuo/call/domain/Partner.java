package io.hezuo.call.domain;

import io.hezuo.call.api.PartnerView;
import io.hezuo.call.api.SubmissionMode;
import io.hezuo.call.api.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An A1 partner country or region, its agency and deadline. Read-only catalogue data. */
@Entity
@Table(name = "call_partner")
class Partner {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false, updatable = false)
  private Long callId;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "line_id", nullable = false, updatable = false)
  private Line line;

  @Column(name = "code", nullable = false)
  private String code;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Column(name = "name_zh")
  private String nameZh;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "fields_zh")
  private String fieldsZh;

  @Column(name = "fields_en")
  private String fieldsEn;

  @Column(name = "agency_zh")
  private String agencyZh;

  @Column(name = "agency_en")
  private String agencyEn;

  @Column(name = "agency_url")
  private String agencyUrl;

  @Column(name = "foreign_deadline")
  private LocalDate foreignDeadline;

  @Column(name = "foreign_deadline_tba", nullable = false)
  private boolean foreignDeadlineTba;

  @Enumerated(EnumType.STRING)
  @Column(name = "submission_mode", nullable = false)
  private SubmissionMode submissionMode;

  @Column(name = "note_zh")
  private String noteZh;

  @Column(name = "note_en")
  private String noteEn;

  protected Partner() {}

  PartnerView toView() {
    return new PartnerView(
        code,
        new Text(nameZh, nameEn),
        new Text(fieldsZh, fieldsEn),
        Text.of(agencyZh, agencyEn),
        agencyUrl,
        foreignDeadline,
        foreignDeadlineTba,
        submissionMode,
        Text.of(noteZh, noteEn));
  }
}
